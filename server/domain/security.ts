/**
 * Password attempts as the rest of the app sees them (issue 8, items 4, 5 and 8): the throttle
 * decides, this module answers the caller, records what the team's administrator must see
 * (security events, aggregated so a flood is a handful of rows and never audit rows under no
 * team), and tells the administrators by e-mail when an account locks — a link only (P7).
 */
import type { Actor } from '../auth/actor';
import { ownUser } from './scope';
import { and, desc, eq, gt, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { accountLocks, securityEvents, teams, users, type SecurityEventKind } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { preparedPerDb } from '../prepared';
import { AppError } from '../errors';
import { translate } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import {
  attemptFailed,
  attemptSucceeded,
  reserveAttempt,
  unlockAccount,
  lockOf,
  emailHash,
  type Refusal,
  type Reservation,
} from '../auth/throttle';

export const SECURITY_EVENT_DAYS = 30;
const RETENTION_DAYS = 90;

type Account = { id: number; teamId: number };
type EventInput = { kind: SecurityEventKind; teamId: number | null; userId: number | null; ip: string };

// Prepared once per connection: the live view counts its subscribers' mass reads here on every
// change (privacy/mass-read.ts). The count-up first — within an hour that already has the event,
// it is the only statement.
const countUpQuery = preparedPerDb((db) =>
  db
    .update(securityEvents)
    // (`set` takes no bare placeholder in drizzle's types: wrapped as SQL.)
    .set({ lastAt: sql`${sql.placeholder('at')}`, count: sql`${securityEvents.count} + 1` })
    .where(eq(securityEvents.aggregateKey, sql.placeholder('aggregateKey')))
    .prepare(),
);
const insertQuery = preparedPerDb((db) =>
  db
    .insert(securityEvents)
    .values({
      aggregateKey: sql.placeholder('aggregateKey'),
      kind: sql.placeholder('kind'),
      teamId: sql.placeholder('teamId'),
      userId: sql.placeholder('userId'),
      ip: sql.placeholder('ip'),
      firstAt: sql.placeholder('at'),
      lastAt: sql.placeholder('at'),
      count: 1,
    })
    .onConflictDoNothing()
    .prepare(),
);

/**
 * Counts the event into its aggregate of the hour (kind, team, account, address). True when it is
 * the hour's first: a new row (and then events past their retention are dropped).
 */
export function recordSecurityEvent(db: Db, now: Date, event: EventInput): boolean {
  const at = now.toISOString();
  const aggregateKey = [event.kind, event.teamId ?? '-', event.userId ?? '-', event.ip, at.slice(0, 13)].join('|');
  if (countUpQuery(db).run({ at, aggregateKey }).changes > 0) return false;
  if (insertQuery(db).run({ ...event, aggregateKey, at }).changes === 0) return false;
  db.delete(securityEvents)
    .where(lt(securityEvents.lastAt, new Date(now.getTime() - RETENTION_DAYS * 86_400_000).toISOString()))
    .run();
  return true;
}

function accountByEmail(db: Db, email: string): Account | null {
  return db.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.email, email.trim().toLowerCase())).get() ?? null;
}

function refusalError(refusal: Refusal): AppError {
  switch (refusal.reason) {
    case 'locked':
      return new AppError('TOO_MANY_REQUESTS', 'auth.accountLocked');
    case 'wait':
      return new AppError('TOO_MANY_REQUESTS', 'auth.retryInSeconds', { seconds: refusal.seconds });
    case 'address':
      return new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { minutes: refusal.minutes });
  }
}

/** Reserves a password attempt or refuses it (counted for the administrator, never verified). */
export function beginPasswordAttempt(deps: AppDeps, email: string, ip: string): Reservation {
  const now = deps.now();
  const outcome = reserveAttempt(deps.db, email, ip, now);
  if ('reservation' in outcome) return outcome.reservation;
  const account = accountByEmail(deps.db, email);
  recordSecurityEvent(deps.db, now, { kind: 'login.refused', teamId: account?.teamId ?? null, userId: account?.id ?? null, ip });
  throw refusalError(outcome.refused);
}

/**
 * The password was right. A lock that another, parallel failure set while this one was being
 * verified still holds.
 */
export function passwordAttemptSucceeded(deps: AppDeps, reservation: Reservation): void {
  attemptSucceeded(deps.db, reservation);
  if (lockOf(deps.db, reservation.emailHash, deps.now())) throw refusalError({ reason: 'locked' });
}

/**
 * The password was wrong (or the account may not log in). Failed logins of an account are
 * audited in its team (P6); those for unknown addresses become one event per address and hour.
 */
