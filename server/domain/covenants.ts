/**
 * The covenant as governed configuration (issue 10 items 1–2): a team's covenant records with
 * their history, and proposals for a renewal (a new record) or an annex/addendum (a change to a
 * record). PIT art. 13 / BIT art. 13: changes are ratified by all partners in writing — here the
 * admin or coordinator registers the signed document as a proposal and the FG checks and approves
 * it (four-eyes: never the person who proposed). Nothing takes effect before that approval.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { covenantChanges, covenants, users, type ReportingCadence } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict, invalidFields, notFound } from '../errors';
import { amsterdamDate } from '../clock';
import { rejectProposal } from './rejection';
import { covenantInForceOn, findCovenant, teamCovenants, type CovenantStatus } from '../privacy/covenant-gate';

/** Contract (issue 10): `covenants.list` → [{ id, title, documentRef, startsOn, endsOn, status }]. */
export function listCovenants(
  deps: AppDeps,
  teamId: number,
): { id: number; title: string; documentRef: string; startsOn: string; endsOn: string | null; status: CovenantStatus }[] {
  return teamCovenants(deps.db, teamId, amsterdamDate(deps.now())).map((c) => ({
    id: c.id,
    title: c.title,
    documentRef: c.documentRef,
    startsOn: c.startsOn,
    endsOn: c.effectiveEndsOn,
    status: c.status,
  }));
}

/** Days before the end date at which coordinator, admin and FG are warned (issue 10 item 4). */
export const EXPIRY_THRESHOLDS = [90, 30, 7] as const;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/**
 * The expiry warning of today: the covenant in force ends within 90 days and no approved
 * successor takes over on its end date. Null otherwise.
 */
export function expiryWarning(
  deps: AppDeps,
  teamId: number,
): { covenantId: number; endsOn: string; daysLeft: number; threshold: number } | null {
  const today = amsterdamDate(deps.now());
  const current = covenantInForceOn(deps.db, teamId, today);
  if (!current?.effectiveEndsOn) return null;
  const daysLeft = daysBetween(today, current.effectiveEndsOn);
  const threshold = [...EXPIRY_THRESHOLDS].reverse().find((t) => daysLeft <= t);
  if (threshold === undefined) return null;
  if (covenantInForceOn(deps.db, teamId, current.effectiveEndsOn)) return null; // a successor follows
  return { covenantId: current.id, endsOn: current.effectiveEndsOn, daysLeft, threshold };
}

/** The Convenant page: current covenant, history with what each change did, proposals, warning. */
export function covenantOverview(deps: AppDeps, actor: Actor) {
  const today = amsterdamDate(deps.now());
  const all = deps.db
    .select()
    .from(covenants)
    .where(eq(covenants.teamId, actor.teamId))
    .orderBy(asc(covenants.startsOn), asc(covenants.id))
    .all();
  const statusById = new Map(teamCovenants(deps.db, actor.teamId, today).map((c) => [c.id, c]));
  const changes = deps.db
    .select()
    .from(covenantChanges)
    .where(eq(covenantChanges.teamId, actor.teamId))
    .orderBy(asc(covenantChanges.changedOn), asc(covenantChanges.id))
    .all();
  const people = new Set<number>();
  for (const r of [...all, ...changes]) {
    if (r.proposedByUserId) people.add(r.proposedByUserId);
    if (r.decidedByUserId) people.add(r.decidedByUserId);
  }
  const names = new Map(
    people.size
      ? deps.db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(eq(users.teamId, actor.teamId), inArray(users.id, [...people])))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const who = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  const decision = (r: {
    approval: string;
    proposedByUserId: number | null;
    proposedAt: string | null;
    decidedByUserId: number | null;
    decidedAt: string | null;
    decisionReason: string | null;
  }) => ({
    approval: r.approval as 'proposed' | 'approved' | 'rejected',
    proposedBy: who(r.proposedByUserId),
    proposedByMe: r.proposedByUserId === actor.id,
    proposedAt: r.proposedAt,
    decidedBy: who(r.decidedByUserId),
    decidedAt: r.decidedAt,
    decisionReason: r.decisionReason,
  });
  const current = covenantInForceOn(deps.db, actor.teamId, today);
  const warning = ['coordinator', 'admin', 'privacy'].includes(actor.role) ? expiryWarning(deps, actor.teamId) : null;
  return {
    today,
    inForceId: current?.id ?? null,
    windDown: current === null,
    warning,
    covenants: all.map((c) => ({
      id: c.id,
      title: c.title,
      citation: c.citation,
      documentRef: c.documentRef,
      signedOn: c.signedOn,
      startsOn: c.startsOn,
      endsOn: statusById.get(c.id)?.effectiveEndsOn ?? c.endsOn,
      fixedEndsOn: c.endsOn,
      renewalRule: c.renewalRule,
      initialTermMonths: c.initialTermMonths,
      tacitRenewalMonths: c.tacitRenewalMonths,
      evaluationCallsForChange: c.evaluationCallsForChange,
      reportingCadence: c.reportingCadence,
      reportRecipient: c.reportRecipient,
      changes: c.changes,
      status: c.approval === 'rejected' ? ('rejected' as const) : statusById.get(c.id)!.status,
      ...decision(c),
      addenda: changes
        .filter((a) => a.covenantId === c.id)
        .map((a) => ({
          id: a.id,
          reference: a.reference,
          changedOn: a.changedOn,
          description: a.description,
          newEndsOn: a.newEndsOn,
          ...decision(a),
        })),
    })),
  };
}

