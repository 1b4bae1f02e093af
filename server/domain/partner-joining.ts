/**
 * art. 12 (SPEC P13): a new partner joins only when every existing partner consented, the
 * accession annex is signed, and the FG approved — four eyes over the coordinator's request.
 * Until then there is no partner row, so no account can be made for it and nothing is shown to it.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { partnerJoinConsents, partnerJoinings, partners, type PartnerKind } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { amsterdamDate } from '../clock';
import { assertCovenantInForce } from '../privacy/personal-data';
import { getTeam, listPartners } from './team';
import { ownPartner } from './scope';
import { rejectProposal } from './rejection';
import { teamUserNames } from './team-people';

type Joining = typeof partnerJoinings.$inferSelect;

function ownJoining(deps: AppDeps, teamId: number, id: number): Joining {
  const row = deps.db
    .select()
    .from(partnerJoinings)
    .where(and(eq(partnerJoinings.id, id), eq(partnerJoinings.teamId, teamId)))
    .get();
  if (!row) throw notFound();
  return row;
}

function openJoining(deps: AppDeps, teamId: number, id: number, version?: number): Joining {
  const row = ownJoining(deps, teamId, id);
  if (row.status !== 'proposed') throw new AppError('CONFLICT', 'partners.joiningDecided');
  if (version !== undefined && row.version !== version) throw conflict();
  return row;
}

/** A name is free when no partner has it, nor (`withPending`) another open request. */
function assertNameFree(deps: AppDeps, teamId: number, name: string, withPending = true) {
  const partner = deps.db
    .select({ id: partners.id })
    .from(partners)
    .where(and(eq(partners.teamId, teamId), eq(partners.name, name)))
    .get();
  const pending =
    withPending &&
    deps.db
      .select({ id: partnerJoinings.id })
      .from(partnerJoinings)
      .where(and(eq(partnerJoinings.teamId, teamId), eq(partnerJoinings.name, name), eq(partnerJoinings.status, 'proposed')))
      .get();
  if (partner || pending) throw new AppError('CONFLICT', 'partners.nameTaken');
}

export type JoiningRequest = { name: string; shortName: string; kind: PartnerKind; joinedOn: string; annexRef?: string | null };

/** The coordinator records a request to join. No partner exists yet. */
export function proposeJoining(deps: AppDeps, actor: Actor, input: JoiningRequest): { joiningId: number; status: 'proposed' } {
  // Wind-down (issue 10 item 4): without a covenant in force no partner can join.
  assertCovenantInForce(deps, actor.teamId);
  const team = getTeam(deps, actor.teamId);
  if (input.joinedOn < team.covenant.startsOn) throw new AppError('BAD_REQUEST', 'partners.joinBeforeCovenant');
  const name = input.name.trim();
  assertNameFree(deps, actor.teamId, name);
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(partnerJoinings)
      .values({
        teamId: actor.teamId,
        name,
        shortName: input.shortName.trim(),
        kind: input.kind,
        joinedOn: input.joinedOn,
        annexRef: input.annexRef?.trim() || null,
        proposedByUserId: actor.id,
        proposedAt: deps.now().toISOString(),
      })
      .returning({ id: partnerJoinings.id })
      .get();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.join_proposed',
      entity: 'partner_joining',
      entityId: row.id,
      detail: { name, kind: input.kind, joinedOn: input.joinedOn },
    });
    return { joiningId: row.id, status: 'proposed' as const };
  });
}

/** art. 12.1: one existing partner's consent — when, by whom (a name and function), its reference. */
export function recordJoiningConsent(
  deps: AppDeps,
  actor: Actor,
  input: { joiningId: number; partnerId: number; consentedOn: string; consentedBy: string; reference: string },
) {
  const joining = openJoining(deps, actor.teamId, input.joiningId);
  const partner = ownPartner(deps.db, actor.teamId, input.partnerId);
  if (partner.leftOn && partner.leftOn <= amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'partners.alreadyLeft');
  const existing = deps.db
    .select({ id: partnerJoinConsents.id })
    .from(partnerJoinConsents)
    .where(and(eq(partnerJoinConsents.joiningId, joining.id), eq(partnerJoinConsents.partnerId, partner.id)))
    .get();
  if (existing) throw new AppError('CONFLICT', 'partners.consentRecorded');
  deps.db.transaction((tx) => {
    tx.insert(partnerJoinConsents)
      .values({
        joiningId: joining.id,
        partnerId: partner.id,
        consentedOn: input.consentedOn,
        consentedBy: input.consentedBy.trim(),
        reference: input.reference.trim(),
        recordedByUserId: actor.id,
        recordedAt: deps.now().toISOString(),
      })
      .run();
    tx.update(partnerJoinings)
      .set({ version: joining.version + 1 })
      .where(eq(partnerJoinings.id, joining.id))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.join_consent',
      entity: 'partner_joining',
      entityId: joining.id,
      detail: { partnerId: partner.id, consentedOn: input.consentedOn, reference: input.reference.trim() },
    });
  });
}

