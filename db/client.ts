import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as schema from './schema';
import { appRoot } from './app-root';
import { ensurePrivateDir, ensurePrivateFile, restrictExisting } from './private-files';

/** The database or a transaction on it: what domain functions take. */
export type Db = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;
/** The opened database, with its better-sqlite3 handle (for backups and closing). */
export type OpenDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = join(appRoot(dirname(fileURLToPath(import.meta.url))), 'db', 'migrations');

/**
 * Opens (or creates) the database and brings it to the latest migration.
 * WAL + synchronous=FULL: a killed process never loses a committed transaction.
 * The folder is 0700 and the database, -wal and -shm are 0600 (see ./private-files.ts).
 */
export function openDb(file: string): OpenDb {
  if (file !== ':memory:') {
    ensurePrivateDir(dirname(file));
    ensurePrivateFile(file);
    restrictExisting(`${file}-wal`, `${file}-shm`);
  }
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Statement journals (every audited change appends its rows in a savepoint) and temporary sort
  // trees in memory instead of temporary files: a prefill of 700 items spent a third of its time
  // writing its savepoint's journal to a file (issue 12). They are small and live for one statement.
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db;
}

export { schema };