export type CovenantProposal = {
  title: string;
  citation: string;
  documentRef: string;
  signedOn: string | null;
  startsOn: string;
  endsOn: string | null;
  initialTermMonths: number | null;
  tacitRenewalMonths: number | null;
  evaluationCallsForChange: boolean;
  reportingCadence: ReportingCadence;
  reportRecipient: string;
  changes: string;
};

/** A renewal (or successor covenant) as a proposal; it takes effect only once the FG approves it. */
export function proposeCovenant(deps: AppDeps, actor: Actor, input: CovenantProposal) {
  if (input.endsOn === null && input.initialTermMonths === null) throw invalidFields({ endsOn: { key: 'covenants.endOrRule' } });
  if (input.endsOn !== null && input.endsOn <= input.startsOn) throw invalidFields({ endsOn: { key: 'covenants.endBeforeStart' } });
  if (input.signedOn !== null && input.signedOn > input.startsOn) throw invalidFields({ signedOn: { key: 'covenants.signedAfterStart' } });
  const now = deps.now();
  // A renewal keeps the predecessor's notice rule for leaving partners (PIT art. 14.3, BIT 14.2).
  const predecessor = deps.db
    .select({ months: covenants.leaveNoticeMonths })
    .from(covenants)
    .where(and(eq(covenants.teamId, actor.teamId), eq(covenants.approval, 'approved')))
    .orderBy(desc(covenants.startsOn))
    .get();
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(covenants)
      .values({
        leaveNoticeMonths: predecessor?.months ?? 0,
        teamId: actor.teamId,
        title: input.title.trim(),
        citation: input.citation.trim() || input.title.trim(),
        documentRef: input.documentRef.trim(),
        signedOn: input.signedOn,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        initialTermMonths: input.endsOn === null ? input.initialTermMonths : null,
        tacitRenewalMonths: input.endsOn === null ? input.tacitRenewalMonths : null,
        evaluationCallsForChange: input.evaluationCallsForChange,
        renewalRule: null,
        reportingCadence: input.reportingCadence,
        reportRecipient: input.reportRecipient.trim(),
        changes: input.changes.trim(),
        approval: 'proposed',
        proposedByUserId: actor.id,
        proposedAt: now.toISOString(),
      })
      .returning({ id: covenants.id })
      .get();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'covenant.proposed',
      entity: 'covenant',
      entityId: row.id,
      detail: { from: input.startsOn, endsOn: input.endsOn ?? undefined },
    });
    return row;
  });
}

/** An annex or addendum to a covenant (art. 12, 13) as a proposal; may move the end date. */
export function proposeAddendum(
  deps: AppDeps,
  actor: Actor,
  input: { covenantId: number; reference: string; changedOn: string; description: string; newEndsOn: string | null },
) {
  const covenant = findCovenant(deps.db, actor.teamId, input.covenantId);
  if (!covenant || covenant.approval !== 'approved') throw notFound();
  if (input.newEndsOn !== null && input.newEndsOn <= covenant.startsOn)
    throw invalidFields({ newEndsOn: { key: 'covenants.endBeforeStart' } });
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(covenantChanges)
      .values({
        covenantId: covenant.id,
        teamId: actor.teamId,
        reference: input.reference.trim(),
        changedOn: input.changedOn,
        description: input.description.trim(),
        newEndsOn: input.newEndsOn,
        approval: 'proposed',
        proposedByUserId: actor.id,
        proposedAt: now.toISOString(),
      })
      .returning({ id: covenantChanges.id })
      .get();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'covenant.addendum_proposed',
      entity: 'covenant',
      entityId: covenant.id,
      detail: { from: input.changedOn, endsOn: input.newEndsOn ?? undefined },
    });
    return row;
  });
}

/**
 * The FG's decision on a proposal. Four-eyes: the proposer can never decide on it, whatever roles
 * it holds. A rejection needs a reason; an approval takes effect at once (from its start date).
 */
export function decideProposal(
  deps: AppDeps,
  actor: Actor,
  input: { kind: 'covenant' | 'addendum'; id: number; approve: boolean; reason: string },
) {
  const table = input.kind === 'covenant' ? covenants : covenantChanges;
  const row = deps.db
    .select({
      id: table.id,
      approval: table.approval,
      proposedByUserId: table.proposedByUserId,
      covenantId: input.kind === 'covenant' ? covenants.id : covenantChanges.covenantId,
    })
    .from(table)
    .where(and(eq(table.id, input.id), eq(table.teamId, actor.teamId)))
    .get();
  if (!row) throw notFound();
  if (row.approval !== 'proposed') throw new AppError('CONFLICT', 'covenants.notProposed');
  if (row.proposedByUserId === actor.id) throw new AppError('FORBIDDEN', 'covenants.fourEyes');
  const action = `covenant.${input.kind === 'covenant' ? '' : 'addendum_'}${input.approve ? 'approved' : 'rejected'}`;
  const stillProposed = and(eq(table.id, row.id), eq(table.approval, 'proposed'));
  if (!input.approve)
    return rejectProposal(deps, actor, {
      reason: input.reason,
      reject: (tx, decision) =>
        tx
          .update(table)
          .set({ approval: 'rejected', ...decision })
          .where(stillProposed)
          .run(),
      decidedKey: 'covenants.notProposed',
      audit: { action, entity: 'covenant', entityId: row.covenantId },
    });
  const reason = input.reason.trim();
  const now = deps.now();
  deps.db.transaction((tx) => {
    const updated = tx
      .update(table)
      .set({ approval: 'approved', decidedByUserId: actor.id, decidedAt: now.toISOString(), decisionReason: reason || null })
      .where(stillProposed)
      .run();
    if (updated.changes !== 1) throw conflict();
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action, entity: 'covenant', entityId: row.covenantId });
  });
}