/** art. 12.2: the reference of the signed accession annex. */
export function recordJoiningAnnex(deps: AppDeps, actor: Actor, input: { joiningId: number; annexRef: string; version: number }) {
  const joining = openJoining(deps, actor.teamId, input.joiningId, input.version);
  deps.db.transaction((tx) => {
    tx.update(partnerJoinings)
      .set({ annexRef: input.annexRef.trim(), version: joining.version + 1 })
      .where(eq(partnerJoinings.id, joining.id))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.join_annex',
      entity: 'partner_joining',
      entityId: joining.id,
      detail: { annexRef: input.annexRef.trim() },
    });
  });
}

/** Partners whose consent the request still lacks: every partner taking part today. */
function missingConsents(deps: AppDeps, teamId: number, joiningId: number): number[] {
  const given = new Set(
    deps.db
      .select({ partnerId: partnerJoinConsents.partnerId })
      .from(partnerJoinConsents)
      .where(eq(partnerJoinConsents.joiningId, joiningId))
      .all()
      .map((c) => c.partnerId),
  );
  return listPartners(deps, teamId)
    .filter((p) => p.active && !given.has(p.id))
    .map((p) => p.id);
}

/**
 * The FG approves (the partner joins, from the requested date or today if later — never
 * retroactively) or rejects with a reason.
 */
export function decideJoining(
  deps: AppDeps,
  actor: Actor,
  input: { joiningId: number; approve: boolean; reason: string; version: number },
): { partnerId: number | null } {
  const joining = openJoining(deps, actor.teamId, input.joiningId, input.version);
  const now = deps.now();
  if (!input.approve) {
    rejectProposal(deps, actor, {
      reason: input.reason,
      reject: (tx, decision) =>
        tx
          .update(partnerJoinings)
          .set({ status: 'rejected', ...decision, version: joining.version + 1 })
          .where(and(eq(partnerJoinings.id, joining.id), eq(partnerJoinings.status, 'proposed')))
          .run(),
      decidedKey: 'partners.joiningDecided',
      audit: { action: 'partner.join_rejected', entity: 'partner_joining', entityId: joining.id },
    });
    return { partnerId: null };
  }
  assertCovenantInForce(deps, actor.teamId);
  if (!joining.annexRef) throw new AppError('BAD_REQUEST', 'partners.annexMissing');
  if (missingConsents(deps, actor.teamId, joining.id).length > 0) throw new AppError('BAD_REQUEST', 'partners.consentsMissing');
  assertNameFree(deps, actor.teamId, joining.name, false);
  const today = amsterdamDate(now);
  const joinedOn = joining.joinedOn > today ? joining.joinedOn : today;
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(partners)
      .values({ teamId: actor.teamId, name: joining.name, shortName: joining.shortName, kind: joining.kind, joinedOn })
      .returning({ id: partners.id })
      .get();
    tx.update(partnerJoinings)
      .set({
        status: 'approved',
        decidedByUserId: actor.id,
        decidedAt: now.toISOString(),
        decisionReason: input.reason.trim() || null,
        partnerId: row.id,
        version: joining.version + 1,
      })
      .where(eq(partnerJoinings.id, joining.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.joined',
      entity: 'partner',
      entityId: row.id,
      detail: { kind: joining.kind, joinedOn, annexRef: joining.annexRef, joiningId: joining.id },
    });
    return { partnerId: row.id };
  });
}

/** The team's joining requests, newest first, with the consents given and still missing. */
export function listJoinings(deps: AppDeps, teamId: number) {
  const rows = deps.db.select().from(partnerJoinings).where(eq(partnerJoinings.teamId, teamId)).orderBy(desc(partnerJoinings.id)).all();
  if (rows.length === 0) return [];
  const consents = deps.db
    .select()
    .from(partnerJoinConsents)
    .where(
      inArray(
        partnerJoinConsents.joiningId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(partnerJoinConsents.id))
    .all();
  const name = teamUserNames(deps, teamId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    kind: r.kind,
    joinedOn: r.joinedOn,
    annexRef: r.annexRef,
    status: r.status,
    version: r.version,
    proposedBy: name(r.proposedByUserId),
    proposedAt: r.proposedAt,
    decidedBy: name(r.decidedByUserId),
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
    partnerId: r.partnerId,
    consents: consents
      .filter((c) => c.joiningId === r.id)
      .map((c) => ({ partnerId: c.partnerId, consentedOn: c.consentedOn, consentedBy: c.consentedBy, reference: c.reference })),
    missingConsents: r.status === 'proposed' ? missingConsents(deps, teamId, r.id) : [],
  }));
}
