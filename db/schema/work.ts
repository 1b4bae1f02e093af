import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { agreementStatuses, taskStatuses, workChangeKinds } from './enums';
import { cases, subjects } from './cases';
import { partners, teams } from './teams';
import { users } from './users';
import { agendaItems, meetings } from './meetings';

// A werkafspraak about one pand; art. 2.7: one partner is bevoegd gezag / eindverantwoordelijk.
export const agreements = sqliteTable(
  'agreements',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    text: text('text').notNull(),
    responsiblePartnerId: integer('responsible_partner_id')
      .notNull()
      .references(() => partners.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id),
    status: text('status', { enum: agreementStatuses }).notNull().default('open'),
    lapseReason: text('lapse_reason'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('agreements_case').on(t.caseId),
    index('agreements_meeting').on(t.meetingId),
    index('agreements_team').on(t.teamId, t.createdAt),
  ],
);

// The betrokkenen a werkafspraak concerns (art. 20.1 necessity): the verslag names per werkafspraak
// only these, never every betrokkene of the pand.
export const agreementSubjects = sqliteTable(
  'agreement_subjects',
  {
    agreementId: integer('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.subjectId] }), index('agreement_subjects_subject').on(t.subjectId)],
);

export const tasks = sqliteTable(
  'tasks',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    title: text('title').notNull(),
    assigneePartnerId: integer('assignee_partner_id')
      .notNull()
      .references(() => partners.id),
    assigneeUserId: integer('assignee_user_id').references(() => users.id),
    dueDate: text('due_date').notNull(), // YYYY-MM-DD, Europe/Amsterdam calendar day
    status: text('status', { enum: taskStatuses }).notNull().default('open'),
    // art. 17.16: actiegegevens — what was done, without personal data.
    resultNote: text('result_note'),
    blockerNote: text('blocker_note'),
    // Knelpunt: set while the reported blocker is not resolved by the coordinator.
    blockedAt: text('blocked_at'),
    lapseReason: text('lapse_reason'),
    completedByUserId: integer('completed_by_user_id').references(() => users.id),
    completedAt: text('completed_at'),
    agreementId: integer('agreement_id').references(() => agreements.id),
    caseId: integer('case_id').references(() => cases.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('tasks_team_status').on(t.teamId, t.status, t.completedAt),
    index('tasks_assignee').on(t.assigneePartnerId, t.status),
    // The case list's open and overdue counts per casus read this index alone (issue 12): with
    // status and due date in it, no task row is visited.
    index('tasks_case_status_due').on(t.caseId, t.status, t.dueDate),
    index('tasks_meeting').on(t.meetingId),
    // Lapsed tasks by the moment they lapsed (their last change): the progress report's tasks
    // still open at a window's end, without walking every lapsed task of the team (issue 12).
    index('tasks_team_lapsed')
      .on(t.teamId, t.updatedAt)
      .where(sql`status = 'vervallen'`),
  ],
);

// The change log of tasks and werkafspraken: what changed (field → from/to), by whom, and why.
// Shown to the assignee partner in "Mijn taken"; holds no personal data (P1).
export const workChanges = sqliteTable(
  'work_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    taskId: integer('task_id').references(() => tasks.id),
    agreementId: integer('agreement_id').references(() => agreements.id),
    kind: text('kind', { enum: workChangeKinds }).notNull(),
    // JSON: { [field]: { from, to } }
    changes: text('changes').notNull().default('{}'),
    reason: text('reason'),
    actorId: integer('actor_id').references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('work_changes_task').on(t.taskId), index('work_changes_agreement').on(t.agreementId)],
);
