import type { Actor } from '../auth/actor';
import { actorsChanged } from '../auth/session-cache';
import { and, asc, eq, ne } from 'drizzle-orm';
import { accountActivations, partners, teams, userTotp, users, type Role } from '../../db/schema';
import type { AppDeps } from '../deps';
import { endLiveStreams } from './auth';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { addMonths, amsterdamDate } from '../clock';
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/passwords';
import {
  ACTIVATION_HOURS,
  activationLink,
  issueActivation,
  mailActivation,
  pendingActivation,
  type IssuedActivation,
} from '../auth/activation';
import { revokeUserSessions } from '../auth/sessions';
import { ownPartner, ownUser } from './scope';
import { covenantInForceOn, teamCovenants } from '../privacy/covenant-gate';

export function getTeam(deps: AppDeps, teamId: number) {
  const row = deps.db
    .select({
      id: teams.id,
      name: teams.name,
      code: teams.code,
      region: teams.region,
      retentionMonths: teams.retentionMonths,
      suppressionThreshold: teams.suppressionThreshold,
      twoFactorRequired: teams.twoFactorRequired,
    })
    .from(teams)
    .where(eq(teams.id, teamId))
    .get();
  if (!row) throw notFound();
  return { ...row, covenant: currentCovenant(deps, teamId) };
}

/**
 * The covenant the team works under today (covenant-gate.ts decides): the one in force, else the
 * last one that was (wind-down), else the first one on record. `active` says whether one is in force.
 */
export function currentCovenant(deps: AppDeps, teamId: number) {
  const today = amsterdamDate(deps.now());
  const all = teamCovenants(deps.db, teamId, today);
  const inForce = covenantInForceOn(deps.db, teamId, today);
  const shown = inForce ?? all.filter((c) => c.status === 'ended').at(-1) ?? all[0];
  if (!shown) throw notFound();
  return {
    id: shown.id,
    title: shown.title,
    citation: shown.citation,
    documentRef: shown.documentRef,
    startsOn: shown.startsOn,
    endsOn: shown.effectiveEndsOn,
    renewalRule: shown.renewalRule,
    reportingCadence: shown.reportingCadence,
    reportRecipient: shown.reportRecipient,
    leaveNoticeMonths: shown.leaveNoticeMonths,
    active: inForce !== null,
  };
}

/** Whether a partner takes part in the covenant on a calendar day: joined (art. 12), not yet left (art. 14). */
export function partnerActiveOn(partner: { joinedOn: string; leftOn: string | null }, day: string): boolean {
  return partner.joinedOn <= day && (partner.leftOn === null || day < partner.leftOn);
}

export function listPartners(deps: AppDeps, teamId: number) {
  const today = amsterdamDate(deps.now());
  return deps.db
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      shortName: partners.shortName,
      joinedOn: partners.joinedOn,
      noticeGivenOn: partners.noticeGivenOn,
      leftOn: partners.leftOn,
      version: partners.version,
    })
    .from(partners)
    .where(eq(partners.teamId, teamId))
    .orderBy(asc(partners.id))
    .all()
    .map((p) => ({ ...p, active: partnerActiveOn(p, today) }));
}

export function findPartner(deps: AppDeps, teamId: number, partnerId: number) {
  return ownPartner(deps.db, teamId, partnerId);
}

// art. 12: joining is a proposal the FG approves — ./partner-joining.ts.

/**
 * A partner leaves on written notice, with the term of the team's own covenant: PIT art. 14.3 at
 * least two months, BIT art. 14.2 none (`covenants.leave_notice_months`). From the leaving date
 * its members lose access; its history (tasks, findings, items it provided) stays with the team.
 */
export function leavePartner(
  deps: AppDeps,
  actor: Actor,
  input: { partnerId: number; noticeGivenOn: string; leftOn: string; version: number },
) {
  const partner = findPartner(deps, actor.teamId, input.partnerId);
  if (partner.leftOn) throw new AppError('CONFLICT', 'partners.alreadyLeft');
  if (input.leftOn < input.noticeGivenOn) throw new AppError('BAD_REQUEST', 'partners.leaveBeforeNotice');
  const months = currentCovenant(deps, actor.teamId).leaveNoticeMonths;
  const earliest = addMonths(input.noticeGivenOn, months);
  if (input.leftOn < earliest) throw new AppError('BAD_REQUEST', 'partners.noticeTooShort', { earliest, months });
  deps.db.transaction((tx) => {
    const updated = tx
      .update(partners)
      .set({ noticeGivenOn: input.noticeGivenOn, leftOn: input.leftOn, version: partner.version + 1 })
      .where(and(eq(partners.id, partner.id), eq(partners.version, input.version)))
      .run();
    if (updated.changes !== 1) throw conflict();
    // Cached sessions hold the partner's old leaving date (art. 14: access ends on that date).
    actorsChanged();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.leaving',
      entity: 'partner',
      entityId: partner.id,
      detail: { noticeGivenOn: input.noticeGivenOn, leftOn: input.leftOn },
    });
  });
}

