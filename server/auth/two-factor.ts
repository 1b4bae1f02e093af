/**
 * Two-factor authentication (BIO 23.1a): TOTP (RFC 6238) with one-time recovery codes.
 *
 * - The TOTP secret is encrypted at rest (AES-256-GCM) with a key derived from the app key, so a
 *   copy of the database cannot produce codes; recovery codes are stored as a keyed hash.
 * - Login with a second factor is two steps: the password step only creates a short-lived
 *   challenge; the session is created when the code for that challenge is verified.
 * - Checking a code is synchronous (an HMAC, no await), so the attempt is counted and the code
 *   checked in one uninterrupted step: parallel guesses cannot all pass the throttle.
 */
import { ownUser } from '../domain/scope';
import { createHmac, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { renderSVG } from 'uqr';
import { loginChallenges, partners, recoveryCodes, teams, userTotp, users, type Role } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import type { DataKeys } from '../privacy/crypto';
import { openTotpSecret, sealTotpSecret, twoFactorSubKey } from '../privacy/totp-secret';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { preparedPerDb } from '../prepared';
import { amsterdamDate } from '../clock';
import { createSession, hashToken, revokeUserSessions } from './sessions';
import { verifyPassword } from './passwords';
import { revokeOtherSessions } from './active-sessions';
import { actorsChanged } from './session-cache';

/** Roles that read personal data, and the admin who creates those accounts: the team setting requires 2FA for them. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['coordinator', 'member', 'privacy', 'admin'];

export const CHALLENGE_MINUTES = 5;
/** Wrong codes for one challenge before it is void (the user then starts again with the password). */
export const MAX_CHALLENGE_ATTEMPTS = 5;
/** Consecutive wrong codes for one account before its second step is locked. */
export const MAX_CODE_FAILURES = 5;
export const CODE_LOCK_MINUTES = 15;
export const RECOVERY_CODE_COUNT = 10;

const ISSUER = 'Overleg';
const PERIOD = 30;

// Recovery codes are stored as HMACs under a key of their own (../privacy/totp-secret.ts).
const recoveryHash = (keys: DataKeys, code: string) =>
  createHmac('sha256', twoFactorSubKey(keys, 'recovery-code')).update(normaliseRecoveryCode(code)).digest('hex');

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^0-9a-z]/g, '');
const isTotpCode = (code: string) => /^\d{6}$/.test(code.replace(/\s/g, ''));

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secretBase32) });
}

/**
 * The time step a code is valid for (±1 step of clock drift), or null. A step at or before the
 * last accepted one is refused: a code is accepted only once (RFC 6238 §5.2).
 */
function acceptedStep(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  const token = code.replace(/\s/g, '');
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    timestamp: now.getTime(),
    window: 1,
  });
  if (delta === null) return null;
  const step = TOTP.counter({ period: PERIOD, timestamp: now.getTime() }) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

type TotpRow = typeof userTotp.$inferSelect;
// Every request's actor reads these (issue 12): prepared once per connection.
const totpLookup = preparedPerDb((db) =>
  db
    .select()
    .from(userTotp)
    .where(eq(userTotp.userId, sql.placeholder('userId')))
    .prepare(),
);
const teamRequirement = preparedPerDb((db) =>
  db
    .select({ required: teams.twoFactorRequired })
    .from(teams)
    .where(eq(teams.id, sql.placeholder('teamId')))
    .prepare(),
);
const recoveryCodesLeftOf = preparedPerDb((db) =>
  db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, sql.placeholder('userId')), isNull(recoveryCodes.usedAt)))
    .prepare(),
);
const totpRow = (db: Db, userId: number): TotpRow | undefined => totpLookup(db).get({ userId });
const confirmed = (row: TotpRow | undefined): row is TotpRow & { confirmedAt: string } => Boolean(row?.confirmedAt);

export type TwoFactorState = {
  /** The account has a confirmed second factor. */
  enabled: boolean;
  /** The team requires a second factor for this account's role. */
  required: boolean;
  /** The role is one the team setting applies to (the demo shows a banner to these users). */
  applies: boolean;
  recoveryCodesLeft: number;
};

