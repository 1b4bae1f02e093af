import { z } from 'zod';
import { roles } from '../../db/schema';
import { authedProcedure, router, teamManagerProcedure, teamReaderProcedure } from '../trpc';
import { createUser, getTeam, listMembers, setUserDisabled } from '../domain/team';
import { email, id, line } from '../validation';
import { MIN_PASSWORD_LENGTH } from '../auth/passwords';

export const teamRouter = router({
  get: authedProcedure.query(({ ctx }) => getTeam(ctx.deps, ctx.user.teamId)),

  /** The team's people: names and work e-mail, for the partners to reach each other. */
  members: teamReaderProcedure.query(({ ctx }) => listMembers(ctx.deps, ctx.user.teamId)),
});

export const usersRouter = router({
  create: teamManagerProcedure
    .input(
      z.object({
        name: line(120),
        email,
        role: z.enum(roles),
        partnerId: id.nullable().optional(),
        password: z.string().min(MIN_PASSWORD_LENGTH, { message: 'auth.passwordTooWeak' }).max(500),
      }),
    )
    .mutation(({ ctx, input }) => createUser(ctx.deps, ctx.user, input)),

  setDisabled: teamManagerProcedure
    .input(z.object({ userId: id, disabled: z.boolean() }))
    .mutation(({ ctx, input }) => {
      setUserDisabled(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),
});