/** The team's people; the account status (activation, 2FA) only for the managers who act on it. */
export function listMembers(deps: AppDeps, teamId: number, withAccountStatus = false) {
  return deps.db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      partnerId: users.partnerId,
      disabled: users.disabledAt,
      version: users.version,
      activationExpiresAt: accountActivations.expiresAt,
      activatedAt: accountActivations.activatedAt,
      twoFactorAt: userTotp.confirmedAt,
    })
    .from(users)
    .leftJoin(accountActivations, eq(accountActivations.userId, users.id))
    .leftJoin(userTotp, eq(userTotp.userId, users.id))
    .where(eq(users.teamId, teamId))
    .orderBy(asc(users.name))
    .all()
    .map(({ disabled, activationExpiresAt, activatedAt, twoFactorAt, ...u }) => ({
      ...u,
      disabled: disabled !== null,
      // Waiting for its user to choose a password with the activation link, until this moment.
      activationPendingUntil: withAccountStatus && activationExpiresAt && !activatedAt ? activationExpiresAt : null,
      twoFactor: withAccountStatus ? twoFactorAt !== null : null,
    }));
}

// The coordinator adds the partners' members and viewers; other roles are the admin's (SPEC §1).
const rolesByManager: Record<'coordinator' | 'admin', Role[]> = {
  coordinator: ['member', 'viewer'],
  admin: ['coordinator', 'member', 'privacy', 'admin', 'viewer'],
};
const rolesWithPartner: Role[] = ['coordinator', 'member', 'viewer'];

// Roles that read personal data or manage accounts: granting one is shown to the FG (issue 8 item 12).
const raisedRoles: Role[] = ['coordinator', 'privacy', 'admin'];

/**
 * A new account without a password: its user sets one with a one-time activation link (issue 8
 * item 12), so the manager who creates it never knows it. The link is e-mailed when mail is
 * configured; otherwise (or when sending fails) it is returned for the manager to hand over.
 */
export async function createUser(
  deps: AppDeps,
  actor: Actor,
  input: { name: string; email: string; role: Role; partnerId?: number | null },
) {
  const manager = actor.role === 'admin' ? 'admin' : 'coordinator';
  if (!rolesByManager[manager].includes(input.role)) throw new AppError('FORBIDDEN', 'users.roleNotAllowed');
  const partnerId = input.partnerId ?? null;
  if (rolesWithPartner.includes(input.role) && partnerId === null) throw new AppError('BAD_REQUEST', 'users.partnerRequired');
  if (partnerId !== null) {
    const partner = findPartner(deps, actor.teamId, partnerId);
    if (partner.leftOn && partner.leftOn <= amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'partners.alreadyLeft');
  }
  const email = input.email.trim().toLowerCase();
  // The e-mail address is the login name, unique over all teams. The own team's accounts are no
  // secret to its managers, so "taken" is said there. Another team's account must not be
  // confirmed (issue 8 item 10, SPEC §1: teams are isolated): any error would tell "exists
  // elsewhere" apart from "new", so the answer has exactly the shape of a new account's — after
  // the same password hashing work — while nothing is created: a link that activates nothing
  // (or, with mail configured, "sent"). The other team's FG finds the attempt in its audit log.
  const existing = deps.db.select({ id: users.id, teamId: users.teamId }).from(users).where(eq(users.email, email)).get();
  if (existing?.teamId === actor.teamId) throw new AppError('CONFLICT', 'users.emailTaken');
  // Until activation the account has a password nobody knows; a real hash keeps login timing alike.
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const now = deps.now();
  if (existing) {
    appendAudit(deps.db, now, {
      teamId: existing.teamId,
      actorId: null,
      action: 'user.create_refused',
      entity: 'user',
      entityId: existing.id,
      detail: { byTeamId: actor.teamId },
    });
    const expiresAt = new Date(now.getTime() + ACTIVATION_HOURS * 3_600_000).toISOString();
    const mailed = Boolean(deps.config.smtpUrl);
    return {
      ok: true as const,
      mailed,
      activationLink: mailed ? null : activationLink(deps, randomBytes(32).toString('base64url')),
      expiresAt,
    };
  }
  const activation = deps.db.transaction((tx) => {
    const row = tx
      .insert(users)
      .values({
        teamId: actor.teamId,
        partnerId,
        email,
        name: input.name.trim(),
        role: input.role,
        passwordHash,
        createdAt: now.toISOString(),
      })
      .returning({ id: users.id })
      .get();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'user.created',
      entity: 'user',
      entityId: row.id,
      detail: { role: input.role, partnerId },
    });
    if (raisedRoles.includes(input.role)) {
      appendAudit(tx, now, {
        teamId: actor.teamId,
        actorId: actor.id,
        action: 'user.role_raised',
        entity: 'user',
        entityId: row.id,
        detail: { role: input.role },
      });
    }
    return issueActivation(tx, now, row.id, actor.id);
  });
  return { ok: true as const, ...(await deliverActivation(deps, { email, teamId: actor.teamId }, activation)) };
}

