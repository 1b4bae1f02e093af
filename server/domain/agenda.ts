/**
 * The agenda of an overleg (SPEC §2 step 2): sections from the template, items with duration,
 * presenter partner and an optional casus; prefilled from the case load; proposals by members
 * until the meeting starts; notes and decisions captured per item in chair mode.
 *
 * Ordering: `position` is one sequence over the whole overleg that always follows the section
 * order of the template, so sorting by position alone gives the agenda as shown.
 */
import type { Actor } from '../auth/actor';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { assertNoSubjectNames } from '../privacy/personal-data';
import {
  agendaItems,
  agreements,
  cases,
  meetings,
  partners,
  runningCaseStatuses,
  tasks,
  themes,
  type AgendaSection,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit, appendAuditRows } from '../audit';
import { preparedPerDb } from '../prepared';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { findCaseInTeam } from './cases';
import { readAgendaTemplate } from './agenda-template';
import { ownAgendaItem, ownPartner } from './scope';
import { emitMeetingEvent, openMeetingForChange, orderedAgenda, previousMeeting, sectionIndex, visibleMeeting } from './meetings';
import { overdueTaskCount } from './overdue';

type AgendaRow = typeof agendaItems.$inferSelect;
type NewAgendaItem = Omit<typeof agendaItems.$inferInsert, 'meetingId' | 'position' | 'updatedAt'>;

const longDate = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * Renumbers the positions of an overleg 1..n in display order. `sectionOrder` may replace the
 * order of one section (after a move). Only changed rows are written.
 */
function renumber(tx: Db, meetingId: number, replace?: { section: AgendaSection; ids: number[] }) {
  let rows = orderedAgenda(tx, meetingId);
  if (replace) {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const others = rows.filter((r) => r.section !== replace.section);
    const moved = replace.ids.map((id) => byId.get(id)!);
    const at = others.findIndex((r) => sectionIndex(r.section) > sectionIndex(replace.section));
    rows = at === -1 ? [...others, ...moved] : [...others.slice(0, at), ...moved, ...others.slice(at)];
  }
  rows.forEach((row, i) => {
    if (row.position !== i + 1)
      tx.update(agendaItems)
        .set({ position: i + 1 })
        .where(eq(agendaItems.id, row.id))
        .run();
  });
}

const insertItem = preparedPerDb((db) =>
  db
    .insert(agendaItems)
    .values({
      meetingId: sql.placeholder('meetingId'),
      section: sql.placeholder('section'),
      position: sql.placeholder('position'),
      title: sql.placeholder('title'),
      durationMinutes: sql.placeholder('durationMinutes'),
      presenterPartnerId: sql.placeholder('presenterPartnerId'),
      caseId: sql.placeholder('caseId'),
      source: sql.placeholder('source'),
      taskId: sql.placeholder('taskId'),
      state: sql.placeholder('state'),
      proposedByUserId: sql.placeholder('proposedByUserId'),
      updatedAt: sql.placeholder('updatedAt'),
    })
    .returning({ id: agendaItems.id })
    .prepare(),
);
const setPosition = preparedPerDb((db) =>
  db
    .update(agendaItems)
    .set({ position: sql`${sql.placeholder('position')}` })
    .where(eq(agendaItems.id, sql.placeholder('id')))
    .prepare(),
);

/**
 * Adds items at the end of their section, in the order given, and gives every item of the overleg
 * its place 1..n in display order (as renumber() would after appending): positions are computed
 * before the inserts, so a prefill of hundreds of items writes each row once. `db` is the
 * connection the statements are prepared on; `tx` the transaction they run in.
 */
