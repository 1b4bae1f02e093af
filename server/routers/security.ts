import { z } from 'zod';
import { adminProcedure, router } from '../trpc';
import { listLockedAccounts, listSecurityEvents, unlockTeamAccount } from '../domain/security';
import { id } from '../validation';

// The administrator's security overview (issue 8, items 5 and 8): failed and refused logins,
// locked accounts, and the unlock.
export const securityRouter = router({
  events: adminProcedure.query(({ ctx }) => listSecurityEvents(ctx.deps, ctx.user)),

  lockedAccounts: adminProcedure.query(({ ctx }) => listLockedAccounts(ctx.deps, ctx.user)),

  unlock: adminProcedure.input(z.object({ userId: id })).mutation(({ ctx, input }) => {
    unlockTeamAccount(ctx.deps, ctx.user, ctx.ip, input.userId);
    return { ok: true as const };
  }),
});
