import { createHash } from 'node:crypto';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { loginFailures } from '../../db/schema';
import type { Db } from '../../db/client';

// Repeated failures for one account or from one address lock logins for a while.
export const THROTTLE_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;

const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export function isThrottled(db: Db, email: string, ip: string, now: Date): boolean {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  const perAccount = db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.emailHash, emailHash(email)), gte(loginFailures.at, since))).get()?.n ?? 0;
  if (perAccount >= MAX_FAILURES_PER_ACCOUNT) return true;
  const perAddress = db.select({ n: count() }).from(loginFailures)
    .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, since))).get()?.n ?? 0;
  return perAddress >= MAX_FAILURES_PER_ADDRESS;
}

export function recordFailure(db: Db, email: string, ip: string, now: Date): void {
  db.insert(loginFailures).values({ emailHash: emailHash(email), ip, at: now.toISOString() }).run();
  // Keep the table small: nothing older than the window matters.
  const cutoff = new Date(now.getTime() - THROTTLE_WINDOW_MINUTES * 60_000).toISOString();
  db.delete(loginFailures).where(lt(loginFailures.at, cutoff)).run();
}

export function clearFailures(db: Db, email: string): void {
  db.delete(loginFailures).where(eq(loginFailures.emailHash, emailHash(email))).run();
}
