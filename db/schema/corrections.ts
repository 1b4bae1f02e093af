import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { itemCategories, itemChangeKinds } from './enums';
import { cases } from './cases';
import { partners, teams } from './teams';
import { users } from './users';

// P12 (BIT art. 6.7): every correction, erasure, restriction and lifting of an item, with who,
// when and why. The old value of a correction is kept encrypted under the item's own key (police
// or general) for the FG; an erasure clears every old value of the item too.
export const itemChanges = sqliteTable(
  'item_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    police: integer('police', { mode: 'boolean' }).notNull(),
    itemId: integer('item_id').notNull(),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    category: text('category', { enum: itemCategories }).notNull(),
    kind: text('kind', { enum: itemChangeKinds }).notNull(),
    oldValueEnc: text('old_value_enc'),
    // Free text without personal data (P1), checked like every free text.
    reason: text('reason').notNull(),
    // The partner that provided the item; the actor may be the coordinator on its behalf.
    sourcePartnerId: integer('source_partner_id')
      .notNull()
      .references(() => partners.id),
    actorUserId: integer('actor_user_id')
      .notNull()
      .references(() => users.id),
    at: text('at').notNull(),
  },
  (t) => [index('item_changes_item').on(t.police, t.itemId), index('item_changes_team').on(t.teamId, t.at)],
);

// P12: a notice to a partner whose users saw an item that was since corrected, erased or
// restricted. It names the casus and the category, never the value (no personal data).
export const correctionNotices = sqliteTable(
  'correction_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    changeId: integer('change_id')
      .notNull()
      .references(() => itemChanges.id, { onDelete: 'cascade' }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: itemChangeKinds }).notNull(),
    category: text('category', { enum: itemCategories }).notNull(),
    createdAt: text('created_at').notNull(),
    acknowledgedAt: text('acknowledged_at'),
    acknowledgedByUserId: integer('acknowledged_by_user_id').references(() => users.id),
  },
  (t) => [
    uniqueIndex('correction_notices_unique').on(t.changeId, t.partnerId),
    index('correction_notices_partner').on(t.partnerId, t.acknowledgedAt),
  ],
);

// P14 (art. 20.1, 20.11): a partner not involved in a casus asks access to its betrokkenen with a
// reason. The covenant names no approver — each partner is itself responsible for the necessity
// of its processing (art. 20.11, 21) and the FG reviews afterwards (art. 20.2) — so access is
// granted on the stated reason, audited, and listed for the FG.
export const caseAccessRequests = sqliteTable(
  'case_access_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    requestedAt: text('requested_at').notNull(),
  },
  (t) => [index('case_access_requests_case').on(t.caseId, t.partnerId), index('case_access_requests_team').on(t.teamId, t.requestedAt)],
);
