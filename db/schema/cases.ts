import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { caseOrigins, casePriorities, caseStatuses, itemCategories, subjectKinds } from './enums';
import { partners, teams, themes } from './teams';
import { users } from './users';

// A casus is one problem address (pand) in one gemeente of the team.
export const cases = sqliteTable(
  'cases',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    code: text('code').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    gemeentePartnerId: integer('gemeente_partner_id')
      .notNull()
      .references(() => partners.id),
    street: text('street').notNull(),
    houseNumber: integer('house_number').notNull(),
    houseNumberAddition: text('house_number_addition'),
    postcode: text('postcode').notNull(), // normalised "1234 AB"
    city: text('city').notNull(),
    bagId: text('bag_id'),
    themeId: integer('theme_id')
      .notNull()
      .references(() => themes.id),
    origin: text('origin', { enum: caseOrigins }).notNull(),
    priority: text('priority', { enum: casePriorities }).notNull(),
    // Free text without personal data (P1); the UI says so.
    description: text('description').notNull().default(''),
    status: text('status', { enum: caseStatuses }).notNull(),
    reportedByUserId: integer('reported_by_user_id').references(() => users.id),
    reportedByPartnerId: integer('reported_by_partner_id').references(() => partners.id),
    createdAt: text('created_at').notNull(),
    activatedAt: text('activated_at'),
    closedAt: text('closed_at'),
    // art. 25: set when the retention run removed this casus' personal data.
    personalDataRemovedAt: text('personal_data_removed_at'),
    // A signal withdrawn as a mistake: when and why (no personal data, P1). The row stays as the
    // anonymous fact that it was withdrawn.
    withdrawnAt: text('withdrawn_at'),
    withdrawReason: text('withdraw_reason'),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('cases_team_code').on(t.teamId, t.code),
    // With the closing moment in it, the progress report finds the casussen closed since its
    // window began without walking the team's closed history (issue 12).
    index('cases_team_status').on(t.teamId, t.status, t.closedAt),
    // The casus list pages newest first (issue 12): walking this index stops after one page.
    index('cases_team_id').on(t.teamId, t.id),
    index('cases_gemeente').on(t.gemeentePartnerId),
  ],
);

// The history shown on the casus page. `detail` holds no personal data.
export const caseEvents = sqliteTable(
  'case_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    kind: text('kind').notNull(),
    detail: text('detail'),
  },
  // by moment: the progress report reads the status changes of its period only
  (t) => [index('case_events_case').on(t.caseId), index('case_events_at').on(t.at)],
);

export const subjects = sqliteTable(
  'subjects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    caseId: integer('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: subjectKinds }).notNull(),
    // The partner whose member recorded the betrokkene first; a subject without any item visible
    // to a reader is itself hidden from that reader.
    createdByPartnerId: integer('created_by_partner_id')
      .notNull()
      .references(() => partners.id),
    createdAt: text('created_at').notNull(),
    // P11 (art. 26.4): informed on date, or why informing is postponed.
    informedOn: text('informed_on'),
    informPostponedReason: text('inform_postponed_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('subjects_case').on(t.caseId)],
);

const itemColumns = () => ({
  id: integer('id').primaryKey({ autoIncrement: true }),
  subjectId: integer('subject_id')
    .notNull()
    .references(() => subjects.id, { onDelete: 'cascade' }),
  category: text('category', { enum: itemCategories }).notNull(),
  // P5: AES-256-GCM, "v1:iv:tag:ciphertext" in base64url. Never plaintext. Empty once the item is
  // erased (P12): the value is gone, the row stays as the tombstone "[verwijderd]".
  valueEnc: text('value_enc').notNull(),
  // art. 20.3c: the stated legal ground, required for BSN.
  legalGround: text('legal_ground'),
  sourcePartnerId: integer('source_partner_id')
    .notNull()
    .references(() => partners.id),
  recordedByUserId: integer('recorded_by_user_id').references(() => users.id),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  version: integer('version').notNull().default(1),
  // AVG art. 18 / P12: a restricted item is visible only to its provider (and the FG).
  restrictedAt: text('restricted_at'),
  // art. 25 (retention) and P12 / BIT art. 6.7 (erased by its provider): set when the value was
  // erased; the row stays without its value so verslagen show "[verwijderd]" where the person was
  // and counts do not change.
  erasedAt: text('erased_at'),
});

// P1/P5: personal data items of non-police partners.
export const subjectItems = sqliteTable('subject_items', itemColumns(), (t) => [index('subject_items_subject').on(t.subjectId)]);

// P4 (art. 20.10): police data are kept apart, in their own table under their own key.
export const policeSubjectItems = sqliteTable(
  'police_subject_items',
  {
    ...itemColumns(),
    // art. 25.1: the Wpg term runs from the day the police first processed the data (the day the
    // police provide the item to the team; existing rows are backfilled from created_at).
    firstProcessedOn: text('first_processed_on'),
  },
  (t) => [index('police_subject_items_subject').on(t.subjectId)],
);

// P12: which partners have seen an item, so they can be told when it is corrected.
export const itemDisclosures = sqliteTable(
  'item_disclosures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    police: integer('police', { mode: 'boolean' }).notNull(),
    itemId: integer('item_id').notNull(),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    firstSeenAt: text('first_seen_at').notNull(),
  },
  (t) => [uniqueIndex('item_disclosures_unique').on(t.police, t.itemId, t.partnerId)],
);
