import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { caseOrigins, caseStatuses, casePriorities } from '../../db/schema/enums';
import { caseReaderProcedure, caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import { createCase, getCase, listCases, listThemes, setCaseStatus, updateCase, withdrawCase } from '../domain/cases';
import { bagId, choice, houseNumber, houseNumberAddition, id, line, postcode, prose, version, type HouseNumber } from '../validation';

// Every rule of the address, Dutch formats included, is here with its field (server/validation.ts),
// so the form shows each message at its field at once.
const address = {
  gemeentePartnerId: choice,
  street: line(120),
  houseNumber,
  houseNumberAddition,
  postcode,
  city: line(80),
  bagId,
  // The contract names the theme; an id or the theme's name are both accepted.
  theme: z.union([choice, line(80)]),
  origin: z.enum(caseOrigins).nullish(),
  description: freeText(prose(1000), 'description').nullish(),
};

/** "12a" in the house number field carries its own addition; both at once is ambiguous. */
function withHouseNumber<T extends { houseNumber: HouseNumber; houseNumberAddition: string | null }>(input: T, ctx: z.RefinementCtx) {
  if (input.houseNumber.addition && input.houseNumberAddition) {
    ctx.addIssue({ code: 'custom', message: 'cases.additionTwice', path: ['houseNumberAddition'] });
    return z.NEVER;
  }
  return { ...input, houseNumber: input.houseNumber.number, houseNumberAddition: input.houseNumber.addition ?? input.houseNumberAddition };
}

export const casesRouter = router({
  create: caseworkProcedure
    .input(z.object({ ...address, status: z.enum(['signaal', 'actief']).optional() }).transform(withHouseNumber))
    .mutation(({ ctx, input }) => createCase(ctx.deps, ctx.user, input)),

  update: coordinatorProcedure
    .input(z.object({ ...address, id, version, priority: z.enum(casePriorities).optional() }).transform(withHouseNumber))
    .mutation(({ ctx, input }) => {
      updateCase(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  setStatus: coordinatorProcedure
    .input(z.object({ id, status: z.enum(['signaal', 'actief', 'afgerond']), version }))
    .mutation(({ ctx, input }) => {
      setCaseStatus(ctx.deps, ctx.user, input);
      return { ok: true as const };
    }),

  /** A signal recorded by mistake: withdrawn with a reason (audited); its betrokkenen are erased. */
  withdraw: coordinatorProcedure.input(z.object({ id, version, reason: freeText(line(500), 'reason') })).mutation(({ ctx, input }) => {
    withdrawCase(ctx.deps, ctx.user, input);
    return { ok: true as const };
  }),

  get: caseReaderProcedure.input(z.object({ id })).query(({ ctx, input }) => getCase(ctx.deps, ctx.user, input.id)),

  list: caseReaderProcedure
    .input(
      z
        .object({
          status: z.enum(caseStatuses).nullish(),
          gemeentePartnerId: id.nullish(),
          themeId: id.nullish(),
          search: z.string().trim().max(100).nullish(),
          hasOverdueTasks: z.boolean().nullish(),
          cursor: id.nullish(),
          limit: z.number().int().min(1).max(100).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listCases(ctx.deps, ctx.user, input ?? {})),

  themes: caseReaderProcedure.query(({ ctx }) => listThemes(ctx.deps, ctx.user.teamId)),
});
