/**
 * Statements prepared once per database (issue 12): drizzle otherwise builds the SQL and
 * better-sqlite3 prepares it again on every call — for a hot read that is most of its cost.
 * The builder uses `sql.placeholder(...)` for every value that varies per call.
 */
import type { Db } from '../db/client';

export function preparedPerDb<S>(build: (db: Db) => S): (db: Db) => S {
  const statements = new WeakMap<Db, S>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) statements.set(db, (statement = build(db)));
    return statement;
  };
}
