/**
 * Answers of pure reads, kept while the database has not changed (issue 12). The case list,
 * "Mijn taken", an overleg and its verslag are asked again and again — every visit, every return
 * from a casus, every team member's screen — while the data under them changes a few times an hour. An answer that is a
 * function of the database, the day and the question alone is the same as long as neither
 * changed, so it is computed once per change instead of once per request.
 *
 * "Not changed" is SQLite's own count, not a list of tables kept by hand (a list would miss the
 * next write path): `total_changes()` counts every row this connection inserted, updated or
 * deleted since it opened (triggers included), and `PRAGMA data_version` changes when another
 * connection committed (a command-line job, a restore). Either moving empties the whole cache.
 *
 * Three rules keep it exact:
 * - the key names everything the read depends on besides the database (the caller's team or
 *   partner, the day, the filter): the caller of `cachedRead` builds it from exactly the arguments
 *   its read uses;
 * - a read that wrote (an audit row, a backfill) is not kept: the database it saw is gone;
 * - inside a transaction nothing is kept or served: a rollback undoes rows without moving the
 *   count back, so an answer seen inside it could outlive the rows it showed.
 * Kept answers are shared objects: callers must not change them.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { sqliteOf } from './audit';
import type { Actor } from './auth/actor';

/** Enough for every team member's lists with a few filters; an entry is one answer (≤ 40 KB at ten years). */
const MAX_ENTRIES = 256;

type Cache = {
  generation: string;
  entries: Map<string, unknown>;
  totalChanges: Database.Statement;
  dataVersion: Database.Statement;
};
const caches = new WeakMap<Database.Database, Cache>();

function cacheOf(connection: Database.Database): Cache {
  let cache = caches.get(connection);
  if (!cache) {
    cache = {
      generation: '',
      entries: new Map(),
      totalChanges: connection.prepare('select total_changes()').pluck(),
      dataVersion: connection.prepare('pragma data_version').pluck(),
    };
    caches.set(connection, cache);
  }
  return cache;
}

function generationOf(cache: Cache): string {
  return `${cache.totalChanges.get() as number}.${cache.dataVersion.get() as number}`;
}

export function cachedRead<T>(db: Db, key: string, read: () => T): T {
  const connection = sqliteOf(db);
  if (connection.inTransaction) return read();
  const cache = cacheOf(connection);
  const generation = generationOf(cache);
  if (generation !== cache.generation) {
    cache.entries.clear();
    cache.generation = generation;
  }
  if (cache.entries.has(key)) {
    const value = cache.entries.get(key) as T;
    // Least recently used leaves first: a hit moves to the end.
    cache.entries.delete(key);
    cache.entries.set(key, value);
    return value;
  }
  const value = read();
  // A read that wrote is not kept. The next call would start afresh anyway (the count moved), but
  // such a read is one that showed personal data and audited it (P12): its answer is not held in
  // memory for nothing.
  if (generationOf(cache) === generation) {
    cache.entries.set(key, value);
    if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  }
  return value;
}

/** How many answers are kept for this database (for tests and diagnostics). */
export function keptAnswers(db: Db): number {
  return caches.get(sqliteOf(db))?.entries.size ?? 0;
}

/**
 * The reader in a key, for answers that differ per reader (what an overleg, a verslag shows a
 * reader follows from who they are: the sharing matrix, the role, own proposals). The rest of the
 * actor comes from the database, which the cache already follows.
 */
export function readerKey(reader: Actor): string {
  return `${reader.teamId}.${reader.id}.${reader.role}.${reader.partnerId ?? '-'}`;
}
