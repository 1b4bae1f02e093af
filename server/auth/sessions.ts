import { createHash, randomBytes } from 'node:crypto';
import { eq, lt, or, sql } from 'drizzle-orm';
import { partners, sessions, users } from '../../db/schema';
import type { Db } from '../../db/client';
import type { Config } from '../config';
import { amsterdamDate } from '../clock';
import type { Role } from '../../db/schema';
import { actorsChanged, cached, forget, remember } from './session-cache';

export type SessionUser = {
  id: number;
  name: string;
  email: string;
  role: Role;
  teamId: number;
  partnerId: number | null;
  locale: 'nl' | 'en';
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A fresh random token for every login; only its hash is stored. */
export function createSession(db: Db, config: Config, userId: number, now: Date): { token: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + config.sessionMaxHours * 3_600_000);
  // Every login also clears out expired sessions (besides the server's periodic purge).
  purgeExpiredSessions(db, now, config);
  db.insert(sessions)
    .values({
      tokenHash: hashToken(token),
      userId,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    })
    .run();
  return { token, expiresAt };
}

// Every request resolves its session: the statement is prepared once per database (issue 12),
// not re-built and re-prepared by drizzle on every call.
const buildSessionLookup = (db: Db) =>
  db
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamId: users.teamId,
      partnerId: users.partnerId,
      locale: users.locale,
      disabledAt: users.disabledAt,
      partnerLeftOn: partners.leftOn,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
const sessionLookups = new WeakMap<Db, ReturnType<typeof buildSessionLookup>>();
function sessionLookup(db: Db) {
  let lookup = sessionLookups.get(db);
  if (!lookup) sessionLookups.set(db, (lookup = buildSessionLookup(db)));
  return lookup;
}

type SessionRow = NonNullable<ReturnType<ReturnType<typeof buildSessionLookup>['get']>>;
/** A cached session: its row and, once a procedure asked for it, its actor (./actor.ts). */
export type SessionEntry = { row: SessionRow; user: SessionUser; actor?: unknown };

/** The cached entry of a session token (for the actor cache in ./actor.ts), if any. */
export const sessionEntry = (db: Db, token: string) => cached<SessionEntry>(db, hashToken(token));

/**
 * Resolves a session token to its user, enforcing idle and absolute expiry, disabled accounts
 * and partners that have left the covenant (art. 14: a left partner loses access).
 * Touches the session at most once a minute to keep writes low; `touch: false` checks without
 * touching (an open live stream re-checking itself is not activity, so idle expiry still applies).
 * The row is cached for a few seconds (./session-cache.ts); expiry is checked on every call.
 */
export function resolveSession(db: Db, config: Config, token: string, now: Date, options: { touch?: boolean } = {}): SessionUser | null {
  const tokenHash = hashToken(token);
  let entry = cached<SessionEntry>(db, tokenHash);
  if (!entry) {
    const row = sessionLookup(db).get({ tokenHash });
    if (!row) return null;
    const user: SessionUser = {
      id: row.id,
      name: row.name,
      email: row.email,
      role: row.role,
      teamId: row.teamId,
      partnerId: row.partnerId,
      locale: row.locale,
    };
    entry = { row, user };
    remember(db, tokenHash, entry);
  }
  const { row } = entry;
  const idleLimit = new Date(row.lastSeenAt).getTime() + config.sessionIdleMinutes * 60_000;
  const expired = now.getTime() >= new Date(row.expiresAt).getTime() || now.getTime() >= idleLimit;
  const partnerGone = row.partnerLeftOn !== null && row.partnerLeftOn <= amsterdamDate(now);
  if (expired || row.disabledAt || partnerGone) {
    forget(db, tokenHash);
    db.delete(sessions).where(eq(sessions.id, row.sessionId)).run();
    return null;
  }
  if (options.touch !== false && now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) {
    db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, row.sessionId)).run();
    row.lastSeenAt = now.toISOString();
  }
  return entry.user;
}

export function revokeSession(db: Db, token: string): void {
  actorsChanged();
  db.delete(sessions)
    .where(eq(sessions.tokenHash, hashToken(token)))
    .run();
}

export function revokeUserSessions(db: Db, userId: number): void {
  actorsChanged();
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

/** Deletes sessions past their absolute expiry and, given the config, past their idle limit. */
export function purgeExpiredSessions(db: Db, now: Date, config?: Pick<Config, 'sessionIdleMinutes'>): void {
  const expired = lt(sessions.expiresAt, now.toISOString());
  const idleSince = config ? new Date(now.getTime() - config.sessionIdleMinutes * 60_000).toISOString() : null;
  db.delete(sessions)
    .where(idleSince ? or(expired, lt(sessions.lastSeenAt, idleSince)) : expired)
    .run();
}
