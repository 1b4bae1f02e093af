// A fingerprint of the whole database (every table's rows and the schema itself), and cheap
// in-memory copies of a seeded database: the mutation fuzz runs every call on a fresh copy and
// compares fingerprints to prove a rejected call changed nothing.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { schema, type OpenDb } from '../../db/client';

/** Rows left out of the comparison: `where` is SQL over the table (all rows when absent). */
export type IgnoredRows = { table: string; where?: string };

/** One hash per table (and one for the schema), so a difference names the table. */
export type Fingerprint = Map<string, string>;

function hashValue(hash: ReturnType<typeof createHash>, value: unknown) {
  if (Buffer.isBuffer(value)) hash.update('b').update(value);
  else hash.update(`${value === null ? 'n' : (typeof value)[0]}${String(value)}`);
  hash.update('\u0001');
}

export function fingerprint(sqlite: Database.Database, ignored: readonly IgnoredRows[] = []): Fingerprint {
  const result: Fingerprint = new Map();
  const tables = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  const schemaHash = createHash('sha256');
  for (const row of sqlite.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').raw().all() as unknown[][]) {
    for (const v of row) hashValue(schemaHash, v);
  }
  result.set('(schema)', schemaHash.digest('hex'));
  for (const { name, sql } of tables) {
    const skip = ignored.filter((i) => i.table === name);
    if (skip.some((i) => !i.where)) continue;
    const where = skip.length > 0 ? `WHERE NOT (${skip.map((i) => `(${i.where})`).join(' OR ')})` : '';
    // The sequence counter of an ignored table only says that an ignored row was added.
    const sequence =
      name === 'sqlite_sequence' && ignored.length > 0
        ? `WHERE name NOT IN (${ignored.map((i) => `'${i.table.replaceAll("'", "''")}'`).join(', ')})`
        : '';
    const order = /WITHOUT ROWID/i.test(sql ?? '') ? 'ORDER BY 1, 2' : 'ORDER BY rowid';
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of sqlite
      .prepare(`SELECT * FROM "${name}" ${where || sequence} ${order}`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      for (const v of row) hashValue(hash, v);
      hash.update('\u0002');
      rows += 1;
    }
    result.set(name, `${rows}:${hash.digest('hex')}`);
  }
  return result;
}

/** The tables whose rows differ between two fingerprints (empty when equal). */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((n) => before.get(n) !== after.get(n)).sort();
}

/** Rows written through this connection since it was opened (SQLite's total_changes()). */
export function writesSinceOpen(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** An independent in-memory copy of a serialized database, opened as the app opens it. */
export function openCopy(image: Buffer): OpenDb {
  const sqlite = new Database(image);
  sqlite.pragma('foreign_keys = ON');
  return drizzle<typeof schema>(sqlite, { schema });
}
