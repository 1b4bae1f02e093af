import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { teams } from './teams';
import { users } from './users';
import { cases } from './cases';

// art. 25 (P8): the destruction lists of the retention run. The daily run (or the FG on demand)
// draws up one open list per team; personal data are erased only after the FG approves it.
export const retentionLists = sqliteTable(
  'retention_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    createdAt: text('created_at').notNull(),
    status: text('status', { enum: ['open', 'approved', 'rejected'] }).notNull(),
    decidedByUserId: integer('decided_by_user_id').references(() => users.id),
    decidedAt: text('decided_at'),
    // Why the FG did not approve (e.g. an archive obligation); no personal data, the UI says so.
    rejectReason: text('reject_reason'),
    // What the approved run removed (counts only, P7).
    erasedSubjects: integer('erased_subjects'),
    erasedItems: integer('erased_items'),
  },
  (t) => [index('retention_lists_team').on(t.teamId, t.status)],
);

// One casus on a list: `scope` 'case' erases every item of a closed casus after the team's period,
// 'police' only the police items past the Wpg term (the casus may still be open).
export const retentionListEntries = sqliteTable(
  'retention_list_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    listId: integer('list_id')
      .notNull()
      .references(() => retentionLists.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    scope: text('scope', { enum: ['case', 'police'] }).notNull(),
    dueSince: text('due_since').notNull(),
    erasedItems: integer('erased_items'),
  },
  (t) => [uniqueIndex('retention_list_entries_unique').on(t.listId, t.caseId)],
);
