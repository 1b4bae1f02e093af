// Online backup: a consistent copy of the live database while the app keeps running.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDb } from '../db/client';
import { ensurePrivateDir, ensurePrivateFile } from '../db/private-files';
import type { Config } from './config';

export const backupsDir = (config: Pick<Config, 'dataDir'>) => join(config.dataDir, 'backups');

/**
 * Copies the database to `target` (default `DATA_DIR/backups/overleg-<timestamp>.db`). The copy
 * holds the same (encrypted) personal data: the backups folder is 0700 and the file 0600 from
 * its first byte. A target elsewhere gets a 0600 file; its folder is the operator's.
 */
export async function backupDatabase(config: Pick<Config, 'dataDir'>, target?: string, now = new Date()): Promise<string> {
  const file = resolve(target ?? join(backupsDir(config), `overleg-${now.toISOString().replace(/[:.]/g, '-')}.db`));
  // Our own backups folder is always 0700; an operator's existing folder is left as it is.
  if (target === undefined || !existsSync(dirname(file))) ensurePrivateDir(dirname(file));
  ensurePrivateFile(file);
  const db = openDb(join(config.dataDir, 'overleg.db'));
  try {
    await db.$client.backup(file);
  } finally {
    db.$client.close();
  }
  return file;
}
