// Online backup: a consistent copy of the live database while the app keeps running.
import { existsSync, readdirSync, rmSync } from 'node:fs';
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

const BACKUP_NAME = /^overleg-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.db$/;

/**
 * art. 25 (P8): a backup keeps personal data the retention run has erased, so backups older than
 * the shortest retention period of any team are removed. Only our own `overleg-<timestamp>.db`
 * files in the backups folder are touched; the age is read from the name (the moment of the copy).
 */
export function rotateBackups(config: Pick<Config, 'dataDir'>, retentionMonths: number, now = new Date()): string[] {
  const dir = backupsDir(config);
  if (!existsSync(dir)) return [];
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - retentionMonths);
  const removed: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = BACKUP_NAME.exec(name);
    if (!m) continue;
    const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, +m[7]!);
    if (at >= cutoff.getTime()) continue;
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, name + suffix), { force: true });
    removed.push(name);
  }
  return removed;
}

/** The shortest retention period over all teams (months), or null on an empty database. */
export function shortestRetentionMonths(config: Pick<Config, 'dataDir'>): number | null {
  const db = openDb(join(config.dataDir, 'overleg.db'));
  try {
    const row = db.$client.prepare('SELECT min(retention_months) AS months FROM teams').get() as { months: number | null } | undefined;
    return row?.months ?? null;
  } finally {
    db.$client.close();
  }
}
