// `npm start`: builds the client when it is missing or older than its sources, then serves.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { clientDir } from '../http/server';
import { startServer } from '../app';
import { loadConfig } from '../config';
import { appRoot } from '../../db/app-root';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

// Read the configuration before building: Vite sets NODE_ENV=production while it builds, which
// would otherwise switch off the demo seed on exactly the first start of a fresh clone.
const config = loadConfig();
const root = appRoot(import.meta.dirname);
const builtIndex = join(clientDir, 'index.html');
const stale = !existsSync(builtIndex) || statSync(builtIndex).mtimeMs < newestMtime(join(root, 'client'));
if (stale) {
  console.log('Client bouwen…');
  const nodeEnv = process.env.NODE_ENV;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
await startServer(config);
