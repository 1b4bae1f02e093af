import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { audiences, itemCategories, partnerKinds, sharingRules } from '../../db/schema';
import { router, teamManagerProcedure, withRoles } from '../trpc';
import { appendAudit } from '../audit';

/** P2: the sharing matrix is team configuration. The admin changes it; coordinator and admin read it. */
export const sharingRouter = router({
  matrix: teamManagerProcedure.query(({ ctx }) =>
    ctx.deps.db.select({ sourceKind: sharingRules.sourceKind, category: sharingRules.category, audience: sharingRules.audience })
      .from(sharingRules).where(eq(sharingRules.teamId, ctx.user.teamId)).all(),
  ),

  set: withRoles('admin')
    .input(z.object({ sourceKind: z.enum(partnerKinds), category: z.enum(itemCategories), audience: z.enum(audiences).nullable() }))
    .mutation(({ ctx, input }) => {
      const { db } = ctx.deps;
      db.transaction((tx) => {
        tx.delete(sharingRules).where(and(eq(sharingRules.teamId, ctx.user.teamId), eq(sharingRules.sourceKind, input.sourceKind), eq(sharingRules.category, input.category))).run();
        if (input.audience) tx.insert(sharingRules).values({ teamId: ctx.user.teamId, sourceKind: input.sourceKind, category: input.category, audience: input.audience }).run();
        appendAudit(tx, ctx.deps.now(), { teamId: ctx.user.teamId, actorId: ctx.user.id, action: 'sharing.changed', detail: input });
      });
      return { ok: true as const };
    }),
});
