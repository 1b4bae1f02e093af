// `npm run dev`: the API server with reload on change, and Vite with hot reload in front of it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createServer } from 'vite';

const root = join(import.meta.dirname, '..', '..');
const api = spawn(process.execPath, ['--import', 'tsx', '--watch', join(root, 'server', 'cli', 'serve.ts')], {
  stdio: 'inherit',
  env: process.env,
});
const vite = await createServer({ configFile: join(root, 'vite.config.ts') });
await vite.listen();
vite.printUrls();
const stop = () => {
  api.kill();
  void vite.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
