// Compiles the server for production (issue 12): one ES module, `dist/server/start.mjs`, that plain
// `node` runs — no TypeScript loader and no wrapper process in production. Packages stay external
// (loaded from node_modules, like better-sqlite3's native module). esbuild comes with tsx.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const serverOut = join(root, 'dist', 'server', 'start.mjs');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Missing, or older than any source of the server or the database layer. */
export function serverStale() {
  if (!existsSync(serverOut)) return true;
  const built = statSync(serverOut).mtimeMs;
  return ['server', 'db'].some((dir) => newestMtime(join(root, dir)) > built);
}

export async function buildServer() {
  await build({
    entryPoints: [join(root, 'server', 'cli', 'start.ts')],
    outfile: serverOut,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
    logLevel: 'warning',
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer();
  console.log(`server compiled to ${serverOut}`);
}
