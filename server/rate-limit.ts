/**
 * Token buckets for expensive work (issue 8, item 5): 150 progress reports in one request held
 * the server for 13.8 s. Each user gets a bucket per kind of work: a burst of `capacity` calls,
 * then one call per `refillSeconds` — enough for a person clicking through periods and files,
 * a small share of one core for a script (each call also starts in its own macrotask, see
 * `rateLimited` in trpc.ts, so a burst interleaves with other users' requests). Kept in memory per running app (a restart refills them),
 * measured on the app's clock so tests can move time.
 */
import type { AppDeps } from './deps';
import { AppError } from './errors';

export const rateLimits = {
  /** reports.progress, also behind the report downloads. */
  reports: { capacity: 5, refillSeconds: 2 },
  /** The downloads: verslag, report and briefing exports. */
  exports: { capacity: 10, refillSeconds: 2 },
  /** The FG's check of the whole audit chain. */
  auditCheck: { capacity: 5, refillSeconds: 10 },
} as const;

export type RateLimitName = keyof typeof rateLimits;

type Bucket = { tokens: number; at: number };
const bucketsByApp = new WeakMap<AppDeps, Map<string, Bucket>>();

/** Takes one token of `name` for `who`, or throws TOO_MANY_REQUESTS with the wait in seconds. */
export function takeToken(deps: AppDeps, name: RateLimitName, who: string | number): void {
  const { capacity, refillSeconds } = rateLimits[name];
  let buckets = bucketsByApp.get(deps);
  if (!buckets) bucketsByApp.set(deps, (buckets = new Map<string, Bucket>()));
  const key = `${name}:${who}`;
  const now = deps.now().getTime();
  const bucket = buckets.get(key) ?? { tokens: capacity, at: now };
  const tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.at) / (refillSeconds * 1000));
  if (tokens < 1) {
    buckets.set(key, { tokens, at: now });
    throw new AppError('TOO_MANY_REQUESTS', 'rateLimited', { seconds: Math.ceil((1 - tokens) * refillSeconds) });
  }
  buckets.set(key, { tokens: tokens - 1, at: now });
}

// Expensive procedures take turns: one at a time, and the next starts in a later turn of the
// event loop (setImmediate after the previous one ends), so other users' requests are read and
// answered between two reports instead of after a whole queue of them.
export const EXPENSIVE_QUEUE_MAX = 50;
let running = false;
const waiting: (() => void)[] = [];

export async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running) {
    if (waiting.length >= EXPENSIVE_QUEUE_MAX) throw new AppError('TOO_MANY_REQUESTS', 'busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running = true;
    await new Promise((resolve) => setImmediate(resolve));
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) setImmediate(next);
    else running = false;
  }
}