function insertItems(tx: Db, deps: AppDeps, actor: Actor, meetingId: number, items: NewAgendaItem[]): number[] {
  const now = deps.now().toISOString();
  const existing = orderedAgenda(tx, meetingId);
  type Slot = { section: AgendaSection; row?: AgendaRow; item?: NewAgendaItem };
  // A stable sort by section keeps the agenda's order and puts each new item after its section.
  const slots: Slot[] = [
    ...existing.map((row) => ({ section: row.section, row })),
    ...items.map((item) => ({ section: item.section, item })),
  ].sort((a, b) => sectionIndex(a.section) - sectionIndex(b.section));
  const ids = new Map<NewAgendaItem, number>();
  slots.forEach((slot, i) => {
    const position = i + 1;
    if (slot.row) {
      if (slot.row.position !== position) setPosition(deps.db).run({ id: slot.row.id, position });
      return;
    }
    const item = slot.item!;
    const row = insertItem(deps.db).get({
      meetingId,
      section: item.section,
      position,
      title: item.title,
      durationMinutes: item.durationMinutes ?? 5,
      presenterPartnerId: item.presenterPartnerId ?? null,
      caseId: item.caseId ?? null,
      source: item.source ?? 'manual',
      taskId: item.taskId ?? null,
      state: item.state ?? 'geaccepteerd',
      proposedByUserId: item.proposedByUserId ?? null,
      updatedAt: now,
    });
    ids.set(item, row.id);
  });
  // Audit rows in the order the items were given (one per item, P6), appended as one batch: a
  // prefill adds hundreds of items, and a savepoint plus a read of the chain's head per row was
  // most of its time (issue 12).
  const at = deps.now();
  const added = items.map((item) => ids.get(item)!);
  appendAuditRows(
    tx,
    items.map((item, i) => ({
      at,
      entry: {
        teamId: actor.teamId,
        actorId: actor.id,
        action: 'agenda.item_added',
        entity: 'agenda_item',
        entityId: added[i]!,
        caseId: item.caseId ?? null,
        detail: { meetingId, source: item.source },
      },
    })),
  );
  return added;
}

function assertPartner(deps: AppDeps, teamId: number, partnerId: number | null | undefined) {
  if (!partnerId) return;
  ownPartner(deps.db, teamId, partnerId);
}

function findItem(deps: AppDeps, teamId: number, id: number) {
  return ownAgendaItem(deps.db, teamId, id);
}

function findChangeableItem(deps: AppDeps, teamId: number, id: number) {
  const row = findItem(deps, teamId, id);
  if (row.status === 'gesloten') throw new AppError('CONFLICT', 'meetings.closed');
  return row.item;
}

const changed = (deps: AppDeps, teamId: number, meetingId: number, id: number, kind = 'agenda.changed') =>
  emitMeetingEvent(deps, teamId, { kind, id, meetingId });

// ── Prefill ─────────────────────────────────────────────────────────────────────────────────

/**
 * The actielijst: every open action agreed in an earlier overleg of the team, earliest due date
 * first. An action stays here until it is done or vervallen, however many overleggen ago it was
 * made; actions on a withdrawn casus have lapsed with it.
 */
function openActions(db: Db, teamId: number, meeting: { id: number; startsAt: string }) {
  const earlier = sql`exists (select 1 from ${meetings} m where m.id = ${tasks.meetingId} and m.team_id = ${teamId} and m.starts_at < ${meeting.startsAt})`;
  return db
    .select({ id: tasks.id, title: tasks.title, caseId: tasks.caseId, partnerId: tasks.assigneePartnerId, partner: partners.shortName })
    .from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .where(and(eq(tasks.teamId, teamId), eq(tasks.status, 'open'), ne(tasks.meetingId, meeting.id), earlier))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .all();
}

const caseTitle = (c: { code: string; theme: string; gemeente: string }) => `${c.code} · ${c.theme} · ${c.gemeente}`;

