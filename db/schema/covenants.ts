import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { windDownDecisions } from './enums';
import { cases } from './cases';
import { covenants, teams } from './teams';

// Expiry warnings sent (issue 10 item 4): each threshold (90, 30, 7 days) once per covenant and
// end date, so a moved end date warns again and a restart never mails twice.
export const covenantWarnings = sqliteTable(
  'covenant_warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    covenantId: integer('covenant_id')
      .notNull()
      .references(() => covenants.id),
    endsOn: text('ends_on').notNull(),
    thresholdDays: integer('threshold_days').notNull(),
    sentOn: text('sent_on').notNull(),
  },
  (t) => [uniqueIndex('covenant_warnings_once').on(t.covenantId, t.endsOn, t.thresholdDays)],
);

// Wind-down (PIT art. 14.5, 21): per casus the FG decides to hand its personal data back to the
// partners that provided them, or to erase them. One decision per casus, shown to the team.
export const windDownCaseDecisions = sqliteTable(
  'wind_down_case_decisions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    decision: text('decision', { enum: windDownDecisions }).notNull(),
    note: text('note').notNull().default(''),
    decidedByUserId: integer('decided_by_user_id').notNull(),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('wind_down_case_once').on(t.caseId)],
);
