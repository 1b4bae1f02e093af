/**
 * The FG rejecting a proposal with a reason — a covenant or addendum (PIT art. 12, 13), a partner
 * joining (art. 12), a change of the sharing matrix (art. 13), a suspension (BIT art. 6.6) — in one
 * way (issue 12): the reason is required, trimmed and bounded; who and when are recorded with it;
 * only a proposal that is still open can be rejected (checked in the update itself, so a decision
 * made meanwhile is a conflict, never overwritten); and one audit row records it. The reason is
 * free text, so it stays in the proposal's own row and never goes into the audit detail (P7).
 */
import type { Db } from '../../db/client';
import type { Actor } from '../auth/actor';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, fieldError } from '../errors';
import type { MessageKey } from '../i18n/messages';

/** The longest reason a rejection keeps; the routers' input schemas use the same bound. */
export const REJECTION_REASON_MAX = 2000;

/** A rejection's reason, trimmed; none (or only spaces) is refused at the reason field. */
export function rejectionReason(raw: string): string {
  const reason = raw.trim();
  if (!reason) throw fieldError('reason', 'covenants.reasonRequired');
  if (reason.length > REJECTION_REASON_MAX) throw fieldError('reason', 'validation.tooLong', { max: REJECTION_REASON_MAX });
  return reason;
}

/** What a rejected proposal records about its decision. */
export type RejectionDecision = { decidedByUserId: number; decidedAt: string; decisionReason: string };

export type Rejection = {
  /** The reason as typed. */
  reason: string;
  /**
   * Marks the proposal rejected with `decision`, ONLY while it is still proposed (a condition in
   * the update's WHERE), and returns the update's result.
   */
  reject: (tx: Db, decision: RejectionDecision) => { changes: number };
  /** The CONFLICT message when the proposal was decided already. */
  decidedKey: MessageKey;
  audit: { action: string; entity: string; entityId: number; detail?: Record<string, unknown> };
};

/** Validates the reason (before anything changes), then rejects and audits in one transaction. */
export function rejectProposal(deps: AppDeps, actor: Pick<Actor, 'id' | 'teamId'>, rejection: Rejection): void {
  const decisionReason = rejectionReason(rejection.reason);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const updated = rejection.reject(tx, { decidedByUserId: actor.id, decidedAt: now.toISOString(), decisionReason });
    if (updated.changes !== 1) throw new AppError('CONFLICT', rejection.decidedKey);
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, ...rejection.audit });
  });
}
