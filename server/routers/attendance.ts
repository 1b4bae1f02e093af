import { z } from 'zod';
import { attendanceStatuses } from '../../db/schema';
import { coordinatorProcedure, router } from '../trpc';
import { setAttendance } from '../domain/attendance';
import { id } from '../validation';

export const attendanceRouter = router({
  set: coordinatorProcedure
    .input(z.object({ meetingId: id, partnerId: id, status: z.enum(attendanceStatuses), attendeeUserIds: z.array(id).max(50).nullish() }))
    .mutation(({ ctx, input }) => ({ ok: true as const, ...setAttendance(ctx.deps, ctx.user, input) })),
});
