// A CPU profile of one call on an N-year history (issue 12): for finding what a slow call spends
// its time on. Not part of `npm run bench`.
//
//   npx tsx test/bench/profile-call.ts --years=10 --call=agenda.prefill --runs=20 --out=/tmp/profile
//
// Calls: agenda.prefill, reports.progress, dashboard, search and the HTTP bench's hot reads (auth.me, cases.list,
// tasks.mine, meetings.get, minutes.get). The profile opens in Chrome DevTools; the
// top self-time functions are printed.
import { Session } from 'node:inspector';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDeps } from '../helpers/deps';
import { callerFor } from '../helpers/factories';
import { generateHistory, type History } from './generate';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, '').split('=');
    return [k!, v ?? 'true'] as const;
  }),
);
const years = Number(args.get('years') ?? 10);
const runs = Number(args.get('runs') ?? 20);
const names = (args.get('call') ?? 'agenda.prefill').split(',');
const dir = mkdtempSync(join(tmpdir(), 'overleg-profile-'));
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
try {
  // --keep=DIR: keep the generated history (database + ids) there and reuse it on the next run.
  // Reused, it is opened with new keys: fine for calls that decrypt nothing.
  const keep = args.get('keep');
  const kept = keep && existsSync(join(keep, `${years}.json`));
  if (kept) copyFileSync(join(keep, `${years}.db`), join(dir, 'bench.db'));
  const deps = createTestDeps({ file: join(dir, 'bench.db') });
  const h = kept ? (JSON.parse(readFileSync(join(keep, `${years}.json`), 'utf8')) as History) : await generateHistory(deps, years);
  if (keep && !kept) {
    deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(join(dir, 'bench.db'), join(keep, `${years}.db`));
    writeFileSync(join(keep, `${years}.json`), JSON.stringify(h));
  }
  if (args.has('pragma')) deps.db.$client.pragma(args.get('pragma')!);
  const sqlite = deps.db.$client;
  const coordinator = callerFor(deps, h.coordinator);
  const viewer = callerFor(deps, h.viewers[0]!);
  const politie = callerFor(deps, h.members.politie![0]!);
  const calls: Record<string, () => Promise<unknown>> = {
    'agenda.prefill': async () => {
      sqlite.exec('begin');
      try {
        return await coordinator.agenda.prefill({ meetingId: h.nextMeetingId });
      } finally {
        sqlite.exec('rollback');
      }
    },
    'reports.progress': () => (deps.clock.advanceMinutes(1), viewer.reports.progress({ from: '2025-12-01', to: '2026-11-30' })),
    dashboard: () => viewer.dashboard.get(),
    'cases.list': () => coordinator.cases.list({}),
    search: () => coordinator.cases.list({ search: 'Kerkstraat 12' }),
    'tasks.mine': () => politie.tasks.mine(),
    'meetings.get': () => coordinator.meetings.get({ id: h.lastHeldMeetingId }),
    'minutes.get': () => coordinator.minutes.get({ meetingId: h.lastHeldMeetingId }),
    'auth.me': () => coordinator.auth.me(),
  };
  // The work of each call, not the read cache (server/read-cache.ts): a row written before each
  // call empties it.
  sqlite.exec('create temp table if not exists bench_writes (n integer)');
  const write = sqlite.prepare('insert into bench_writes values (1)');
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  for (const name of names) {
    const call = calls[name]!;
    for (let i = 0; i < 3; i++) await call();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      write.run();
      const t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
    const { profile } = (await post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    times.sort((a, b) => a - b);
    console.log(`${name} at ${years}×: p50 ${times[Math.floor(runs / 2)]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
    const self = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
      total += n.hitCount ?? 0;
    }
    for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
    if (args.has('out')) writeFileSync(`${args.get('out')!}.${name}.cpuprofile`, JSON.stringify(profile));
  }
  sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
