import { z } from 'zod';
import { agreementStatuses } from '../../db/schema';
import { coordinatorProcedure, router } from '../trpc';
import { createAgreement, setAgreementStatus } from '../domain/agreements';
import { id, line, version } from '../validation';

export const agreementsRouter = router({
  create: coordinatorProcedure
    .input(z.object({ caseId: id, text: line(2000), responsiblePartnerId: id, meetingId: id.nullish(), agendaItemId: id.nullish() }))
    .mutation(({ ctx, input }) => createAgreement(ctx.deps, ctx.user, input)),

  setStatus: coordinatorProcedure
    .input(z.object({ id, status: z.enum(agreementStatuses), version }))
    .mutation(({ ctx, input }) => {
      setAgreementStatus(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),
});