export function passwordAttemptFailed(deps: AppDeps, reservation: Reservation, account: Account | null, what: 'login' | 'password'): void {
  const now = deps.now();
  const locked = attemptFailed(deps.db, reservation, now, account?.id ?? null);
  const kind: SecurityEventKind = what === 'password' ? 'password.failed' : account ? 'login.failed' : 'login.unknownAccount';
  const ip = reservation.ip;
  recordSecurityEvent(deps.db, now, { kind, teamId: account?.teamId ?? null, userId: account?.id ?? null, ip });
  if (account && what === 'login')
    appendAudit(deps.db, now, { teamId: account.teamId, actorId: account.id, action: 'auth.login.failed', detail: { ip } });
  if (locked && account) {
    recordSecurityEvent(deps.db, now, { kind: 'account.locked', teamId: account.teamId, userId: account.id, ip });
    appendAudit(deps.db, now, {
      teamId: account.teamId,
      actorId: null,
      action: 'auth.account.locked',
      entity: 'user',
      entityId: account.id,
    });
    // Sent in the background: the answer to the login does not wait for (or reveal) the mail.
    notifyAdminsOfLock(deps, account.teamId).catch((error: unknown) =>
      console.error('[mail] lock notice:', error instanceof Error ? error.name : 'error'),
    );
  }
}

/** E-mail to the team's administrators: a link to the Team page, no name or address (P7). */
export async function notifyAdminsOfLock(deps: AppDeps, teamId: number): Promise<number> {
  if (!mailConfigured(deps.config)) return 0;
  const admins = deps.db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'admin'), isNull(users.disabledAt)))
    .all();
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  const params = { team: team?.name ?? '', link: `${publicBaseUrl(deps.config)}/team` };
  let sent = 0;
  for (const admin of admins) {
    try {
      await sendMail(deps.config, {
        to: admin.email,
        subject: translate('security.lockMailSubject', admin.locale, params),
        text: translate('security.lockMailBody', admin.locale, params),
      });
      sent += 1;
    } catch (error) {
      // Only the transport's error code: its message may quote the address (P7).
      console.error('[mail] lock notice not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
  return sent;
}

/** The administrator's view: the team's events and those of the whole installation. */
export function listSecurityEvents(deps: AppDeps, admin: Actor) {
  const since = new Date(deps.now().getTime() - SECURITY_EVENT_DAYS * 86_400_000).toISOString();
  return deps.db
    .select({
      id: securityEvents.id,
      kind: securityEvents.kind,
      firstAt: securityEvents.firstAt,
      lastAt: securityEvents.lastAt,
      count: securityEvents.count,
      ip: securityEvents.ip,
      accountName: users.name,
      teamWide: isNull(securityEvents.teamId),
    })
    .from(securityEvents)
    .leftJoin(users, and(eq(users.id, securityEvents.userId), eq(users.teamId, admin.teamId)))
    .where(and(or(eq(securityEvents.teamId, admin.teamId), isNull(securityEvents.teamId)), gte(securityEvents.lastAt, since)))
    .orderBy(desc(securityEvents.lastAt), desc(securityEvents.id))
    .limit(100)
    .all()
    .map(({ teamWide, ...event }) => ({ ...event, installationWide: Boolean(teamWide) }));
}

export function listLockedAccounts(deps: AppDeps, admin: Actor) {
  return deps.db
    .select({ userId: users.id, name: users.name, email: users.email, lockedAt: accountLocks.lockedAt, until: accountLocks.until })
    .from(accountLocks)
    .innerJoin(users, eq(users.id, accountLocks.userId))
    .where(and(eq(users.teamId, admin.teamId), gt(accountLocks.until, deps.now().toISOString())))
    .orderBy(desc(accountLocks.lockedAt))
    .all();
}

export function unlockTeamAccount(deps: AppDeps, admin: Actor, ip: string, userId: number): void {
  const target = ownUser(deps.db, admin.teamId, userId);
  const now = deps.now();
  if (!lockOf(deps.db, emailHash(target.email), now)) throw new AppError('BAD_REQUEST', 'security.notLocked');
  deps.db.transaction((tx) => {
    unlockAccount(tx, target.email);
    recordSecurityEvent(tx, now, { kind: 'account.unlocked', teamId: admin.teamId, userId: target.id, ip });
    appendAudit(tx, now, { teamId: admin.teamId, actorId: admin.id, action: 'auth.account.unlocked', entity: 'user', entityId: target.id });
  });
}
