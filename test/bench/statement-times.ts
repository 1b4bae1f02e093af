// Where a call's SQLite time goes, statement by statement (issue 12): for each call, every
// statement it runs with its executions and time per call, slowest first, and the plan of the
// slow ones. Not part of `npm run bench`.
//
//   npx tsx test/bench/statement-times.ts --years=10 --call=cases.list,minutes.get --runs=50 --keep=/tmp/keep
//     [--plans] [--full] [--exec="create index …"]
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { benchArgs, benchCalls, cacheEmptier, CACHE_EMPTYING_WRITE, openHistory } from './tools';

const args = benchArgs();
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

// --keep=DIR: keep the generated history there and reuse it on the next run (./tools.ts).
const { deps, h, close } = await openHistory(years, args.get('keep'));
try {
  // --exec="create index …": try a schema change on the copy before measuring.
  if (args.has('exec')) deps.db.$client.exec(args.get('exec')!);
  const calls = benchCalls(deps, h);
  // The work of each call, not the read cache (its write is left out of the figures).
  const emptyCache = cacheEmptier(deps.db.$client);
  for (const name of names) {
    for (let i = 0; i < 3; i++) await calls[name]!();
    timings = new Map();
    let callMs = 0;
    for (let i = 0; i < runs; i++) {
      emptyCache();
      const t0 = performance.now();
      await calls[name]!();
      callMs += performance.now() - t0;
    }
    const perCall = callMs / runs;
    const rows = [...timings].filter(([source]) => source !== CACHE_EMPTYING_WRITE).sort((a, b) => b[1].ms - a[1].ms);
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
} finally {
  close();
}
