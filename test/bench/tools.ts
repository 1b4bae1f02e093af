// What the bench scripts share (issue 12): their command-line arguments, a generated history kept
// between runs of the one-call tools, the calls those tools know, and the write that empties the
// read cache so a figure is a call's own work.
import { randomBytes } from 'node:crypto';
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

/** A generated history as kept on disk: the database file `${years}.db` and this, `${years}.json`. */
type KeptHistory = { now: string; master: string; history: History };

/** Keeps `deps`' database (its data key made from `master`) and `h` in `dir`, for `openHistory`. */
export function keepHistory(deps: TestDeps, master: Buffer, h: History, years: number, dir: string) {
  deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(deps.db.$client.name, join(dir, `${years}.db`));
  const kept: KeptHistory = { now: deps.now().toISOString(), master: master.toString('hex'), history: h };
  writeFileSync(join(dir, `${years}.json`), JSON.stringify(kept));
}

/**
 * A history of `years` in a temporary database. With `keep` (a directory) the generated history is
 * kept there and reused on the next run — opened with the key and clock it was made with, so
 * every call reads it as on the day it was generated.
 */
export async function openHistory(years: number, keep: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'overleg-bench-tool-'));
  const file = join(dir, 'bench.db');
  const keptFile = keep === undefined ? undefined : join(keep, `${years}.json`);
  const kept = keptFile && existsSync(keptFile) ? (JSON.parse(readFileSync(keptFile, 'utf8')) as KeptHistory) : undefined;
  if (kept) copyFileSync(join(keep!, `${years}.db`), file);
  const master = kept ? Buffer.from(kept.master, 'hex') : randomBytes(32);
  const deps = createTestDeps({ file, master, ...(kept && { now: kept.now }) });
  const h = kept ? kept.history : await generateHistory(deps, years);
  if (keep !== undefined && !kept) keepHistory(deps, master, h, years, keep);
  const close = () => {
    deps.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { deps, h, close };
}

/** The twelve calendar months up to and including the current one. */
export function lastTwelveMonths(now: Date) {
  const [y, m] = [now.getUTCFullYear(), now.getUTCMonth()];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return { from: day(new Date(Date.UTC(y - 1, m + 1, 1))), to: day(new Date(Date.UTC(y, m + 1, 0))) };
}

/**
 * The bench's calls by name, each as the reader who makes it: `npm run bench` measures them all,
 * the one-call tools (growth.ts, profile-call.ts, statement-times.ts) the ones asked for.
 */
export function benchCalls(deps: TestDeps, h: History): Record<string, () => Promise<unknown>> {
  const sqlite = deps.db.$client;
  const coordinator = callerFor(deps, h.coordinator);
  const politie = callerFor(deps, h.members.politie![0]!);
  const gemeente = callerFor(deps, h.members.huizen![0]!);
  const privacy = callerFor(deps, h.privacy[0]!);
  const viewer = callerFor(deps, h.viewers[0]!);
  // Rate-limited procedures (reports, audit check) get a minute of the test clock per call.
  const tick = () => deps.clock.advanceMinutes(1);
  const rolledBack = async (fn: () => Promise<unknown>) => {
    sqlite.exec('begin');
    try {
      return await fn();
    } finally {
      sqlite.exec('rollback');
    }
  };
  return {
    'auth.me': () => coordinator.auth.me(),
    'partners.list': () => coordinator.partners.list(),
    'cases.list': () => coordinator.cases.list({}),
    search: () => coordinator.cases.list({ search: 'Kerkstraat 12' }),
    'cases.get': () => gemeente.cases.get({ id: h.openCaseId }),
    'tasks.mine': () => politie.tasks.mine(),
    'meetings.list': () => coordinator.meetings.list(),
    'meetings.get': () => coordinator.meetings.get({ id: h.lastHeldMeetingId }),
    'minutes.get': () => gemeente.minutes.get({ meetingId: h.lastHeldMeetingId }),
    dashboard: () => viewer.dashboard.get(),
    'agenda.prefill': () => rolledBack(() => coordinator.agenda.prefill({ meetingId: h.nextMeetingId })),
    // The last twelve whole months: within the history at every scale (its comparison period, the
    // year before, exists only from 2× on — so up to twice the facts at 10× by design).
    'reports.progress': () => (tick(), viewer.reports.progress(lastTwelveMonths(deps.now()))),
    'audit check': () => (tick(), privacy.audit.verify()),
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
