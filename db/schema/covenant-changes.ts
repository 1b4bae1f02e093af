// Changes to who takes part in the covenant and who sees what (PIT art. 12–14, BIT art. 6.6,
// SPEC P13): each is a proposal that takes effect only after the FG approves it (four eyes).
import { sqliteTable, integer, text, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { partnerKinds } from './enums';
import { partners, teams } from './teams';

export const proposalStatuses = ['proposed', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];

/** art. 12: a request to join. The partner row exists only once the FG approved it. */
export const partnerJoinings = sqliteTable(
  'partner_joinings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    kind: text('kind', { enum: partnerKinds }).notNull(),
    joinedOn: text('joined_on').notNull(),
    // The signed accession annex (art. 12.2); approval needs it.
    annexRef: text('annex_ref'),
    status: text('status', { enum: proposalStatuses }).notNull().default('proposed'),
    proposedByUserId: integer('proposed_by_user_id').notNull(),
    proposedAt: text('proposed_at').notNull(),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    partnerId: integer('partner_id').references(() => partners.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('partner_joinings_team').on(t.teamId)],
);

/** art. 12.1: each existing partner consents to the new one joining. */
export const partnerJoinConsents = sqliteTable(
  'partner_join_consents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    joiningId: integer('joining_id')
      .notNull()
      .references(() => partnerJoinings.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    consentedOn: text('consented_on').notNull(),
    consentedBy: text('consented_by').notNull(),
    reference: text('reference').notNull(),
    recordedByUserId: integer('recorded_by_user_id').notNull(),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('partner_join_consents_unique').on(t.joiningId, t.partnerId)],
);

export const suspensionStatuses = ['proposed', 'in_effect', 'rejected', 'lifted'] as const;

/** BIT art. 6.6: a partner's participation suspended; its users see no personal data meanwhile. */
export const partnerSuspensions = sqliteTable(
  'partner_suspensions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: suspensionStatuses }).notNull().default('proposed'),
    proposedByUserId: integer('proposed_by_user_id').notNull(),
    proposedAt: text('proposed_at').notNull(),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    liftedByUserId: integer('lifted_by_user_id'),
    liftedAt: text('lifted_at'),
    liftReason: text('lift_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('partner_suspensions_partner').on(t.partnerId, t.status)],
);

/**
 * art. 13: a change to the sharing matrix is a change to the covenant. `changes` is a JSON array
 * of `{ sourceKind, category, from, to }` (from is filled when it takes effect).
 */
export const sharingProposals = sqliteTable(
  'sharing_proposals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    addendumRef: text('addendum_ref').notNull(),
    changes: text('changes').notNull(),
    status: text('status', { enum: proposalStatuses }).notNull().default('proposed'),
    proposedByUserId: integer('proposed_by_user_id'),
    proposedAt: text('proposed_at').notNull(),
    decidedByUserId: integer('decided_by_user_id'),
    decidedAt: text('decided_at'),
    decisionReason: text('decision_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('sharing_proposals_team').on(t.teamId)],
);
