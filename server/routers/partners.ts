import { z } from 'zod';
import { partnerKinds } from '../../db/schema/enums';
import { authedProcedure, coordinatorProcedure, router, teamManagerProcedure, withRoles } from '../trpc';
import { leavePartner, listPartners } from '../domain/team';
import { decideJoining, listJoinings, proposeJoining, recordJoiningAnnex, recordJoiningConsent } from '../domain/partner-joining';
import { decideSuspension, liftSuspension, listSuspensions, proposeSuspension } from '../domain/partner-suspension';
import { openTasksOfLeavingPartners } from '../domain/partner-leaving';
import { REJECTION_REASON_MAX } from '../domain/rejection';
import { id, isoDate, line, prose, version } from '../validation';

const ok = { ok: true as const };
/** Who follows the covenant's changes: the coordinator proposes, the FG decides, the admin reads along. */
const covenantReaders = withRoles('coordinator', 'admin', 'privacy');
const fgProcedure = withRoles('privacy');
const decision = z.object({ approve: z.boolean(), reason: prose(REJECTION_REASON_MAX), version });

export const partnersRouter = router({
  /** Partner names and kinds are not personal data: every role of the team may read them. */
  list: authedProcedure.query(({ ctx }) => listPartners(ctx.deps, ctx.user.teamId)),

  /** art. 12: records a request to join; the partner exists only after the FG approves. */
  join: coordinatorProcedure
    .input(
      z.object({
        name: line(120),
        shortName: line(40),
        kind: z.enum(partnerKinds),
        joinedOn: isoDate,
        annexRef: line(120).nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => proposeJoining(ctx.deps, ctx.user, input)),

  joinings: covenantReaders.query(({ ctx }) => listJoinings(ctx.deps, ctx.user.teamId)),

  recordConsent: coordinatorProcedure
    .input(z.object({ joiningId: id, partnerId: id, consentedOn: isoDate, consentedBy: line(120), reference: line(120) }))
    .mutation(({ ctx, input }) => (recordJoiningConsent(ctx.deps, ctx.user, input), ok)),

  recordAnnex: coordinatorProcedure
    .input(z.object({ joiningId: id, annexRef: line(120), version }))
    .mutation(({ ctx, input }) => (recordJoiningAnnex(ctx.deps, ctx.user, input), ok)),

  decideJoining: fgProcedure
    .input(decision.extend({ joiningId: id }))
    .mutation(({ ctx, input }) => decideJoining(ctx.deps, ctx.user, input)),

  leave: teamManagerProcedure
    .input(z.object({ partnerId: id, noticeGivenOn: isoDate, leftOn: isoDate, version }))
    .mutation(({ ctx, input }) => (leavePartner(ctx.deps, ctx.user, input), ok)),

  /** Open tasks of partners that left or are leaving, for the coordinator to reassign (tasks.update). */
  openTasks: coordinatorProcedure.query(({ ctx }) => openTasksOfLeavingPartners(ctx.deps, ctx.user)),

  /** BIT art. 6.6: the coordinator proposes a suspension; the FG approves, and lifts it. */
  suspend: coordinatorProcedure
    .input(z.object({ partnerId: id, reason: line(500) }))
    .mutation(({ ctx, input }) => proposeSuspension(ctx.deps, ctx.user, input)),

  suspensions: covenantReaders.query(({ ctx }) => listSuspensions(ctx.deps, ctx.user.teamId)),

  decideSuspension: fgProcedure
    .input(decision.extend({ id }))
    .mutation(({ ctx, input }) => (decideSuspension(ctx.deps, ctx.user, input), ok)),

  liftSuspension: fgProcedure
    .input(z.object({ id, reason: line(500), version }))
    .mutation(({ ctx, input }) => (liftSuspension(ctx.deps, ctx.user, input), ok)),
});
