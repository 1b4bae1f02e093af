/**
 * Activation links (issue 8 item 12): a new account gets a one-time link that expires, and its
 * user sets their own password with it. Whoever created the account never knows the password.
 * Only a SHA-256 of the token is stored; the token itself travels in the link's fragment
 * (`/activeren#token`), so it never appears in a request line or a server log.
 */
import { assertAcceptablePassword } from './password-policy';
import { randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { accountActivations, teams, users } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import { hashPassword } from './passwords';
import { hashToken, revokeUserSessions } from './sessions';

export const ACTIVATION_HOURS = 72;

export type IssuedActivation = { token: string; expiresAt: Date };

/** A fresh token for the account (replacing an earlier, unused one). Call inside the caller's transaction. */
export function issueActivation(tx: Db, now: Date, userId: number, issuedBy: number | null): IssuedActivation {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ACTIVATION_HOURS * 3_600_000);
  const values = {
    tokenHash: hashToken(token),
    issuedAt: now.toISOString(),
    issuedBy,
    expiresAt: expiresAt.toISOString(),
    activatedAt: null,
  };
  tx.insert(accountActivations)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: accountActivations.userId, set: values })
    .run();
  return { token, expiresAt };
}

export const activationLink = (deps: AppDeps, token: string) => `${publicBaseUrl(deps.config)}/activeren#${token}`;

/** Accounts created with a link that has not been used yet. */
export function pendingActivation(db: Db, userId: number): { expiresAt: string } | null {
  const row = db
    .select({ expiresAt: accountActivations.expiresAt, activatedAt: accountActivations.activatedAt })
    .from(accountActivations)
    .where(eq(accountActivations.userId, userId))
    .get();
  return row && !row.activatedAt ? { expiresAt: row.expiresAt } : null;
}

/**
 * Sends the link when mail is configured. The mail holds the link and the team's name only (P7).
 * Returns whether it was sent; a failure is not fatal: the admin then sees the link to hand over.
 */
export async function mailActivation(
  deps: AppDeps,
  to: { email: string; teamId: number },
  link: string,
  expiresAt: Date,
): Promise<boolean> {
  if (!mailConfigured(deps.config)) return false;
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, to.teamId)).get();
  const until = expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'long', timeStyle: 'short' });
  try {
    await sendMail(deps.config, {
      to: to.email,
      subject: `Activeer uw account voor Overleg (${team?.name ?? ''})`,
      text: [
        `Er is een account voor u aangemaakt in Overleg van ${team?.name ?? 'uw team'}.`,
        `Kies uw eigen wachtwoord via deze link (eenmalig te gebruiken, geldig tot ${until}):`,
        '',
        link,
        '',
        'An account has been created for you in Overleg. Choose your own password with the link above (single use, valid for 72 hours).',
      ].join('\n'),
    });
    return true;
  } catch (error) {
    // Never the address or the link in the log (P7): the admin is told the mail did not go out.
    console.error('[mail] activation link not sent:', (error as Error).message);
    return false;
  }
}

function liveActivation(db: Db, token: string, now: Date) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, teamId: users.teamId, disabledAt: users.disabledAt })
    .from(accountActivations)
    .innerJoin(users, eq(users.id, accountActivations.userId))
    .where(
      and(
        eq(accountActivations.tokenHash, hashToken(token)),
        isNull(accountActivations.activatedAt),
        gt(accountActivations.expiresAt, now.toISOString()),
      ),
    )
    .get();
}

/** What the activation page shows: whose account this is. Unknown, used and expired links answer alike. */
export function lookupActivation(deps: AppDeps, token: string): { name: string; email: string } {
  const row = liveActivation(deps.db, token, deps.now());
  if (!row || row.disabledAt) throw new AppError('NOT_FOUND', 'activation.invalid');
  return { name: row.name, email: row.email };
}

/**
 * Sets the account's first password and uses the link up. Single use even under parallel calls:
 * the token is cleared by a conditional update, and only the call that cleared it sets the password.
 */
export async function activateAccount(deps: AppDeps, input: { token: string; password: string }, ip: string): Promise<void> {
  const row = liveActivation(deps.db, input.token, deps.now());
  if (!row || row.disabledAt) throw new AppError('NOT_FOUND', 'activation.invalid');
  // The same policy as every other password (zxcvbn-ts, not the name or e-mail; issue 8 item 11).
  assertAcceptablePassword(input.password, row, 'password');
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const used = tx
      .update(accountActivations)
      .set({ tokenHash: null, activatedAt: now.toISOString() })
      .where(
        and(
          eq(accountActivations.userId, row.userId),
          eq(accountActivations.tokenHash, hashToken(input.token)),
          isNull(accountActivations.activatedAt),
          gt(accountActivations.expiresAt, now.toISOString()),
        ),
      )
      .run();
    if (used.changes !== 1) throw new AppError('NOT_FOUND', 'activation.invalid');
    tx.update(users).set({ passwordHash }).where(eq(users.id, row.userId)).run();
    revokeUserSessions(tx, row.userId);
    appendAudit(tx, now, {
      teamId: row.teamId,
      actorId: row.userId,
      action: 'user.activated',
      entity: 'user',
      entityId: row.userId,
      detail: { ip },
    });
  });
}
