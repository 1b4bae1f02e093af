import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import { approveMinutes, finaliseMinutes, listMinutesVersions, reopenMinutes, updateMinutes } from '../domain/minutes';
import { buildMinutesView, CARRIED_PAGE_MAX, carriedCursorPattern, carriedOverPage } from '../domain/minutes-view';
import { exportMinutesView, minutesExportFormats } from '../domain/minutes-export';
import { sendMinutes } from '../domain/minutes-distribution';
import { mailConfigured } from '../mail';
import { id, prose, version } from '../validation';

const ok = { ok: true as const };
const byMeeting = z.object({ meetingId: id });
// Free text without personal data (P1); the screen says so.
const itemText = z.object({
  notes: freeText(prose(20_000), 'notes').optional(),
  decisions: freeText(prose(20_000), 'decisions').optional(),
});

export const minutesRouter = router({
  /** SPEC §5: the verslag as the caller may see it. */
  get: caseworkProcedure.input(byMeeting).query(({ ctx, input }) => buildMinutesView(ctx.deps, ctx.user, input.meetingId, 'minutes')),

  /** The next page of the verslag's carried-over actions (`carriedOverNextCursor` of minutes.get). */
  carriedOver: caseworkProcedure
    .input(
      z.object({
        meetingId: id,
        cursor: z.string().max(30).regex(carriedCursorPattern),
        limit: z.number().int().min(1).max(CARRIED_PAGE_MAX).nullish(),
      }),
    )
    .query(({ ctx, input }) => carriedOverPage(ctx.deps, ctx.user, input)),

  /** The verslag for /export/minutes (HTML, DOCX, Markdown): the same view, audited with its format. */
  export: caseworkProcedure
    .input(z.object({ meetingId: id, format: z.enum(minutesExportFormats) }))
    .query(({ ctx, input }) => exportMinutesView(ctx.deps, ctx.user, input)),

  versions: coordinatorProcedure.input(byMeeting).query(({ ctx, input }) => listMinutesVersions(ctx.deps, ctx.user, input)),

  update: coordinatorProcedure
    .input(
      z.object({
        meetingId: id,
        version,
        content: z.object({
          intro: freeText(prose(20_000), 'intro').optional(),
          items: z
            .record(
              z
                .string()
                .regex(/^\d{1,12}$/)
                .max(12),
              itemText,
            )
            .optional(),
          closing: freeText(prose(20_000), 'closing').optional(),
        }),
      }),
    )
    .mutation(({ ctx, input }) => updateMinutes(ctx.deps, ctx.user, input)),

  finalise: coordinatorProcedure.input(byMeeting).mutation(({ ctx, input }) => (finaliseMinutes(ctx.deps, ctx.user, input), ok)),
  reopen: coordinatorProcedure.input(byMeeting).mutation(({ ctx, input }) => (reopenMinutes(ctx.deps, ctx.user, input), ok)),
  approve: coordinatorProcedure
    .input(z.object({ meetingId: id, approvedInMeetingId: id }))
    .mutation(({ ctx, input }) => (approveMinutes(ctx.deps, ctx.user, input), ok)),

  send: coordinatorProcedure.input(byMeeting).mutation(({ ctx, input }) => sendMinutes(ctx.deps, ctx.user, input)),
  /** Whether "verslag versturen" can work here; without SMTP settings the client explains why not. */
  mailConfigured: caseworkProcedure.query(({ ctx }) => mailConfigured(ctx.deps.config)),
});
