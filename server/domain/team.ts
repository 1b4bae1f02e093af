import { and, asc, eq, ne } from 'drizzle-orm';
import { covenants, partners, teams, users, type PartnerKind, type Role } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { addMonths, amsterdamDate } from '../clock';
import { hashPassword } from '../auth/passwords';
import { assertAcceptablePassword } from '../auth/password-policy';
import { revokeUserSessions } from '../auth/sessions';

export function getTeam(deps: AppDeps, teamId: number) {
  const row = deps.db
    .select({
      id: teams.id,
      name: teams.name,
      code: teams.code,
      region: teams.region,
      retentionMonths: teams.retentionMonths,
      suppressionThreshold: teams.suppressionThreshold,
      covenant: {
        title: covenants.title,
        citation: covenants.citation,
        startsOn: covenants.startsOn,
        endsOn: covenants.endsOn,
        renewalRule: covenants.renewalRule,
        reportingCadence: covenants.reportingCadence,
        reportRecipient: covenants.reportRecipient,
      },
    })
    .from(teams)
    .innerJoin(covenants, eq(covenants.teamId, teams.id))
    .where(eq(teams.id, teamId))
    .get();
  if (!row) throw notFound();
  const today = amsterdamDate(deps.now());
  // After the end date no new personal data may be recorded (no legal basis, SPEC §3).
  const covenantActive = row.covenant.startsOn <= today && (row.covenant.endsOn === null || today < row.covenant.endsOn);
  return { ...row, covenant: { ...row.covenant, active: covenantActive } };
}

export type PartnerRow = ReturnType<typeof listPartners>[number];

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
  const partner = deps.db.select().from(partners).where(and(eq(partners.id, partnerId), eq(partners.teamId, teamId))).get();
  if (!partner) throw notFound();
  return partner;
}

/** art. 12: a new partner joins the covenant on a recorded date. */
export function joinPartner(deps: AppDeps, actor: SessionUser, input: { name: string; shortName: string; kind: PartnerKind; joinedOn: string }) {
  const team = getTeam(deps, actor.teamId);
  if (input.joinedOn < team.covenant.startsOn) throw new AppError('BAD_REQUEST', 'partners.joinBeforeCovenant');
  const taken = deps.db.select({ id: partners.id }).from(partners)
    .where(and(eq(partners.teamId, actor.teamId), eq(partners.name, input.name.trim()))).get();
  if (taken) throw new AppError('CONFLICT', 'partners.nameTaken');
  return deps.db.transaction((tx) => {
    const row = tx.insert(partners)
      .values({ teamId: actor.teamId, name: input.name.trim(), shortName: input.shortName.trim(), kind: input.kind, joinedOn: input.joinedOn })
      .returning({ id: partners.id }).get();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'partner.joined', entity: 'partner', entityId: row.id, detail: { kind: input.kind, joinedOn: input.joinedOn } });
    return row;
  });
}

/**
 * art. 14: a partner leaves with at least two months' notice. From the leaving date its members
 * lose access; its history (tasks, findings, items it provided) stays with the team.
 */
export function leavePartner(deps: AppDeps, actor: SessionUser, input: { partnerId: number; noticeGivenOn: string; leftOn: string; version: number }) {
  const partner = findPartner(deps, actor.teamId, input.partnerId);
  if (partner.leftOn) throw new AppError('CONFLICT', 'partners.alreadyLeft');
  const earliest = addMonths(input.noticeGivenOn, 2);
  if (input.leftOn < earliest) throw new AppError('BAD_REQUEST', 'partners.noticeTooShort', { earliest });
  deps.db.transaction((tx) => {
    const updated = tx.update(partners)
      .set({ noticeGivenOn: input.noticeGivenOn, leftOn: input.leftOn, version: partner.version + 1 })
      .where(and(eq(partners.id, partner.id), eq(partners.version, input.version))).run();
    if (updated.changes !== 1) throw conflict();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'partner.leaving', entity: 'partner', entityId: partner.id, detail: { noticeGivenOn: input.noticeGivenOn, leftOn: input.leftOn } });
  });
}

export function listMembers(deps: AppDeps, teamId: number) {
  return deps.db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, partnerId: users.partnerId, disabled: users.disabledAt, version: users.version })
    .from(users)
    .where(eq(users.teamId, teamId))
    .orderBy(asc(users.name))
    .all()
    .map(({ disabled, ...u }) => ({ ...u, disabled: disabled !== null }));
}

// The coordinator adds the partners' members and viewers; other roles are the admin's (SPEC §1).
const rolesByManager: Record<'coordinator' | 'admin', Role[]> = {
  coordinator: ['member', 'viewer'],
  admin: ['coordinator', 'member', 'privacy', 'admin', 'viewer'],
};
const rolesWithPartner: Role[] = ['coordinator', 'member', 'viewer'];

export async function createUser(
  deps: AppDeps,
  actor: SessionUser,
  input: { name: string; email: string; role: Role; partnerId?: number | null; password: string },
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
  if (deps.db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) throw new AppError('CONFLICT', 'users.emailTaken');
  assertAcceptablePassword(input.password, input, 'password');
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction((tx) => {
    const row = tx.insert(users)
      .values({ teamId: actor.teamId, partnerId, email, name: input.name.trim(), role: input.role, passwordHash, createdAt: deps.now().toISOString() })
      .returning({ id: users.id }).get();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'user.created', entity: 'user', entityId: row.id, detail: { role: input.role, partnerId } });
    return row;
  });
}

/** Disabling an account ends its sessions at once. */
export function setUserDisabled(deps: AppDeps, actor: SessionUser, input: { userId: number; disabled: boolean }) {
  if (input.userId === actor.id) throw new AppError('BAD_REQUEST', 'users.cannotDisableSelf');
  const target = deps.db.select({ id: users.id, role: users.role }).from(users)
    .where(and(eq(users.id, input.userId), eq(users.teamId, actor.teamId))).get();
  if (!target) throw notFound();
  if (actor.role !== 'admin' && !rolesByManager.coordinator.includes(target.role)) throw new AppError('FORBIDDEN', 'users.roleNotAllowed');
  deps.db.transaction((tx) => {
    tx.update(users).set({ disabledAt: input.disabled ? deps.now().toISOString() : null }).where(eq(users.id, target.id)).run();
    if (input.disabled) revokeUserSessions(tx, target.id);
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: input.disabled ? 'user.disabled' : 'user.enabled', entity: 'user', entityId: target.id });
  });
}

export function setLocale(deps: AppDeps, userId: number, locale: 'nl' | 'en') {
  deps.db.update(users).set({ locale }).where(and(eq(users.id, userId), ne(users.locale, locale))).run();
}
