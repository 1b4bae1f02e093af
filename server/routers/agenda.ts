import { z } from 'zod';
import { freeText } from '../privacy/free-text';
import { agendaSections } from '../../db/schema/enums';
import { caseworkProcedure, coordinatorProcedure, router, teamManagerProcedure } from '../trpc';
import {
  acceptItem,
  addItem,
  declineItem,
  prefillAgenda,
  proposeItem,
  removeItem,
  reorderItem,
  saveNotes,
  updateItem,
} from '../domain/agenda';
import { getAgendaTemplate, setAgendaTemplate } from '../domain/agenda-template';
import { id, line, prose, version } from '../validation';

const ok = { ok: true as const };
const section = z.enum(agendaSections);
const duration = z.number().int().min(1).max(240);

const templateSection = z.object({
  section,
  enabled: z.boolean(),
  // Null for the sections filled from the data (nieuwe en lopende casussen).
  title: z.string().trim().max(200).nullish(),
  durationMinutes: duration,
});

export const agendaRouter = router({
  /** The team's agenda template: every section with title, default duration and on/off. */
  template: teamManagerProcedure.query(({ ctx }) => getAgendaTemplate(ctx.deps, ctx.user)),

  /** Coordinator or admin edits the template; the sections are fixed, each exactly once. */
  setTemplate: teamManagerProcedure
    .input(z.object({ version, sections: z.array(templateSection).min(1).max(agendaSections.length) }))
    .mutation(({ ctx, input }) => setAgendaTemplate(ctx.deps, ctx.user, input)),

  /** Template items plus signals, AVO requests, casussen with open tasks and carry-over; idempotent. */
  prefill: coordinatorProcedure.input(z.object({ meetingId: id })).mutation(({ ctx, input }) => prefillAgenda(ctx.deps, ctx.user, input)),

  add: coordinatorProcedure
    .input(
      z.object({
        meetingId: id,
        section,
        title: freeText(line(300), 'title'),
        durationMinutes: duration.nullish(),
        presenterPartnerId: id.nullish(),
        caseId: id.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => addItem(ctx.deps, ctx.user, input)),

  update: coordinatorProcedure
    .input(
      z.object({
        id,
        version,
        section: section.optional(),
        title: freeText(line(300), 'title').optional(),
        durationMinutes: duration.optional(),
        presenterPartnerId: id.nullable().optional(),
        caseId: id.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateItem(ctx.deps, ctx.user, input)),

  remove: coordinatorProcedure.input(z.object({ id })).mutation(({ ctx, input }) => (removeItem(ctx.deps, ctx.user, input), ok)),

  /** Move within the section: `direction` up/down (keyboard) or `toPosition` (1-based, drag and drop). */
  reorder: coordinatorProcedure
    .input(z.object({ id, direction: z.enum(['up', 'down']).nullish(), toPosition: z.number().int().min(1).max(1000).nullish() }))
    .mutation(({ ctx, input }) => reorderItem(ctx.deps, ctx.user, input)),

  /** Members (and the coordinator) propose items until the overleg starts. */
  propose: caseworkProcedure
    .input(
      z.object({
        meetingId: id,
        section: section.nullish(),
        title: freeText(line(300), 'title'),
        caseId: id.nullish(),
        durationMinutes: duration.nullish(),
      }),
    )
    .mutation(({ ctx, input }) => proposeItem(ctx.deps, ctx.user, input)),

  accept: coordinatorProcedure.input(z.object({ id })).mutation(({ ctx, input }) => (acceptItem(ctx.deps, ctx.user, input), ok)),
  decline: coordinatorProcedure.input(z.object({ id })).mutation(({ ctx, input }) => (declineItem(ctx.deps, ctx.user, input), ok)),

  /** Chair mode autosave: returns the new version. */
  saveNotes: coordinatorProcedure
    .input(z.object({ id, notes: freeText(prose(20_000), 'notes'), decisions: freeText(prose(10_000), 'decisions'), version }))
    .mutation(({ ctx, input }) => saveNotes(ctx.deps, ctx.user, input)),
});
