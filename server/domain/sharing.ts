// P2/P13: the sharing matrix is team configuration within the covenant's hard limits (art.
// 20.3–20.7), and a change to it is a change to the covenant (art. 13): the admin proposes it with
// the addendum's reference, and it takes effect only when the FG approves it (four eyes).
import { and, desc, eq } from 'drizzle-orm';
import { partnerKinds, sharingProposals, sharingRules, type Audience, type ItemCategory, type PartnerKind } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { rejectProposal } from './rejection';
import { allowedAudiences, ANNEX_KINDS, clampToCovenant, COVENANT_LIMITS } from '../privacy/visibility';
import { teamUserNames } from './team-people';

export type SharingRuleInput = { sourceKind: PartnerKind; category: ItemCategory; audience: Audience | null };
type SharingChange = SharingRuleInput & { from?: Audience | null };

/** The matrix as it takes effect: a row beyond the covenant is shown (and applied) clamped. */
export function listSharingRules(deps: AppDeps, teamId: number) {
  return deps.db
    .select({
      sourceKind: sharingRules.sourceKind,
      category: sharingRules.category,
      audience: sharingRules.audience,
      annexRef: sharingRules.annexRef,
    })
    .from(sharingRules)
    .where(eq(sharingRules.teamId, teamId))
    .all()
    .flatMap(({ annexRef, ...r }) => {
      const audience = clampToCovenant(r.sourceKind, r.category, r.audience, annexRef !== null);
      return audience ? [{ ...r, audience, annexRef }] : [];
    });
}

/**
 * Per kind and category the audiences a proposal may choose; the Team page offers only these.
 * A kind the covenant does not name (`annexable`) gets categories only through an annex.
 */
export function sharingLimits() {
  return partnerKinds.map((kind) => {
    const annexable = ANNEX_KINDS.includes(kind);
    const categories = annexable ? [] : COVENANT_LIMITS[kind].provides;
    return {
      sourceKind: kind,
      article: COVENANT_LIMITS[kind].article,
      annexable,
      categories: categories.map((category) => ({ category, audiences: allowedAudiences(kind, category) })),
    };
  });
}

/** Refuses a cell beyond the covenant's hard limits, with the article that forbids it. */
function assertWithinLimits(change: SharingRuleInput): void {
  if (change.audience === null) return;
  // The proposal carries an addendum reference: for ANNEX_KINDS that is the annex giving categories.
  const allowed = allowedAudiences(change.sourceKind, change.category, true);
  const params = { kind: change.sourceKind, category: change.category, article: COVENANT_LIMITS[change.sourceKind].article };
  if (allowed.length === 0) throw new AppError('BAD_REQUEST', 'sharing.categoryBeyondCovenant', params);
  if (!allowed.includes(change.audience)) throw new AppError('BAD_REQUEST', 'sharing.audienceBeyondCovenant', params);
}

/** The admin proposes changes to the matrix under one addendum; nothing changes yet. */
export function proposeSharingChange(
  deps: AppDeps,
  actor: { id: number; teamId: number },
  input: { addendumRef: string; changes: SharingRuleInput[] },
) {
  const cells = new Set(input.changes.map((c) => `${c.sourceKind}:${c.category}`));
  if (cells.size !== input.changes.length) throw new AppError('BAD_REQUEST', 'sharing.duplicateCell');
  for (const change of input.changes) assertWithinLimits(change);
  const addendumRef = input.addendumRef.trim();
  const changes = input.changes.map((c) => ({ sourceKind: c.sourceKind, category: c.category, audience: c.audience }));
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(sharingProposals)
      .values({
        teamId: actor.teamId,
        addendumRef,
        changes: JSON.stringify(changes),
        proposedByUserId: actor.id,
        proposedAt: deps.now().toISOString(),
      })
      .returning({ id: sharingProposals.id })
      .get();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'sharing.proposed',
      entity: 'sharing_proposal',
      entityId: row.id,
      detail: { addendumRef, changes },
    });
    return { id: row.id, status: 'proposed' as const, addendumRef, changes };
  });
}

function currentCell(db: Db, teamId: number, change: SharingRuleInput) {
  return and(eq(sharingRules.teamId, teamId), eq(sharingRules.sourceKind, change.sourceKind), eq(sharingRules.category, change.category));
}

/**
 * The FG approves (every cell takes effect, checked against the hard limits once more) or rejects
 * with a reason. The history keeps what each cell was before.
 */
export function decideSharingProposal(
  deps: AppDeps,
  actor: { id: number; teamId: number },
  input: { id: number; approve: boolean; reason: string; version: number },
) {
  const proposal = deps.db
    .select()
    .from(sharingProposals)
    .where(and(eq(sharingProposals.id, input.id), eq(sharingProposals.teamId, actor.teamId)))
    .get();
  if (!proposal) throw notFound();
  if (proposal.status !== 'proposed') throw new AppError('CONFLICT', 'sharing.proposalDecided');
  if (proposal.version !== input.version) throw conflict();
  if (!input.approve)
    return rejectProposal(deps, actor, {
      reason: input.reason,
      reject: (tx, decision) =>
        tx
          .update(sharingProposals)
          .set({ status: 'rejected', ...decision, version: proposal.version + 1 })
          .where(and(eq(sharingProposals.id, proposal.id), eq(sharingProposals.status, 'proposed')))
          .run(),
      decidedKey: 'sharing.proposalDecided',
      audit: { action: 'sharing.rejected', entity: 'sharing_proposal', entityId: proposal.id },
    });
  const now = deps.now();
  const changes = JSON.parse(proposal.changes) as SharingChange[];
  for (const change of changes) assertWithinLimits(change);
  deps.db.transaction((tx) => {
    const applied = changes.map((change) => {
      const from =
        tx
          .select({ audience: sharingRules.audience })
          .from(sharingRules)
          .where(currentCell(tx, actor.teamId, change))
          .get()?.audience ?? null;
      tx.delete(sharingRules)
        .where(currentCell(tx, actor.teamId, change))
        .run();
      if (change.audience)
        tx.insert(sharingRules)
          .values({
            teamId: actor.teamId,
            sourceKind: change.sourceKind,
            category: change.category,
            audience: change.audience,
            annexRef: proposal.addendumRef,
          })
          .run();
      return { sourceKind: change.sourceKind, category: change.category, from, audience: change.audience };
    });
    tx.update(sharingProposals)
      .set({
        status: 'approved',
        changes: JSON.stringify(applied),
        decidedByUserId: actor.id,
        decidedAt: now.toISOString(),
        decisionReason: input.reason.trim() || null,
        version: proposal.version + 1,
      })
      .where(eq(sharingProposals.id, proposal.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'sharing.changed',
      entity: 'sharing_proposal',
      entityId: proposal.id,
      detail: { addendumRef: proposal.addendumRef, changes: applied },
    });
  });
}

/** The matrix's history, newest first: who proposed, who decided, the addendum and what changed. */
export function sharingHistory(deps: AppDeps, teamId: number) {
  const name = teamUserNames(deps, teamId);
  return deps.db
    .select()
    .from(sharingProposals)
    .where(eq(sharingProposals.teamId, teamId))
    .orderBy(desc(sharingProposals.id))
    .all()
    .map((p) => ({
      id: p.id,
      addendumRef: p.addendumRef,
      status: p.status,
      version: p.version,
      changes: JSON.parse(p.changes) as SharingChange[],
      proposedBy: name(p.proposedByUserId),
      proposedAt: p.proposedAt,
      decidedBy: name(p.decidedByUserId),
      decidedAt: p.decidedAt,
      decisionReason: p.decisionReason,
    }));
}
