/**
 * The anonymous facts a progress report counts (SPEC §2 step 7).
 *
 * NO PERSONAL DATA, BY CONSTRUCTION (art. 20.13, P7): every query below selects only ids, dates,
 * statuses, codes and the names of partners, gemeenten and themes. It never reads betrokkenen,
 * items, addresses or free-text fields (descriptions, notes, result notes, reasons, outcomes).
 * Keep it that way: a new figure is a count over such columns, nothing else.
 *
 * Facts are loaded per window (one period), by index on their dates: a report costs what its
 * period holds, not the team's whole history (issue 12).
 */
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  agreements,
  attendance,
  caseEvents,
  cases,
  controlPartners,
  controls,
  escalations,
  findings,
  meetings,
  partners,
  runningCaseStatuses,
  tasks,
  taskStatuses,
  themes,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { preparedPerDb } from '../prepared';
import type { Window } from './report-period';

/** The team's partners and themes: the rows of the report's tables. */
export function loadTeamRows(deps: AppDeps, teamId: number) {
  const { db } = deps;
  const partnerRows = db
    .select({ id: partners.id, shortName: partners.shortName, kind: partners.kind, joinedOn: partners.joinedOn, leftOn: partners.leftOn })
    .from(partners)
    .where(eq(partners.teamId, teamId))
    .orderBy(asc(partners.id))
    .all();
  const themeRows = db
    .select({ id: themes.id, name: themes.name, active: themes.active })
    .from(themes)
    .where(eq(themes.teamId, teamId))
    .orderBy(asc(themes.position))
    .all();
  return { partnerRows, themeRows };
}

export type TeamRows = ReturnType<typeof loadTeamRows>;

/** The values a window's statements are prepared with (`loadWindowFacts` fills them in). */
const param = {
  teamId: sql.placeholder('teamId'),
  // the window as instants (start inclusive, end exclusive) and as calendar days (both inclusive)
  start: sql.placeholder('start'),
  end: sql.placeholder('end'),
  from: sql.placeholder('from'),
  to: sql.placeholder('to'),
};

/**
 * The casussen that can count in a window starting at `start`: those still open, and those closed
 * since. A casus closed before the window began cannot: it was opened, made active and closed
 * (its last closing, `closedAt`) before it. Read from the index alone, so a report does not walk
 * the team's closed history (issue 12); the window's own conditions are applied on top.
 */
function casesLiveSince(db: Db) {
  const team = eq(cases.teamId, param.teamId);
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(and(team, inArray(cases.status, [...runningCaseStatuses])))
    .unionAll(
      db
        .select({ id: cases.id })
        .from(cases)
        .where(and(team, eq(cases.status, 'afgerond'), gte(cases.closedAt, param.start))),
    );
}

/**
 * The tasks that can count in a window starting at `start`: those still open, those completed
 * since, and those lapsed since (a lapsed task's last change is its lapsing). A task finished or
 * lapsed before the window began was also created before it, so none of the window's figures
 * can count it. By index (issue 12); the window's own conditions are applied on top.
 */
function tasksLiveSince(db: Db) {
  const team = eq(tasks.teamId, param.teamId);
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(team, eq(tasks.status, 'open')))
    .unionAll(
      db
        .select({ id: tasks.id })
        .from(tasks)
        // Every status named, so `tasks_team_status (team_id, status, completed_at)` serves the range.
        .where(and(team, inArray(tasks.status, [...taskStatuses]), gte(tasks.completedAt, param.start))),
    )
    .unionAll(
      db
        .select({ id: tasks.id })
        .from(tasks)
        // Written out, not bound: only a literal matches the partial index `tasks_team_lapsed`.
        .where(and(team, sql`${tasks.status} = 'vervallen'`, gte(tasks.updatedAt, param.start))),
    );
}

/**
 * The statements that read one window's facts, prepared once per connection: built by drizzle and
 * prepared by SQLite on every report, they cost as much as some of the reading (issue 12).
 */
