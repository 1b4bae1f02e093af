// README's first command on a fresh checkout: `npm start` builds the client when its sources are
// newer than the build, creates the database, seeds the demo and serves — in a real child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trpcHttp } from '../helpers/http';

const root = join(import.meta.dirname, '..', '..');
let child: ChildProcess | null = null;
const dataDir = mkdtempSync(join(tmpdir(), 'overleg-start-'));

afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

describe('npm start on a fresh data dir', () => {
  it('rebuilds a stale client, seeds the demo, prints the accounts and lets them log in', async () => {
    // Make the client sources newer than the build, as on a fresh clone without dist/.
    const now = new Date();
    utimesSync(join(root, 'client', 'index.html'), now, now);
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
    delete env.NODE_ENV; // vitest sets NODE_ENV=test; a user's shell has none
    child = spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/cli/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await expect.poll(() => output, { timeout: 90_000, interval: 250 }).toContain('Overleg draait op');
    await expect.poll(() => output, { timeout: 10_000 }).toContain('coordinator@pit.demo');
    expect(output).toContain('Client bouwen');
    expect(output).toContain('hilversum@bit.demo');

    const origin = `http://127.0.0.1:${port}`;
    const page = await fetch(`${origin}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="app">');
    const client = trpcHttp(origin);
    expect((await client.mutation('auth.login', { email: 'coordinator@pit.demo', password: 'demo-wachtwoord' })).status).toBe(200);
    const me = await client.query('auth.me');
    expect(me.body.result!.data).toMatchObject({ email: 'coordinator@pit.demo', role: 'coordinator' });
    const partners = await client.query('partners.list');
    expect(partners.body.result!.data).toHaveLength(10);
  });
});
