// P2: the sharing matrix is team configuration within the covenant's hard limits (art. 20.3–20.7).
import { and, eq } from 'drizzle-orm';
import { partnerKinds, sharingRules, type Audience, type ItemCategory, type PartnerKind } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { allowedAudiences, clampToCovenant, COVENANT_LIMITS } from '../privacy/visibility';

export type SharingRuleInput = { sourceKind: PartnerKind; category: ItemCategory; audience: Audience | null };

/** The matrix as it takes effect: a row beyond the covenant is shown (and applied) clamped. */
export function listSharingRules(deps: AppDeps, teamId: number) {
  return deps.db.select({ sourceKind: sharingRules.sourceKind, category: sharingRules.category, audience: sharingRules.audience })
    .from(sharingRules).where(eq(sharingRules.teamId, teamId)).all()
    .flatMap((r) => {
      const audience = clampToCovenant(r.sourceKind, r.category, r.audience);
      return audience ? [{ ...r, audience }] : [];
    });
}

/** Per kind and category the audiences an admin may choose; the Team page offers only these. */
export function sharingLimits() {
  return partnerKinds.map((kind) => ({
    sourceKind: kind,
    article: COVENANT_LIMITS[kind].article,
    categories: COVENANT_LIMITS[kind].provides.map((category) => ({ category, audiences: allowedAudiences(kind, category) })),
  }));
}

/**
 * Sets one cell of the matrix. Narrowing (or removing) is always allowed; anything beyond the
 * covenant is refused with the article that forbids it — the matrix can never widen the covenant.
 */
export function setSharingRule(deps: AppDeps, actor: { id: number; teamId: number }, input: SharingRuleInput): void {
  if (input.audience !== null) {
    const allowed = allowedAudiences(input.sourceKind, input.category);
    const params = { kind: input.sourceKind, category: input.category, article: COVENANT_LIMITS[input.sourceKind].article };
    if (allowed.length === 0) throw new AppError('BAD_REQUEST', 'sharing.categoryBeyondCovenant', params);
    if (!allowed.includes(input.audience)) throw new AppError('BAD_REQUEST', 'sharing.audienceBeyondCovenant', params);
  }
  deps.db.transaction((tx) => {
    const cell = and(eq(sharingRules.teamId, actor.teamId), eq(sharingRules.sourceKind, input.sourceKind), eq(sharingRules.category, input.category));
    tx.delete(sharingRules).where(cell).run();
    if (input.audience) tx.insert(sharingRules).values({ teamId: actor.teamId, sourceKind: input.sourceKind, category: input.category, audience: input.audience }).run();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'sharing.changed', detail: input });
  });
}
