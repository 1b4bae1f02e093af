import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';

// P6 (art. 20.2, 23): append-only, each row chained to the previous one by hash. Triggers in the
// migrations refuse UPDATE and DELETE. `detail` never holds personal data values (P7).
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
  (t) => [index('audit_team').on(t.teamId, t.id), index('audit_case').on(t.caseId)],
);