export function twoFactorState(db: Db, user: { id: number; teamId: number; role: Role }): TwoFactorState {
  const applies = TWO_FACTOR_ROLES.includes(user.role);
  const team = teamRequirement(db).get({ teamId: user.teamId });
  const enabled = confirmed(totpRow(db, user.id));
  const recoveryCodesLeft = enabled ? (recoveryCodesLeftOf(db).get({ userId: user.id })?.n ?? 0) : 0;
  return { enabled, required: applies && Boolean(team?.required), applies, recoveryCodesLeft };
}

// ── Enrolment ───────────────────────────────────────────────────────────────────────────────

/** Starts (or restarts) enrolment: a new secret, shown once as QR code and as text. */
export function beginEnrolment(deps: AppDeps, user: { id: number; email: string }) {
  const existing = totpRow(deps.db, user.id);
  if (confirmed(existing)) throw new AppError('CONFLICT', 'twoFactor.alreadyEnabled');
  const secret = new Secret({ size: 20 }).base32;
  const now = deps.now().toISOString();
  const stored = sealTotpSecret(deps.keys, secret);
  deps.db
    .insert(userTotp)
    .values({ userId: user.id, secret: stored, createdAt: now })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secret: stored, createdAt: now, lastStep: null, failures: 0, lockedUntil: null },
    })
    .run();
  const uri = totpFor(secret, user.email).toString();
  // Rendered here so the client needs no QR library; shown as an <img>, so the SVG never runs as markup.
  const qrSvg = renderSVG(uri, { ecc: 'M', border: 2 });
  return { secret, uri, qrSvg };
}

function newRecoveryCodes(tx: Db, keys: DataKeys, userId: number): string[] {
  // The account's second factor changes: cached actors (auth.me shows it) lapse.
  actorsChanged();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    // 10 characters from a 32-letter alphabet (50 bits), written as two groups of five.
    const raw = Array.from(randomBytes(10), (b) => 'abcdefghjkmnpqrstuvwxyz23456789'[b % 31]).join('');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  tx.insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: recoveryHash(keys, code) })))
    .run();
  return codes;
}

/**
 * Confirms enrolment with a first code. Returns the recovery codes — the only time they are
 * shown. Every other session of the account ends: they were opened with the password alone.
 */
export function confirmEnrolment(
  deps: AppDeps,
  user: { id: number; teamId: number },
  code: string,
  currentToken: string | null,
): { recoveryCodes: string[] } {
  const row = totpRow(deps.db, user.id);
  if (!row) throw new AppError('BAD_REQUEST', 'twoFactor.notStarted');
  if (confirmed(row)) throw new AppError('CONFLICT', 'twoFactor.alreadyEnabled');
  const now = deps.now();
  const step = acceptedStep(openTotpSecret(deps.keys, row.secret), code, now, null);
  if (step === null) throw new AppError('BAD_REQUEST', 'twoFactor.invalidCode');
  return deps.db.transaction((tx) => {
    tx.update(userTotp)
      .set({ confirmedAt: now.toISOString(), lastStep: step, failures: 0, lockedUntil: null })
      .where(eq(userTotp.userId, user.id))
      .run();
    const codes = newRecoveryCodes(tx, deps.keys, user.id);
    revokeOtherSessions(tx, user.id, currentToken);
    appendAudit(tx, now, { teamId: user.teamId, actorId: user.id, action: 'auth.two_factor.enabled', entity: 'user', entityId: user.id });
    return { recoveryCodes: codes };
  });
}

