import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { roles } from './enums';
import { partners, teams } from './teams';

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id),
    partnerId: integer('partner_id').references(() => partners.id),
    email: text('email').notNull().unique(), // stored lower-case
    name: text('name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['nl', 'en'] })
      .notNull()
      .default('nl'),
    // Secret for the personal calendar feed URL; rotated on demand.
    calendarToken: text('calendar_token'),
    // The weekly task digest (issue 9 item 14): on unless the user turns it off in the profile;
    // the Amsterdam day it was last sent, so it goes out once a week whatever day the job runs.
    taskDigest: integer('task_digest', { mode: 'boolean' }).notNull().default(true),
    taskDigestSentOn: text('task_digest_sent_on'),
    disabledAt: text('disabled_at'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('users_team').on(t.teamId), index('users_partner').on(t.partnerId)],
);

// Only a SHA-256 of the session token is stored: a copy of the database cannot be used to log in.
export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

// Failed logins per e-mail and per address, for throttling. The e-mail is hashed so the table
// does not collect addresses that were merely typed wrong.
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    emailHash: text('email_hash').notNull(),
    ip: text('ip').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('login_failures_email').on(t.emailHash, t.at), index('login_failures_ip').on(t.ip, t.at)],
);
