/**
 * The team's agenda template (SPEC §2 step 2, "team-editable"): per section the title of its
 * fixed item, the default duration and on/off. `agenda.prefill` (./agenda.ts) follows it.
 */
import type { Actor } from '../auth/actor';
import { and, eq } from 'drizzle-orm';
import {
  agendaSections,
  agendaTemplates,
  dataAgendaSections,
  defaultAgendaTemplate,
  type AgendaSection,
  type AgendaTemplateSection,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';

/**
 * The team's agenda template (SPEC §2, team-editable): every section in the fixed order, with
 * title, default duration and on/off. A team without a stored template (a database from before
 * migration 0002) gets the default. Stored values are merged over the default per section, so a
 * template always has all sections in order.
 */
export function readAgendaTemplate(
  db: Db,
  teamId: number,
): { sections: AgendaTemplateSection[]; version: number; updatedAt: string | null } {
  const row = db.select().from(agendaTemplates).where(eq(agendaTemplates.teamId, teamId)).get();
  if (!row) return { sections: defaultAgendaTemplate, version: 1, updatedAt: null };
  const stored = JSON.parse(row.sections) as AgendaTemplateSection[];
  const sections = defaultAgendaTemplate.map((d) => {
    const s = stored.find((x) => x.section === d.section);
    return s
      ? {
          section: d.section,
          enabled: s.enabled,
          title: d.title === null ? null : (s.title ?? d.title),
          durationMinutes: s.durationMinutes,
        }
      : d;
  });
  return { sections, version: row.version, updatedAt: row.updatedAt };
}

export function getAgendaTemplate(deps: AppDeps, actor: Actor) {
  return readAgendaTemplate(deps.db, actor.teamId);
}

export type AgendaTemplateInput = {
  version: number;
  sections: { section: AgendaSection; enabled: boolean; title?: string | null; durationMinutes: number }[];
};

/**
 * The coordinator or admin edits the template: titles, default durations, sections on/off. The
 * sections themselves are fixed (each exactly once; the order is the SPEC §2 order). Sections
 * filled from the data have no title. A stale version is a CONFLICT.
 */
export function setAgendaTemplate(deps: AppDeps, actor: Actor, input: AgendaTemplateInput) {
  const given = new Map(input.sections.map((s) => [s.section, s]));
  if (given.size !== input.sections.length || given.size !== agendaSections.length)
    throw new AppError('BAD_REQUEST', 'agenda.templateSections');
  const sections: AgendaTemplateSection[] = agendaSections.map((section) => {
    const s = given.get(section)!;
    const fromData = dataAgendaSections.includes(section);
    const title = s.title?.trim() || null;
    if (!fromData && !title) throw new AppError('BAD_REQUEST', 'agenda.templateTitleRequired', { section });
    return { section, enabled: s.enabled, title: fromData ? null : title, durationMinutes: s.durationMinutes };
  });
  const current = readAgendaTemplate(deps.db, actor.teamId);
  if (current.version !== input.version) throw conflict();
  const now = deps.now();
  const version = deps.db.transaction((tx) => {
    const values = {
      sections: JSON.stringify(sections),
      updatedAt: now.toISOString(),
      updatedByUserId: actor.id,
      version: input.version + 1,
    };
    if (current.updatedAt === null) {
      const res = tx
        .insert(agendaTemplates)
        .values({ teamId: actor.teamId, ...values })
        .onConflictDoNothing()
        .run();
      if (res.changes !== 1) throw conflict();
    } else {
      const res = tx
        .update(agendaTemplates)
        .set(values)
        .where(and(eq(agendaTemplates.teamId, actor.teamId), eq(agendaTemplates.version, input.version)))
        .run();
      if (res.changes !== 1) throw conflict();
    }
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'agenda.template_updated',
      entity: 'team',
      entityId: actor.teamId,
    });
    return input.version + 1;
  });
  return { version, sections };
}
