import { z } from 'zod';
import { caseOrigins, caseStatuses, casePriorities } from '../../db/schema';
import { caseReaderProcedure, caseworkProcedure, coordinatorProcedure, router } from '../trpc';
import { createCase, getCase, listCases, listThemes, setCaseStatus, updateCase, withdrawCase } from '../domain/cases';
import { loadReader } from '../privacy/visibility';
import { id, line, prose, version } from '../validation';

const address = {
  gemeentePartnerId: id,
  street: line(120),
  houseNumber: z.number().int().min(1).max(99999),
  houseNumberAddition: z.string().trim().max(10).nullish(),
  postcode: z.string().trim().min(1).max(10),
  city: line(80),
  bagId: z.string().trim().max(20).nullish(),
  // The contract names the theme; an id or the theme's name are both accepted.
  theme: z.union([id, line(80)]),
  origin: z.enum(caseOrigins).nullish(),
  description: prose(1000).nullish(),
};

export const casesRouter = router({
  create: caseworkProcedure
    .input(z.object({ ...address, status: z.enum(['signaal', 'actief']).optional() }))
    .mutation(({ ctx, input }) => createCase(ctx.deps, ctx.reader, input)),

  update: coordinatorProcedure
    .input(z.object({ ...address, id, version, priority: z.enum(casePriorities).optional() }))
    .mutation(({ ctx, input }) => {
      updateCase(ctx.deps, loadReader(ctx.deps.db, ctx.user), input);
      return { ok: true as const };
    }),

  setStatus: coordinatorProcedure
    .input(z.object({ id, status: z.enum(['signaal', 'actief', 'afgerond']), version }))
    .mutation(({ ctx, input }) => {
      setCaseStatus(ctx.deps, loadReader(ctx.deps.db, ctx.user), input);
      return { ok: true as const };
    }),

  /** A signal recorded by mistake: withdrawn with a reason (audited); its betrokkenen are erased. */
  withdraw: coordinatorProcedure
    .input(z.object({ id, version, reason: line(500) }))
    .mutation(({ ctx, input }) => {
      withdrawCase(ctx.deps, loadReader(ctx.deps.db, ctx.user), input);
      return { ok: true as const };
    }),

  get: caseReaderProcedure.input(z.object({ id })).query(({ ctx, input }) => getCase(ctx.deps, ctx.reader, input.id)),

  list: caseReaderProcedure
    .input(
      z.object({
        status: z.enum(caseStatuses).nullish(),
        gemeentePartnerId: id.nullish(),
        themeId: id.nullish(),
        search: z.string().trim().max(100).nullish(),
        hasOverdueTasks: z.boolean().nullish(),
        cursor: id.nullish(),
        limit: z.number().int().min(1).max(100).optional(),
      }).optional(),
    )
    .query(({ ctx, input }) => listCases(ctx.deps, ctx.reader, input ?? {})),

  themes: caseReaderProcedure.query(({ ctx }) => listThemes(ctx.deps, ctx.user.teamId)),
});
