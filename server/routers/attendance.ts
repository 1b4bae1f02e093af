import { z } from 'zod';
import { attendanceStatuses, regretKinds } from '../../db/schema/enums';
import { coordinatorProcedure, partnerMemberProcedure, router } from '../trpc';
import { setAttendance } from '../domain/attendance';
import { announceRegrets, withdrawRegrets } from '../domain/regrets';
import { id, version } from '../validation';

export const attendanceRouter = router({
  set: coordinatorProcedure
    .input(z.object({ meetingId: id, partnerId: id, status: z.enum(attendanceStatuses), attendeeUserIds: z.array(id).max(50).nullish() }))
    .mutation(({ ctx, input }) => ({ ok: true as const, ...setAttendance(ctx.deps, ctx.user, input) })),

  /** A member, for their own partner, before the overleg: regrets or a delegate (issue 9.13). */
  announce: partnerMemberProcedure
    .input(
      z.object({
        meetingId: id,
        kind: z.enum(regretKinds),
        reason: z.string().trim().max(200).nullish(),
        delegateUserId: id.nullish(),
        version: version.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => ({ ok: true as const, ...announceRegrets(ctx.deps, ctx.user, ctx.partnerId, input) })),
  /** Withdraws the own partner's announcement (a retry after it is gone changes nothing). */
  withdraw: partnerMemberProcedure
    .input(z.object({ meetingId: id, version }))
    .mutation(({ ctx, input }) => ({ ok: true as const, ...withdrawRegrets(ctx.deps, ctx.user, ctx.partnerId, input) })),
});
