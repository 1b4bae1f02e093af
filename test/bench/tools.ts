// What the bench scripts share (issue 12): their command-line arguments, a generated history kept
// between runs of the one-call tools, the calls those tools know, and the write that empties the
// read cache so a figure is a call's own work.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor } from '../helpers/factories';
import { generateHistory, type History } from './generate';

/** `--key=value` (the value may hold `=`), and `--flag` as `'true'`. */
export function benchArgs(): Map<string, string> {
  return new Map(
    process.argv.slice(2).map((a) => {
      const [k, ...v] = a.replace(/^--/, '').split('=');
      return [k!, v.length > 0 ? v.join('=') : 'true'] as const;
    }),
  );
}

/**
 * A history of `years` in a temporary database. With `keep` (a directory) the generated history
 * (database + ids) is kept there and reused on the next run — opened with new keys, which is fine
 * for calls that decrypt nothing.
 */
export async function openHistory(years: number, keep: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'overleg-bench-tool-'));
  const file = join(dir, 'bench.db');
  const kept = keep !== undefined && existsSync(join(keep, `${years}.json`));
  if (kept) copyFileSync(join(keep, `${years}.db`), file);
  const deps = createTestDeps({ file });
  const h = kept ? (JSON.parse(readFileSync(join(keep, `${years}.json`), 'utf8')) as History) : await generateHistory(deps, years);
  if (keep !== undefined && !kept) {
    deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    copyFileSync(file, join(keep, `${years}.db`));
    writeFileSync(join(keep, `${years}.json`), JSON.stringify(h));
  }
  const close = () => {
    deps.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { deps, h, close };
}

/** The calls the one-call tools (profile-call.ts, statement-times.ts) can run, by name. */
export function benchCalls(deps: TestDeps, h: History): Record<string, () => Promise<unknown>> {
  const sqlite = deps.db.$client;
  const coordinator = callerFor(deps, h.coordinator);
  const viewer = callerFor(deps, h.viewers[0]!);
  const politie = callerFor(deps, h.members.politie![0]!);
  return {
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
    'auth.me': () => coordinator.auth.me(),
    'partners.list': () => coordinator.partners.list(),
    'cases.list': () => coordinator.cases.list({}),
    search: () => coordinator.cases.list({ search: 'Kerkstraat 12' }),
    'tasks.mine': () => politie.tasks.mine(),
    'meetings.get': () => coordinator.meetings.get({ id: h.lastHeldMeetingId }),
    'minutes.get': () => coordinator.minutes.get({ meetingId: h.lastHeldMeetingId }),
  };
}

/** The statement of `cacheEmptier`, for tools that leave it out of their figures. */
export const CACHE_EMPTYING_WRITE = 'insert into bench_writes values (1)';

/**
 * One row written to a scratch temp table: SQLite's change count moves, so the read cache
 * (server/read-cache.ts) answers the next call anew. Run it before each measured call when the
 * figure is to be the call's own work, not the cache's.
 */
export function cacheEmptier(sqlite: Database.Database): () => void {
  sqlite.exec('create temp table if not exists bench_writes (n integer)');
  const write = sqlite.prepare(CACHE_EMPTYING_WRITE);
  return () => void write.run();
}
