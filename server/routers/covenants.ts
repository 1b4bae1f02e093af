import { z } from 'zod';
import { reportingCadences, windDownDecisions } from '../../db/schema/enums';
import { authedProcedure, privacyProcedure, router, teamManagerProcedure, withRoles } from '../trpc';
import { covenantOverview, decideProposal, listCovenants, proposeAddendum, proposeCovenant } from '../domain/covenants';
import { decideWindDownCase, handbackExport, windDownCases } from '../domain/wind-down';
import { REJECTION_REASON_MAX } from '../domain/rejection';
import { id, isoDate, line, prose } from '../validation';

const ok = { ok: true as const };

export const covenantsRouter = router({
  /** Contract (issue 10): every covenant of the team with its status; any role of the team. */
  list: authedProcedure.query(({ ctx }) => listCovenants(ctx.deps, ctx.user.teamId)),

  /** The Convenant page: current, history, addenda, proposals, expiry warning, wind-down. */
  overview: authedProcedure.query(({ ctx }) => covenantOverview(ctx.deps, ctx.user)),

  /** A renewal or successor covenant; takes effect only after the FG approves it. */
  propose: teamManagerProcedure
    .input(
      z.object({
        title: line(300),
        citation: z.string().trim().max(200),
        documentRef: line(200),
        signedOn: isoDate.nullable(),
        startsOn: isoDate,
        endsOn: isoDate.nullable(),
        initialTermMonths: z.number().int().min(1).max(240).nullable(),
        tacitRenewalMonths: z.number().int().min(1).max(240).nullable(),
        evaluationCallsForChange: z.boolean(),
        reportingCadence: z.enum(reportingCadences),
        reportRecipient: line(300),
        changes: prose(4000),
      }),
    )
    .mutation(({ ctx, input }) => proposeCovenant(ctx.deps, ctx.user, input)),

  /** An annex or addendum to an approved covenant (art. 12, 13); may move its end date. */
  proposeAddendum: teamManagerProcedure
    .input(z.object({ covenantId: id, reference: line(200), changedOn: isoDate, description: line(4000), newEndsOn: isoDate.nullable() }))
    .mutation(({ ctx, input }) => proposeAddendum(ctx.deps, ctx.user, input)),

  /** The FG approves or rejects (with a reason) a proposal someone else made (four-eyes). */
  decide: privacyProcedure
    .input(z.object({ kind: z.enum(['covenant', 'addendum']), id, approve: z.boolean(), reason: prose(REJECTION_REASON_MAX) }))
    .mutation(({ ctx, input }) => (decideProposal(ctx.deps, ctx.user, input), ok)),

  /** Wind-down: casussen with personal data and the FG's decisions (a member: its own partner's only). */
  windDown: withRoles('coordinator', 'member', 'privacy').query(({ ctx }) => windDownCases(ctx.deps, ctx.user)),

  /** The FG's decision per casus: hand the data back to the providing partners, or erase them. */
  decideCase: privacyProcedure
    .input(z.object({ caseId: id, decision: z.enum(windDownDecisions), note: prose(2000) }))
    .mutation(({ ctx, input }) => (decideWindDownCase(ctx.deps, ctx.user, input), ok)),

  /**
   * For /export/handback (issue 12): one partner's own items of a casus the FG decided to hand
   * back, for the FG or that partner's users, audited with its format. The download only renders it.
   */
  handback: withRoles('coordinator', 'member', 'privacy')
    .input(z.object({ caseId: id, partnerId: id.nullable(), format: z.enum(['html', 'docx']) }))
    .query(({ ctx, input }) => handbackExport(ctx.deps, ctx.user, input.caseId, input.partnerId, input.format)),
});
