import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { teams } from './teams';
import { users } from './users';

export const securityEventKinds = [
  'login.failed',
  'login.unknownAccount',
  'login.refused',
  'password.failed',
  'account.locked',
  'account.unlocked',
  'reads.mass',
  'audit.chainBroken',
] as const;
export type SecurityEventKind = (typeof securityEventKinds)[number];

// An account locked after many failed logins (issue 8, item 8). Keyed by the hashed e-mail, like
// login_failures, so an unknown address locks the same way and the answer to a login does not
// reveal whether an account exists. `userId` is set when the address belongs to an account.
export const accountLocks = sqliteTable('account_locks', {
  emailHash: text('email_hash').primaryKey(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
  lockedAt: text('locked_at').notNull(),
  until: text('until').notNull(),
});

// Security events the team's administrator reads (failed and refused logins, locks), aggregated
// per kind, account, source address and hour so an attack of thousands of requests is a handful of
// rows. `teamId` null: an event of the whole installation (logins for unknown addresses), shown to
// the administrator of every team. Never personal data beyond the account id and the address.
export const securityEvents = sqliteTable(
  'security_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** kind|team|user|ip|hour: one row per aggregate, counted up. */
    aggregateKey: text('aggregate_key').notNull().unique(),
    kind: text('kind', { enum: securityEventKinds }).notNull(),
    teamId: integer('team_id').references(() => teams.id),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    firstAt: text('first_at').notNull(),
    lastAt: text('last_at').notNull(),
    count: integer('count').notNull().default(1),
  },
  (t) => [index('security_events_team').on(t.teamId, t.lastAt), index('security_events_last').on(t.lastAt)],
);