const factQueries = preparedPerDb((db) => {
  const { start, end } = param;
  const within = (column: SQLiteColumn) => and(gte(column, start), lt(column, end))!;
  // A withdrawn casus was a mistake: it and the work on it are no part of the team's figures.
  const counted = ne(cases.status, 'ingetrokken');
  const caseRows = db
    .select({
      id: cases.id,
      gemeentePartnerId: cases.gemeentePartnerId,
      themeId: cases.themeId,
      origin: cases.origin,
      createdAt: cases.createdAt,
      activatedAt: cases.activatedAt,
      closedAt: cases.closedAt,
    })
    .from(cases)
    .where(
      and(
        inArray(cases.id, casesLiveSince(db)),
        counted,
        or(
          within(cases.createdAt),
          within(cases.activatedAt),
          within(cases.closedAt),
          // a casus whose status changed within the window (its history row carries the moment)
          sql`${cases.id} in (select ce.case_id from ${caseEvents} ce where ce.at >= ${start} and ce.at < ${end} and ce.kind in ('status', 'created'))`,
        ),
      ),
    )
    .prepare();
  // Status transitions from the history; only the target status is read, never the detail text.
  const transitions = db
    .select({
      caseId: caseEvents.caseId,
      at: caseEvents.at,
      to: sql<
        string | null
      >`case when ${caseEvents.kind} = 'status' then json_extract(${caseEvents.detail}, '$.to') else json_extract(${caseEvents.detail}, '$.status') end`,
    })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        // `+` keeps the planner on the window's index of case_events: driven from the team's
        // casussen instead, it would visit the history of every casus the team ever had.
        sql`+${cases.teamId} = ${param.teamId}`,
        counted,
        inArray(caseEvents.kind, ['status', 'created']),
        within(caseEvents.at),
      ),
    )
    .prepare();
  const agreementRows = db
    .select({ partnerId: agreements.responsiblePartnerId, createdAt: agreements.createdAt })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(and(eq(agreements.teamId, param.teamId), within(agreements.createdAt), counted))
    .prepare();
  const taskRows = db
    .select({
      partnerId: tasks.assigneePartnerId,
      dueDate: tasks.dueDate,
      status: tasks.status,
      createdAt: tasks.createdAt,
      completedAt: tasks.completedAt,
      updatedAt: tasks.updatedAt,
    })
    .from(tasks)
    .leftJoin(cases, eq(cases.id, tasks.caseId))
    .where(
      and(
        inArray(tasks.id, tasksLiveSince(db)),
        or(isNull(cases.id), counted),
        or(
          within(tasks.createdAt),
          within(tasks.completedAt),
          // still open (not done, not lapsed) at the end of the window: may be over its due date
          and(
            lt(tasks.createdAt, end),
            or(isNull(tasks.completedAt), gte(tasks.completedAt, start)),
            or(ne(tasks.status, 'vervallen'), gte(tasks.updatedAt, start)),
          ),
        ),
      ),
    )
    .prepare();
  const meetingRows = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.teamId, param.teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt)))
    .prepare();
  const attendanceRows = db
    .select({ meetingId: attendance.meetingId, partnerId: attendance.partnerId, status: attendance.status })
    .from(attendance)
    .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(and(eq(meetings.teamId, param.teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt)))
    .prepare();
  // Controles held in the window (planned on one of its days and carried out), with their partners and findings.
  const heldInWindow = and(
    eq(controls.teamId, param.teamId),
    eq(controls.status, 'uitgevoerd'),
    gte(controls.plannedOn, param.from),
    lte(controls.plannedOn, param.to),
  );
  const controlRows = db
    .select({ id: controls.id, plannedOn: controls.plannedOn, status: controls.status })
    .from(controls)
    .where(heldInWindow)
    .prepare();
  const participationRows = db
    .select({ controlId: controlPartners.controlId, partnerId: controlPartners.partnerId })
    .from(controlPartners)
    .innerJoin(controls, eq(controls.id, controlPartners.controlId))
    .where(heldInWindow)
    .prepare();
  const findingRows = db
    .select({
      controlId: findings.controlId,
      partnerId: findings.partnerId,
      findingType: findings.findingType,
      measure: findings.measure,
    })
    .from(findings)
    .innerJoin(controls, eq(controls.id, findings.controlId))
    .where(heldInWindow)
    .prepare();
  // Escalaties raised or resolved in the window, or open at its end (the three counts of the report).
  const inDays = (column: SQLiteColumn) => and(gte(column, param.from), lte(column, param.to))!;
  const escalationRows = db
    .select({ raisedOn: escalations.raisedOn, status: escalations.status, outcomeOn: escalations.outcomeOn })
    .from(escalations)
    .where(
      and(
        eq(escalations.teamId, param.teamId),
        or(
          inDays(escalations.raisedOn),
          and(eq(escalations.status, 'afgehandeld'), inDays(escalations.outcomeOn)),
          and(lte(escalations.raisedOn, param.to), or(isNull(escalations.outcomeOn), gt(escalations.outcomeOn, param.to))),
        ),
      ),
    )
    .prepare();
  return {
    caseRows,
    transitions,
    agreementRows,
    taskRows,
    meetingRows,
    attendanceRows,
    controlRows,
    participationRows,
    findingRows,
    escalationRows,
  };
});

/** The facts that can count in one window: what happened in it, and what was still open at its end. */
export function loadWindowFacts(deps: AppDeps, teamId: number, w: Window) {
  const q = factQueries(deps.db);
  const values = { teamId, start: w.start, end: w.end, from: w.from, to: w.to };
  const meetingRows = q.meetingRows.all(values);
  const controlRows = q.controlRows.all(values);
  const held = controlRows.length > 0;
  return {
    caseRows: q.caseRows.all(values),
    transitions: q.transitions.all(values),
    agreementRows: q.agreementRows.all(values),
    taskRows: q.taskRows.all(values),
    meetingRows,
    attendanceRows: meetingRows.length > 0 ? q.attendanceRows.all(values) : [],
    controlRows,
    participationRows: held ? q.participationRows.all(values) : [],
    findingRows: held ? q.findingRows.all(values) : [],
    escalationRows: q.escalationRows.all(values),
  };
}

export type WindowFacts = ReturnType<typeof loadWindowFacts>;
