// Online backup: a consistent copy of the live database while the app keeps running.
//   npm run backup -- [target-file]   (default: data/backups/overleg-<timestamp>.db, mode 0600)
// Keep the key file (data/overleg.key) or APP_DATA_KEY with the backup: without it the personal
// data in the copy cannot be decrypted — store them apart.
// art. 25: backups in data/backups older than the shortest retention period are then removed.
import { backupDatabase, rotateBackups, shortestRetentionMonths } from '../backup';
import { loadConfig } from '../config';

const config = loadConfig();
const target = await backupDatabase(config, process.argv[2]);
console.log(`Back-up geschreven naar ${target}`);
const months = shortestRetentionMonths(config);
if (months !== null) {
  for (const name of rotateBackups(config, months)) console.log(`Oude back-up verwijderd (bewaartermijn ${months} maanden): ${name}`);
}