/**
 * `agenda.prefill`: the template plus what the data bring (SPEC §2 step 2) —
 *  - verslag: approval of the previous overleg's verslag, then every open action of earlier
 *    overleggen (carry-over), until it is done or vervallen — not only the last overleg's;
 *  - nieuwe casussen: signals not yet on any agenda, AVO requests first (art. 2.6);
 *  - lopende casussen: casussen with open tasks, high priority and overdue first.
 * Idempotent: what is already on the agenda is not added again. Titles the system generates
 * hold codes, themes and gemeenten only, never personal data (P7).
 */
export function prefillAgenda(deps: AppDeps, actor: Actor, input: { meetingId: number }) {
  const meeting = openMeetingForChange(deps.db, actor.teamId, input.meetingId);
  const existing = orderedAgenda(deps.db, meeting.id);
  const planned: NewAgendaItem[] = [];
  const onAgenda = (pred: (i: Pick<AgendaRow, 'section' | 'source' | 'title' | 'caseId'>) => boolean) =>
    existing.some(pred) ||
    planned.some((p) => pred({ section: p.section, source: p.source ?? 'manual', title: p.title, caseId: p.caseId ?? null }));
  const plan = (item: NewAgendaItem) => planned.push({ state: 'geaccepteerd', ...item });
  // The team's template: switched-off sections get nothing from prefill.
  const templateOf = new Map(readAgendaTemplate(deps.db, actor.teamId).sections.map((s) => [s.section, s]));
  const on = (section: AgendaSection) => templateOf.get(section)!.enabled;
  const duration = (section: AgendaSection) => templateOf.get(section)!.durationMinutes;
  const template = (section: AgendaSection) => {
    const t = templateOf.get(section)!;
    if (!t.enabled || !t.title) return;
    if (!onAgenda((i) => i.section === section && i.source === 'template'))
      plan({ section, title: t.title, durationMinutes: t.durationMinutes, source: 'template' });
  };

  template('opening');

  // Verslag: approve the previous overleg's verslag, then every action still open comes back.
  const previous = on('verslag') ? previousMeeting(deps.db, actor.teamId, meeting) : undefined;
  if (previous) {
    if (!onAgenda((i) => i.section === 'verslag' && (i.source === 'minutes' || i.source === 'template'))) {
      plan({
        section: 'verslag',
        title: `Vaststellen verslag en actielijst overleg ${longDate.format(new Date(previous.startsAt))}`,
        durationMinutes: duration('verslag'),
        source: 'minutes',
      });
    }
    for (const t of openActions(deps.db, actor.teamId, meeting)) {
      // One line per action, linked to its own pand: two actions with the same title stay two.
      if (existing.some((i) => i.taskId === t.id) || planned.some((p) => p.taskId === t.id)) continue;
      plan({
        section: 'verslag',
        title: `Actie: ${t.title} (${t.partner})`,
        durationMinutes: 3,
        source: 'carryover',
        caseId: t.caseId,
        presenterPartnerId: t.partnerId,
        taskId: t.id,
      });
    }
  } else {
    template('verslag');
  }

  // Nieuwe casussen: signals not yet on any agenda of the team; AVO requests first.
  const caseColumns = {
    id: cases.id,
    code: cases.code,
    theme: themes.name,
    gemeente: partners.shortName,
    gemeentePartnerId: cases.gemeentePartnerId,
    reportedByPartnerId: cases.reportedByPartnerId,
    origin: cases.origin,
    priority: cases.priority,
    createdAt: cases.createdAt,
  };
  const onAnyAgenda = sql`exists (select 1 from ${agendaItems} ai join ${meetings} m on m.id = ai.meeting_id where ai.case_id = ${cases.id} and m.team_id = ${actor.teamId})`;
  const signals = !on('nieuwe_casussen')
    ? []
    : deps.db
        .select(caseColumns)
        .from(cases)
        .innerJoin(themes, eq(themes.id, cases.themeId))
        .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
        .where(and(eq(cases.teamId, actor.teamId), eq(cases.status, 'signaal'), sql`not ${onAnyAgenda}`))
        .orderBy(
          sql`case when ${cases.origin} = 'avo_verzoek' then 0 when ${cases.priority} = 'hoog' then 1 else 2 end`,
          asc(cases.createdAt),
          asc(cases.id),
        )
        .all();
  for (const c of signals) {
    if (onAgenda((i) => i.caseId === c.id)) continue;
    const avo = c.origin === 'avo_verzoek';
    plan({
      section: 'nieuwe_casussen',
      title: avo ? `AVO-verzoek: ${caseTitle(c)}` : caseTitle(c),
      durationMinutes: duration('nieuwe_casussen'),
      source: avo ? 'avo' : 'signal',
      caseId: c.id,
      presenterPartnerId: c.reportedByPartnerId ?? c.gemeentePartnerId,
    });
  }

  // Lopende casussen: open tasks (overdue ones first), AVO/high priority first.
  const today = amsterdamDate(deps.now());
  const overdueTasks = overdueTaskCount(today);
  // Driven by the team's open tasks (the open working set), not by every casus of its history.
  const withOpenTasks = inArray(
    cases.id,
    deps.db
      .select({ id: tasks.caseId })
      .from(tasks)
      .where(and(eq(tasks.teamId, actor.teamId), eq(tasks.status, 'open'))),
  );
  const running = !on('lopende_casussen')
    ? []
    : deps.db
        .select({ ...caseColumns, overdue: overdueTasks })
        .from(cases)
        .innerJoin(themes, eq(themes.id, cases.themeId))
        .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
        .where(and(eq(cases.teamId, actor.teamId), inArray(cases.status, [...runningCaseStatuses]), withOpenTasks))
        .orderBy(
          sql`case when ${cases.origin} = 'avo_verzoek' or ${cases.priority} = 'hoog' then 0 else 1 end`,
          sql`case when ${overdueTasks} > 0 then 0 else 1 end`,
          asc(cases.code),
        )
        .all();
  for (const c of running) {
    if (onAgenda((i) => i.caseId === c.id)) continue;
    plan({
      section: 'lopende_casussen',
      title: caseTitle(c),
      durationMinutes: duration('lopende_casussen'),
      source: 'case',
      caseId: c.id,
      presenterPartnerId: c.gemeentePartnerId,
    });
  }

  template('controles');
  template('themas');
  template('rondvraag');
  template('sluiting');

  const ids = planned.length === 0 ? [] : deps.db.transaction((tx) => insertItems(tx, deps, actor, meeting.id, planned));
  if (ids.length > 0) changed(deps, actor.teamId, meeting.id, meeting.id);
  return { added: ids.length, ids };
}

