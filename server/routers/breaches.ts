import { z } from 'zod';
import { authedProcedure, privacyProcedure, router } from '../trpc';
import { listBreaches, recordPartnerInformed, reportBreach, runningClocks, updateBreach } from '../domain/breaches';
import { breachNatures, breachStatuses } from '../../db/schema/enums';
import { id, isoDate, isoDateTime, line, prose, version } from '../validation';

const count = z.number().int().min(0).max(100_000_000).nullable();
const optionalLine = (max: number) => z.string().trim().max(max).nullable();

// art. 22 (P10): anyone reports a suspected breach; the FG manages the register and its clocks.
export const breachesRouter = router({
  create: authedProcedure
    .input(z.object({ discoveredAt: isoDateTime, description: line(4000) }))
    .mutation(({ ctx, input }) => reportBreach(ctx.deps, ctx.user, input)),
  list: privacyProcedure.query(({ ctx }) => listBreaches(ctx.deps, ctx.user.teamId)),
  clocks: privacyProcedure.query(({ ctx }) => runningClocks(ctx.deps, ctx.user.teamId)),
  update: privacyProcedure
    .input(
      z.object({
        id,
        version,
        status: z.enum(breachStatuses),
        policeData: z.boolean(),
        nature: z.enum(breachNatures).nullable(),
        dataCategories: prose(1000),
        personsAffected: count,
        recordsAffected: count,
        consequences: prose(4000),
        measuresTaken: prose(4000),
        measuresProposed: prose(4000),
        contact: prose(500),
        authorityReportedAt: isoDateTime.nullable(),
        authorityReference: optionalLine(100),
        authorityNotRequiredReason: optionalLine(2000),
        subjectsDecision: z.enum(['informeren', 'niet_informeren']).nullable(),
        subjectsDecisionReason: optionalLine(2000),
        consultation: prose(4000),
        consultedOn: isoDate.nullable(),
        partnerIds: z.array(id).max(50),
      }),
    )
    .mutation(({ ctx, input }) => updateBreach(ctx.deps, ctx.user, input)),
  partnerInformed: privacyProcedure
    .input(z.object({ id, partnerId: id, informedAt: isoDateTime }))
    .mutation(({ ctx, input }) => recordPartnerInformed(ctx.deps, ctx.user, input)),
});
