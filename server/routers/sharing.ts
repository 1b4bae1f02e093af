import { z } from 'zod';
import { audiences, itemCategories, partnerKinds } from '../../db/schema';
import { router, teamManagerProcedure, withRoles } from '../trpc';
import { listSharingRules, setSharingRule, sharingLimits } from '../domain/sharing';

/** P2: the sharing matrix is team configuration. The admin changes it; coordinator and admin read it. */
export const sharingRouter = router({
  matrix: teamManagerProcedure.query(({ ctx }) => listSharingRules(ctx.deps, ctx.user.teamId)),

  /** The covenant's hard limits (art. 20.3–20.7): what the matrix may be set to at most. */
  limits: teamManagerProcedure.query(() => sharingLimits()),

  set: withRoles('admin')
    .input(z.object({ sourceKind: z.enum(partnerKinds), category: z.enum(itemCategories), audience: z.enum(audiences).nullable() }))
    .mutation(({ ctx, input }) => {
      setSharingRule(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),
});
