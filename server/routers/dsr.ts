import { z } from 'zod';
import { dsrDecisions, dsrKinds } from '../../db/schema/enums';
import { privacyOrCoordinatorProcedure, privacyProcedure, router } from '../trpc';
import { searchPersons } from '../domain/person-search';
import {
  createRequest,
  decideRequest,
  extendRequest,
  forwardRequest,
  getRequest,
  listRequests,
  recordPartnerReport,
} from '../domain/data-subject-requests';
import { buildInzageBundle } from '../privacy/inzage';
import { notInformed } from '../privacy/informing';
import { id, isoDate, line, prose, publicId } from '../validation';

// Data-subject rights (art. 24, 26; SPEC §5 `dsr.*`; issue 11 items 1–3, 8).
export const dsrRouter = router({
  /** A person by name, BSN, date of birth or kenteken, through the blind index; own team only. */
  search: privacyOrCoordinatorProcedure
    .input(z.object({ query: line(200) }))
    .query(({ ctx, input }) => searchPersons(ctx.deps, ctx.user, input.query)),

  create: privacyProcedure
    .input(z.object({ kind: z.enum(dsrKinds), receivedOn: isoDate, receivedByPartnerId: id, subjectIds: z.array(publicId).min(1).max(50) }))
    .mutation(({ ctx, input }) => createRequest(ctx.deps, ctx.user, input)),

  list: privacyProcedure.query(({ ctx }) => listRequests(ctx.deps, ctx.user.teamId)),

  get: privacyProcedure.input(z.object({ id })).query(({ ctx, input }) => getRequest(ctx.deps, ctx.user.teamId, input.id)),

  extend: privacyProcedure
    .input(z.object({ id, reason: line(1000) }))
    .mutation(({ ctx, input }) => extendRequest(ctx.deps, ctx.user, input)),

  forward: privacyProcedure.input(z.object({ id })).mutation(({ ctx, input }) => forwardRequest(ctx.deps, ctx.user, input)),

  recordReport: privacyProcedure
    .input(z.object({ id, partnerId: id, reportedOn: isoDate, report: line(2000) }))
    .mutation(({ ctx, input }) => {
      recordPartnerReport(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  decide: privacyProcedure.input(z.object({ id, decision: z.enum(dsrDecisions), note: prose(2000) })).mutation(({ ctx, input }) => {
    decideRequest(ctx.deps, ctx.user, input);
    return { ok: true as const };
  }),

  /** The inzage bundle of one request (FG only; every assembly audited). */
  bundle: privacyProcedure
    .input(z.object({ id, format: z.enum(['screen', 'html', 'docx']).default('screen') }))
    .query(({ ctx, input }) => buildInzageBundle(ctx.deps, ctx.user, input.id, input.format)),

  /** art. 26: betrokkenen nobody informed yet, police-only betrokkenen excluded (26.3). */
  notInformed: privacyOrCoordinatorProcedure.query(({ ctx }) => notInformed(ctx.deps, ctx.user.teamId)),
});
