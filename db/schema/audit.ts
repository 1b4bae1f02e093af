import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core';

// P6 (art. 20.2, 23): append-only, each row chained to the previous one by a keyed hash
// (HMAC-SHA256, key derived from the data key, never in the database; server/audit.ts). Triggers
// in the migrations refuse UPDATE and DELETE. `detail` never holds personal data values (P7).
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    teamId: integer('team_id'),
    actorId: integer('actor_id'),
    action: text('action').notNull(),
    entity: text('entity'),
    entityId: integer('entity_id'),
    caseId: integer('case_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // audit_actor: the mass-read alert counts one account's recent reads on every read.
  (t) => [index('audit_team').on(t.teamId, t.id), index('audit_case').on(t.caseId), index('audit_actor').on(t.actorId, t.at)],
);

// P6 per person (issue 11 item 7): the betrokkenen (internal ids) a row concerns, and whether
// police items of that betrokkene were shown — so "who read this person's data" is one indexed
// lookup. The rows are covered by the chain: the row's hash includes its subject list.
export const auditSubjects = sqliteTable(
  'audit_subjects',
  {
    auditId: integer('audit_id').notNull(),
    subjectId: integer('subject_id').notNull(),
    police: integer('police', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.subjectId] }), index('audit_subjects_subject').on(t.subjectId, t.auditId)],
);

export const auditCheckpointKinds = ['legacy_end', 'verified'] as const;

// Signed checkpoints of the chain: "up to audit row `auditId` the chain held, and its hash there
// was `hash`". `mac` is an HMAC over the checkpoint with the audit key, so a checkpoint cannot be
// forged or moved without the key. The incremental check starts from the newest one; the
// `legacy_end` checkpoint marks where the unkeyed (plain SHA-256) rows of before the keyed chain
// end (`brokenAt`: the unkeyed chain was already broken there when it was sealed).
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: auditCheckpointKinds }).notNull(),
  auditId: integer('audit_id').notNull(),
  hash: text('hash').notNull(),
  brokenAt: integer('broken_at'),
  at: text('at').notNull(),
  mac: text('mac').notNull(),
});
