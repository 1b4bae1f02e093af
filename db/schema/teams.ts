import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { agendaSections, audiences, itemCategories, partnerKinds, reportingCadences, type AgendaSection } from './enums';

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  code: text('code').notNull(), // prefix of casus codes: PIT-2026-0042
  name: text('name').notNull(),
  region: text('region').notNull(),
  // art. 25: months after a casus is closed before its personal data are removed.
  retentionMonths: integer('retention_months').notNull().default(24),
  // art. 20.13: figures below this are shown as "< k" in exported reports.
  suppressionThreshold: integer('suppression_threshold').notNull().default(5),
  // BIO 23.1a: every role that can read personal data logs in with a second factor. On for every
  // new team; only the demo turns it off (its accounts show a banner instead).
  twoFactorRequired: integer('two_factor_required', { mode: 'boolean' }).notNull().default(true),
  createdAt: text('created_at').notNull(),
});

export const covenants = sqliteTable('covenants', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  teamId: integer('team_id').notNull().unique().references(() => teams.id),
  title: text('title').notNull(),
  citation: text('citation').notNull(),
  startsOn: text('starts_on').notNull(),
  // Null while the covenant runs on a renewal rule without a fixed end.
  endsOn: text('ends_on'),
  renewalRule: text('renewal_rule'),
  reportingCadence: text('reporting_cadence', { enum: reportingCadences }).notNull(),
  reportRecipient: text('report_recipient').notNull(),
  // Minimum written notice before a partner leaves: PIT art. 14.3 two months; BIT art. 14.2 none.
  leaveNoticeMonths: integer('leave_notice_months').notNull().default(0),
  version: integer('version').notNull().default(1),
});

export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id').notNull().references(() => teams.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    // art. 12 (joining) and art. 14 (leaving, at least two months' notice).
    joinedOn: text('joined_on').notNull(),
    noticeGivenOn: text('notice_given_on'),
    leftOn: text('left_on'),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('partners_team_name').on(t.teamId, t.name), index('partners_team').on(t.teamId)],
);

// P2: the sharing matrix. A row means: partners of `sourceKind` may provide `category`, and it is
// visible to `audience` (besides the source partner itself and the coordinator).
export const sharingRules = sqliteTable(
  'sharing_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id').notNull().references(() => teams.id),
    sourceKind: text('source_kind', { enum: partnerKinds }).notNull(),
    category: text('category', { enum: itemCategories }).notNull(),
    audience: text('audience', { enum: audiences }).notNull(),
    // The addendum/annex (art. 13) whose FG-approved proposal set this cell; null for the seeded
    // matrix. A partner kind the covenant does not name (`overig`) has a cell only through one.
    annexRef: text('annex_ref'),
  },
  (t) => [uniqueIndex('sharing_rules_unique').on(t.teamId, t.sourceKind, t.category)],
);

export const themes = sqliteTable(
  'themes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id').notNull().references(() => teams.id),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [uniqueIndex('themes_team_name').on(t.teamId, t.name)],
);

/**
 * One section of a team's agenda template (SPEC §2 step 2). Every section of `agendaSections` is
 * in the template, in that order; a team edits titles and default durations and may switch
 * sections off. Sections filled from the data (nieuwe/lopende casussen) have no template item:
 * their title is null and the duration is the default per casus.
 */
export type AgendaTemplateSection = { section: AgendaSection; enabled: boolean; title: string | null; durationMinutes: number };

/** Sections whose items come from the data, not from a template item. */
export const dataAgendaSections: readonly AgendaSection[] = ['nieuwe_casussen', 'lopende_casussen'];

/** The template every team starts with: the SPEC §2 order. */
export const defaultAgendaTemplate: AgendaTemplateSection[] = agendaSections.map((section) => ({
  section,
  enabled: true,
  ...({
    opening: { title: 'Opening en mededelingen', durationMinutes: 5 },
    verslag: { title: 'Verslag en actielijst vorig overleg', durationMinutes: 10 },
    nieuwe_casussen: { title: null, durationMinutes: 10 },
    lopende_casussen: { title: null, durationMinutes: 5 },
    controles: { title: 'Integrale controles: planning en terugkoppeling', durationMinutes: 10 },
    themas: { title: "Thema's en pilots", durationMinutes: 10 },
    rondvraag: { title: 'Rondvraag', durationMinutes: 5 },
    sluiting: { title: 'Sluiting', durationMinutes: 2 },
  } satisfies Record<AgendaSection, { title: string | null; durationMinutes: number }>)[section],
}));

// The team's agenda template (one row per team): JSON array of AgendaTemplateSection.
export const agendaTemplates = sqliteTable('agenda_templates', {
  teamId: integer('team_id').primaryKey().references(() => teams.id),
  sections: text('sections').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedByUserId: integer('updated_by_user_id'),
  version: integer('version').notNull().default(1),
});
