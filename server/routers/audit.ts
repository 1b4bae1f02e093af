import { z } from 'zod';
import { privacyProcedure, rateLimited, router } from '../trpc';
import { AUDIT_PAGE_MAX, listAudit, listAuditActors, verifyAudit } from '../domain/audit-log';
import { id, isoDate, line } from '../validation';

const actionPrefix = z.string().trim().max(60).regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, { message: 'validation.invalid' });

// P6 (art. 20.2, 23): the FG reviews the team's audit log and checks that the chain is intact.
export const auditRouter = router({
  list: privacyProcedure
    .input(z.object({
      cursor: id.nullish(),
      limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).nullish(),
      action: actionPrefix.nullish(),
      actorId: id.nullish(),
      caseCode: line(40).nullish(),
      from: isoDate.nullish(),
      to: isoDate.nullish(),
    }).optional())
    .query(({ ctx, input }) => listAudit(ctx.deps, ctx.user, input ?? {})),

  actors: privacyProcedure.query(({ ctx }) => listAuditActors(ctx.deps, ctx.user)),

  verify: privacyProcedure.use(rateLimited('auditCheck')).query(({ ctx }) => verifyAudit(ctx.deps, ctx.user)),
});
