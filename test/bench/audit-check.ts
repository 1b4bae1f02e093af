// Benchmark of the audit chain check at ten years of data (issue 11 item 7, issue 12): prints
// figures, asserts nothing. `npx tsx test/bench/audit-check.ts` (AUDIT_ROWS to change the size).
//
// Builds an audit log of AUDIT_ROWS rows (default 1.5 million: ten years of one busy team — about
// 400 rows a working day, 40 % of them reads naming one to three betrokkenen) in a temporary file
// database (WAL, like production), chained exactly as appendAudit chains (HMAC with the audit
// key), with one prepared insert inside one transaction. Then measures:
//   - the full check: wall time, peak RSS during it, and the longest event-loop stall
//     (perf_hooks.monitorEventLoopDelay) — the check yields between chunks;
//   - the incremental check after 1,000 new rows (from the checkpoint the full check signed).
import { mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openDb } from '../../db/client';
import { keysFromMaster } from '../../server/privacy/crypto';
import { appendAudit, bindAuditKey, GENESIS, keyedRowHash, subjectsCanonical, type HashedRow } from '../../server/audit';
import { checkAuditChainFull, checkAuditChainIncremental } from '../../server/audit-chain';

const ROWS = Number(process.env.AUDIT_ROWS ?? 1_500_000);
const dir = mkdtempSync(join(tmpdir(), 'overleg-audit-bench-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const ACTIONS = ['case.updated', 'task.completed', 'auth.login', 'agenda.item_added', 'minutes.updated', 'agreement.status'];

function generate(db: ReturnType<typeof openDb>, key: Buffer) {
  const sqlite = db.$client;
  const insert = sqlite.prepare(
    'INSERT INTO audit_log (at, team_id, actor_id, action, entity, entity_id, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSubject = sqlite.prepare('INSERT INTO audit_subjects (audit_id, subject_id, police) VALUES (?, ?, ?)');
  const last = sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined;
  const start = Date.parse('2016-11-25T07:00:00Z');
  const step = (10 * 365 * 86_400_000) / ROWS;
  let prev = last?.hash ?? GENESIS;
  sqlite.transaction(() => {
    for (let i = 0; i < ROWS; i++) {
      const read = i % 5 < 2;
      const caseId = 1 + (i % 10_000);
      const row: HashedRow = read
        ? {
            at: new Date(start + i * step).toISOString(),
            teamId: 1,
            actorId: 1 + (i % 40),
            action: 'personal_data.read',
            entity: 'case',
            entityId: null,
            caseId,
            detail: JSON.stringify({
              purpose: 'screen',
              items: 4,
              categories: ['naleving', 'naw'],
              subjects: 1 + (i % 3),
              police: i % 7 === 0,
            }),
          }
        : {
            at: new Date(start + i * step).toISOString(),
            teamId: 1,
            actorId: 1 + (i % 40),
            action: ACTIONS[i % ACTIONS.length]!,
            entity: 'case',
            entityId: caseId,
            caseId,
            detail: JSON.stringify({ fields: ['status'], to: 'actief' }),
          };
      const subjects = read ? Array.from({ length: 1 + (i % 3) }, (_, k) => ({ id: caseId * 3 + k, police: i % 7 === 0 && k === 0 })) : [];
      const hash = keyedRowHash(key, prev, row, subjects.length ? subjectsCanonical(subjects) : '');
      const id = insert.run(
        row.at,
        row.teamId,
        row.actorId,
        row.action,
        row.entity,
        row.entityId,
        row.caseId,
        row.detail,
        prev,
        hash,
      ).lastInsertRowid;
      for (const s of subjects) insertSubject.run(id, s.id, s.police ? 1 : 0);
      prev = hash;
    }
  })();
}

async function main() {
  console.log(`Audit chain check — Node ${process.version}, ${ROWS.toLocaleString('en')} rows, SQLite file in ${dir}\n`);
  const db = openDb(join(dir, 'overleg.db'));
  const keys = keysFromMaster(randomBytes(32));
  const now = new Date('2026-11-25T09:00:00Z');
  bindAuditKey(db, keys, now);

  let t = performance.now();
  generate(db, keys.audit);
  const subjects = (db.$client.prepare('SELECT count(*) AS n FROM audit_subjects').get() as { n: number }).n;
  console.log(
    `generated ${ROWS.toLocaleString('en')} rows (+ ${subjects.toLocaleString('en')} subject rows) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  // The wall-clock stall also counts time the OS gave to other processes (on a shared, loaded
  // machine that dominates); the CPU time this process used between two turns of the event loop
  // is the check's own share of a stall.
  let running = true;
  let lastCpu = process.cpuUsage();
  let maxSegmentCpuMs = 0;
  const tick = () => {
    const used = process.cpuUsage(lastCpu);
    maxSegmentCpuMs = Math.max(maxSegmentCpuMs, (used.user + used.system) / 1000);
    lastCpu = process.cpuUsage();
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  t = performance.now();
  const full = await checkAuditChainFull(db, now);
  const fullMs = performance.now() - t;
  running = false;
  loop.disable();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `full check:         ${(fullMs / 1000).toFixed(2)} s, ${full.rowsChecked.toLocaleString('en')} rows, ok=${full.breaks.length === 0 && full.checkpointsValid}`,
  );
  console.log(`  RSS before/peak:  ${mb(rssBefore)} / ${mb(peak)} (+${mb(peak - rssBefore)})`);
  console.log(
    `  event-loop stall: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, mean ${(loop.mean / 1e6).toFixed(1)} ms (wall clock)`,
  );
  console.log(
    `  longest turn:     ${maxSegmentCpuMs.toFixed(1)} ms CPU between two event-loop turns; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );

  db.$client.transaction(() => {
    for (let i = 0; i < 1000; i++)
      appendAudit(db, now, {
        teamId: 1,
        actorId: 1,
        action: 'case.updated',
        entity: 'case',
        entityId: i + 1,
        caseId: i + 1,
        detail: { fields: ['status'] },
      });
  })();
  t = performance.now();
  const inc = await checkAuditChainIncremental(db, now);
  const incMs = performance.now() - t;
  console.log(
    `incremental check:  ${incMs.toFixed(1)} ms after 1,000 new rows (read ${inc.rowsChecked} rows after checkpoint at ${inc.fromId}), ok=${inc.breaks.length === 0 && inc.checkpointsValid}`,
  );

  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
