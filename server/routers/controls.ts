import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { measureCodes, findingCatalogue, measures, noFinding } from '../../db/catalogues';
import { authedProcedure, caseReaderProcedure, caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import {
  addFinding,
  briefing,
  cancelControl,
  completeControl,
  getControl,
  listControls,
  planControl,
  removeFinding,
  updateControl,
} from '../domain/controls';
import { id, isoDate, line, prose, publicId, version } from '../validation';
import { TIME_OF_DAY } from '../shared/time-of-day';

const ok = { ok: true as const };
const time = z.string().max(5).regex(TIME_OF_DAY, { message: 'validation.invalid' });
const plan = {
  plannedOn: isoDate,
  startTime: time.nullish(),
  caseIds: z.array(id).min(1, { message: 'controls.noCases' }).max(50),
  partnerIds: z.array(id).min(1, { message: 'controls.noPartners' }).max(30),
  briefingNotes: freeText(prose(4000), 'notes').nullish(),
};

export const controlsRouter = router({
  /** The catalogues: finding types per partner kind and the measures, with nl/en labels. */
  catalogue: authedProcedure.query(() => ({ findingTypes: findingCatalogue, noFinding, measures })),

  plan: coordinatorProcedure.input(z.object(plan)).mutation(({ ctx, input }) => planControl(ctx.deps, ctx.user, input)),

  update: coordinatorProcedure
    .input(z.object({ ...plan, id, version }))
    .mutation(({ ctx, input }) => (updateControl(ctx.deps, ctx.user, input), ok)),

  cancel: coordinatorProcedure
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => (cancelControl(ctx.deps, ctx.user, input), ok)),

  complete: coordinatorProcedure
    .input(z.object({ id, version }))
    .mutation(({ ctx, input }) => (completeControl(ctx.deps, ctx.user, input), ok)),

  list: caseReaderProcedure
    .input(z.object({ when: z.enum(['upcoming', 'past', 'all']).optional(), caseId: id.nullish() }).optional())
    .query(({ ctx, input }) => listControls(ctx.deps, ctx.user, input ?? {})),

  get: caseReaderProcedure.input(z.object({ id })).query(({ ctx, input }) => getControl(ctx.deps, ctx.user, input.id)),

  addFinding: caseworkProcedure
    .input(
      z.object({
        controlId: id,
        partnerId: id.nullish(),
        caseId: id.nullish(),
        findingType: line(60),
        measure: z.enum(measureCodes),
        note: freeText(prose(1000), 'note').nullish(),
      }),
    )
    .mutation(({ ctx, input }) => addFinding(ctx.deps, ctx.user, input)),

  removeFinding: caseworkProcedure
    .input(z.object({ id: publicId }))
    .mutation(({ ctx, input }) => (removeFinding(ctx.deps, ctx.user, input), ok)),

  /** The briefing for a partner: a member's own; the coordinator's complete one, or a partner's. */
  briefing: caseworkProcedure
    .input(z.object({ id, partnerId: id.nullish() }))
    .query(({ ctx, input }) => briefing(ctx.deps, ctx.user, input)),
});
