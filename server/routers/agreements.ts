import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { agreementStatuses } from '../../db/schema/enums';
import { coordinatorProcedure, router } from '../trpc';
import { createAgreement, lapseAgreement, setAgreementStatus, updateAgreement } from '../domain/agreements';
import { id, line, publicId, version } from '../validation';

/** The betrokkenen (opaque ids) a werkafspraak concerns (art. 20.1). */
const subjectIds = z.array(publicId).max(50);

export const agreementsRouter = router({
  create: coordinatorProcedure
    .input(
      z.object({
        caseId: id,
        text: freeText(line(2000), 'text'),
        responsiblePartnerId: id,
        meetingId: id.nullish(),
        agendaItemId: id.nullish(),
        subjectIds: subjectIds.optional(),
      }),
    )
    .mutation(({ ctx, input }) => createAgreement(ctx.deps, ctx.user, input)),

  setStatus: coordinatorProcedure
    .input(z.object({ id, status: z.enum(agreementStatuses), version, reason: freeText(z.string().trim().max(500), 'reason').nullish() }))
    .mutation(({ ctx, input }) => {
      setAgreementStatus(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  /** Correct an open werkafspraak: text or responsible partner; the change log keeps what it was. */
  update: coordinatorProcedure
    .input(
      z.object({
        id,
        version,
        text: freeText(line(2000), 'text').optional(),
        responsiblePartnerId: id.optional(),
        reason: freeText(z.string().trim().max(500), 'reason').nullish(),
        subjectIds: subjectIds.optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateAgreement(ctx.deps, ctx.user, input)),

  lapse: coordinatorProcedure
    .input(z.object({ id, version, reason: freeText(line(500), 'reason') }))
    .mutation(({ ctx, input }) => (lapseAgreement(ctx.deps, ctx.user, input), { ok: true as const })),
});
