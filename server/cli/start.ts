// `npm start`: builds the client when it is missing or older than its sources, then serves.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from '../http/server';
import { startServer } from '../app';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const root = join(import.meta.dirname, '..', '..');
const builtIndex = join(clientDir, 'index.html');
const stale = !existsSync(builtIndex) || statSync(builtIndex).mtimeMs < newestMtime(join(root, 'client'));
if (stale) {
  console.log('Client bouwen…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}
await startServer();
