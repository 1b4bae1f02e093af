// Online backup: a consistent copy of the live database while the app keeps running.
//   npm run backup -- [target-file]   (default: data/backups/overleg-<timestamp>.db, mode 0600)
// Keep the key file (data/overleg.key) or APP_DATA_KEY with the backup: without it the personal
// data in the copy cannot be decrypted — store them apart.
import { backupDatabase } from '../backup';
import { loadConfig } from '../config';

const target = await backupDatabase(loadConfig(), process.argv[2]);
console.log(`Back-up geschreven naar ${target}`);
