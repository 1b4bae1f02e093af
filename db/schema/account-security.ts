import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';

// BIO 23.1a: a second factor (TOTP, RFC 6238) per account. The secret is encrypted with a key
// derived from the app key, so a copy of the database alone cannot produce codes.
export const userTotp = sqliteTable('user_totp', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  // Null while the user has scanned the QR code but not yet confirmed it with a code.
  confirmedAt: text('confirmed_at'),
  // The last 30-second step a code was accepted for: a code is never accepted twice (RFC 6238 §5.2).
  lastStep: integer('last_step'),
  // Consecutive wrong codes; after too many the second step is locked for a while.
  failures: integer('failures').notNull().default(0),
  lockedUntil: text('locked_until'),
  createdAt: text('created_at').notNull(),
});

// One-time recovery codes, stored as a keyed hash (HMAC with a key derived from the app key).
export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    usedAt: text('used_at'),
  },
  (t) => [index('recovery_codes_user').on(t.userId)],
);

// The pending second step of a login: the password was right, the code is still to come. No
// session exists until the code is verified. Only a SHA-256 of the challenge token is stored.
export const loginChallenges = sqliteTable(
  'login_challenges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [index('login_challenges_user').on(t.userId)],
);

// A new account's one-time activation link: the user sets their own password, so whoever created
// the account never knows it. Only a SHA-256 of the token is stored; it is cleared once used.
export const accountActivations = sqliteTable('account_activations', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').unique(),
  issuedAt: text('issued_at').notNull(),
  issuedBy: integer('issued_by').references(() => users.id),
  expiresAt: text('expires_at').notNull(),
  activatedAt: text('activated_at'),
});
