// Online backup: a consistent copy of the live database while the app keeps running.
//   npm run backup -- [target-file]   (default: data/backups/overleg-<timestamp>.db)
// Keep the key file (data/overleg.key) or APP_DATA_KEY with the backup: without it the personal
// data in the copy cannot be decrypted — store them apart.
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openDb } from '../../db/client';
import { loadConfig } from '../config';

const config = loadConfig();
const target = resolve(process.argv[2] ?? join(config.dataDir, 'backups', `overleg-${new Date().toISOString().replace(/[:.]/g, '-')}.db`));
mkdirSync(dirname(target), { recursive: true });
const db = openDb(join(config.dataDir, 'overleg.db'));
await db.$client.backup(target);
db.$client.close();
console.log(`Back-up geschreven naar ${target}`);
