import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { caseReaderProcedure, coordinatorProcedure, router } from '../trpc';
import { listEscalations, raiseEscalation, resolveEscalation } from '../domain/escalations';
import { id, isoDate, line, version } from '../validation';

// BIT art. 2.6: knelpunten escalated to the DVC.
export const escalationsRouter = router({
  raise: coordinatorProcedure
    .input(z.object({ caseId: id, raisedOn: isoDate, reason: freeText(line(2000), 'reason') }))
    .mutation(({ ctx, input }) => raiseEscalation(ctx.deps, ctx.user, input)),

  resolve: coordinatorProcedure
    .input(z.object({ id, outcome: freeText(line(2000), 'outcome'), outcomeOn: isoDate, version }))
    .mutation(({ ctx, input }) => {
      resolveEscalation(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  list: caseReaderProcedure
    .input(z.object({ from: isoDate.nullish(), to: isoDate.nullish(), caseId: id.nullish() }).optional())
    .query(({ ctx, input }) => listEscalations(ctx.deps, ctx.user, input ?? {})),
});
