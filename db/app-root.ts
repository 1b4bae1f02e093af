import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The app's root folder (the one with package.json), found from wherever the code runs: the
 * TypeScript sources (tests, `npm run dev`) or the compiled server in `dist/server/` (`npm start`).
 * Paths to the migrations and the built client hang off it, not off the file's own location.
 */
export function appRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
