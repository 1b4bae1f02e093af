/**
 * The home page figures (SPEC §2, issue 5). Coordinator: next overleg, open and overdue tasks per
 * partner, casussen by status, controles coming up. Member: their partner's open and overdue
 * tasks, the next published overleg and their partner's upcoming controles. Viewer, admin and
 * privacy: figures only — counts, no casus details and no addresses.
 */
import type { Actor } from '../auth/actor';
import { and, asc, count, eq, gte, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { cases, controlPartners, controls, meetings, partners, reportSourceChanges, tasks } from '../../db/schema';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../prepared';
import type { AppDeps } from '../deps';
import { amsterdamDate } from '../clock';
import { listControls } from './controls';
import { overdueTask } from './overdue';

type CaseCounts = Record<'signaal' | 'actief' | 'afgerond', number>;

const changeCounter = preparedPerDb((db) =>
  db.select({ n: reportSourceChanges.n }).from(reportSourceChanges).where(eq(reportSourceChanges.id, 1)).prepare(),
);
const caseCountsByDb = new WeakMap<Db, Map<number, { version: number; counts: CaseCounts }>>();

/**
 * Casussen per status: the closed ones are the team's whole history, so counting them grows with
 * it (issue 12). The counts are kept per connection and team while the change counter
 * `report_source_changes` (bumped by triggers on every change to `cases`, migration 0026) stands
 * still, so the home page counts again only after something changed.
 */
function caseCounts(deps: AppDeps, teamId: number): CaseCounts {
  const version = changeCounter(deps.db).get()?.n ?? 0;
  let cache = caseCountsByDb.get(deps.db);
  if (!cache) caseCountsByDb.set(deps.db, (cache = new Map<number, { version: number; counts: CaseCounts }>()));
  const hit = cache.get(teamId);
  if (hit?.version === version) return { ...hit.counts };
  const counts: CaseCounts = { signaal: 0, actief: 0, afgerond: 0 };
  for (const r of deps.db
    .select({ status: cases.status, n: count() })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), ne(cases.status, 'ingetrokken')))
    .groupBy(cases.status)
    .all())
    counts[r.status as keyof CaseCounts] = r.n;
  cache.set(teamId, { version, counts: { ...counts } });
  return counts;
}

export function dashboard(deps: AppDeps, reader: Actor) {
  const { db } = deps;
  const today = amsterdamDate(deps.now());
  const nowIso = deps.now().toISOString();
  const teamId = reader.teamId;

  const casesByStatus = caseCounts(deps, teamId);

  const taskRows = db
    .select({
      partnerId: tasks.assigneePartnerId,
      partner: partners.shortName,
      open: sql<number>`sum(case when ${tasks.status} = 'open' then 1 else 0 end)`,
      overdue: sql<number>`sum(case when ${overdueTask(today)} then 1 else 0 end)`,
    })
    .from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .where(and(eq(tasks.teamId, teamId), eq(tasks.status, 'open')))
    .groupBy(tasks.assigneePartnerId)
    .orderBy(asc(partners.id))
    .all();

  // Members see only published meetings; the coordinator also concept ones.
  const meetingStatuses =
    reader.role === 'coordinator' ? (['concept', 'gepubliceerd', 'bezig'] as const) : (['gepubliceerd', 'bezig'] as const);
  const nextMeeting =
    db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt, status: meetings.status, location: meetings.location })
      .from(meetings)
      .where(
        and(
          eq(meetings.teamId, teamId),
          inArray(meetings.status, [...meetingStatuses]),
          sql`(${meetings.status} = 'bezig' or ${meetings.startsAt} >= ${nowIso})`,
        ),
      )
      .orderBy(asc(meetings.startsAt))
      .limit(1)
      .get() ?? null;

  const upcomingControls =
    db
      .select({ n: count() })
      .from(controls)
      .where(and(eq(controls.teamId, teamId), gte(controls.plannedOn, today), ne(controls.status, 'geannuleerd')))
      .get()?.n ?? 0;

  const figures = {
    casesByStatus,
    openTasks: taskRows.reduce((n, r) => n + Number(r.open), 0),
    overdueTasks: taskRows.reduce((n, r) => n + Number(r.overdue), 0),
    upcomingControls,
  };

  if (reader.role === 'coordinator') {
    // Knelpunten: blocked tasks wait for the coordinator, oldest first.
    const blockers = db
      .select({
        taskId: tasks.id,
        title: tasks.title,
        partner: partners.shortName,
        caseId: tasks.caseId,
        caseCode: cases.code,
        note: tasks.blockerNote,
        blockedAt: tasks.blockedAt,
        dueDate: tasks.dueDate,
      })
      .from(tasks)
      .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .where(and(eq(tasks.teamId, teamId), eq(tasks.status, 'open'), isNotNull(tasks.blockedAt)))
      .orderBy(asc(tasks.blockedAt), asc(tasks.id))
      .all();
    return {
      blockers,
      kind: 'coordinator' as const,
      figures,
      nextMeeting,
      tasksByPartner: taskRows.map((r) => ({
        partnerId: r.partnerId,
        partner: r.partner,
        open: Number(r.open),
        overdue: Number(r.overdue),
      })),
      controls: listControls(deps, reader, { when: 'upcoming' })
        .filter((c) => c.status !== 'geannuleerd')
        .slice(0, 5)
        .map((c) => ({
          id: c.id,
          plannedOn: c.plannedOn,
          startTime: c.startTime,
          status: c.status,
          cases: c.cases.map((x) => ({ id: x.id, code: x.code, address: x.address })),
          partners: c.partners.map((p) => p.shortName),
        })),
    };
  }
  if (reader.role === 'member' && reader.partnerId !== null) {
    const own = taskRows.find((r) => r.partnerId === reader.partnerId);
    const mine = db
      .select({ id: controls.id, plannedOn: controls.plannedOn, startTime: controls.startTime })
      .from(controls)
      .innerJoin(controlPartners, eq(controlPartners.controlId, controls.id))
      .where(
        and(
          eq(controls.teamId, teamId),
          eq(controlPartners.partnerId, reader.partnerId),
          gte(controls.plannedOn, today),
          eq(controls.status, 'gepland'),
        ),
      )
      .orderBy(asc(controls.plannedOn))
      .limit(5)
      .all();
    return {
      kind: 'member' as const,
      nextMeeting: nextMeeting && {
        id: nextMeeting.id,
        title: nextMeeting.title,
        startsAt: nextMeeting.startsAt,
        status: nextMeeting.status,
        location: nextMeeting.location,
      },
      myTasks: { open: Number(own?.open ?? 0), overdue: Number(own?.overdue ?? 0) },
      myControls: mine,
    };
  }
  // Viewer, admin, privacy: figures only.
  return {
    kind: 'figures' as const,
    figures,
    nextMeetingOn: nextMeeting ? nextMeeting.startsAt : null,
    tasksByPartner: taskRows.map((r) => ({ partner: r.partner, open: Number(r.open), overdue: Number(r.overdue) })),
  };
}
