import { createTestDeps } from '../helpers/deps';
import { callerFor } from '../helpers/factories';
import { generateHistory } from './generate';
import { mkdtempSync } from 'node:fs';
const deps = createTestDeps({ file: mkdtempSync('/tmp/ovx-') + '/x.db' });
const h = await generateHistory(deps, Number(process.argv[2] ?? 3));
const sqlite = deps.db.$client;
const orig = sqlite.prepare.bind(sqlite);
let current = '';
const seen = new Map<string, string>();
(sqlite as any).prepare = (s: string) => { if (!seen.has(s)) seen.set(s, current); return orig(s); };
const c = callerFor(deps, h.coordinator), pol = callerFor(deps, h.members.politie![0]!), gem = callerFor(deps, h.members.huizen![0]!), v = callerFor(deps, h.viewers[0]!);
const calls: [string, () => Promise<unknown>][] = [
  ['cases.list', () => c.cases.list({})], ['search', () => c.cases.list({ search: 'Kerkstraat 12' })], ['cases.get', () => gem.cases.get({ id: h.openCaseId })],
  ['tasks.mine', () => pol.tasks.mine()], ['meetings.list', () => c.meetings.list()], ['meetings.get', () => c.meetings.get({ id: h.lastHeldMeetingId })],
  ['minutes.get', () => gem.minutes.get({ meetingId: h.lastHeldMeetingId })], ['dashboard', () => v.dashboard.get()],
  ['prefill', async () => { sqlite.exec('begin'); try { return await c.agenda.prefill({ meetingId: h.nextMeetingId }); } finally { sqlite.exec('rollback'); } }],
  ['reports', () => v.reports.progress({ from: '2025-01-01', to: '2025-12-31' })],
];
for (const [name, fn] of calls) {
  current = name; await fn();
  const t = process.cpuUsage(); for (let i = 0; i < 5; i++) await fn(); const u = process.cpuUsage(t); console.log(name, ((u.user + u.system) / 5000).toFixed(2), "ms cpu");
}
(sqlite as any).prepare = orig;
for (const [s, name] of seen) {
  if (!/^select/i.test(s.trim())) continue;
  let plan: any[];
  try { plan = orig('explain query plan ' + s).all(...new Array((s.match(/\?/g) ?? []).length).fill(null)); } catch (e) { continue; }
  const bad = plan.filter((p) => /SCAN|TEMP B-TREE/.test(p.detail) && !/SCAN CONSTANT|USING (COVERING )?INDEX|SCAN json/.test(p.detail));
  if (bad.length) console.log(`\n[${name}] ${s.slice(0, 300)}\n  ` + plan.map((p) => p.detail).join('\n  '));
}