/** New recovery codes (the old ones stop working), after a current code from the app. */
export function regenerateRecoveryCodes(deps: AppDeps, user: { id: number; teamId: number }, code: string): { recoveryCodes: string[] } {
  const row = totpRow(deps.db, user.id);
  if (!confirmed(row)) throw new AppError('BAD_REQUEST', 'twoFactor.notEnabled');
  const now = deps.now();
  const step = acceptedStep(openTotpSecret(deps.keys, row.secret), code, now, row.lastStep);
  if (step === null) throw new AppError('BAD_REQUEST', 'twoFactor.invalidCode');
  return deps.db.transaction((tx) => {
    tx.update(userTotp).set({ lastStep: step }).where(eq(userTotp.userId, user.id)).run();
    const codes = newRecoveryCodes(tx, deps.keys, user.id);
    appendAudit(tx, now, {
      teamId: user.teamId,
      actorId: user.id,
      action: 'auth.two_factor.recovery_renewed',
      entity: 'user',
      entityId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/** Turns 2FA off after the password; not while the team requires it for the account's role. */
export async function disableTwoFactor(deps: AppDeps, user: { id: number; teamId: number; role: Role }, password: string): Promise<void> {
  const account = deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id)).get();
  if (!account || !(await verifyPassword(account.passwordHash, password))) throw new AppError('BAD_REQUEST', 'auth.wrongPassword');
  if (twoFactorState(deps.db, user).required) throw new AppError('FORBIDDEN', 'twoFactor.requiredByTeam');
  deps.db.transaction((tx) => {
    removeSecondFactor(tx, user.id);
    appendAudit(tx, deps.now(), {
      teamId: user.teamId,
      actorId: user.id,
      action: 'auth.two_factor.disabled',
      entity: 'user',
      entityId: user.id,
    });
  });
}

function removeSecondFactor(tx: Db, userId: number): void {
  actorsChanged();
  tx.delete(userTotp).where(eq(userTotp.userId, userId)).run();
  tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).run();
  tx.delete(loginChallenges).where(eq(loginChallenges.userId, userId)).run();
}

/**
 * The admin removes a lost second factor (phone and recovery codes gone). The account's sessions
 * end; at the next login with the user's own password the user enrols again.
 */
export function resetTwoFactor(deps: AppDeps, actor: { id: number; teamId: number }, userId: number): void {
  const target = ownUser(deps.db, actor.teamId, userId);
  if (!confirmed(totpRow(deps.db, target.id))) throw new AppError('BAD_REQUEST', 'twoFactor.notEnabled');
  deps.db.transaction((tx) => {
    removeSecondFactor(tx, target.id);
    revokeUserSessions(tx, target.id);
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'auth.two_factor.reset',
      entity: 'user',
      entityId: target.id,
    });
  });
}

// ── Login, second step ──────────────────────────────────────────────────────────────────────

export type SecondFactorChallenge = { kind: 'secondFactor'; challenge: string; expiresAt: Date };

/** After a correct password: a challenge when the account has a second factor, else null. */
export function startChallenge(deps: AppDeps, userId: number): SecondFactorChallenge | null {
  if (!confirmed(totpRow(deps.db, userId))) return null;
  const now = deps.now();
  const challenge = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  deps.db.transaction((tx) => {
    tx.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now.toISOString())).run();
    tx.insert(loginChallenges)
      .values({ tokenHash: hashToken(challenge), userId, expiresAt: expiresAt.toISOString() })
      .run();
  });
  return { kind: 'secondFactor', challenge, expiresAt };
}

export type SecondFactorLogin = { token: string; expiresAt: Date; userId: number };

/**
 * The second step: a TOTP code or an unused recovery code for a live challenge. Only now is a
 * session created. Every failure answers alike; the attempt is counted before the code is
 * checked, per challenge and per account, and all of it runs synchronously (no await).
 */
