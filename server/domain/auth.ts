import { eq } from 'drizzle-orm';
import { partners, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { amsterdamDate } from '../clock';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/passwords';
import { assertAcceptablePassword } from '../auth/password-policy';
import { createSession, revokeSession, revokeUserSessions } from '../auth/sessions';
import { startChallenge, type SecondFactorChallenge } from '../auth/two-factor';
import { beginPasswordAttempt, passwordAttemptFailed, passwordAttemptSucceeded } from './security';

export type LoginResult = { kind: 'session'; token: string; expiresAt: Date; userId: number } | SecondFactorChallenge;

/**
 * Logs in with e-mail and password. Every failure answers the same way (wrong password, unknown
 * e-mail, disabled account, partner that left) so the answer does not reveal whether an account
 * exists; every attempt is audited (P6).
 */
export async function login(deps: AppDeps, input: { email: string; password: string }, ip: string): Promise<LoginResult> {
  const { db } = deps;
  const email = input.email.trim().toLowerCase();
  const now = deps.now();
  // Reserved before the slow hash, so parallel attempts count against each other (issue 8.4).
  const attempt = beginPasswordAttempt(deps, email, ip);
  const user = db
    .select({
      id: users.id,
      teamId: users.teamId,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
      partnerLeftOn: partners.leftOn,
    })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.email, email))
    .get();
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);
  const partnerGone = user?.partnerLeftOn != null && user.partnerLeftOn <= amsterdamDate(now);
  if (!user || !passwordOk || user.disabledAt || partnerGone) {
    passwordAttemptFailed(deps, attempt, user ?? null, 'login');
    throw new AppError('UNAUTHORIZED', 'auth.invalidCredentials');
  }
  passwordAttemptSucceeded(deps, attempt);
  // BIO 23.1a: with a second factor the password only opens a challenge; no session yet.
  const challenge = startChallenge(deps, user.id);
  if (challenge) return challenge;
  const session = createSession(db, deps.config, user.id, now);
  appendAudit(db, now, { teamId: user.teamId, actorId: user.id, action: 'auth.login', detail: { ip } });
  return { kind: 'session', ...session, userId: user.id };
}

export function logout(deps: AppDeps, token: string, user: { id: number; teamId: number }): void {
  revokeSession(deps.db, token);
  appendAudit(deps.db, deps.now(), { teamId: user.teamId, actorId: user.id, action: 'auth.logout' });
  endLiveStreams(deps, user);
}

/** Open live streams re-check their session on every event of the team: this one ends them now. */
export function endLiveStreams(deps: AppDeps, user: { id: number; teamId: number }): void {
  deps.events.emit(`team:${user.teamId}`, { kind: 'sessions.ended', id: user.id, meetingId: null });
}

export async function changePassword(
  deps: AppDeps,
  user: { id: number; teamId: number; email: string; name: string },
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<void> {
  // Throttled like a login: a stolen session must not become a way to guess the password.
  const attempt = beginPasswordAttempt(deps, user.email, ip);
  const row = deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    passwordAttemptFailed(deps, attempt, user, 'password');
    throw new AppError('BAD_REQUEST', 'auth.wrongPassword', {}, 'currentPassword');
  }
  passwordAttemptSucceeded(deps, attempt);
  assertAcceptablePassword(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  deps.db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, user.id)).run();
    // A new password ends every other session of the account.
    revokeUserSessions(tx, user.id);
    appendAudit(tx, deps.now(), { teamId: user.teamId, actorId: user.id, action: 'auth.password.changed' });
  });
  endLiveStreams(deps, user);
}
