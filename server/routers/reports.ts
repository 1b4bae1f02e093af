import { z } from 'zod';
import { rateLimited, reportReaderProcedure, router, teamManagerProcedure } from '../trpc';
import { buildProgressReport, reportPresets, setReportThreshold } from '../domain/reports';
import { isoDate } from '../validation';

// Aggregated figures only (art. 20.13): no personal data, also for the viewer (bestuur, DVC).
export const reportsRouter = router({
  progress: reportReaderProcedure.use(rateLimited('reports')).input(z.object({ from: isoDate, to: isoDate }))
    .query(({ ctx, input }) => buildProgressReport(ctx.deps, ctx.user.teamId, input)),

  presets: reportReaderProcedure.query(({ ctx }) => reportPresets(ctx.deps, ctx.user.teamId)),

  /** The threshold k: per-gemeente counts 1..k-1 are shown as "< k" in exports. */
  setThreshold: teamManagerProcedure.input(z.object({ threshold: z.number().int().min(1, { message: 'reports.thresholdRange' }).max(50, { message: 'reports.thresholdRange' }) }))
    .mutation(({ ctx, input }) => {
      setReportThreshold(ctx.deps, ctx.user, input.threshold);
      return { ok: true as const };
    }),
});
