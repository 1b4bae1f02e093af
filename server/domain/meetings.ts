/**
 * Overleggen (SPEC §2 steps 2–4, §3): create, recurring series, list, read, edit and the status
 * cycle concept → gepubliceerd → bezig → gesloten. Members see an overleg only once it is
 * published, and of its agenda only the accepted items plus their own proposals. Every read of
 * an overleg — the page, the live view, the calendar — goes through `getMeeting` here.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import {
  agendaItems,
  agendaSections,
  agreements,
  attendance,
  cases,
  meetingSeries,
  meetings,
  minutes,
  partners,
  tasks,
  teams,
  users,
  meetingRegrets,
  type AgendaSection,
  type MeetingStatus,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { EARLY_START_MINUTES, refusePastInstant } from './dates';
import { addDays, amsterdamDate, amsterdamToUtc, amsterdamWallClock } from '../clock';
import { isTimeOfDay } from '../shared/time-of-day';
import { draftMinutes } from './minutes';
import { partnerActiveOn } from './team';
import { ownAgendaItem, ownMeeting, ownUser } from './scope';
import { optionalCaseAddress } from './case-address';
import { preparedPerDb } from '../prepared';
import { meetingTeamAndChair } from './team-people';
import { cachedRead, readerKey } from '../read-cache';

/** Statuses in which members see an overleg (publishing makes it visible). */
export const memberVisibleStatuses: MeetingStatus[] = ['gepubliceerd', 'bezig', 'gesloten'];

export type MeetingEvent = { kind: string; id: number; meetingId: number | null };

/** Live updates: every change in an overleg is announced on the team's channel (see ./live.ts). */
export function emitMeetingEvent(deps: AppDeps, teamId: number, event: MeetingEvent) {
  deps.events.emit(`team:${teamId}`, event);
}

export function findMeetingInTeam(db: Db, teamId: number, id: number) {
  return ownMeeting(db, teamId, id);
}

/** The overleg as `reader` may see it at all: another team's, or a concept for a member, is NOT_FOUND. */
export function visibleMeeting(deps: AppDeps, reader: Actor, id: number) {
  const row = findMeetingInTeam(deps.db, reader.teamId, id);
  if (reader.role !== 'coordinator' && !memberVisibleStatuses.includes(row.status)) throw notFound();
  return row;
}

/** An overleg the coordinator may still change (anything but closed). */
export function openMeetingForChange(db: Db, teamId: number, id: number) {
  const row = findMeetingInTeam(db, teamId, id);
  if (row.status === 'gesloten') throw new AppError('CONFLICT', 'meetings.closed');
  return row;
}

/**
 * For werkafspraken and tasks captured in an overleg: the overleg and agenda item must be the
 * team's own, and the item must belong to the overleg. The overleg follows from the item when
 * only the item is given (so live updates reach the overleg's followers).
 */
export function resolveMeetingLink(db: Db, teamId: number, link: { meetingId?: number | null; agendaItemId?: number | null }) {
  let meetingId = link.meetingId ?? null;
  const agendaItemId = link.agendaItemId ?? null;
  if (agendaItemId !== null) {
    const { item } = ownAgendaItem(db, teamId, agendaItemId);
    if (meetingId !== null && item.meetingId !== meetingId) throw notFound();
    meetingId = item.meetingId;
  } else if (meetingId !== null) {
    findMeetingInTeam(db, teamId, meetingId);
  }
  return { meetingId, agendaItemId };
}

// ── Create, series, update ─────────────────────────────────────────────────────────────────

export type MeetingInput = {
  startsAt: string;
  title?: string | null;
  location?: string | null;
  videoLink?: string | null;
  durationMinutes?: number | null;
};

function defaultTitle(db: Db, teamId: number): string {
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  return `Overleg ${team?.name ?? ''}`.trim();
}

const toUtcIso = (value: string) => new Date(value).toISOString();