export function verifyChallenge(deps: AppDeps, input: { challenge: string; code: string }, ip: string): SecondFactorLogin {
  const { db } = deps;
  const now = deps.now();
  const nowIso = now.toISOString();
  const expired = () => new AppError('UNAUTHORIZED', 'twoFactor.challengeExpired');
  const challenge = db
    .select()
    .from(loginChallenges)
    .where(eq(loginChallenges.tokenHash, hashToken(input.challenge)))
    .get();
  if (!challenge) throw expired();
  if (challenge.expiresAt <= nowIso || challenge.attempts >= MAX_CHALLENGE_ATTEMPTS) {
    db.delete(loginChallenges).where(eq(loginChallenges.id, challenge.id)).run();
    throw expired();
  }
  const account = db
    .select({ teamId: users.teamId, disabledAt: users.disabledAt, partnerLeftOn: partners.leftOn })
    .from(users)
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(eq(users.id, challenge.userId))
    .get();
  const row = totpRow(db, challenge.userId);
  // Disabled or left between the two steps, or 2FA removed meanwhile: start again.
  if (!account || account.disabledAt || (account.partnerLeftOn != null && account.partnerLeftOn <= amsterdamDate(now)) || !confirmed(row)) {
    db.delete(loginChallenges).where(eq(loginChallenges.id, challenge.id)).run();
    throw expired();
  }
  if (row.lockedUntil && row.lockedUntil > nowIso) {
    appendAudit(db, now, { teamId: account.teamId, actorId: challenge.userId, action: 'auth.two_factor.throttled', detail: { ip } });
    throw new AppError('TOO_MANY_REQUESTS', 'auth.throttled', { minutes: CODE_LOCK_MINUTES });
  }
  // Counted before the code is checked; a wrong code returns (not throws) its error so the
  // transaction commits the counts.
  const outcome = db.transaction((tx): SecondFactorLogin | AppError => {
    tx.update(loginChallenges)
      .set({ attempts: challenge.attempts + 1 })
      .where(eq(loginChallenges.id, challenge.id))
      .run();
    const method = checkCode(tx, deps.keys, row, input.code, now);
    if (!method) {
      // Every fifth consecutive wrong code locks the second step, twice as long each time
      // (15 min, 30 min, 1 h, … at most a day); only a correct code resets the count.
      const failures = row.failures + 1;
      const locked = failures % MAX_CODE_FAILURES === 0;
      const lockMinutes = Math.min(CODE_LOCK_MINUTES * 2 ** (failures / MAX_CODE_FAILURES - 1), 24 * 60);
      tx.update(userTotp)
        .set(locked ? { failures, lockedUntil: new Date(now.getTime() + lockMinutes * 60_000).toISOString() } : { failures })
        .where(eq(userTotp.userId, row.userId))
        .run();
      // A lock voids every pending challenge of the account.
      if (locked) tx.delete(loginChallenges).where(eq(loginChallenges.userId, row.userId)).run();
      appendAudit(tx, now, { teamId: account.teamId, actorId: row.userId, action: 'auth.two_factor.failed', detail: { ip } });
      return new AppError('UNAUTHORIZED', 'twoFactor.invalidCode');
    }
    tx.update(userTotp).set({ failures: 0, lockedUntil: null }).where(eq(userTotp.userId, row.userId)).run();
    tx.delete(loginChallenges).where(eq(loginChallenges.id, challenge.id)).run();
    const session = createSession(tx, deps.config, row.userId, now);
    appendAudit(tx, now, { teamId: account.teamId, actorId: row.userId, action: 'auth.login', detail: { ip, secondFactor: method } });
    if (method === 'recovery')
      appendAudit(tx, now, {
        teamId: account.teamId,
        actorId: row.userId,
        action: 'auth.two_factor.recovery_used',
        entity: 'user',
        entityId: row.userId,
      });
    return { ...session, userId: row.userId };
  });
  if (outcome instanceof AppError) throw outcome;
  return outcome;
}

/** Which factor the code is, after using it up (a TOTP step or a recovery code); null when wrong. */
function checkCode(tx: Db, keys: DataKeys, row: TotpRow, code: string, now: Date): 'totp' | 'recovery' | null {
  if (isTotpCode(code)) {
    const step = acceptedStep(openTotpSecret(keys, row.secret), code, now, row.lastStep);
    if (step === null) return null;
    tx.update(userTotp).set({ lastStep: step }).where(eq(userTotp.userId, row.userId)).run();
    return 'totp';
  }
  if (normaliseRecoveryCode(code).length !== 10) return null;
  const used = tx
    .update(recoveryCodes)
    .set({ usedAt: now.toISOString() })
    .where(and(eq(recoveryCodes.userId, row.userId), eq(recoveryCodes.codeHash, recoveryHash(keys, code)), isNull(recoveryCodes.usedAt)))
    .run();
  if (used.changes !== 1) return null;
  actorsChanged();
  return 'recovery';
}
