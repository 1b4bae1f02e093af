// The database, its WAL and shared-memory files, the backups and the key file are readable by
// the service account only — 0600 files in 0700 folders — even under the usual umask 022.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../db/client';
import { teams } from '../../db/schema';
import { backupDatabase } from '../../server/backup';
import { loadDataKeys } from '../../server/privacy/crypto';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

let base: string;
let previousUmask: number;
beforeAll(() => {
  previousUmask = process.umask(0o022);
  base = mkdtempSync(join(tmpdir(), 'overleg-modes-'));
});
afterAll(() => {
  process.umask(previousUmask);
  rmSync(base, { recursive: true, force: true });
});

/** Opens the database and writes, so SQLite creates its -wal and -shm files. */
function openAndWrite(file: string) {
  const db = openDb(file);
  db.insert(teams)
    .values({ code: 'T', name: 'Test', region: 'Test', slug: `t${Math.random()}`, createdAt: '2026-11-28T09:00:00Z' })
    .run();
  return db;
}

describe('private files', () => {
  it('a new data dir, database, -wal and -shm, key file and backup: 0700 and 0600', async () => {
    const dataDir = join(base, 'fresh', 'data');
    const keys = loadDataKeys(dataDir, undefined);
    expect(keys.general.length).toBe(32);
    const db = openAndWrite(join(dataDir, 'overleg.db'));
    expect(readdirSync(dataDir).sort()).toEqual(['overleg.db', 'overleg.db-shm', 'overleg.db-wal', 'overleg.key']);
    expect({
      dir: mode(dataDir),
      db: mode(join(dataDir, 'overleg.db')),
      wal: mode(join(dataDir, 'overleg.db-wal')),
      shm: mode(join(dataDir, 'overleg.db-shm')),
      key: mode(join(dataDir, 'overleg.key')),
    }).toEqual({ dir: '700', db: '600', wal: '600', shm: '600', key: '600' });

    const backup = await backupDatabase({ dataDir }, undefined, new Date('2026-11-28T09:00:00Z'));
    expect(backup).toBe(join(dataDir, 'backups', 'overleg-2026-11-28T09-00-00-000Z.db'));
    expect(readdirSync(join(dataDir, 'backups'))).toEqual(['overleg-2026-11-28T09-00-00-000Z.db']);
    expect({ dir: mode(join(dataDir, 'backups')), file: mode(backup) }).toEqual({ dir: '700', file: '600' });
    // The copy is a whole database.
    const copy = openDb(backup);
    expect(
      copy
        .select()
        .from(teams)
        .all()
        .map((t) => t.name),
    ).toEqual(['Test']);
    copy.$client.close();
    db.$client.close();
  });

  it('an older install with world-readable files is narrowed on open', () => {
    const dataDir = join(base, 'old');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    openAndWrite(join(dataDir, 'overleg.db')).$client.close();
    for (const f of ['overleg.db', 'overleg.db-wal', 'overleg.db-shm']) {
      const path = join(dataDir, f);
      closeSync(openSync(path, 'a'));
      chmodSync(path, 0o644);
    }
    chmodSync(dataDir, 0o755);
    const db = openAndWrite(join(dataDir, 'overleg.db'));
    expect([mode(dataDir), ...['overleg.db', 'overleg.db-wal', 'overleg.db-shm'].map((f) => mode(join(dataDir, f)))]).toEqual([
      '700',
      '600',
      '600',
      '600',
    ]);
    db.$client.close();
  });

  it('a backup to a chosen file is 0600 too', async () => {
    const dataDir = join(base, 'fresh', 'data');
    const target = join(base, 'elsewhere', 'copy.db');
    await backupDatabase({ dataDir }, target);
    expect({ dir: mode(join(base, 'elsewhere')), file: mode(target) }).toEqual({ dir: '700', file: '600' });
  });
});
