import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { partners, teams } from './teams';
import { users } from './users';
import { breachNatures, breachStatuses } from './enums';

// art. 22 (P10): the register of (suspected) data breaches. Every text is free text without
// personal data — the report form warns against names; nothing here is personal data itself.
export const breaches = sqliteTable(
  'breaches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    // 'report' by a user, or 'audit_chain' when the audit check found a broken chain (a draft).
    origin: text('origin', { enum: ['report', 'audit_chain'] }).notNull(),
    reportedByUserId: integer('reported_by_user_id').references(() => users.id),
    reportedAt: text('reported_at').notNull(),
    discoveredAt: text('discovered_at').notNull(),
    description: text('description').notNull(),
    status: text('status', { enum: breachStatuses }).notNull(),
    // Wpg art. 33a instead of AVG art. 33 when police data are involved (art. 22.3).
    policeData: integer('police_data', { mode: 'boolean' }).notNull().default(false),
    // The AP meldformulier's main fields.
    nature: text('nature', { enum: breachNatures }),
    dataCategories: text('data_categories').notNull().default(''),
    personsAffected: integer('persons_affected'),
    recordsAffected: integer('records_affected'),
    consequences: text('consequences').notNull().default(''),
    measuresTaken: text('measures_taken').notNull().default(''),
    measuresProposed: text('measures_proposed').notNull().default(''),
    contact: text('contact').notNull().default(''),
    // The 72-hour clock: reported to the AP (with its reference), or the decision not to report.
    authorityReportedAt: text('authority_reported_at'),
    authorityReference: text('authority_reference'),
    authorityNotRequiredReason: text('authority_not_required_reason'),
    // AVG art. 34 / Wpg art. 33b: inform the data subjects or not, and why.
    subjectsDecision: text('subjects_decision', { enum: ['informeren', 'niet_informeren'] }),
    subjectsDecisionReason: text('subjects_decision_reason'),
    // art. 22.5: consultation with the partners on informing those politically responsible.
    consultation: text('consultation').notNull().default(''),
    consultedOn: text('consulted_on'),
    closedAt: text('closed_at'),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('breaches_team').on(t.teamId, t.status)],
);

// art. 22.1: the partners concerned and when each was informed (the 24-hour clock).
export const breachPartners = sqliteTable(
  'breach_partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    breachId: integer('breach_id')
      .notNull()
      .references(() => breaches.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    informedAt: text('informed_at'),
    informedByUserId: integer('informed_by_user_id').references(() => users.id),
  },
  (t) => [uniqueIndex('breach_partners_unique').on(t.breachId, t.partnerId)],
);
