import { z } from 'zod';
import { partnerKinds } from '../../db/schema';
import { authedProcedure, router, teamManagerProcedure } from '../trpc';
import { joinPartner, leavePartner, listPartners } from '../domain/team';
import { id, isoDate, line, version } from '../validation';

export const partnersRouter = router({
  /** Partner names and kinds are not personal data: every role of the team may read them. */
  list: authedProcedure.query(({ ctx }) => listPartners(ctx.deps, ctx.user.teamId)),

  join: teamManagerProcedure
    .input(z.object({ name: line(120), shortName: line(40), kind: z.enum(partnerKinds), joinedOn: isoDate }))
    .mutation(({ ctx, input }) => joinPartner(ctx.deps, ctx.user, input)),

  leave: teamManagerProcedure
    .input(z.object({ partnerId: id, noticeGivenOn: isoDate, leftOn: isoDate, version }))
    .mutation(({ ctx, input }) => {
      leavePartner(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),
});
