import { z } from 'zod';
import { authedProcedure, router, signedInProcedure } from '../trpc';
import { beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, twoFactorState } from '../auth/two-factor';
import { endOtherSessions, listOwnSessions } from '../auth/active-sessions';

const code = z.string().trim().min(1).max(20);

/** The caller's own second factor (BIO 23.1a). Enrolment works before the team's requirement is met. */
export const twoFactorRouter = router({
  status: signedInProcedure.query(({ ctx }) => twoFactorState(ctx.deps.db, ctx.user)),

  begin: signedInProcedure.mutation(({ ctx }) => beginEnrolment(ctx.deps, ctx.user)),

  confirm: signedInProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => confirmEnrolment(ctx.deps, ctx.user, input.code, ctx.sessionToken)),

  regenerateRecoveryCodes: authedProcedure
    .input(z.object({ code }))
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.deps, ctx.user, input.code)),

  disable: authedProcedure.input(z.object({ password: z.string().min(1).max(500) })).mutation(async ({ ctx, input }) => {
    await disableTwoFactor(ctx.deps, ctx.user, input.password);
    return { ok: true as const };
  }),
});

/** The caller's own active sessions. */
export const sessionsRouter = router({
  list: authedProcedure.query(({ ctx }) => listOwnSessions(ctx.deps.db, ctx.deps.config, ctx.user.id, ctx.sessionToken, ctx.deps.now())),

  endOthers: authedProcedure.mutation(({ ctx }) => ({ ended: endOtherSessions(ctx.deps.db, ctx.deps.now(), ctx.user, ctx.sessionToken) })),
});
