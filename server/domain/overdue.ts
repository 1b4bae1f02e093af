/**
 * When a task is overdue (te laat): it is still open and its due day lies before today in
 * Amsterdam. The one home of the rule (issue 12) — in SQL for lists, counts and ordering, and in
 * TypeScript for rows already loaded; the unit test keeps the two equal.
 */
import { sql, type SQL } from 'drizzle-orm';
import { cases, tasks } from '../../db/schema';

/** The rule on a loaded task. */
export function isOverdue(task: { status: string; dueDate: string }, today: string): boolean {
  return task.status === 'open' && task.dueDate < today;
}

/** The same rule as an SQL condition on the tasks table. */
export const overdueTask = (today: string | SQL) => sql<boolean>`(${tasks.status} = 'open' and ${tasks.dueDate} < ${today})`;

/** How many of a casus' tasks are overdue, as a subquery on the `cases` row of the outer query. */
export const overdueTaskCount = (today: string | SQL) =>
  sql<number>`(select count(*) from ${tasks} where ${tasks.caseId} = ${cases.id} and ${overdueTask(today)})`;

/** A loaded task with its `overdue` flag. */
export function withOverdue<T extends { status: string; dueDate: string }>(task: T, today: string): T & { overdue: boolean } {
  return { ...task, overdue: isOverdue(task, today) };
}
