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
  tasks,
  taskStatuses,
  themes,
} from '../../db/schema';
import type { AppDeps } from '../deps';
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

/**
 * The casussen that can count in a window starting at `start`: those still open, and those closed
 * since. A casus closed before the window began cannot: it was opened, made active and closed
 * (its last closing, `closedAt`) before it. Read from the index alone, so a report does not walk
 * the team's closed history (issue 12); the window's own conditions are applied on top.
 */
function casesLiveSince(deps: AppDeps, teamId: number, start: string) {
  const { db } = deps;
  const team = eq(cases.teamId, teamId);
  return db
    .select({ id: cases.id })
    .from(cases)
    .where(and(team, inArray(cases.status, ['signaal', 'actief'])))
    .unionAll(
      db
        .select({ id: cases.id })
        .from(cases)
        .where(and(team, eq(cases.status, 'afgerond'), gte(cases.closedAt, start))),
    );
}

/**
 * The tasks that can count in a window starting at `start`: those still open, those completed
 * since, and those lapsed since (a lapsed task's last change is its lapsing). A task finished or
 * lapsed before the window began was also created before it, so none of the window's figures
 * can count it. By index (issue 12); the window's own conditions are applied on top.
 */
function tasksLiveSince(deps: AppDeps, teamId: number, start: string) {
  const { db } = deps;
  const team = eq(tasks.teamId, teamId);
  return db
    .select({ id: tasks.id })
    .from(tasks)
    .where(and(team, eq(tasks.status, 'open')))
    .unionAll(
      db
        .select({ id: tasks.id })
        .from(tasks)
        // Every status named, so `tasks_team_status (team_id, status, completed_at)` serves the range.
        .where(and(team, inArray(tasks.status, [...taskStatuses]), gte(tasks.completedAt, start))),
    )
    .unionAll(
      db
        .select({ id: tasks.id })
        .from(tasks)
        // Written out, not bound: only a literal matches the partial index `tasks_team_lapsed`.
        .where(and(team, sql`${tasks.status} = 'vervallen'`, gte(tasks.updatedAt, start))),
    );
}

/** The facts that can count in one window: what happened in it, and what was still open at its end. */
export function loadWindowFacts(deps: AppDeps, teamId: number, w: Window) {
  const { db } = deps;
  const { start, end } = w;
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
        inArray(cases.id, casesLiveSince(deps, teamId, start)),
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
    .all();
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
        sql`+${cases.teamId} = ${teamId}`,
        counted,
        inArray(caseEvents.kind, ['status', 'created']),
        within(caseEvents.at),
      ),
    )
    .all();
  const agreementRows = db
    .select({ partnerId: agreements.responsiblePartnerId, createdAt: agreements.createdAt })
    .from(agreements)
    .innerJoin(cases, eq(cases.id, agreements.caseId))
    .where(and(eq(agreements.teamId, teamId), within(agreements.createdAt), counted))
    .all();
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
        inArray(tasks.id, tasksLiveSince(deps, teamId, start)),
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
    .all();
  const meetingRows = db
    .select({ id: meetings.id, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt)))
    .all();
  const attendanceRows =
    meetingRows.length === 0
      ? []
      : db
          .select({ meetingId: attendance.meetingId, partnerId: attendance.partnerId, status: attendance.status })
          .from(attendance)
          .innerJoin(meetings, eq(meetings.id, attendance.meetingId))
          .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt)))
          .all();
  // Controles held in the window (planned on one of its days and carried out), with their partners and findings.
  const heldInWindow = and(
    eq(controls.teamId, teamId),
    eq(controls.status, 'uitgevoerd'),
    gte(controls.plannedOn, w.from),
    lte(controls.plannedOn, w.to),
  );
  const controlRows = db
    .select({ id: controls.id, plannedOn: controls.plannedOn, status: controls.status })
    .from(controls)
    .where(heldInWindow)
    .all();
  const participationRows =
    controlRows.length === 0
      ? []
      : db
          .select({ controlId: controlPartners.controlId, partnerId: controlPartners.partnerId })
          .from(controlPartners)
          .innerJoin(controls, eq(controls.id, controlPartners.controlId))
          .where(heldInWindow)
          .all();
  const findingRows =
    controlRows.length === 0
      ? []
      : db
          .select({
            controlId: findings.controlId,
            partnerId: findings.partnerId,
            findingType: findings.findingType,
            measure: findings.measure,
          })
          .from(findings)
          .innerJoin(controls, eq(controls.id, findings.controlId))
          .where(heldInWindow)
          .all();
  // Escalaties raised or resolved in the window, or open at its end (the three counts of the report).
  const inDays = (column: SQLiteColumn) => and(gte(column, w.from), lte(column, w.to))!;
  const escalationRows = db
    .select({ raisedOn: escalations.raisedOn, status: escalations.status, outcomeOn: escalations.outcomeOn })
    .from(escalations)
    .where(
      and(
        eq(escalations.teamId, teamId),
        or(
          inDays(escalations.raisedOn),
          and(eq(escalations.status, 'afgehandeld'), inDays(escalations.outcomeOn)),
          and(lte(escalations.raisedOn, w.to), or(isNull(escalations.outcomeOn), gt(escalations.outcomeOn, w.to))),
        ),
      ),
    )
    .all();
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
}

export type WindowFacts = ReturnType<typeof loadWindowFacts>;
