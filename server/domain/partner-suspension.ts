/**
 * BIT art. 6.6: a partner's participation can be suspended. The coordinator proposes, the FG
 * approves; from that moment its users see no personal data (the gate rule in
 * ../privacy/partner-standing.ts). Lifting restores access — a widening of who sees what — so
 * only the FG lifts it (P13: no single coordinator or admin widens access), with a reason.
 */
import { actorsChanged } from '../auth/session-cache';
import type { Actor } from '../auth/actor';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { partnerSuspensions } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { ownPartner } from './scope';
import { rejectProposal } from './rejection';
import { teamUserNames } from './team-people';

type Suspension = typeof partnerSuspensions.$inferSelect;

function ownSuspension(deps: AppDeps, teamId: number, id: number, version: number): Suspension {
  const row = deps.db
    .select()
    .from(partnerSuspensions)
    .where(and(eq(partnerSuspensions.id, id), eq(partnerSuspensions.teamId, teamId)))
    .get();
  if (!row) throw notFound();
  if (row.version !== version) throw conflict();
  return row;
}

export function proposeSuspension(deps: AppDeps, actor: Actor, input: { partnerId: number; reason: string }): { id: number } {
  const partner = ownPartner(deps.db, actor.teamId, input.partnerId);
  const open = deps.db
    .select({ id: partnerSuspensions.id })
    .from(partnerSuspensions)
    .where(and(eq(partnerSuspensions.partnerId, partner.id), inArray(partnerSuspensions.status, ['proposed', 'in_effect'])))
    .get();
  if (open) throw new AppError('CONFLICT', 'partners.suspensionOpen');
  const reason = input.reason.trim();
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(partnerSuspensions)
      .values({ teamId: actor.teamId, partnerId: partner.id, reason, proposedByUserId: actor.id, proposedAt: deps.now().toISOString() })
      .returning({ id: partnerSuspensions.id })
      .get();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.suspension_proposed',
      entity: 'partner',
      entityId: partner.id,
      // The reason is free text: it stays in the suspension's own row, never in the audit detail (P7).
      detail: { suspensionId: row.id },
    });
    return row;
  });
}

/** The FG approves (the suspension is in effect at once) or rejects it with a reason. */
export function decideSuspension(deps: AppDeps, actor: Actor, input: { id: number; approve: boolean; reason: string; version: number }) {
  const row = ownSuspension(deps, actor.teamId, input.id, input.version);
  if (row.status !== 'proposed') throw new AppError('CONFLICT', 'partners.joiningDecided');
  const stillProposed = and(eq(partnerSuspensions.id, row.id), eq(partnerSuspensions.status, 'proposed'));
  if (!input.approve)
    return rejectProposal(deps, actor, {
      reason: input.reason,
      reject: (tx, decision) =>
        tx
          .update(partnerSuspensions)
          .set({ status: 'rejected', ...decision, version: row.version + 1 })
          .where(stillProposed)
          .run(),
      decidedKey: 'partners.joiningDecided',
      audit: { action: 'partner.suspension_rejected', entity: 'partner', entityId: row.partnerId, detail: { suspensionId: row.id } },
    });
  const reason = input.reason.trim();
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.update(partnerSuspensions)
      .set({
        status: 'in_effect',
        decidedByUserId: actor.id,
        decidedAt: now.toISOString(),
        decisionReason: reason || null,
        version: row.version + 1,
      })
      .where(eq(partnerSuspensions.id, row.id))
      .run();
    // BIT art. 6.6: the partner's users lose access at once, also in a cached session.
    actorsChanged();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.suspended',
      entity: 'partner',
      entityId: row.partnerId,
      // The reason is free text: it stays in the suspension's own row, never in the audit detail (P7).
      detail: { suspensionId: row.id },
    });
  });
}

/** The FG lifts a suspension in effect: the partner's users see personal data again. */
export function liftSuspension(deps: AppDeps, actor: Actor, input: { id: number; reason: string; version: number }) {
  const row = ownSuspension(deps, actor.teamId, input.id, input.version);
  if (row.status !== 'in_effect') throw new AppError('CONFLICT', 'partners.suspensionNotInEffect');
  const reason = input.reason.trim();
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.update(partnerSuspensions)
      .set({ status: 'lifted', liftedByUserId: actor.id, liftedAt: now.toISOString(), liftReason: reason, version: row.version + 1 })
      .where(eq(partnerSuspensions.id, row.id))
      .run();
    actorsChanged();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'partner.suspension_lifted',
      entity: 'partner',
      entityId: row.partnerId,
      // The reason is free text: it stays in the suspension's own row, never in the audit detail (P7).
      detail: { suspensionId: row.id },
    });
  });
}

export function listSuspensions(deps: AppDeps, teamId: number) {
  const name = teamUserNames(deps, teamId);
  return deps.db
    .select()
    .from(partnerSuspensions)
    .where(eq(partnerSuspensions.teamId, teamId))
    .orderBy(desc(partnerSuspensions.id))
    .all()
    .map((s) => ({
      id: s.id,
      partnerId: s.partnerId,
      reason: s.reason,
      status: s.status,
      version: s.version,
      proposedBy: name(s.proposedByUserId),
      proposedAt: s.proposedAt,
      decidedBy: name(s.decidedByUserId),
      decidedAt: s.decidedAt,
      decisionReason: s.decisionReason,
      liftedBy: name(s.liftedByUserId),
      liftedAt: s.liftedAt,
      liftReason: s.liftReason,
    }));
}