async function deliverActivation(deps: AppDeps, to: { email: string; teamId: number }, activation: IssuedActivation) {
  const link = activationLink(deps, activation.token);
  const mailed = await mailActivation(deps, to, link, activation.expiresAt);
  return { mailed, activationLink: mailed ? null : link, expiresAt: activation.expiresAt.toISOString() };
}

/** A new activation link for an account that has not been activated yet (the old link stops working). */
export async function reissueActivation(deps: AppDeps, actor: Actor, userId: number) {
  const target = ownUser(deps.db, actor.teamId, userId);
  if (actor.role !== 'admin' && !rolesByManager.coordinator.includes(target.role)) throw new AppError('FORBIDDEN', 'users.roleNotAllowed');
  // Only for an account whose user never chose a password: re-issuing for an active account
  // would let the manager set its password after all.
  if (!pendingActivation(deps.db, target.id)) throw new AppError('CONFLICT', 'activation.alreadyActive');
  const now = deps.now();
  const activation = deps.db.transaction((tx) => {
    const issued = issueActivation(tx, now, target.id, actor.id);
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'user.activation_reissued',
      entity: 'user',
      entityId: target.id,
    });
    return issued;
  });
  return deliverActivation(deps, { email: target.email, teamId: actor.teamId }, activation);
}

/** BIO 23.1a: whether the team requires a second factor for the roles that read personal data. */
export function setTwoFactorRequired(deps: AppDeps, actor: Actor, required: boolean) {
  deps.db.transaction((tx) => {
    tx.update(teams).set({ twoFactorRequired: required }).where(eq(teams.id, actor.teamId)).run();
    actorsChanged();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'team.two_factor_required',
      entity: 'team',
      entityId: actor.teamId,
      detail: { required },
    });
  });
}

/** Disabling an account ends its sessions at once. */
export function setUserDisabled(deps: AppDeps, actor: Actor, input: { userId: number; disabled: boolean }) {
  if (input.userId === actor.id) throw new AppError('BAD_REQUEST', 'users.cannotDisableSelf');
  const target = ownUser(deps.db, actor.teamId, input.userId);
  if (actor.role !== 'admin' && !rolesByManager.coordinator.includes(target.role)) throw new AppError('FORBIDDEN', 'users.roleNotAllowed');
  deps.db.transaction((tx) => {
    tx.update(users)
      .set({ disabledAt: input.disabled ? deps.now().toISOString() : null })
      .where(eq(users.id, target.id))
      .run();
    actorsChanged();
    if (input.disabled) revokeUserSessions(tx, target.id);
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: input.disabled ? 'user.disabled' : 'user.enabled',
      entity: 'user',
      entityId: target.id,
    });
  });
  if (input.disabled) endLiveStreams(deps, { id: target.id, teamId: actor.teamId });
}

export function setLocale(deps: AppDeps, userId: number, locale: 'nl' | 'en') {
  if (
    deps.db
      .update(users)
      .set({ locale })
      .where(and(eq(users.id, userId), ne(users.locale, locale)))
      .run().changes > 0
  )
    actorsChanged();
}
