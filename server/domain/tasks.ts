import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { assertNoSubjectNames } from '../privacy/personal-data';
import { agendaItems, cases, partners, tasks, users, type TaskStatus, type WorkChangeKind } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { preparedPerDb } from '../prepared';
import { findWorkableCase, recordCaseEvent, taskColumns } from './cases';
import { isOverdue, overdueTask, withOverdue } from './overdue';
import { assertActivePartner } from './agreements';
import { resolveMeetingLink } from './meetings';
import { ownAgreement, ownCase, ownTask } from './scope';
import { changeLogs, diff, recordWorkChange, type Changes } from './work-changes';
import { notifyBlocker } from './blocker-mail';
import { optionalCaseAddress } from './case-address';
import { MY_TASKS_PAGE } from '../shared/paging';
import { cachedRead } from '../read-cache';

export type TaskInput = {
  title: string;
  assigneePartnerId: number;
  assigneeUserId?: number | null;
  dueDate: string;
  agreementId?: number | null;
  meetingId?: number | null;
  agendaItemId?: number | null;
  caseId?: number | null;
};

/** A follow-up action for one partner (optionally one of its members), with a due date. */
export function createTask(deps: AppDeps, actor: Actor, input: TaskInput): { id: number } {
  assertActivePartner(deps, actor.teamId, input.assigneePartnerId);
  if (input.caseId) ownCase(deps.db, actor.teamId, input.caseId);
  assertNoSubjectNames(deps, [input.caseId], { title: input.title }); // P1, art. 20.9
  if (input.assigneeUserId) {
    const person = deps.db
      .select({ partnerId: users.partnerId })
      .from(users)
      .where(and(eq(users.id, input.assigneeUserId), eq(users.teamId, actor.teamId)))
      .get();
    if (!person || person.partnerId !== input.assigneePartnerId) throw new AppError('BAD_REQUEST', 'tasks.assigneeNotOfPartner');
  }
  let caseId = input.caseId ?? null;
  if (input.agreementId) {
    const agreement = ownAgreement(deps.db, actor.teamId, input.agreementId);
    caseId ??= agreement.caseId;
  }
  if (caseId) findWorkableCase(deps, actor.teamId, caseId);
  input = { ...input, ...resolveMeetingLink(deps.db, actor.teamId, input) };
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx
      .insert(tasks)
      .values({
        teamId: actor.teamId,
        title: input.title.trim(),
        assigneePartnerId: input.assigneePartnerId,
        assigneeUserId: input.assigneeUserId ?? null,
        dueDate: input.dueDate,
        agreementId: input.agreementId ?? null,
        caseId,
        meetingId: input.meetingId ?? null,
        agendaItemId: input.agendaItemId ?? null,
        createdByUserId: actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning({ id: tasks.id })
      .get();
    if (caseId) recordCaseEvent(tx, now, caseId, actor.id, 'task', { taskId: row.id });
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: 'task.created', entity: 'task', entityId: row.id, caseId });
    return row;
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'task.created', id: row.id, meetingId: input.meetingId ?? null });
  return row;
}

const taskView = {
  ...taskColumns,
  partner: partners.shortName,
  caseCode: cases.code,
  caseAddress: optionalCaseAddress,
  completedBy: users.name,
};

// Knelpunten first, then overdue, then by due date (SPEC §2 step 5).
const taskOrder = (today: SQL | string) => [
  sql`case when ${tasks.status} = 'open' and ${tasks.blockedAt} is not null then 0 when ${overdueTask(today)} then 1 when ${tasks.status} = 'open' then 2 else 3 end`,
  asc(tasks.dueDate),
  desc(tasks.id),
];

function selectTasks(deps: AppDeps, teamId: number, where: SQL) {
  const today = amsterdamDate(deps.now());
  const rows = deps.db
    .select(taskView)
    .from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .leftJoin(cases, eq(cases.id, tasks.caseId))
    .leftJoin(users, eq(users.id, tasks.completedByUserId))
    .where(where)
    .orderBy(...taskOrder(today))
    .all()
    .map((t) => withOverdue(t, today));
  return withChanges(deps, teamId, rows);
}

