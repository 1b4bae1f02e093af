import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { taskStatuses } from '../../db/schema/enums';
import { caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import {
  completeTask,
  createTask,
  lapseTask,
  listTasks,
  myTasks,
  reopenTask,
  reportBlocker,
  resolveBlocker,
  updateTask,
} from '../domain/tasks';
import { id, isoDate, line, version } from '../validation';
import { refusePastDay } from '../domain/dates';
import { MY_TASKS_PAGE } from '../shared/paging';

const ok = { ok: true as const };

export const tasksRouter = router({
  create: coordinatorProcedure
    .input(
      z.object({
        title: freeText(line(300), 'title'),
        assigneePartnerId: id,
        assigneeUserId: id.nullish(),
        dueDate: isoDate,
        agreementId: id.nullish(),
        meetingId: id.nullish(),
        agendaItemId: id.nullish(),
        caseId: id.nullish(),
        // A due date in the past is refused unless confirmed (server/domain/dates.ts).
        confirmPast: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      refusePastDay(ctx.deps, 'dueDate', input.dueDate, input.confirmPast);
      return createTask(ctx.deps, ctx.user, input);
    }),

  // SPEC §5: no input is the first page; `cursor` (the number of tasks received) a further one;
  // `limit` fewer than a page.
  mine: caseworkProcedure
    .input(
      z
        .object({
          includeDone: z.boolean().optional(),
          cursor: z.number().int().min(0).max(100_000).optional(),
          limit: z.number().int().min(1).max(MY_TASKS_PAGE).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => myTasks(ctx.deps, ctx.user, input ?? {})),

  list: coordinatorProcedure
    .input(
      z
        .object({
          partnerId: id.nullish(),
          status: z.enum(taskStatuses).nullish(),
          overdue: z.boolean().nullish(),
          blocked: z.boolean().nullish(),
          gemeentePartnerId: id.nullish(),
          meetingId: id.nullish(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listTasks(ctx.deps, ctx.user, input ?? {})),

  complete: caseworkProcedure
    .input(z.object({ id, resultNote: freeText(z.string().max(2000), 'resultNote'), version: version.nullish() }))
    .mutation(({ ctx, input }) => (completeTask(ctx.deps, ctx.user, input), ok)),

  reopen: caseworkProcedure.input(z.object({ id, version })).mutation(({ ctx, input }) => (reopenTask(ctx.deps, ctx.user, input), ok)),

  /** Knelpunt: the task is blocked (with the reason) until resolved; the coordinators are mailed a link. */
  reportBlocker: caseworkProcedure
    .input(z.object({ id, note: freeText(line(1000), 'note'), version }))
    .mutation(async ({ ctx, input }) => (await reportBlocker(ctx.deps, ctx.user, input), ok)),

  resolveBlocker: caseworkProcedure
    .input(z.object({ id, version, note: freeText(z.string().trim().max(1000), 'note').nullish() }))
    .mutation(({ ctx, input }) => (resolveBlocker(ctx.deps, ctx.user, input), ok)),

  /** Correct an open task: title, due date, partner (and person); the change log keeps what it was. */
  update: coordinatorProcedure
    .input(
      z.object({
        id,
        version,
        title: freeText(line(300), 'title').optional(),
        assigneePartnerId: id.optional(),
        assigneeUserId: id.nullish(),
        dueDate: isoDate.optional(),
        reason: freeText(z.string().trim().max(500), 'reason').nullish(),
      }),
    )
    .mutation(({ ctx, input }) => updateTask(ctx.deps, ctx.user, input)),

  /** Vervallen, with a reason. */
  lapse: coordinatorProcedure
    .input(z.object({ id, version, reason: freeText(line(500), 'reason') }))
    .mutation(({ ctx, input }) => (lapseTask(ctx.deps, ctx.user, input), ok)),
});
