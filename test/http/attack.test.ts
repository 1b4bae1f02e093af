// Issue 8 items 4 and 5, over real HTTP: one unauthenticated request must not freeze the server
// for everyone else, and a batch must not bypass the login throttle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { auditLog, loginFailures, sessions } from '../../db/schema';
import { seedDemo } from '../../db/seed';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { hashPassword } from '../../server/auth/passwords';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { startTestServer, trpcHttp } from '../helpers/http';

let dir: string;
let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'overleg-attack-'));
  deps = createTestDeps({ file: join(dir, 'overleg.db') });
  await seedDemo(deps, hashPassword, deps.now());
  server = await startTestServer(deps);
}, 120_000);
afterAll(async () => {
  await server.close();
  deps.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const rows = (table: typeof auditLog | typeof loginFailures | typeof sessions) => deps.db.select({ n: count() }).from(table).get()!.n;

/** A raw batched POST, the way an attacker sends it: `paths` in the URL, inputs keyed by index. */
function batchPost(paths: string[], inputs: unknown[], cookie = '') {
  const body = Object.fromEntries(inputs.map((input, i) => [String(i), input]));
  return fetch(`${server.origin}/trpc/${paths.join(',')}?batch=1`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
}

/** Runs test/helpers/attacker.mjs in its own process: `started` once it attacks, `done` with its statuses. */
function runAttacker(options: { origin: string; cookie: string; durationMs: number }) {
  let out = '';
  const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'helpers', 'attacker.mjs'), JSON.stringify(options)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const started = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', () => out.startsWith('started\n') && resolve());
    child.on('error', reject);
  });
  const done = new Promise<Record<string, number>>((resolve, reject) => {
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice('started\n'.length)) as Record<string, number>)
        : reject(new Error(`attacker exited with ${code}`)),
    );
  });
  return { started, done };
}

async function loggedIn(email: string) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

describe('batches', () => {
  it('a batch of more than ten calls is refused before any call runs', async () => {
    const before = { audit: rows(auditLog), failures: rows(loginFailures) };
    const res = await batchPost(
      Array<string>(11).fill('auth.login'),
      Array<unknown>(11).fill({ email: 'x@pit.demo', password: 'fout-wachtwoord' }),
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { key: string } } };
    expect(body.error.data.key).toBe('request.batchTooLarge');
    expect(body.error.message).toBe('Te veel verzoeken tegelijk: stuur er hoogstens 10 in één keer.');
    expect({ audit: rows(auditLog), failures: rows(loginFailures) }).toEqual(before);
  });

  it('50 auth.login calls in one batch (49 wrong, 1 right) never log in', async () => {
    const sessionsBefore = rows(sessions);
    const inputs = [
      ...Array<unknown>(49).fill({ email: 'senzer@pit.demo', password: 'geraden-wachtwoord' }),
      { email: 'senzer@pit.demo', password: DEMO_PASSWORD },
    ];
    const res = await batchPost(Array<string>(50).fill('auth.login'), inputs);
    expect(res.status).toBe(400);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(rows(sessions)).toBe(sessionsBefore);
  });

  it('auth.* never travels in a batch, not even two calls', async () => {
    const res = await batchPost(['auth.login', 'partners.list'], [{ email: 'senzer@pit.demo', password: DEMO_PASSWORD }, null]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { data: { key: string } } }).error.data.key).toBe('request.authNotBatched');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('an encoded comma does not smuggle a larger batch past the check', async () => {
    const res = await fetch(`${server.origin}/trpc/${Array(12).fill('partners.list').join('%2C')}?batch=1`, {
      headers: { origin: server.origin },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { data: { key: string } } }).error.data.key).toBe('request.batchTooLarge');
  });
});

describe('downloads', () => {
  it('report exports are rate-limited per user with a translated 429', async () => {
    const viewer = await loggedIn('bestuur@pit.demo');
    const get = () => fetch(`${server.origin}/export/report.csv?from=2026-01-01&to=2026-12-31`, { headers: { cookie: viewer.cookie } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await get().then(async (res) => (await res.arrayBuffer(), res.status)));
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const res = await get();
    expect(res.status).toBe(429);
    expect(await res.text()).toMatch(/^U vraagt dit te vaak op\. Probeer het over \d seconden opnieuw\.$/);
  });
});

describe('during an attack another user keeps working (issue 8, item 5)', () => {
  it("another user's auth.me answers within 200 ms while logins and reports flood the server", async () => {
    const victim = await loggedIn('helmond@pit.demo');
    const attacker = await loggedIn('dvc@bit.demo');
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await victim.query('auth.me');
      quiet.push(performance.now() - t0);
    }
    // The attacker runs in a process of its own, as it would on another machine; it sends the
    // issue's 1,400-login and 150-report batches, then floods logins, reports and exports.
    // Long enough for a fair sample even when the rest of the suite loads the machine.
    const attackMs = 5_000;
    const attack = runAttacker({ origin: server.origin, cookie: attacker.cookie, durationMs: attackMs });
    const latencies: number[] = [];
    await attack.started;
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const started = performance.now();
    while (performance.now() - started < attackMs - 500) {
      const t0 = performance.now();
      const me = await victim.query('auth.me');
      latencies.push(performance.now() - t0);
      expect(me.body.result!.data.email).toBe('helmond@pit.demo');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const statuses = await attack.done;
    loopDelay.disable();
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    console.log(
      `auth.me during the attack: median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} calls;`,
      `attack requests by status: ${JSON.stringify(statuses)};`,
      `without the attack: median ${[...quiet].sort((a, b) => a - b)[5]!.toFixed(0)} ms;`,
      `event-loop delay p90 ${(loopDelay.percentile(90) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    expect(sorted.length).toBeGreaterThanOrEqual(8);
    // The bound: 200 ms, asserted on the median so the scheduling of a shared, busy
    // machine cannot make it flaky; and no freeze (before the fix the server stopped for seconds
    // and this test ran into its timeout). The printed p90 and max show the tail.
    expect(at(0.5)).toBeLessThan(200);
    expect(sorted.at(-1)!).toBeLessThan(2_000);
  }, 60_000);
});
