/**
 * A user's own sessions (issue 8 item 16): what the profile page lists, and "end all other
 * sessions". Sessions are identified to the user by their times only; no token or id leaves here.
 */
import { actorsChanged } from './session-cache';
import { and, asc, eq, gt, lt, ne } from 'drizzle-orm';
import { loginChallenges, sessions } from '../../db/schema';
import type { Db } from '../../db/client';
import type { Config } from '../config';
import { appendAudit } from '../audit';
import { hashToken, purgeExpiredSessions, revokeUserSessions } from './sessions';

export function listOwnSessions(db: Db, config: Config, userId: number, currentToken: string | null, now: Date) {
  const idleSince = new Date(now.getTime() - config.sessionIdleMinutes * 60_000).toISOString();
  const current = currentToken ? hashToken(currentToken) : null;
  return db
    .select({
      tokenHash: sessions.tokenHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now.toISOString()), gt(sessions.lastSeenAt, idleSince)))
    .orderBy(asc(sessions.createdAt))
    .all()
    .map(({ tokenHash, ...s }) => ({ ...s, current: tokenHash === current }));
}

/** Ends every session of the user except the current one (all of them without one). */
export function revokeOtherSessions(db: Db, userId: number, currentToken: string | null): void {
  if (!currentToken) return revokeUserSessions(db, userId);
  actorsChanged();
  db.delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(currentToken))))
    .run();
}

/** Ends every session of the user except the one making the request; returns how many ended. */
export function endOtherSessions(db: Db, now: Date, user: { id: number; teamId: number }, currentToken: string | null): number {
  actorsChanged();
  return db.transaction((tx) => {
    const ended = currentToken
      ? tx
          .delete(sessions)
          .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, hashToken(currentToken))))
          .run().changes
      : tx.delete(sessions).where(eq(sessions.userId, user.id)).run().changes;
    appendAudit(tx, now, {
      teamId: user.teamId,
      actorId: user.id,
      action: 'auth.sessions_ended',
      entity: 'user',
      entityId: user.id,
      detail: { ended },
    });
    return ended;
  });
}

/** The server's periodic clean-up: expired sessions (absolute and idle) and login challenges. */
export function purgeExpiredAuth(db: Db, config: Config, now: Date): void {
  purgeExpiredSessions(db, now, config);
  db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now.toISOString())).run();
}
