import { z } from 'zod';
import { caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import {
  cancelMeeting,
  closeMeeting,
  createMeeting,
  PAST_PAGE_MAX,
  createSeries,
  getMeeting,
  listMeetings,
  publishMeeting,
  removeMeeting,
  setCurrentItem,
  startMeeting,
  updateMeeting,
} from '../domain/meetings';
import { openLiveStream } from '../domain/live';
import { calendarFeed } from '../domain/calendar';
import { mailMeetingNotice } from '../domain/meeting-mail';
import { refusePastDay, refusePastInstant } from '../domain/dates';
import { id, isoDate, isoDateTime, line, version } from '../validation';

const ok = { ok: true as const };
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const videoLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/\S+)?$/, { message: 'validation.invalid' })
  .nullish();
const duration = z.number().int().min(5).max(600);
/** Planning in the past is refused unless the coordinator confirms it (server/domain/dates.ts). */
const confirmPast = z.boolean().optional();

export const meetingsRouter = router({
  create: coordinatorProcedure
    .input(
      z.object({
        startsAt: isoDateTime,
        location: optionalText(300),
        title: line(200).nullish(),
        videoLink,
        durationMinutes: duration.nullish(),
        confirmPast,
      }),
    )
    .mutation(({ ctx, input }) => {
      refusePastInstant(ctx.deps, 'startsAt', input.startsAt, input.confirmPast);
      return createMeeting(ctx.deps, ctx.user, input);
    }),

  /** Every `intervalWeeks` weeks on `weekday` (1 = Monday) at `time` (Amsterdam) from `from` until `until`. */
  createSeries: coordinatorProcedure
    .input(
      z.object({
        weekday: z.number().int().min(1).max(7),
        time: z.string().max(5), // HH:MM, checked by the domain (shared/time-of-day.ts)
        intervalWeeks: z.number().int().min(1).max(8),
        from: isoDate,
        until: isoDate,
        title: line(200).nullish(),
        location: optionalText(300),
        videoLink,
        durationMinutes: duration.nullish(),
        confirmPast,
      }),
    )
    .mutation(({ ctx, input }) => {
      refusePastDay(ctx.deps, 'from', input.from, input.confirmPast);
      return createSeries(ctx.deps, ctx.user, input);
    }),

  /**
   * No input (SPEC §5): the upcoming overleggen and the first page of the past ones with
   * `nextCursor`; `past: true` pages the closed ones from `cursor`; `heldAfter` lists the
   * overleggen held after that one (where its verslag can be approved).
   */
  list: caseworkProcedure
    .input(
      z
        .object({
          past: z.boolean().nullish(),
          cursor: id.nullish(),
          limit: z.number().int().min(1).max(PAST_PAGE_MAX).nullish(),
          heldAfter: id.nullish(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listMeetings(ctx.deps, ctx.user, input)),

  get: caseworkProcedure.input(z.object({ id })).query(({ ctx, input }) => getMeeting(ctx.deps, ctx.user, input.id)),

  update: coordinatorProcedure
    .input(
      z.object({
        id,
        version,
        startsAt: isoDateTime.optional(),
        title: line(200).optional(),
        location: optionalText(300),
        videoLink,
        durationMinutes: duration.optional(),
        chairUserId: id.nullish(),
        confirmPast,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { version, moved } = updateMeeting(ctx.deps, ctx.user, {
        ...input,
        location: input.location === undefined ? undefined : input.location,
        videoLink: input.videoLink === undefined ? undefined : input.videoLink,
        chairUserId: input.chairUserId === undefined ? undefined : input.chairUserId,
      });
      if (moved) await mailMeetingNotice(ctx.deps, ctx.user.teamId, input.id, 'moved');
      return { version };
    }),

  remove: coordinatorProcedure.input(z.object({ id })).mutation(({ ctx, input }) => (removeMeeting(ctx.deps, ctx.user, input), ok)),
  /** A published overleg that will not take place: removed, and the partners' calendars told (METHOD:CANCEL). */
  cancel: coordinatorProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    const cancelled = cancelMeeting(ctx.deps, ctx.user, input);
    await mailMeetingNotice(ctx.deps, ctx.user.teamId, cancelled, 'cancelled');
    return ok;
  }),

  /** Publishing mails the partners the invite (.ics) with a link (server/domain/meeting-mail.ts). */
  publish: coordinatorProcedure.input(z.object({ id })).mutation(async ({ ctx, input }) => {
    publishMeeting(ctx.deps, ctx.user, input);
    await mailMeetingNotice(ctx.deps, ctx.user.teamId, input.id, 'published');
    return ok;
  }),
  /** More than an hour before the planned start needs `confirmEarly` (the screen asks first). */
  start: coordinatorProcedure
    .input(z.object({ id, confirmEarly: z.boolean().optional() }))
    .mutation(({ ctx, input }) => (startMeeting(ctx.deps, ctx.user, input), ok)),
  /** Closes the overleg; drafts the verslag. */
  close: coordinatorProcedure.input(z.object({ id })).mutation(({ ctx, input }) => (closeMeeting(ctx.deps, ctx.user, input), ok)),

  /** Chair mode: the current agenda item (null for none); its start drives the timer. */
  setCurrentItem: coordinatorProcedure
    .input(z.object({ meetingId: id, agendaItemId: id.nullable() }))
    .mutation(({ ctx, input }) => setCurrentItem(ctx.deps, ctx.user, input)),

  /**
   * Live view (SSE): a snapshot now and after every change in the overleg, as the subscriber may
   * see it. `lastEventId` is accepted for reconnects; every event is a complete snapshot. Ends
   * when the session or reader no longer holds; at most 3 streams per session, 5 per user.
   */
  live: caseworkProcedure
    .input(z.object({ meetingId: id, lastEventId: z.string().max(100).nullish() }))
    .subscription(({ ctx, input, signal }) =>
      openLiveStream(ctx.deps, { reader: ctx.user, sessionToken: ctx.sessionToken }, input.meetingId, signal),
    ),

  /** The caller's personal calendar feed path (created on first use; `rotate` revokes the old one). */
  calendarFeed: caseworkProcedure
    .input(z.object({ rotate: z.boolean().optional() }).optional())
    .mutation(({ ctx, input }) => calendarFeed(ctx.deps, ctx.user, input ?? {})),
});