function withChanges<T extends { id: number }>(deps: AppDeps, teamId: number, rows: T[]) {
  const logs = changeLogs(
    deps.db,
    teamId,
    'task',
    rows.map((t) => t.id),
  );
  return rows.map((t) => ({ ...t, changes: logs.get(t.id) ?? [] }));
}

/**
 * What "Mijn taken" and the home page show of a task (client: MyTasks, Home, TaskActions). All
 * are the own partner's tasks, so no partner or assignment columns: the list is one of the most
 * frequent reads, and its size grows with the partner's open work only.
 */
const myTaskView = {
  id: tasks.id,
  title: tasks.title,
  dueDate: tasks.dueDate,
  status: tasks.status,
  resultNote: tasks.resultNote,
  blockerNote: tasks.blockerNote,
  blockedAt: tasks.blockedAt,
  lapseReason: tasks.lapseReason,
  completedAt: tasks.completedAt,
  caseId: tasks.caseId,
  version: tasks.version,
  caseCode: taskView.caseCode,
  caseAddress: taskView.caseAddress,
  completedBy: taskView.completedBy,
};
const myTasksQuery = (includeDone: boolean) =>
  preparedPerDb((db) =>
    db
      .select(myTaskView)
      .from(tasks)
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .leftJoin(users, eq(users.id, tasks.completedByUserId))
      .where(
        and(
          eq(tasks.teamId, sql.placeholder('teamId')),
          eq(tasks.assigneePartnerId, sql.placeholder('partnerId')),
          includeDone ? undefined : eq(tasks.status, 'open'),
        ),
      )
      .orderBy(...taskOrder(sql`${sql.placeholder('today')}`))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(),
  );
const myTasksQueries = { open: myTasksQuery(false), all: myTasksQuery(true) };

/**
 * "Mijn taken": the tasks of the caller's organisation, one page of MY_TASKS_PAGE at a time
 * (issue 12: a partner's open work runs into hundreds of tasks, and the home page shows eight).
 * No cursor is the first page; `cursor` is the number of tasks already received, so the client
 * asks for the next page with the length of its list. The order ends on the id, so pages over
 * unchanged tasks neither repeat nor skip one. `limit` asks for fewer (the home page's first eight).
 */
export function myTasks(deps: AppDeps, actor: Actor, filter: MyTasksFilter = {}) {
  const { teamId, partnerId } = actor;
  if (partnerId === null) return [];
  const today = amsterdamDate(deps.now());
  // The partner's list depends on the partner, the day (overdue) and the page alone: answered
  // once per change of the database (../read-cache.ts) for all of the partner's people.
  return cachedRead(deps.db, `tasks.mine ${teamId} ${partnerId} ${today} ${JSON.stringify(filter)}`, () =>
    queryMyTasks(deps, teamId, partnerId, today, filter),
  );
}

type MyTasksFilter = { includeDone?: boolean; cursor?: number; limit?: number };

function queryMyTasks(deps: AppDeps, teamId: number, partnerId: number, today: string, filter: MyTasksFilter) {
  const rows = myTasksQueries[filter.includeDone ? 'all' : 'open'](deps.db).all({
    teamId,
    partnerId,
    today,
    offset: filter.cursor ?? 0,
    limit: Math.min(filter.limit ?? MY_TASKS_PAGE, MY_TASKS_PAGE),
  });
  // One copy per row with both additions (issue 12: the copies were a tenth of the call).
  const logs = changeLogs(
    deps.db,
    teamId,
    'task',
    rows.map((t) => t.id),
  );
  return rows.map((t) => ({ ...t, overdue: isOverdue(t, today), changes: logs.get(t.id) ?? [] }));
}

export type TaskFilter = {
  partnerId?: number | null;
  status?: TaskStatus | null;
  overdue?: boolean | null;
  blocked?: boolean | null;
  gemeentePartnerId?: number | null;
  meetingId?: number | null;
};

