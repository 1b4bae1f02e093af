/**
 * Statements prepared once per SQLite connection (issue 12): drizzle otherwise builds the SQL and
 * better-sqlite3 prepares it again on every call — for a hot read that is most of its cost.
 * The builder uses `sql.placeholder(...)` for every value that varies per call.
 *
 * Cached per connection, not per drizzle object: a transaction (`tx`) is another object on the
 * same connection, and a statement prepared on the root database runs inside a better-sqlite3
 * transaction on that connection just the same — so a statement used through a `tx` is not
 * prepared again for every transaction.
 */
import type Database from 'better-sqlite3';
import type { Db } from '../db/client';
import { sqliteOf } from './audit';

export function preparedPerDb<S>(build: (db: Db) => S): (db: Db) => S {
  const statements = new WeakMap<Database.Database, S>();
  return (db) => {
    const connection = sqliteOf(db);
    let statement = statements.get(connection);
    if (!statement) statements.set(connection, (statement = build(db)));
    return statement;
  };
}

/**
 * A plain better-sqlite3 statement prepared once per connection, for a query drizzle cannot
 * express or where its row mapping is not needed (counts, id lists).
 */
export function preparedSql(source: string): (db: Db) => Database.Statement {
  const statements = new WeakMap<Database.Database, Database.Statement>();
  return (db) => {
    const connection = sqliteOf(db);
    let statement = statements.get(connection);
    if (!statement) statements.set(connection, (statement = connection.prepare(source)));
    return statement;
  };
}
