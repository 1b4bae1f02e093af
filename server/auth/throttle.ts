/**
 * Password attempts: counted per account-and-address, per address and per account, reserved
 * before the password is verified (issue 8, items 4 and 8).
 *
 * - Reserving is one synchronous, immediate SQLite transaction: check the counts, then insert the
 *   attempt as a failure. Parallel requests (or a batch) therefore see each other's attempts while
 *   the slow hash still runs; a success deletes its reservation afterwards.
 * - Per account-and-address: FREE_ATTEMPTS without delay, then a growing wait (30 s, 1, 2, 4, 8
 *   minutes, at most 15) after each failure. Someone guessing from one address slows down; the
 *   owner elsewhere is not affected.
 * - Per address across accounts: MAX_FAILURES_PER_ADDRESS in the window (password spraying).
 * - Per account from anywhere: ACCOUNT_LOCK_FAILURES in 24 hours lock the account for 24 hours,
 *   or until the team's administrator unlocks it (a distributed attack gets ~50 guesses a day).
 * The e-mail is hashed, so the tables do not collect addresses typed wrong, and an unknown
 * address is throttled and locked exactly like a real one (the answer reveals nothing).
 */
import { createHash } from 'node:crypto';
import { and, count, desc, eq, gt, gte, lt } from 'drizzle-orm';
import { accountLocks, loginFailures } from '../../db/schema';
import type { Db } from '../../db/client';

export const FREE_ATTEMPTS = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
export const ADDRESS_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ADDRESS = 20;
export const ACCOUNT_WINDOW_HOURS = 24;
export const ACCOUNT_LOCK_FAILURES = 50;
export const LOCK_HOURS = 24;

export const emailHash = (email: string) => createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

/** The wait after `failures` failures from one address for one account. */
export function delaySeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, 30 * 2 ** (failures - FREE_ATTEMPTS));
}

export type Reservation = { id: number; emailHash: string; ip: string };
export type Refusal = { reason: 'locked' } | { reason: 'wait'; seconds: number } | { reason: 'address'; minutes: number };

const iso = (ms: number) => new Date(ms).toISOString();

export function lockOf(db: Db, hash: string, now: Date) {
  return (
    db
      .select()
      .from(accountLocks)
      .where(and(eq(accountLocks.emailHash, hash), gt(accountLocks.until, now.toISOString())))
      .get() ?? null
  );
}

/** Checks every limit and, when none is reached, records the attempt as a failure up front. */
export function reserveAttempt(db: Db, email: string, ip: string, now: Date): { reservation: Reservation } | { refused: Refusal } {
  const hash = emailHash(email);
  const nowMs = now.getTime();
  return db.transaction(
    (tx) => {
      if (lockOf(tx, hash, now)) return { refused: { reason: 'locked' as const } };
      const accountSince = iso(nowMs - ACCOUNT_WINDOW_HOURS * 3_600_000);
      const pair = tx
        .select({ n: count(), last: loginFailures.at })
        .from(loginFailures)
        .where(and(eq(loginFailures.emailHash, hash), eq(loginFailures.ip, ip), gte(loginFailures.at, accountSince)))
        .get();
      const pairFailures = pair?.n ?? 0;
      if (pairFailures >= FREE_ATTEMPTS) {
        const last = tx
          .select({ at: loginFailures.at })
          .from(loginFailures)
          .where(and(eq(loginFailures.emailHash, hash), eq(loginFailures.ip, ip)))
          .orderBy(desc(loginFailures.at))
          .limit(1)
          .get();
        const retryAt = new Date(last!.at).getTime() + delaySeconds(pairFailures) * 1000;
        if (retryAt > nowMs) return { refused: { reason: 'wait' as const, seconds: Math.ceil((retryAt - nowMs) / 1000) } };
      }
      const addressFailures =
        tx
          .select({ n: count() })
          .from(loginFailures)
          .where(and(eq(loginFailures.ip, ip), gte(loginFailures.at, iso(nowMs - ADDRESS_WINDOW_MINUTES * 60_000))))
          .get()?.n ?? 0;
      if (addressFailures >= MAX_FAILURES_PER_ADDRESS) return { refused: { reason: 'address' as const, minutes: ADDRESS_WINDOW_MINUTES } };
      const row = tx.insert(loginFailures).values({ emailHash: hash, ip, at: now.toISOString() }).returning({ id: loginFailures.id }).get();
      return { reservation: { id: row.id, emailHash: hash, ip } };
    },
    { behavior: 'immediate' },
  );
}

/** The password was right: the attempt was no failure, and this address starts afresh for the account. */
export function attemptSucceeded(db: Db, reservation: Reservation): void {
  db.delete(loginFailures)
    .where(and(eq(loginFailures.emailHash, reservation.emailHash), eq(loginFailures.ip, reservation.ip)))
    .run();
}

/**
 * The reservation stays as a failure. Returns true when this failure locked the account: the
 * caller tells the administrator once per lock.
 */
export function attemptFailed(db: Db, reservation: Reservation, now: Date, userId: number | null): boolean {
  const nowMs = now.getTime();
  return db.transaction(
    (tx) => {
      // Nothing older than the longest window matters.
      tx.delete(loginFailures)
        .where(lt(loginFailures.at, iso(nowMs - ACCOUNT_WINDOW_HOURS * 3_600_000)))
        .run();
      const failures =
        tx.select({ n: count() }).from(loginFailures).where(eq(loginFailures.emailHash, reservation.emailHash)).get()?.n ?? 0;
      if (failures < ACCOUNT_LOCK_FAILURES || lockOf(tx, reservation.emailHash, now)) return false;
      const lock = { userId, lockedAt: now.toISOString(), until: iso(nowMs + LOCK_HOURS * 3_600_000) };
      tx.insert(accountLocks)
        .values({ emailHash: reservation.emailHash, ...lock })
        .onConflictDoUpdate({ target: accountLocks.emailHash, set: lock })
        .run();
      // The failures that led to the lock are spent: after it ends, the count starts afresh.
      tx.delete(loginFailures).where(eq(loginFailures.emailHash, reservation.emailHash)).run();
      return true;
    },
    { behavior: 'immediate' },
  );
}

/** The administrator's unlock: the lock and the account's failures go. */
export function unlockAccount(db: Db, email: string): boolean {
  const hash = emailHash(email);
  return db.transaction((tx) => {
    const removed = tx.delete(accountLocks).where(eq(accountLocks.emailHash, hash)).returning({ hash: accountLocks.emailHash }).all();
    tx.delete(loginFailures).where(eq(loginFailures.emailHash, hash)).run();
    return removed.length > 0;
  });
}
