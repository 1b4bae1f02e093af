/**
 * A short-lived cache of resolved sessions and their actors (issue 12): every request would
 * otherwise look up its session and rebuild its actor (partner kind, standing, second factor).
 *
 * Entries live a few seconds and the cache is bounded. Anything that must take effect at once —
 * logout, a new password, second-factor changes, an account disabled, a partner leaving or
 * suspended (BIT art. 6.6: its users lose access at once) — calls `actorsChanged()`, which bumps
 * one generation counter: every entry of an older generation is a miss. Such changes are rare,
 * so forgetting every entry is cheaper and safer than tracking which entries a change touches.
 * Expiry (idle, absolute) and a partner's leaving date are checked on every hit as well.
 */
import type { Db } from '../../db/client';

/** How long an entry may answer without a new look-up (real time, not the app clock). */
export const SESSION_CACHE_MS = 5_000;
export const SESSION_CACHE_SIZE = 1_000;

let generation = 0;
const caches = new WeakMap<Db, Map<string, { generation: number; at: number; value: unknown }>>();

/** Every change to a session, an account or a partner's standing calls this: all entries lapse. */
export function actorsChanged(): void {
  generation += 1;
}

function cacheOf(db: Db) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<string, { generation: number; at: number; value: unknown }>()));
  return cache;
}

export function cached<T>(db: Db, key: string): T | undefined {
  const cache = cacheOf(db);
  const entry = cache.get(key);
  if (!entry) return undefined;
  if (entry.generation !== generation || performance.now() - entry.at > SESSION_CACHE_MS) {
    cache.delete(key);
    return undefined;
  }
  return entry.value as T;
}

export function remember(db: Db, key: string, value: unknown): void {
  const cache = cacheOf(db);
  cache.delete(key);
  // A Map iterates in insertion order: the first key is the oldest entry.
  if (cache.size >= SESSION_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, { generation, at: performance.now(), value });
}

export function forget(db: Db, key: string): void {
  cacheOf(db).delete(key);
}