function insertMeeting(tx: Db, deps: AppDeps, actor: Actor, input: MeetingInput & { seriesId?: number | null }) {
  const now = deps.now().toISOString();
  const row = tx
    .insert(meetings)
    .values({
      teamId: actor.teamId,
      seriesId: input.seriesId ?? null,
      title: input.title?.trim() || defaultTitle(tx, actor.teamId),
      startsAt: toUtcIso(input.startsAt),
      durationMinutes: input.durationMinutes ?? 120,
      location: input.location?.trim() || null,
      videoLink: input.videoLink?.trim() || null,
      status: 'concept',
      chairUserId: actor.id,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetings.id })
    .get();
  appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'meeting.created', entity: 'meeting', entityId: row.id });
  return row;
}

/** A new overleg in concept; the coordinator who creates it chairs it unless changed. */
export function createMeeting(deps: AppDeps, actor: Actor, input: MeetingInput): { id: number } {
  const row = deps.db.transaction((tx) => insertMeeting(tx, deps, actor, input));
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.created', id: row.id, meetingId: row.id });
  return row;
}

export type SeriesInput = {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Amsterdam wall-clock time, HH:MM. */
  time: string;
  intervalWeeks: number;
  /** First possible date (YYYY-MM-DD); the series starts on the first matching weekday from here. */
  from: string;
  /** Last possible date (YYYY-MM-DD), inclusive. */
  until: string;
  title?: string | null;
  location?: string | null;
  videoLink?: string | null;
  durationMinutes?: number | null;
};

export const MAX_SERIES = 60;

/** The Amsterdam dates of a series: every `intervalWeeks` weeks on `weekday` from `from` to `until`. */
export function seriesDates(input: Pick<SeriesInput, 'weekday' | 'intervalWeeks' | 'from' | 'until'>): string[] {
  const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
  let date = input.from;
  date = addDays(date, (input.weekday - isoWeekday(date) + 7) % 7);
  const dates: string[] = [];
  while (date <= input.until) {
    dates.push(date);
    if (dates.length > MAX_SERIES) break;
    date = addDays(date, 7 * input.intervalWeeks);
  }
  return dates;
}

/**
 * A recurring series, e.g. every two weeks on Tuesday at 09:30 Amsterdam time: one concept overleg
 * per date. Each start is converted on its own date, so 09:30 stays 09:30 across DST changes.
 */
