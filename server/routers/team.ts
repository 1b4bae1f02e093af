import { z } from 'zod';
import { roles } from '../../db/schema/enums';
import { adminProcedure, authedProcedure, router, teamManagerProcedure, teamReaderProcedure } from '../trpc';
import { createUser, getTeam, listMembers, reissueActivation, setTwoFactorRequired, setUserDisabled } from '../domain/team';
import { email, id, line } from '../validation';
import { resetTwoFactor } from '../auth/two-factor';

export const teamRouter = router({
  get: authedProcedure.query(({ ctx }) => getTeam(ctx.deps, ctx.user.teamId)),

  /** The team's people: names and work e-mail, for the partners to reach each other. */
  members: teamReaderProcedure.query(({ ctx }) =>
    listMembers(ctx.deps, ctx.user.teamId, ctx.user.role === 'admin' || ctx.user.role === 'coordinator'),
  ),

  /** BIO 23.1a: the team requires a second factor for every role that reads personal data. */
  setTwoFactorRequired: adminProcedure.input(z.object({ required: z.boolean() })).mutation(({ ctx, input }) => {
    setTwoFactorRequired(ctx.deps, ctx.user, input.required);
    return { ok: true as const };
  }),
});

export const usersRouter = router({
  create: teamManagerProcedure
    .input(
      z.object({
        name: line(120),
        email,
        role: z.enum(roles),
        partnerId: id.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.deps, ctx.user, input)),

  /** A new one-time link for an account that has not been activated yet. */
  reissueActivation: teamManagerProcedure
    .input(z.object({ userId: id }))
    .mutation(({ ctx, input }) => reissueActivation(ctx.deps, ctx.user, input.userId)),

  /** Removes a lost second factor; the user enrols again at the next login. */
  resetTwoFactor: adminProcedure.input(z.object({ userId: id })).mutation(({ ctx, input }) => {
    resetTwoFactor(ctx.deps, ctx.user, input.userId);
    return { ok: true as const };
  }),

  setDisabled: teamManagerProcedure.input(z.object({ userId: id, disabled: z.boolean() })).mutation(({ ctx, input }) => {
    setUserDisabled(ctx.deps, ctx.user, input);
    return { ok: true as const };
  }),
});
