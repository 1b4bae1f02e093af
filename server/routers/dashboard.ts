import { reportReaderProcedure, router } from '../trpc';
import { dashboard } from '../domain/dashboard';

export const dashboardRouter = router({
  get: reportReaderProcedure.query(({ ctx }) => dashboard(ctx.deps, ctx.user)),
});
