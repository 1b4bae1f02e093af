import { z } from 'zod';
import { coordinatorProcedure, rateLimited, reportReaderProcedure, router, teamManagerProcedure } from '../trpc';
import { buildProgressReport, reportPresets, setReportThreshold } from '../domain/reports';
import { isoDate } from '../validation';
import { NARRATIVE_MAX, readNarrative, saveNarrative } from '../domain/report-narrative';

// Aggregated figures only (art. 20.13): no personal data, also for the viewer (bestuur, DVC).
export const reportsRouter = router({
  progress: reportReaderProcedure
    .use(rateLimited('reports'))
    .input(z.object({ from: isoDate, to: isoDate }))
    .query(({ ctx, input }) => buildProgressReport(ctx.deps, ctx.user.teamId, input)),

  /** The coordinator's toelichting / knelpunten of the period (issue 9 item 18), or null. */
  narrative: reportReaderProcedure
    .input(z.object({ from: isoDate, to: isoDate }))
    .query(({ ctx, input }) => readNarrative(ctx.deps, ctx.user.teamId, input)),

  /** A new version of the toelichting; `version` is the one edited (null for the first). */
  saveNarrative: coordinatorProcedure
    .input(
      z.object({
        from: isoDate,
        to: isoDate,
        text: z.string().trim().max(NARRATIVE_MAX),
        version: z.number().int().min(1).max(1_000_000).nullable(),
      }),
    )
    .mutation(({ ctx, input }) => saveNarrative(ctx.deps, ctx.user, input)),

  presets: reportReaderProcedure.query(({ ctx }) => reportPresets(ctx.deps, ctx.user.teamId)),

  /** The threshold k: per-gemeente counts 1..k-1 are shown as "< k" in exports. */
  setThreshold: teamManagerProcedure
    .input(
      z.object({
        threshold: z.number().int().min(1, { message: 'reports.thresholdRange' }).max(50, { message: 'reports.thresholdRange' }),
      }),
    )
    .mutation(({ ctx, input }) => {
      setReportThreshold(ctx.deps, ctx.user, input.threshold);
      return { ok: true as const };
    }),
});
