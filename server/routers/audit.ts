import { z } from 'zod';
import { privacyProcedure, rateLimited, router } from '../trpc';
import { AUDIT_PAGE_MAX, exportAudit, listAudit, listAuditActors, verifyAudit } from '../domain/audit-log';
import { id, isoDate, line } from '../validation';
import { massReadSettings, setMassReadSettings } from '../privacy/mass-read';

const actionPrefix = z
  .string()
  .trim()
  .max(60)
  .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, { message: 'validation.invalid' });
/** A betrokkene's opaque id (server/privacy/public-ids.ts). */
const subjectId = z.string().trim().max(100);

// P6 (art. 20.2, 23): the FG reviews the team's audit log and checks that the chain is intact.
// Listing, exporting and checking are themselves recorded in the log.
const verifyInput = z.object({ full: z.boolean().optional() }).optional();

export const auditRouter = router({
  list: privacyProcedure
    .input(
      z
        .object({
          cursor: id.nullish(),
          limit: z.number().int().min(1).max(AUDIT_PAGE_MAX).nullish(),
          action: actionPrefix.nullish(),
          actorId: id.nullish(),
          caseCode: line(40).nullish(),
          from: isoDate.nullish(),
          to: isoDate.nullish(),
          subjectId: subjectId.nullish(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listAudit(ctx.deps, ctx.user, input ?? {})),

  actors: privacyProcedure.query(({ ctx }) => listAuditActors(ctx.deps, ctx.user)),

  /** Incremental from the newest signed checkpoint; `full` re-checks the whole chain in chunks. */
  verify: privacyProcedure
    // The incremental check reads only the rows since the newest checkpoint (cheap, on every visit
    // of the Logboek); only the full check spends the FG's tokens and takes turns.
    .use(rateLimited('auditCheck', (raw) => verifyInput.safeParse(raw).data?.full === true))
    .input(verifyInput)
    .query(({ ctx, input }) => verifyAudit(ctx.deps, ctx.user, input?.full ? 'full' : 'incremental')),

  /** CSV of the log for a period (at most a year) and/or one betrokkene. */
  export: privacyProcedure
    .use(rateLimited('auditCheck'))
    .input(z.object({ from: isoDate.nullish(), to: isoDate.nullish(), subjectId: subjectId.nullish() }))
    .query(({ ctx, input }) => exportAudit(ctx.deps, ctx.user, input)),

  /** The mass-read alert (P6, issue 11 item 7): how many betrokkenen within how many minutes. */
  massReadSettings: privacyProcedure.query(({ ctx }) => massReadSettings(ctx.deps.db, ctx.user.teamId)),

  setMassReadSettings: privacyProcedure
    .input(z.object({ subjects: z.number().int().min(5).max(1000), minutes: z.number().int().min(1).max(1440) }))
    .mutation(({ ctx, input }) => setMassReadSettings(ctx.deps.db, ctx.deps.now(), ctx.user, input)),
});