/** The coordinator's overview across partners. */
export function listTasks(deps: AppDeps, actor: Actor, filter: TaskFilter) {
  const today = amsterdamDate(deps.now());
  const conditions: SQL[] = [eq(tasks.teamId, actor.teamId)];
  if (filter.partnerId) conditions.push(eq(tasks.assigneePartnerId, filter.partnerId));
  if (filter.status) conditions.push(eq(tasks.status, filter.status));
  if (filter.overdue) conditions.push(overdueTask(today));
  if (filter.blocked) conditions.push(and(eq(tasks.status, 'open'), isNotNull(tasks.blockedAt))!);
  if (filter.gemeentePartnerId) conditions.push(eq(cases.gemeentePartnerId, filter.gemeentePartnerId));
  if (filter.meetingId) conditions.push(eq(tasks.meetingId, filter.meetingId));
  return selectTasks(deps, actor.teamId, and(...conditions)!);
}

function loadTaskFor(deps: AppDeps, actor: Actor, id: number) {
  const task = ownTask(deps.db, actor.teamId, id);
  // Members change only their own partner's tasks; the coordinator changes any.
  if (actor.role !== 'coordinator' && task.assigneePartnerId !== actor.partnerId) throw new AppError('FORBIDDEN', 'tasks.ownPartnerOnly');
  return task;
}

type Task = typeof tasks.$inferSelect;
type Change = Partial<typeof tasks.$inferInsert>;
type LogEntry = { kind: WorkChangeKind; changes?: Changes; reason?: string | null };

/**
 * Writes one change with the version check (a stale version is a CONFLICT and changes nothing),
 * its case event, audit row and — when given — its entry in the task's change log.
 */
function applyChange(deps: AppDeps, actor: Actor, task: Task, expectedVersion: number, change: Change, event: string, log?: LogEntry) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(tasks)
      .set({ ...change, updatedAt: now.toISOString(), version: task.version + 1 })
      .where(and(eq(tasks.id, task.id), eq(tasks.version, expectedVersion)))
      .run();
    if (res.changes !== 1) throw conflict();
    if (task.caseId) recordCaseEvent(tx, now, task.caseId, actor.id, event, { taskId: task.id });
    if (log) recordWorkChange(tx, now, { teamId: actor.teamId, taskId: task.id, actorId: actor.id, ...log });
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: event,
      entity: 'task',
      entityId: task.id,
      caseId: task.caseId,
      detail: log?.changes && Object.keys(log.changes).length > 0 ? { fields: Object.keys(log.changes) } : null,
    });
  });
  // Live views of the overleg that made the task and of every overleg it is carried over to.
  const carriedTo = deps.db
    .select({ meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .where(eq(agendaItems.taskId, task.id))
    .all()
    .map((r) => r.meetingId);
  for (const meetingId of new Set([task.meetingId, ...carriedTo]))
    deps.events.emit(`team:${actor.teamId}`, { kind: 'task.updated', id: task.id, meetingId });
}

/**
 * Ticks a task off with its result note (actiegegevens, art. 17.16). Two people completing the
 * same task cannot overwrite each other: a stale version, or a task already done, is a CONFLICT.
 */
export function completeTask(deps: AppDeps, actor: Actor, input: { id: number; resultNote: string; version?: number | null }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status === 'gereed') throw new AppError('CONFLICT', 'tasks.alreadyDone');
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  if (!input.resultNote.trim()) throw new AppError('BAD_REQUEST', 'tasks.resultRequired');
  assertNoSubjectNames(deps, [task.caseId], { resultNote: input.resultNote }); // P1, art. 20.9
  applyChange(
    deps,
    actor,
    task,
    input.version ?? task.version,
    {
      status: 'gereed',
      resultNote: input.resultNote.trim(),
      blockerNote: null,
      blockedAt: null,
      completedByUserId: actor.id,
      completedAt: deps.now().toISOString(),
    },
    'task.completed',
  );
}