// ── Manual editing ──────────────────────────────────────────────────────────────────────────

export type AgendaItemInput = {
  meetingId: number;
  section: AgendaSection;
  title: string;
  durationMinutes?: number | null;
  presenterPartnerId?: number | null;
  caseId?: number | null;
};

export function addItem(deps: AppDeps, actor: Actor, input: AgendaItemInput): { id: number } {
  const meeting = openMeetingForChange(deps.db, actor.teamId, input.meetingId);
  assertPartner(deps, actor.teamId, input.presenterPartnerId);
  if (input.caseId) findCaseInTeam(deps, actor.teamId, input.caseId);
  const [id] = deps.db.transaction((tx) =>
    insertItems(tx, deps, actor, meeting.id, [
      {
        section: input.section,
        title: input.title.trim(),
        durationMinutes: input.durationMinutes ?? 5,
        presenterPartnerId: input.presenterPartnerId ?? null,
        caseId: input.caseId ?? null,
        source: 'manual',
        state: 'geaccepteerd',
      },
    ]),
  );
  changed(deps, actor.teamId, meeting.id, id!);
  return { id: id! };
}

export type AgendaItemUpdate = {
  id: number;
  version: number;
  section?: AgendaSection;
  title?: string;
  durationMinutes?: number;
  presenterPartnerId?: number | null;
  caseId?: number | null;
};

