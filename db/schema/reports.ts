import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { teams } from './teams';
import { users } from './users';

// The coordinator's toelichting / knelpunten per reporting period (BIT art. 4.1: progress and
// knelpunten in words; issue 9 item 18). Every save is a new version: the latest is the text, the
// earlier ones say who wrote what when. Plain text, no personal data (art. 20.13).
export const reportNarratives = sqliteTable(
  'report_narratives',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('report_narratives_period_version').on(t.teamId, t.periodFrom, t.periodTo, t.version)],
);

// One row (id 1): a counter bumped by triggers on every table the progress report counts
// (custom migration report_source_triggers). The figures of a closed period are reused while it
// stands still (server/domain/report-figures.ts, issue 12).
export const reportSourceChanges = sqliteTable('report_source_changes', {
  id: integer('id').primaryKey(),
  n: integer('n').notNull().default(0),
});
