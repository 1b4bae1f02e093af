import { z } from 'zod';
import { itemCategories, subjectKinds } from '../../db/schema/enums';
import { caseworkProcedure, router } from '../trpc';
import { addItems, addSubject, correctItem, eraseItem, revealBsn, setInformed, setItemRestriction } from '../privacy/personal-data';
import { freeText } from '../privacy/free-text';
import { actingPartner, type Actor } from '../auth/actor';
import { id, isoDate, publicId } from '../validation';

const item = z.object({
  category: z.enum(itemCategories),
  // Emptiness and the Dutch formats are checked per category in privacy/personal-data.ts, which
  // reports every item's problem at once.
  value: z.string().max(1000),
  legalGround: z.string().trim().max(300).nullish(),
});

/**
 * A member records for their own partner; the coordinator records on behalf of a named partner
 * (in the overleg, SPEC §2).
 */
const sourcePartnerFor = (actor: Actor, requested: number | null | undefined): number =>
  actingPartner(actor, requested, { required: 'subjects.sourceRequired', ownOnly: 'subjects.ownPartnerOnly' });

// P12: why an item changed — required, short, and itself free of personal data.
const reason = freeText(z.string().trim().min(1).max(500), 'reason');

export const subjectsRouter = router({
  add: caseworkProcedure
    .input(
      z.object({
        caseId: id,
        kind: z.enum(subjectKinds),
        items: z.array(item).min(1, { message: 'subjects.noItems' }).max(20),
        sourcePartnerId: id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const sourcePartnerId = sourcePartnerFor(ctx.user, input.sourcePartnerId);
      return addSubject(ctx.deps, { caseId: input.caseId, kind: input.kind, items: input.items, sourcePartnerId, actor: ctx.user });
    }),

  addItems: caseworkProcedure
    .input(
      z.object({
        subjectId: publicId,
        items: z.array(item).min(1, { message: 'subjects.noItems' }).max(20),
        sourcePartnerId: id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => {
      const sourcePartnerId = sourcePartnerFor(ctx.user, input.sourcePartnerId);
      return addItems(ctx.deps, { subjectId: input.subjectId, items: input.items, sourcePartnerId, actor: ctx.user });
    }),

  /** P3: the full BSN, for a reader who may see the item; audited. */
  revealBsn: caseworkProcedure
    .input(z.object({ itemId: publicId }))
    .mutation(({ ctx, input }) => ({ value: revealBsn(ctx.deps, ctx.user, input.itemId) })),

  setInformed: caseworkProcedure
    .input(z.object({ subjectId: publicId, informedOn: isoDate.nullable(), postponedReason: z.string().max(500).nullable() }))
    .mutation(({ ctx, input }) => {
      setInformed(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  /** P12 (BIT art. 6.7): the provider (or the coordinator on its behalf) corrects an item. */
  correctItem: caseworkProcedure
    .input(z.object({ itemId: publicId, value: z.string().max(1000), reason }))
    .mutation(({ ctx, input }) => correctItem(ctx.deps, ctx.user, input)),

  /** P12 / AVG art. 17: the value is removed; a tombstone "[verwijderd]" stays. */
  eraseItem: caseworkProcedure
    .input(z.object({ itemId: publicId, reason }))
    .mutation(({ ctx, input }) => eraseItem(ctx.deps, ctx.user, input)),

  /** AVG art. 18: only the provider and the FG see a restricted item. */
  restrictItem: caseworkProcedure
    .input(z.object({ itemId: publicId, reason }))
    .mutation(({ ctx, input }) => setItemRestriction(ctx.deps, ctx.user, { ...input, restricted: true })),

  liftRestriction: caseworkProcedure
    .input(z.object({ itemId: publicId, reason }))
    .mutation(({ ctx, input }) => setItemRestriction(ctx.deps, ctx.user, { ...input, restricted: false })),
});
