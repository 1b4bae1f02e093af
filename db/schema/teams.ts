import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { agendaSections, approvalStates, audiences, itemCategories, partnerKinds, reportingCadences, type AgendaSection } from './enums';

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
  // P6 (issue 11 item 7): the FG is alerted when one account reads more than this many distinct
  // betrokkenen within this many minutes (an alert, never a block: the work goes on).
  massReadSubjects: integer('mass_read_subjects').notNull().default(30),
  massReadMinutes: integer('mass_read_minutes').notNull().default(10),
  // art. 26.4: the partner that informs betrokkenen on the team's behalf (PIT: gemeente Helmond).
  // Null: only the coordinator records it. No FK: partners references teams (a cycle).
  informingPartnerId: integer('informing_partner_id'),
  createdAt: text('created_at').notNull(),
});

/**
 * The team's covenants with their history (issue 10): the real one that ended, a renewal that
 * follows it, a proposal waiting for the FG. Which one is in force on a day is decided only in
 * server/privacy/covenant-gate.ts. A record takes effect only once the FG approved it (four-eyes:
 * proposed by the admin or coordinator, approved by another person with the role `privacy`).
 */
export const covenants = sqliteTable(
  'covenants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    title: text('title').notNull(),
    // How the covenant is cited ("PIT convenant 2022 - 2025", art. 16.2).
    citation: text('citation').notNull(),
    // The signed document's reference (register number, kenmerk).
    documentRef: text('document_ref').notNull().default(''),
    signedOn: text('signed_on'),
    startsOn: text('starts_on').notNull(),
    // A fixed end date (PIT art. 14.1); null while the covenant runs on the term rule below.
    endsOn: text('ends_on'),
    renewalRule: text('renewal_rule'),
    // BIT art. 14.1: an initial term, then tacitly renewed once for a longer term unless the
    // first-year evaluation calls for change. The end date is computed from these.
    initialTermMonths: integer('initial_term_months'),
    tacitRenewalMonths: integer('tacit_renewal_months'),
    evaluationCallsForChange: integer('evaluation_calls_for_change', { mode: 'boolean' }).notNull().default(false),
    reportingCadence: text('reporting_cadence', { enum: reportingCadences }).notNull(),
    reportRecipient: text('report_recipient').notNull(),
    // Minimum written notice before a partner leaves: PIT art. 14.3 two months; BIT art. 14.2 none.
    leaveNoticeMonths: integer('leave_notice_months').notNull().default(0),
    // What this covenant changes compared with its predecessor (free text, shown on the page).
    changes: text('changes').notNull().default(''),
    approval: text('approval', { enum: approvalStates }).notNull().default('approved'),
    proposedByUserId: integer('proposed_by_user_id'),
    proposedAt: text('proposed_at'),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('covenants_team').on(t.teamId, t.startsOn)],
);

/** Annexes and addenda that changed a covenant (art. 12, 13): each one proposed, then approved by the FG. */
export const covenantChanges = sqliteTable(
  'covenant_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    covenantId: integer('covenant_id')
      .notNull()
      .references(() => covenants.id),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    reference: text('reference').notNull(),
    changedOn: text('changed_on').notNull(),
    description: text('description').notNull(),
    // An addendum may move the end date (an extension or an earlier end by consent, art. 14.4).
    newEndsOn: text('new_ends_on'),
    approval: text('approval', { enum: approvalStates }).notNull().default('proposed'),
    proposedByUserId: integer('proposed_by_user_id'),
    proposedAt: text('proposed_at').notNull(),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
  },
  (t) => [index('covenant_changes_covenant').on(t.covenantId)],
);

export const partners = sqliteTable(
  'partners',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
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
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
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
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
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
  ...(
    {
      opening: { title: 'Opening en mededelingen', durationMinutes: 5 },
      verslag: { title: 'Verslag en actielijst vorig overleg', durationMinutes: 10 },
      nieuwe_casussen: { title: null, durationMinutes: 10 },
      lopende_casussen: { title: null, durationMinutes: 5 },
      controles: { title: 'Integrale controles: planning en terugkoppeling', durationMinutes: 10 },
      themas: { title: "Thema's en pilots", durationMinutes: 10 },
      rondvraag: { title: 'Rondvraag', durationMinutes: 5 },
      sluiting: { title: 'Sluiting', durationMinutes: 2 },
    } satisfies Record<AgendaSection, { title: string | null; durationMinutes: number }>
  )[section],
}));

// The team's agenda template (one row per team): JSON array of AgendaTemplateSection.
export const agendaTemplates = sqliteTable('agenda_templates', {
  teamId: integer('team_id')
    .primaryKey()
    .references(() => teams.id),
  sections: text('sections').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedByUserId: integer('updated_by_user_id'),
  version: integer('version').notNull().default(1),
});