export function updateItem(deps: AppDeps, actor: Actor, input: AgendaItemUpdate) {
  const item = findChangeableItem(deps, actor.teamId, input.id);
  assertPartner(deps, actor.teamId, input.presenterPartnerId);
  if (input.caseId) findCaseInTeam(deps, actor.teamId, input.caseId);
  const change: Partial<typeof agendaItems.$inferInsert> = {};
  if (input.title !== undefined) change.title = input.title.trim();
  if (input.durationMinutes !== undefined) change.durationMinutes = input.durationMinutes;
  if (input.presenterPartnerId !== undefined) change.presenterPartnerId = input.presenterPartnerId;
  if (input.caseId !== undefined) change.caseId = input.caseId;
  if (input.section !== undefined && input.section !== item.section) {
    change.section = input.section;
    change.position = 100_000; // to the end of the new section
  }
  const now = deps.now();
  const version = deps.db.transaction((tx) => {
    const res = tx
      .update(agendaItems)
      .set({ ...change, updatedAt: now.toISOString(), version: item.version + 1 })
      .where(and(eq(agendaItems.id, item.id), eq(agendaItems.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    if (change.section) renumber(tx, item.meetingId);
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'agenda.item_updated',
      entity: 'agenda_item',
      entityId: item.id,
      caseId: change.caseId ?? item.caseId,
    });
    return item.version + 1;
  });
  changed(deps, actor.teamId, item.meetingId, item.id);
  return { version };
}

export function removeItem(deps: AppDeps, actor: Actor, input: { id: number }) {
  const item = findChangeableItem(deps, actor.teamId, input.id);
  const captured = deps.db
    .select({
      n: sql<number>`(select count(*) from ${tasks} where ${tasks.agendaItemId} = ${item.id}) + (select count(*) from ${agreements} where ${agreements.agendaItemId} = ${item.id})`,
    })
    .from(agendaItems)
    .where(eq(agendaItems.id, item.id))
    .get();
  if ((captured?.n ?? 0) > 0) throw new AppError('CONFLICT', 'agenda.hasCaptured');
  deps.db.transaction((tx) => {
    tx.update(meetings)
      .set({ currentAgendaItemId: null, currentItemStartedAt: null })
      .where(and(eq(meetings.id, item.meetingId), eq(meetings.currentAgendaItemId, item.id)))
      .run();
    tx.delete(agendaItems).where(eq(agendaItems.id, item.id)).run();
    renumber(tx, item.meetingId);
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'agenda.item_removed',
      entity: 'agenda_item',
      entityId: item.id,
      caseId: item.caseId,
    });
  });
  changed(deps, actor.teamId, item.meetingId, item.id);
}

/**
 * Moves an item within its section: one up, one down, or to a 1-based position (drag and drop).
 * To move to another section, `updateItem` with the new section.
 */
export function reorderItem(
  deps: AppDeps,
  actor: Actor,
  input: { id: number; direction?: 'up' | 'down' | null; toPosition?: number | null },
) {
  const item = findChangeableItem(deps, actor.teamId, input.id);
  const ids = orderedAgenda(deps.db, item.meetingId)
    .filter((r) => r.section === item.section)
    .map((r) => r.id);
  const from = ids.indexOf(item.id);
  let to = from;
  if (input.toPosition != null) {
    if (input.toPosition < 1 || input.toPosition > ids.length) throw new AppError('BAD_REQUEST', 'agenda.badPosition');
    to = input.toPosition - 1;
  } else if (input.direction === 'up') to = Math.max(0, from - 1);
  else if (input.direction === 'down') to = Math.min(ids.length - 1, from + 1);
  if (to === from) return { position: from + 1 };
  ids.splice(from, 1);
  ids.splice(to, 0, item.id);
  deps.db.transaction((tx) => renumber(tx, item.meetingId, { section: item.section, ids }));
  changed(deps, actor.teamId, item.meetingId, item.id);
  return { position: to + 1 };
}