export function createSeries(deps: AppDeps, actor: Actor, input: SeriesInput): { seriesId: number; ids: number[] } {
  if (!isTimeOfDay(input.time)) throw new AppError('BAD_REQUEST', 'meetings.invalidTime');
  const dates = seriesDates(input);
  if (dates.length === 0) throw new AppError('BAD_REQUEST', 'meetings.seriesEmpty');
  if (dates.length > MAX_SERIES) throw new AppError('BAD_REQUEST', 'meetings.seriesTooLong', { max: MAX_SERIES });
  const result = deps.db.transaction((tx) => {
    const series = tx
      .insert(meetingSeries)
      .values({
        teamId: actor.teamId,
        rule: JSON.stringify({
          intervalWeeks: input.intervalWeeks,
          weekday: input.weekday,
          time: input.time,
          from: input.from,
          until: input.until,
        }),
        createdAt: deps.now().toISOString(),
      })
      .returning({ id: meetingSeries.id })
      .get();
    const ids = dates.map(
      (date) =>
        insertMeeting(tx, deps, actor, {
          ...input,
          startsAt: amsterdamToUtc(date, input.time).toISOString(),
          seriesId: series.id,
        }).id,
    );
    return { seriesId: series.id, ids };
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.created', id: result.ids[0]!, meetingId: null });
  return result;
}

export type MeetingUpdate = {
  id: number;
  version: number;
  startsAt?: string;
  title?: string;
  location?: string | null;
  videoLink?: string | null;
  durationMinutes?: number;
  chairUserId?: number | null;
  /** Moving the overleg into the past must be meant (server/domain/dates.ts). */
  confirmPast?: boolean;
};

/** The coordinator edits date, place, link, title, duration or chair; a stale version is a CONFLICT. */
export function updateMeeting(deps: AppDeps, actor: Actor, input: MeetingUpdate) {
  const current = openMeetingForChange(deps.db, actor.teamId, input.id);
  if (input.chairUserId) {
    const chair = ownUser(deps.db, actor.teamId, input.chairUserId);
    if (chair.role !== 'coordinator') throw notFound();
  }
  if (input.startsAt !== undefined && toUtcIso(input.startsAt) !== current.startsAt)
    refusePastInstant(deps, 'startsAt', input.startsAt, input.confirmPast);
  const now = deps.now();
  const change: Partial<typeof meetings.$inferInsert> = {};
  if (input.startsAt !== undefined) change.startsAt = toUtcIso(input.startsAt);
  if (input.title !== undefined) change.title = input.title.trim();
  if (input.location !== undefined) change.location = input.location?.trim() || null;
  if (input.videoLink !== undefined) change.videoLink = input.videoLink?.trim() || null;
  if (input.durationMinutes !== undefined) change.durationMinutes = input.durationMinutes;
  if (input.chairUserId !== undefined) change.chairUserId = input.chairUserId;
  const version = deps.db.transaction((tx) => {
    const res = tx
      .update(meetings)
      .set({ ...change, updatedAt: now.toISOString(), version: current.version + 1 })
      .where(and(eq(meetings.id, current.id), eq(meetings.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: 'meeting.updated', entity: 'meeting', entityId: current.id });
    return current.version + 1;
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.updated', id: current.id, meetingId: current.id });
  // The partners' calendars follow a published overleg that moves (./meeting-mail.ts).
  const moved =
    current.status === 'gepubliceerd' &&
    (['startsAt', 'location', 'videoLink', 'durationMinutes'] as const).some(
      (key) => change[key] !== undefined && change[key] !== current[key],
    );
  return { version, moved };
}

/** A concept overleg (never published) can be removed entirely. */
export function removeMeeting(deps: AppDeps, actor: Actor, input: { id: number }) {
  const current = findMeetingInTeam(deps.db, actor.teamId, input.id);
  if (current.status !== 'concept') throw new AppError('CONFLICT', 'meetings.onlyConceptRemoved');
  deleteMeeting(deps, actor, current, 'meeting.removed');
}

/**
 * A published overleg that will not take place is cancelled (issue 9 item 14): removed like a
 * concept, while nothing was captured in it; the partners get the cancellation for their calendar
 * (./meeting-mail.ts). Returns the row as it was, its version raised: the cancellation's SEQUENCE.
 */
export function cancelMeeting(deps: AppDeps, actor: Actor, input: { id: number }) {
  const current = findMeetingInTeam(deps.db, actor.teamId, input.id);
  if (current.status !== 'gepubliceerd') throw new AppError('CONFLICT', 'meetings.onlyPublishedCancelled');
  deleteMeeting(deps, actor, current, 'meeting.cancelled');
  return { ...current, version: current.version + 1 };
}

function deleteMeeting(deps: AppDeps, actor: Actor, current: typeof meetings.$inferSelect, action: string) {
  const captured = deps.db
    .select({
      n: sql<number>`(select count(*) from ${tasks} where ${tasks.meetingId} = ${current.id}) + (select count(*) from ${agreements} where ${agreements.meetingId} = ${current.id})`,
    })
    .from(meetings)
    .where(eq(meetings.id, current.id))
    .get();
  if ((captured?.n ?? 0) > 0) throw new AppError('CONFLICT', 'meetings.hasCaptured');
  deps.db.transaction((tx) => {
    tx.update(meetings).set({ currentAgendaItemId: null }).where(eq(meetings.id, current.id)).run();
    tx.delete(meetings).where(eq(meetings.id, current.id)).run();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action, entity: 'meeting', entityId: current.id });
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.removed', id: current.id, meetingId: current.id });
}

// ── Status cycle ────────────────────────────────────────────────────────────────────────────

const nextStatus: Record<MeetingStatus, MeetingStatus | null> = {
  concept: 'gepubliceerd',
  gepubliceerd: 'bezig',
  bezig: 'gesloten',
  gesloten: null,
};

function transition(
  deps: AppDeps,
  actor: Actor,
  id: number,
  to: MeetingStatus,
  extra: (tx: Db, row: typeof meetings.$inferSelect) => Partial<typeof meetings.$inferInsert>,
) {
  const current = findMeetingInTeam(deps.db, actor.teamId, id);
  if (nextStatus[current.status] !== to) throw new AppError('CONFLICT', 'meetings.invalidTransition', { from: current.status, to });
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(meetings)
      .set({ status: to, ...extra(tx, current), updatedAt: now.toISOString(), version: current.version + 1 })
      .where(and(eq(meetings.id, current.id), eq(meetings.version, current.version), eq(meetings.status, current.status)))
      .run();
    if (res.changes !== 1) throw conflict();
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: `meeting.${to}`, entity: 'meeting', entityId: current.id });
    if (to === 'gesloten') {
      // The verslag is drafted from what was captured, in the same transaction (./minutes.ts).
      draftMinutes(tx, deps, actor, current.id);
    }
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.status', id: current.id, meetingId: current.id });
}

/** Publishing makes the overleg and its accepted agenda visible to the members. */
export function publishMeeting(deps: AppDeps, actor: Actor, input: { id: number }) {
  transition(deps, actor, input.id, 'gepubliceerd', () => ({ publishedAt: deps.now().toISOString() }));
}

/**
 * Starts the overleg: the coordinator chairs it and the first accepted item becomes current.
 * Starting well before the planned time (another day's overleg clicked by mistake) needs
 * `confirmEarly`: the start time goes into the verslag and the live view.
 */
export function startMeeting(deps: AppDeps, actor: Actor, input: { id: number; confirmEarly?: boolean }) {
  const planned = findMeetingInTeam(deps.db, actor.teamId, input.id);
  const early = new Date(planned.startsAt).getTime() - deps.now().getTime() > EARLY_START_MINUTES * 60_000;
  if (early && !input.confirmEarly && planned.status === 'gepubliceerd') {
    throw new AppError('PRECONDITION_FAILED', 'meetings.startEarly', amsterdamWallClock(new Date(planned.startsAt)));
  }
  transition(deps, actor, input.id, 'bezig', (tx, row) => {
    const first = orderedAgenda(tx, row.id).find((i) => i.state === 'geaccepteerd');
    const now = deps.now().toISOString();
    return { startedAt: now, chairUserId: actor.id, currentAgendaItemId: first?.id ?? null, currentItemStartedAt: first ? now : null };
  });
}

/** Closes the overleg and drafts the verslag (SPEC §2 step 4). */
export function closeMeeting(deps: AppDeps, actor: Actor, input: { id: number }) {
  transition(deps, actor, input.id, 'gesloten', () => ({ closedAt: deps.now().toISOString(), currentItemStartedAt: null }));
}

// ── Chair mode ──────────────────────────────────────────────────────────────────────────────

/** The chair moves to an agenda item (or none); its start time drives the timer. */
export function setCurrentItem(deps: AppDeps, actor: Actor, input: { meetingId: number; agendaItemId: number | null }) {
  const meeting = findMeetingInTeam(deps.db, actor.teamId, input.meetingId);
  if (meeting.status !== 'bezig') throw new AppError('CONFLICT', 'meetings.notRunning');
  if (input.agendaItemId !== null) {
    const item = deps.db
      .select({ state: agendaItems.state })
      .from(agendaItems)
      .where(and(eq(agendaItems.id, input.agendaItemId), eq(agendaItems.meetingId, meeting.id)))
      .get();
    if (!item) throw notFound();
    if (item.state !== 'geaccepteerd') throw new AppError('BAD_REQUEST', 'agenda.notAccepted');
  }
  const now = deps.now().toISOString();
  deps.db
    .update(meetings)
    .set({
      currentAgendaItemId: input.agendaItemId,
      currentItemStartedAt: input.agendaItemId === null ? null : now,
      updatedAt: now,
      version: meeting.version + 1,
    })
    .where(eq(meetings.id, meeting.id))
    .run();
  emitMeetingEvent(deps, actor.teamId, { kind: 'meeting.currentItem', id: meeting.id, meetingId: meeting.id });
  return {
    currentAgendaItemId: input.agendaItemId,
    currentItemStartedAt: input.agendaItemId === null ? null : now,
    version: meeting.version + 1,
  };
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

const sectionOrder = new Map<AgendaSection, number>(agendaSections.map((s, i) => [s, i]));
export const sectionIndex = (section: AgendaSection) => sectionOrder.get(section) ?? agendaSections.length;

/** The agenda rows of an overleg in display order: by section (template order), then position. */
export function orderedAgenda(db: Db, meetingId: number) {
  return db
    .select()
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all()
    .sort((a, b) => sectionIndex(a.section) - sectionIndex(b.section));
}

const caseAddress = optionalCaseAddress;

/** Members see the accepted items and their own proposals; the coordinator sees every item. */
export function agendaVisibility(reader: Pick<Actor, 'role'> & { id: number | Placeholder }): SQL | undefined {
  if (reader.role === 'coordinator') return undefined;
  return or(eq(agendaItems.state, 'geaccepteerd'), eq(agendaItems.proposedByUserId, reader.id));
}

const taskPartner = sql<string | null>`(select p.short_name from ${partners} p where p.id = ${tasks.assigneePartnerId})`;

// The agenda as coordinator and as member (their own proposals by a placeholder): each prepared
// once per connection (issue 12) — meetings.get and the live view read it on every call.
const buildAgendaQuery = (visibility: SQL | undefined) =>
  preparedPerDb((db) => {
    const proposer = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${agendaItems.proposedByUserId})`;
    const teamId = sql.placeholder('teamId');
    return db
      .select({
        id: agendaItems.id,
        section: agendaItems.section,
        position: agendaItems.position,
        title: agendaItems.title,
        durationMinutes: agendaItems.durationMinutes,
        presenterPartnerId: agendaItems.presenterPartnerId,
        presenter: partners.shortName,
        caseId: agendaItems.caseId,
        caseCode: cases.code,
        caseAddress,
        source: agendaItems.source,
        state: agendaItems.state,
        proposedByUserId: agendaItems.proposedByUserId,
        proposedBy: proposer,
        notes: agendaItems.notes,
        decisions: agendaItems.decisions,
        updatedAt: agendaItems.updatedAt,
        version: agendaItems.version,
        // Carry-over: the action as it stands now (an edit or reassignment shows at once).
        taskId: agendaItems.taskId,
        taskTitle: tasks.title,
        taskDueDate: tasks.dueDate,
        taskStatus: tasks.status,
        taskVersion: tasks.version,
        taskAssigneePartnerId: tasks.assigneePartnerId,
        taskPartner: taskPartner,
        taskBlocked: sql<boolean>`${tasks.blockedAt} is not null`.mapWith(Boolean),
      })
      .from(agendaItems)
      .leftJoin(partners, eq(partners.id, agendaItems.presenterPartnerId))
      .leftJoin(tasks, and(eq(tasks.id, agendaItems.taskId), eq(tasks.teamId, teamId)))
      .leftJoin(cases, and(eq(cases.id, agendaItems.caseId), eq(cases.teamId, teamId)))
      .where(and(eq(agendaItems.meetingId, sql.placeholder('meetingId')), visibility))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id))
      .prepare();
  });
const coordinatorAgenda = buildAgendaQuery(undefined);
const memberAgenda = buildAgendaQuery(agendaVisibility({ role: 'member', id: sql.placeholder('readerId') }));

export function readAgenda(deps: AppDeps, reader: Actor, meetingId: number) {
  const query = reader.role === 'coordinator' ? coordinatorAgenda : memberAgenda;
  return query(deps.db)
    .all({ teamId: reader.teamId, meetingId, readerId: reader.id })
    .sort((a, b) => sectionIndex(a.section) - sectionIndex(b.section));
}

export type AgendaItemView = ReturnType<typeof readAgenda>[number];

// readAttendance's queries, prepared once per connection (issue 12). The attendees' ids go in as
// one JSON array (json_each), so one statement serves any number of them.
const attendanceQueries = {
  partners: preparedPerDb((db) =>
    db
      .select({
        id: partners.id,
        name: partners.name,
        shortName: partners.shortName,
        kind: partners.kind,
        joinedOn: partners.joinedOn,
        leftOn: partners.leftOn,
      })
      .from(partners)
      .where(eq(partners.teamId, sql.placeholder('teamId')))
      .orderBy(asc(partners.id))
      .prepare(),
  ),
  attendance: preparedPerDb((db) =>
    db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, sql.placeholder('meetingId')))
      .prepare(),
  ),
  regrets: preparedPerDb((db) =>
    db
      .select()
      .from(meetingRegrets)
      .where(eq(meetingRegrets.meetingId, sql.placeholder('meetingId')))
      .prepare(),
  ),
  names: preparedPerDb((db) =>
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(
        and(inArray(users.id, sql`(select value from json_each(${sql.placeholder('ids')}))`), eq(users.teamId, sql.placeholder('teamId'))),
      )
      .prepare(),
  ),
};

/** Attendance per partner that takes part on the day of the overleg (joined, not yet left). */
export function readAttendance(deps: AppDeps, teamId: number, meeting: { id: number; startsAt: string }) {
  const day = amsterdamDate(new Date(meeting.startsAt));
  const partnerRows = attendanceQueries.partners(deps.db).all({ teamId });
  const rows = attendanceQueries.attendance(deps.db).all({ meetingId: meeting.id });
  const byPartner = new Map(rows.map((r) => [r.partnerId, r]));
  // What partners announced beforehand (issue 9.13): the list starts from it until the chair records.
  const announced = new Map(
    attendanceQueries
      .regrets(deps.db)
      .all({ meetingId: meeting.id })
      .map((r) => [r.partnerId, r]),
  );
  const attendeeIds = [
    ...new Set([
      ...rows.flatMap((r) => JSON.parse(r.attendeeUserIds) as number[]),
      ...[...announced.values()].flatMap((r) => (r.delegateUserId === null ? [] : [r.delegateUserId])),
    ]),
  ];
  const names = new Map(
    attendeeIds.length === 0
      ? []
      : attendanceQueries
          .names(deps.db)
          .all({ ids: JSON.stringify(attendeeIds), teamId })
          .map((u) => [u.id, u.name]),
  );
  return partnerRows
    .filter((p) => byPartner.has(p.id) || partnerActiveOn(p, day))
    .map((p) => {
      const row = byPartner.get(p.id);
      const ids = row ? (JSON.parse(row.attendeeUserIds) as number[]) : [];
      const note = announced.get(p.id);
      const delegateId = note?.delegateUserId ?? null;
      const announcement = note
        ? {
            kind: note.kind,
            reason: note.reason,
            version: note.version,
            updatedAt: note.updatedAt,
            delegate: delegateId !== null && names.has(delegateId) ? { id: delegateId, name: names.get(delegateId)! } : null,
          }
        : null;
      return {
        partnerId: p.id,
        partner: p.shortName,
        partnerName: p.name,
        kind: p.kind,
        // Regrets start the partner as afgemeld; the chair's record (row) always wins.
        status: row?.status ?? (note?.kind === 'afgemeld' ? ('afgemeld' as const) : null),
        attendees: ids.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! })),
        updatedAt: row?.updatedAt ?? null,
        // A delegate is who the chair can expect until attendance is recorded.
        expectedAttendee: !row && announcement?.delegate ? announcement.delegate : null,
        announcement,
      };
    });
}

// getMeeting's own queries, prepared once per connection (issue 12).
const meetingQueries = {
  minutes: preparedPerDb((db) =>
    db
      .select({ status: minutes.status, approvedInMeetingId: minutes.approvedInMeetingId })
      .from(minutes)
      .where(eq(minutes.meetingId, sql.placeholder('meetingId')))
      .prepare(),
  ),
};

/**
 * `meetings.get`: the overleg with its agenda and attendance, as `reader` may see it. It depends
 * on the reader and the database alone (no clock), so each reader's answer is kept while the
 * database is unchanged (../read-cache.ts): the meeting page, the live view's first snapshot and
 * everyone reopening the overleg ask it again and again.
 */
export function getMeeting(deps: AppDeps, reader: Actor, id: number): MeetingView {
  return cachedRead(deps.db, `meetings.get ${readerKey(reader)} ${id}`, () => readMeeting(deps, reader, id));
}

function readMeeting(deps: AppDeps, reader: Actor, id: number) {
  const m = visibleMeeting(deps, reader, id);
  const { team, chair } = meetingTeamAndChair(deps.db, m);
  const minutesRow = meetingQueries.minutes(deps.db).get({ meetingId: m.id });
  // The overleg before this one: its verslag is approved here under agenda item 2 ('verslag').
  const previous = previousMeeting(deps.db, m.teamId, m);
  const previousMinutes = previous ? meetingQueries.minutes(deps.db).get({ meetingId: previous.id }) : undefined;
  return {
    id: m.id,
    teamId: m.teamId,
    team: team.name,
    teamCode: team.code,
    seriesId: m.seriesId,
    title: m.title,
    startsAt: m.startsAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    videoLink: m.videoLink,
    status: m.status,
    chairUserId: m.chairUserId,
    chair,
    publishedAt: m.publishedAt,
    startedAt: m.startedAt,
    closedAt: m.closedAt,
    currentAgendaItemId: m.currentAgendaItemId,
    currentItemStartedAt: m.currentItemStartedAt,
    version: m.version,
    minutesStatus: minutesRow?.status ?? null,
    previousMeeting: previous
      ? {
          id: previous.id,
          title: previous.title,
          startsAt: previous.startsAt,
          minutesStatus: previousMinutes?.status ?? null,
          minutesApprovedInMeetingId: previousMinutes?.approvedInMeetingId ?? null,
        }
      : null,
    agenda: readAgenda(deps, reader, m.id),
    attendance: readAttendance(deps, reader.teamId, m),
  };
}

export type MeetingView = ReturnType<typeof readMeeting>;

export const PAST_PAGE_SIZE = 20;
export const PAST_PAGE_MAX = 100;

/**
 * `meetings.list` filter. `past` pages the closed overleggen from `cursor`; `heldAfter` gives the
 * overleggen held (running or closed) after that one, soonest first — where its verslag can be
 * approved (SPEC §2 step 4: the next overleg approves it).
 */
export type MeetingListFilter = { past?: boolean | null; cursor?: number | null; limit?: number | null; heldAfter?: number | null };

/**
 * `meetings.list`: upcoming (from today on, or running; soonest first) and past (latest first).
 * An overleg of an earlier day that was never closed is past, not "upcoming".
 * Without a filter all upcoming ones and the first page of the past ones, with `nextCursor` for
 * the next page (`past: true, cursor`): a team holds years of overleggen, and the answer must not
 * grow with them (issue 12). With `past: false` only the upcoming ones; with `past: true` one page
 * of the past ones after `cursor` (the last id shown).
 */
export function listMeetings(deps: AppDeps, reader: Actor, filter?: MeetingListFilter) {
  const conditions: SQL[] = [eq(meetings.teamId, reader.teamId)];
  if (reader.role !== 'coordinator') conditions.push(inArray(meetings.status, memberVisibleStatuses));
  const visibleItems =
    reader.role === 'coordinator'
      ? sql<number>`(select count(*) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and ${agendaItems.state} = 'geaccepteerd')`
      : sql<number>`(select count(*) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and (${agendaItems.state} = 'geaccepteerd' or ${agendaItems.proposedByUserId} = ${reader.id}))`;
  const openProposals = sql<number>`(select count(*) from ${agendaItems} where ${agendaItems.meetingId} = ${meetings.id} and ${agendaItems.state} = 'voorgesteld')`;
  const select = () =>
    deps.db
      .select({
        id: meetings.id,
        title: meetings.title,
        startsAt: meetings.startsAt,
        durationMinutes: meetings.durationMinutes,
        location: meetings.location,
        videoLink: meetings.videoLink,
        status: meetings.status,
        seriesId: meetings.seriesId,
        version: meetings.version,
        agendaItems: visibleItems,
        openProposals,
        minutesStatus: minutes.status,
      })
      .from(meetings)
      .leftJoin(minutes, eq(minutes.meetingId, meetings.id));
  const shape = <T extends { openProposals: number }>(r: T) => ({
    ...r,
    openProposals: reader.role === 'coordinator' ? r.openProposals : 0,
  });
  const limit = Math.min(Math.max(filter?.limit ?? PAST_PAGE_SIZE, 1), PAST_PAGE_MAX);
  type Row = ReturnType<typeof shape<ReturnType<ReturnType<typeof select>['all']>[number]>>;
  const empty = { upcoming: [] as Row[], past: [] as Row[], nextCursor: null as number | null };

  if (filter?.heldAfter) {
    const from = deps.db
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(...conditions, eq(meetings.id, filter.heldAfter)))
      .get();
    if (!from) return empty;
    const held = select()
      .where(and(...conditions, inArray(meetings.status, ['bezig', 'gesloten']), sql`${meetings.startsAt} > ${from.startsAt}`))
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .limit(limit)
      .all()
      .map(shape);
    return { upcoming: [], past: held, nextCursor: null };
  }

  const todayStarts = amsterdamToUtc(amsterdamDate(deps.now()), '00:00').toISOString();
  const pastConditions = [
    ...conditions,
    or(eq(meetings.status, 'gesloten'), and(ne(meetings.status, 'bezig'), lt(meetings.startsAt, todayStarts)))!,
  ];
  const upcoming = () =>
    select()
      .where(
        and(...conditions, or(eq(meetings.status, 'bezig'), and(ne(meetings.status, 'gesloten'), gte(meetings.startsAt, todayStarts)))),
      )
      .orderBy(asc(meetings.startsAt), asc(meetings.id))
      .all()
      .map(shape);
  if (filter?.past === false) return { upcoming: upcoming(), past: [], nextCursor: null };

  if (filter?.past && filter.cursor) {
    // Keyset on (startsAt, id) descending; a cursor outside the caller's list gives an empty page.
    const after = deps.db
      .select({ startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(...pastConditions, eq(meetings.id, filter.cursor)))
      .get();
    if (!after) return empty;
    pastConditions.push(
      or(
        sql`${meetings.startsAt} < ${after.startsAt}`,
        and(eq(meetings.startsAt, after.startsAt), sql`${meetings.id} < ${filter.cursor}`),
      )!,
    );
  }
  const page = select()
    .where(and(...pastConditions))
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(limit + 1)
    .all()
    .map(shape);
  const more = page.length > limit;
  const past = page.slice(0, limit);
  return { upcoming: filter?.past ? [] : upcoming(), past, nextCursor: more ? past[past.length - 1]!.id : null };
}

/** The overleg held before this one (closed or running), whose verslag and actions come back. */
const previousMeetingQuery = preparedPerDb((db) =>
  db
    .select()
    .from(meetings)
    .where(
      and(
        eq(meetings.teamId, sql.placeholder('teamId')),
        inArray(meetings.status, ['bezig', 'gesloten']),
        sql`${meetings.startsAt} < ${sql.placeholder('startsAt')}`,
      ),
    )
    .orderBy(desc(meetings.startsAt), desc(meetings.id))
    .limit(1)
    .prepare(),
);
export function previousMeeting(db: Db, teamId: number, meeting: { id: number; startsAt: string }) {
  return previousMeetingQuery(db).get({ teamId, startsAt: meeting.startsAt });
}
