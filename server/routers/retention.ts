import { z } from 'zod';
import { privacyProcedure, router } from '../trpc';
import { approveRetentionList, draftRetentionList, listRetentionRuns, rejectRetentionList, retentionPreview } from '../domain/retention';
import { id, line } from '../validation';

// art. 25 (P8): the FG's retention workspace — what is due, the destruction lists and their runs.
export const retentionRouter = router({
  preview: privacyProcedure.query(({ ctx }) => retentionPreview(ctx.deps, ctx.user.teamId)),
  lists: privacyProcedure.query(({ ctx }) => listRetentionRuns(ctx.deps, ctx.user.teamId)),
  run: privacyProcedure.mutation(async ({ ctx }) => ({ listId: await draftRetentionList(ctx.deps, ctx.user.teamId, ctx.user.id) })),
  approve: privacyProcedure
    .input(z.object({ listId: id }))
    .mutation(({ ctx, input }) => approveRetentionList(ctx.deps, ctx.user, input.listId)),
  reject: privacyProcedure
    .input(z.object({ listId: id, reason: line(1000) }))
    .mutation(({ ctx, input }) => rejectRetentionList(ctx.deps, ctx.user, input.listId, input.reason)),
});