// ── Proposals ───────────────────────────────────────────────────────────────────────────────

export type ProposalInput = {
  meetingId: number;
  section?: AgendaSection | null;
  title: string;
  caseId?: number | null;
  durationMinutes?: number | null;
};

/**
 * Members propose items until the meeting starts (state `voorgesteld`); the coordinator accepts or
 * declines. A member sees their own proposals; the others see an item once it is accepted.
 */
export function proposeItem(deps: AppDeps, actor: Actor, input: ProposalInput): { id: number } {
  const meeting = visibleMeeting(deps, actor, input.meetingId);
  if (meeting.status !== 'concept' && meeting.status !== 'gepubliceerd') throw new AppError('BAD_REQUEST', 'agenda.proposalsClosed');
  if (input.caseId) findCaseInTeam(deps, actor.teamId, input.caseId);
  const byCoordinator = actor.role === 'coordinator';
  const [id] = deps.db.transaction((tx) =>
    insertItems(tx, deps, actor, meeting.id, [
      {
        section: input.section ?? (input.caseId ? 'lopende_casussen' : 'rondvraag'),
        title: input.title.trim(),
        durationMinutes: input.durationMinutes ?? 5,
        presenterPartnerId: actor.partnerId,
        caseId: input.caseId ?? null,
        source: byCoordinator ? 'manual' : 'proposal',
        state: byCoordinator ? 'geaccepteerd' : 'voorgesteld',
        proposedByUserId: actor.id,
      },
    ]),
  );
  changed(deps, actor.teamId, meeting.id, id!);
  return { id: id! };
}

function decide(deps: AppDeps, actor: Actor, id: number, to: 'geaccepteerd' | 'afgewezen') {
  const item = findChangeableItem(deps, actor.teamId, id);
  const allowed = to === 'geaccepteerd' ? ['voorgesteld', 'afgewezen'] : ['voorgesteld'];
  if (!allowed.includes(item.state)) throw new AppError('CONFLICT', 'agenda.notProposed');
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.update(agendaItems)
      .set({ state: to, updatedAt: now.toISOString(), version: item.version + 1 })
      .where(eq(agendaItems.id, item.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: to === 'geaccepteerd' ? 'agenda.item_accepted' : 'agenda.item_declined',
      entity: 'agenda_item',
      entityId: item.id,
      caseId: item.caseId,
    });
  });
  changed(deps, actor.teamId, item.meetingId, item.id);
}

export const acceptItem = (deps: AppDeps, actor: Actor, input: { id: number }) => decide(deps, actor, input.id, 'geaccepteerd');
export const declineItem = (deps: AppDeps, actor: Actor, input: { id: number }) => decide(deps, actor, input.id, 'afgewezen');

// ── Chair mode: notes and decisions ─────────────────────────────────────────────────────────

/**
 * Autosave of an item's notes and decisions (free text without personal data, P1). The version
 * check keeps two screens from overwriting each other; the new version is returned.
 */
export function saveNotes(deps: AppDeps, actor: Actor, input: { id: number; notes: string; decisions: string; version: number }) {
  const item = findChangeableItem(deps, actor.teamId, input.id);
  assertNoSubjectNames(deps, [item.caseId], { notes: input.notes, decisions: input.decisions }); // P1, art. 20.9
  const now = deps.now().toISOString();
  const res = deps.db
    .update(agendaItems)
    .set({ notes: input.notes, decisions: input.decisions, updatedAt: now, version: item.version + 1 })
    .where(and(eq(agendaItems.id, item.id), eq(agendaItems.version, input.version)))
    .run();
  if (res.changes !== 1) throw conflict();
  changed(deps, actor.teamId, item.meetingId, item.id, 'agenda.notes');
  return { version: item.version + 1, updatedAt: now };
}