/** A done or lapsed task is open again (a mistaken tick, or a lapse that was wrong). */
export function reopenTask(deps: AppDeps, actor: Actor, input: { id: number; version: number }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status === 'open') throw new AppError('CONFLICT', 'conflict.version');
  applyChange(
    deps,
    actor,
    task,
    input.version,
    { status: 'open', completedByUserId: null, completedAt: null, lapseReason: null },
    'task.reopened',
    { kind: 'reopened', changes: { status: { from: task.status, to: 'open' } } },
  );
}

/**
 * Knelpunt: a member reports what blocks the task. The task is blocked (a distinct state in the
 * coordinator's overview and on the home page) until the coordinator resolves it, and it comes
 * back on the next agenda. The coordinators get an e-mail with a link only (P7).
 */
export async function reportBlocker(deps: AppDeps, actor: Actor, input: { id: number; note: string; version: number }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  const note = input.note.trim();
  if (!note) throw new AppError('BAD_REQUEST', 'tasks.blockerRequired');
  applyChange(deps, actor, task, input.version, { blockerNote: note, blockedAt: deps.now().toISOString() }, 'task.blocker', {
    kind: 'blocked',
    reason: note,
  });
  await notifyBlocker(deps, actor.teamId, task.id);
}

/** The coordinator (or the partner itself) resolves the knelpunt, optionally saying how. */
export function resolveBlocker(deps: AppDeps, actor: Actor, input: { id: number; version: number; note?: string | null }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (!task.blockedAt) throw new AppError('CONFLICT', 'tasks.notBlocked');
  applyChange(deps, actor, task, input.version, { blockerNote: null, blockedAt: null }, 'task.unblocked', {
    kind: 'unblocked',
    reason: input.note?.trim() || null,
  });
}

export type TaskUpdate = {
  id: number;
  version: number;
  title?: string;
  assigneePartnerId?: number;
  assigneeUserId?: number | null;
  dueDate?: string;
  reason?: string | null;
};

/**
 * The coordinator corrects an open task: title (a typo), a new deadline, or another partner
 * (reassignment: it leaves the old partner's Mijn taken and appears in the new one's). The
 * change log keeps what it was, so the assignee sees what changed.
 */
export function updateTask(deps: AppDeps, actor: Actor, input: TaskUpdate) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  const partnerId = input.assigneePartnerId ?? task.assigneePartnerId;
  if (partnerId !== task.assigneePartnerId) assertActivePartner(deps, actor.teamId, partnerId);
  // A new partner drops the person of the old one unless a person of the new partner is named.
  const userId =
    input.assigneeUserId !== undefined ? input.assigneeUserId : partnerId !== task.assigneePartnerId ? null : task.assigneeUserId;
  if (userId) {
    const person = deps.db
      .select({ partnerId: users.partnerId })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.teamId, actor.teamId)))
      .get();
    if (!person || person.partnerId !== partnerId) throw new AppError('BAD_REQUEST', 'tasks.assigneeNotOfPartner');
  }
  const next = { title: input.title?.trim(), dueDate: input.dueDate, assigneePartnerId: partnerId, assigneeUserId: userId };
  const changes = diff(
    { title: task.title, dueDate: task.dueDate, assigneePartnerId: task.assigneePartnerId, assigneeUserId: task.assigneeUserId },
    next,
  );
  if (Object.keys(changes).length === 0) return { version: task.version };
  applyChange(
    deps,
    actor,
    task,
    input.version,
    {
      title: next.title ?? task.title,
      dueDate: next.dueDate ?? task.dueDate,
      assigneePartnerId: partnerId,
      assigneeUserId: userId,
    },
    'task.updated',
    { kind: 'updated', changes, reason: input.reason?.trim() || null },
  );
  return { version: task.version + 1 };
}

/** The coordinator lets an open task lapse (vervallen) with a reason; it leaves the actielijst. */
export function lapseTask(deps: AppDeps, actor: Actor, input: { id: number; version: number; reason: string }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_REQUEST', 'tasks.reasonRequired');
  applyChange(
    deps,
    actor,
    task,
    input.version,
    { status: 'vervallen', lapseReason: reason, blockerNote: null, blockedAt: null },
    'task.lapsed',
    { kind: 'lapsed', changes: { status: { from: 'open', to: 'vervallen' } }, reason },
  );
}
