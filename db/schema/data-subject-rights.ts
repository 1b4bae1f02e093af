import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { partners, teams } from './teams';
import { subjects } from './cases';
import { users } from './users';
import { dsrDecisions, dsrKinds, dsrStatuses } from './enums';

// Issue 11 item 1: a keyed blind index over the betrokkenen's identifying values, so the FG can
// find a person for a data-subject request without decrypting everything and without a plaintext
// index. `token` is an HMAC (key derived from the data key, never stored) over one normalised
// value with its kind ("name:jansen", "bsn:…"). `police`/`itemId` name the item the token came
// from, so a correction or erasure of that item can drop its tokens.
export const subjectSearchTokens = sqliteTable(
  'subject_search_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    police: integer('police', { mode: 'boolean' }).notNull(),
    itemId: integer('item_id').notNull(),
    token: text('token').notNull(),
  },
  (t) => [index('subject_search_tokens_token').on(t.token), index('subject_search_tokens_item').on(t.police, t.itemId)],
);

// Issue 11 item 2 (art. 24, P9): the register of data-subject requests. No personal data of the
// requester here: the persons concerned are links to betrokkenen (dsr_subjects).
export const dataSubjectRequests = sqliteTable(
  'data_subject_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    kind: text('kind', { enum: dsrKinds }).notNull(),
    receivedOn: text('received_on').notNull(),
    receivedByPartnerId: integer('received_by_partner_id')
      .notNull()
      .references(() => partners.id),
    // AVG art. 12.3: one month, extendable once by two months with a recorded reason.
    deadline: text('deadline').notNull(),
    extendedOn: text('extended_on'),
    extensionReason: text('extension_reason'),
    status: text('status', { enum: dsrStatuses }).notNull().default('open'),
    decision: text('decision', { enum: dsrDecisions }),
    decisionNote: text('decision_note'),
    decidedOn: text('decided_on'),
    createdByUserId: integer('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('data_subject_requests_team').on(t.teamId, t.status)],
);

export const dsrSubjects = sqliteTable(
  'dsr_subjects',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.subjectId] })],
);

// art. 24.3/24.4: the partners whose dossiers the request concerns (the police for its part),
// when it was forwarded to each, and each partner's report back to the coordinator/FG.
export const dsrPartners = sqliteTable(
  'dsr_partners',
  {
    requestId: integer('request_id')
      .notNull()
      .references(() => dataSubjectRequests.id, { onDelete: 'cascade' }),
    partnerId: integer('partner_id')
      .notNull()
      .references(() => partners.id),
    forwardedOn: text('forwarded_on'),
    reportedOn: text('reported_on'),
    report: text('report'),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.partnerId] })],
);

// Issue 11 item 8 (art. 26, P11): every recording of the informatieplicht is kept, not overwritten;
// `subjects.informed_on` / `inform_postponed_reason` hold the latest for quick reads.
export const subjectInformEvents = sqliteTable(
  'subject_inform_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    subjectId: integer('subject_id')
      .notNull()
      .references(() => subjects.id, { onDelete: 'cascade' }),
    informedOn: text('informed_on'),
    postponedReason: text('postponed_reason'),
    recordedByUserId: integer('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    recordedByPartnerId: integer('recorded_by_partner_id').references(() => partners.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [index('subject_inform_events_subject').on(t.subjectId)],
);
