import { z } from 'zod';
import { caseworkProcedure, privacyProcedure, router } from '../trpc';
import { acknowledgeNotice, listNotices } from '../privacy/correction-notices';
import { itemChangeHistory } from '../privacy/item-history';
import { restrictedItemsForFg } from '../privacy/personal-data';
import { listAccessRequests, requestCaseAccess } from '../privacy/access-requests';
import { freeText } from '../privacy/free-text';
import { id } from '../validation';

/** P12: correction notices of the caller's partner (BIT art. 6.7). */
export const noticesRouter = router({
  mine: caseworkProcedure.query(({ ctx }) => listNotices(ctx.deps, ctx.user)),
  acknowledge: caseworkProcedure.input(z.object({ id })).mutation(({ ctx, input }) => acknowledgeNotice(ctx.deps, ctx.user, input.id)),
});

/** The FG's view of P12: every change with its old value and who was told; restricted items. */
export const correctionsRouter = router({
  history: privacyProcedure.query(({ ctx }) => itemChangeHistory(ctx.deps, ctx.user)),
  restricted: privacyProcedure.query(({ ctx }) => restrictedItemsForFg(ctx.deps, ctx.user)),
});

/** P14 (art. 20.1, 20.11): access to a casus' betrokkenen for a partner not involved. */
export const accessRouter = router({
  request: caseworkProcedure
    .input(z.object({ caseId: id, reason: freeText(z.string().trim().min(1).max(500), 'reason') }))
    .mutation(({ ctx, input }) => requestCaseAccess(ctx.deps, ctx.user, input)),
  list: privacyProcedure.query(({ ctx }) => listAccessRequests(ctx.deps, ctx.user.teamId)),
});
