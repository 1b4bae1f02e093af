import { reportReaderProcedure, router } from '../trpc';
import { dashboard } from '../domain/dashboard';
import { loadReader } from '../privacy/visibility';

export const dashboardRouter = router({
  get: reportReaderProcedure.query(({ ctx }) => dashboard(ctx.deps, loadReader(ctx.deps.db, ctx.user))),
});
