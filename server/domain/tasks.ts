import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { cases, partners, tasks, users, type TaskStatus } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { findCaseInTeam, recordCaseEvent, taskColumns, withOverdue } from './cases';
import { assertActivePartner } from './agreements';
import { resolveMeetingLink } from './meetings';
import { ownAgreement, ownTask } from './scope';

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
export function createTask(deps: AppDeps, actor: SessionUser, input: TaskInput): { id: number } {
  assertActivePartner(deps, actor.teamId, input.assigneePartnerId);
  if (input.assigneeUserId) {
    const person = deps.db.select({ partnerId: users.partnerId }).from(users).where(and(eq(users.id, input.assigneeUserId), eq(users.teamId, actor.teamId))).get();
    if (!person || person.partnerId !== input.assigneePartnerId) throw new AppError('BAD_REQUEST', 'tasks.assigneeNotOfPartner');
  }
  let caseId = input.caseId ?? null;
  if (input.agreementId) {
    const agreement = ownAgreement(deps.db, actor.teamId, input.agreementId);
    caseId ??= agreement.caseId;
  }
  if (caseId) findCaseInTeam(deps, actor.teamId, caseId);
  input = { ...input, ...resolveMeetingLink(deps.db, actor.teamId, input) };
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx.insert(tasks).values({
      teamId: actor.teamId, title: input.title.trim(), assigneePartnerId: input.assigneePartnerId, assigneeUserId: input.assigneeUserId ?? null,
      dueDate: input.dueDate, agreementId: input.agreementId ?? null, caseId, meetingId: input.meetingId ?? null,
      agendaItemId: input.agendaItemId ?? null, createdByUserId: actor.id, createdAt: now.toISOString(), updatedAt: now.toISOString(),
    }).returning({ id: tasks.id }).get();
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
  caseAddress: sql<string | null>`case when ${cases.id} is null then null else ${cases.street} || ' ' || ${cases.houseNumber} || coalesce(${cases.houseNumberAddition}, '') || ', ' || ${cases.city} end`,
  completedBy: users.name,
};

function selectTasks(deps: AppDeps, where: SQL) {
  const today = amsterdamDate(deps.now());
  return deps.db.select(taskView).from(tasks)
    .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
    .leftJoin(cases, eq(cases.id, tasks.caseId))
    .leftJoin(users, eq(users.id, tasks.completedByUserId))
    .where(where)
    // Overdue first, then by due date (SPEC §2 step 5).
    .orderBy(sql`case when ${tasks.status} = 'open' and ${tasks.dueDate} < ${today} then 0 when ${tasks.status} = 'open' then 1 else 2 end`, asc(tasks.dueDate), desc(tasks.id))
    .all()
    .map((t) => withOverdue(t, today));
}

/** "Mijn taken": the tasks of the caller's organisation. */
export function myTasks(deps: AppDeps, actor: SessionUser, filter: { includeDone?: boolean } = {}) {
  if (actor.partnerId === null) return [];
  const conditions = [eq(tasks.teamId, actor.teamId), eq(tasks.assigneePartnerId, actor.partnerId)];
  if (!filter.includeDone) conditions.push(eq(tasks.status, 'open'));
  return selectTasks(deps, and(...conditions)!);
}

export type TaskFilter = { partnerId?: number | null; status?: TaskStatus | null; overdue?: boolean | null; gemeentePartnerId?: number | null; meetingId?: number | null };

/** The coordinator's overview across partners. */
export function listTasks(deps: AppDeps, actor: SessionUser, filter: TaskFilter) {
  const today = amsterdamDate(deps.now());
  const conditions: SQL[] = [eq(tasks.teamId, actor.teamId)];
  if (filter.partnerId) conditions.push(eq(tasks.assigneePartnerId, filter.partnerId));
  if (filter.status) conditions.push(eq(tasks.status, filter.status));
  if (filter.overdue) conditions.push(and(eq(tasks.status, 'open'), sql`${tasks.dueDate} < ${today}`)!);
  if (filter.gemeentePartnerId) conditions.push(eq(cases.gemeentePartnerId, filter.gemeentePartnerId));
  if (filter.meetingId) conditions.push(eq(tasks.meetingId, filter.meetingId));
  return selectTasks(deps, and(...conditions)!);
}

