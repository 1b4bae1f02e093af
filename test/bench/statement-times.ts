// Where a call's SQLite time goes, statement by statement (issue 12): for each call, every
// statement it runs with its executions and time per call, slowest first, and the plan of the
// slow ones. Not part of `npm run bench`.
//
//   npx tsx test/bench/statement-times.ts --years=10 --call=cases.list,minutes.get --runs=50 --keep=/tmp/keep
//     [--plans] [--full] [--exec="create index …"]
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createTestDeps } from '../helpers/deps';
import { callerFor } from '../helpers/factories';
import { generateHistory, type History } from './generate';

const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, ...v] = a.replace(/^--/, '').split('=');
    return [k!, v.length > 0 ? v.join('=') : 'true'] as const;
  }),
);
const years = Number(args.get('years') ?? 10);
const runs = Number(args.get('runs') ?? 50);
const names = (args.get('call') ?? 'cases.list').split(',');

type Timing = { count: number; ms: number };
let timings = new Map<string, Timing>();
// Every statement the app prepares from here on reports its executions (all/get/run/iterate).
type Method = (this: Database.Statement, ...a: unknown[]) => unknown;
const prototype = Database.prototype as unknown as { prepare: (this: Database.Database, source: string) => Database.Statement };
const prepare = prototype.prepare;
prototype.prepare = function (source) {
  const statement = prepare.call(this, source);
  const methods = statement as unknown as Record<'all' | 'get' | 'run' | 'iterate', Method>;
  for (const method of ['all', 'get', 'run', 'iterate'] as const) {
    const original = methods[method].bind(statement);
    methods[method] = (...a) => {
      const t0 = performance.now();
      try {
        return original(...a);
      } finally {
        const t = timings.get(source) ?? { count: 0, ms: 0 };
        t.count++;
        t.ms += performance.now() - t0;
        timings.set(source, t);
      }
    };
  }
  return statement;
};

const dir = mkdtempSync(join(tmpdir(), 'overleg-statements-'));
try {
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
  // --exec="create index …": try a schema change on the copy before measuring.
  if (args.has('exec')) deps.db.$client.exec(args.get('exec')!);
  const coordinator = callerFor(deps, h.coordinator);
  const politie = callerFor(deps, h.members.politie![0]!);
  const calls: Record<string, () => Promise<unknown>> = {
    'auth.me': () => coordinator.auth.me(),
    'partners.list': () => coordinator.partners.list(),
    'cases.list': () => coordinator.cases.list({}),
    search: () => coordinator.cases.list({ search: 'Kerkstraat 12' }),
    'tasks.mine': () => politie.tasks.mine(),
    'meetings.get': () => coordinator.meetings.get({ id: h.lastHeldMeetingId }),
    'minutes.get': () => coordinator.minutes.get({ meetingId: h.lastHeldMeetingId }),
  };
  // The work of each call, not the read cache (server/read-cache.ts): a row written before each
  // call empties it (its statement is left out of the figures).
  const sqlite = deps.db.$client;
  sqlite.exec('create temp table if not exists bench_writes (n integer)');
  const write = prepare.call(sqlite, 'insert into bench_writes values (1)');
  for (const name of names) {
    for (let i = 0; i < 3; i++) await calls[name]!();
    timings = new Map();
    const t0 = performance.now();
    for (let i = 0; i < runs; i++) {
      write.run();
      await calls[name]!();
    }
    const perCall = (performance.now() - t0) / runs;
    const rows = [...timings].sort((a, b) => b[1].ms - a[1].ms);
    const sqlMs = rows.reduce((s, [, t]) => s + t.ms, 0) / runs;
    console.log(
      `\n${name} at ${years}×: ${perCall.toFixed(3)} ms per call, of which SQLite ${sqlMs.toFixed(3)} ms in ${rows.length} statements`,
    );
    for (const [source, t] of rows.slice(0, 12)) {
      console.log(
        `${((t.ms / runs) * 1000).toFixed(0).padStart(6)} µs ${(t.count / runs).toFixed(1).padStart(4)}×  ${source.replace(/\s+/g, ' ').slice(0, args.has('full') ? undefined : 400)}`,
      );
      if (args.has('plans') && t.ms / runs > 0.05) {
        try {
          const plan = deps.db.$client
            .prepare(`explain query plan ${source}`)
            .all(...new Array<number>(source.split('?').length - 1).fill(1));
          for (const p of plan as { detail: string }[]) console.log(`           ${p.detail}`);
        } catch (e) {
          console.log(`           (plan: ${(e as Error).message})`);
        }
      }
    }
  }
  deps.db.$client.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
