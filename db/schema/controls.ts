import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { controlStatuses, escalationStatuses } from './enums';
import { cases } from './cases';
import { partners, teams } from './teams';
import { users } from './users';

// art. 1.2: a planned joint inspection of one or more panden.
export const controls = sqliteTable(
  'controls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    plannedOn: text('planned_on').notNull(), // YYYY-MM-DD
    startTime: text('start_time'), // HH:MM Europe/Amsterdam
    status: text('status', { enum: controlStatuses }).notNull().default('gepland'),
    briefingNotes: text('briefing_notes').notNull().default(''),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('controls_team_date').on(t.teamId, t.plannedOn)],
);

export const controlCases = sqliteTable(
  'control_cases',
  {
    controlId: integer('control_id')
      .notNull()
      .references(() => controls.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
  },
  (t) => [primaryKey({ columns: [t.controlId, t.caseId] })],
);

export const controlPartners = sqliteTable(
  'control_partners',
  {
    controlId: integer('control_id')
      .notNull()
      .references(() => controls.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
  },
  (t) => [primaryKey({ columns: [t.controlId, t.partnerId] })],
);

// Findings per participating partner: a type from the catalogue of its kind and the measure taken.
export const findings = sqliteTable(
  'findings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    controlId: integer('control_id')
      .notNull()
      .references(() => controls.id, { onDelete: 'cascade' }),
    caseId: integer('case_id').references(() => cases.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    findingType: text('finding_type').notNull(),
    measure: text('measure').notNull(),
    note: text('note').notNull().default(''),
    recordedByUserId: integer('recorded_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('findings_control').on(t.controlId)],
);

// BIT art. 2.6: knelpunten raised to the DVC.
export const escalations = sqliteTable(
  'escalations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id),
    raisedOn: text('raised_on').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: escalationStatuses }).notNull().default('open'),
    outcome: text('outcome'),
    outcomeOn: text('outcome_on'),
    createdByUserId: integer('created_by_user_id').references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('escalations_team').on(t.teamId, t.raisedOn)],
);