function loadTaskFor(deps: AppDeps, actor: SessionUser, id: number) {
  const task = ownTask(deps.db, actor.teamId, id);
  // Members change only their own partner's tasks; the coordinator changes any.
  if (actor.role !== 'coordinator' && task.assigneePartnerId !== actor.partnerId) throw new AppError('FORBIDDEN', 'tasks.ownPartnerOnly');
  return task;
}

type Change = Partial<typeof tasks.$inferInsert>;

function applyChange(deps: AppDeps, actor: SessionUser, task: typeof tasks.$inferSelect, expectedVersion: number, change: Change, event: string) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx.update(tasks).set({ ...change, updatedAt: now.toISOString(), version: task.version + 1 })
      .where(and(eq(tasks.id, task.id), eq(tasks.version, expectedVersion))).run();
    if (res.changes !== 1) throw conflict();
    if (task.caseId) recordCaseEvent(tx, now, task.caseId, actor.id, event, { taskId: task.id });
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: event, entity: 'task', entityId: task.id, caseId: task.caseId });
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'task.updated', id: task.id, meetingId: task.meetingId });
}

/**
 * Ticks a task off with its result note (actiegegevens, art. 17.16). Two people completing the
 * same task cannot overwrite each other: a stale version, or a task already done, is a CONFLICT.
 */
export function completeTask(deps: AppDeps, actor: SessionUser, input: { id: number; resultNote: string; version?: number | null }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status === 'gereed') throw new AppError('CONFLICT', 'tasks.alreadyDone');
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  if (!input.resultNote.trim()) throw new AppError('BAD_REQUEST', 'tasks.resultRequired');
  applyChange(deps, actor, task, input.version ?? task.version, {
    status: 'gereed', resultNote: input.resultNote.trim(), blockerNote: null, completedByUserId: actor.id, completedAt: deps.now().toISOString(),
  }, 'task.completed');
}

export function reopenTask(deps: AppDeps, actor: SessionUser, input: { id: number; version: number }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status === 'open') throw new AppError('CONFLICT', 'conflict.version');
  applyChange(deps, actor, task, input.version, { status: 'open', completedByUserId: null, completedAt: null }, 'task.reopened');
}

/** A member reports what blocks the task; it comes back on the next agenda. */
export function reportBlocker(deps: AppDeps, actor: SessionUser, input: { id: number; note: string; version: number }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (task.status !== 'open') throw new AppError('CONFLICT', 'tasks.notOpen');
  applyChange(deps, actor, task, input.version, { blockerNote: input.note.trim() || null }, 'task.blocker');
}

/** The coordinator changes title, partner, person or due date, or lets the task lapse (vervallen). */
export function updateTask(deps: AppDeps, actor: SessionUser, input: { id: number; version: number; title: string; assigneePartnerId: number; assigneeUserId?: number | null; dueDate: string; status?: 'open' | 'vervallen' }) {
  const task = loadTaskFor(deps, actor, input.id);
  if (input.assigneePartnerId !== task.assigneePartnerId) assertActivePartner(deps, actor.teamId, input.assigneePartnerId);
  if (input.assigneeUserId) {
    const person = deps.db.select({ partnerId: users.partnerId }).from(users).where(and(eq(users.id, input.assigneeUserId), eq(users.teamId, actor.teamId))).get();
    if (!person || person.partnerId !== input.assigneePartnerId) throw new AppError('BAD_REQUEST', 'tasks.assigneeNotOfPartner');
  }
  applyChange(deps, actor, task, input.version, {
    title: input.title.trim(), assigneePartnerId: input.assigneePartnerId, assigneeUserId: input.assigneeUserId ?? null, dueDate: input.dueDate,
    ...(input.status ? { status: input.status } : {}),
  }, 'task.updated');
}
