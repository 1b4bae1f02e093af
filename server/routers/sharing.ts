import { z } from 'zod';
import { audiences, itemCategories, partnerKinds } from '../../db/schema/enums';
import { router, withRoles } from '../trpc';
import { decideSharingProposal, listSharingRules, proposeSharingChange, sharingHistory, sharingLimits } from '../domain/sharing';
import { REJECTION_REASON_MAX } from '../domain/rejection';
import { id, line, prose, version } from '../validation';

const matrixReaders = withRoles('coordinator', 'admin', 'privacy');

/**
 * P2/P13: the sharing matrix is team configuration, and changing it is a covenant change (art.
 * 13): the admin proposes with the addendum's reference, the FG approves. Coordinator, admin and
 * FG read it and its history.
 */
export const sharingRouter = router({
  matrix: matrixReaders.query(({ ctx }) => listSharingRules(ctx.deps, ctx.user.teamId)),

  /** The covenant's hard limits (art. 20.3–20.7): what the matrix may be set to at most. */
  limits: matrixReaders.query(() => sharingLimits()),

  history: matrixReaders.query(({ ctx }) => sharingHistory(ctx.deps, ctx.user.teamId)),

  /** Proposes changes under one addendum; returns what it proposed. Nothing takes effect yet. */
  propose: withRoles('admin')
    .input(
      z.object({
        addendumRef: line(120),
        changes: z
          .array(z.object({ sourceKind: z.enum(partnerKinds), category: z.enum(itemCategories), audience: z.enum(audiences).nullable() }))
          .min(1)
          .max(60),
      }),
    )
    .mutation(({ ctx, input }) => proposeSharingChange(ctx.deps, ctx.user, input)),

  decide: withRoles('privacy')
    .input(z.object({ id, approve: z.boolean(), reason: prose(REJECTION_REASON_MAX), version }))
    .mutation(({ ctx, input }) => {
      decideSharingProposal(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),
});
