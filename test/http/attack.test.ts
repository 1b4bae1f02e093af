// Issue 8 items 4 and 5, over real HTTP: one unauthenticated request must not freeze the server
// for everyone else, and a batch must not bypass the login throttle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

async function loggedIn(email: string) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email, password: DEMO_PASSWORD })).status).toBe(200);
  return client;
}

describe('batches', () => {
  it('a batch of more than ten calls is refused before any call runs', async () => {
    const before = { audit: rows(auditLog), failures: rows(loginFailures) };
    const res = await batchPost(Array(11).fill('auth.login'), Array(11).fill({ email: 'x@pit.demo', password: 'fout-wachtwoord' }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; data: { key: string } } };
    expect(body.error.data.key).toBe('request.batchTooLarge');
    expect(body.error.message).toBe('Te veel verzoeken tegelijk: stuur er hoogstens 10 in één keer.');
    expect({ audit: rows(auditLog), failures: rows(loginFailures) }).toEqual(before);
  });

  it('50 auth.login calls in one batch (49 wrong, 1 right) never log in', async () => {
    const sessionsBefore = rows(sessions);
    const inputs = [...Array(49).fill({ email: 'senzer@pit.demo', password: 'geraden-wachtwoord' }), { email: 'senzer@pit.demo', password: DEMO_PASSWORD }];
    const res = await batchPost(Array(50).fill('auth.login'), inputs);
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
    const res = await fetch(`${server.origin}/trpc/${Array(12).fill('partners.list').join('%2C')}?batch=1`, { headers: { origin: server.origin } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { data: { key: string } } }).error.data.key).toBe('request.batchTooLarge');
  });
});

describe('during an attack another user keeps working (issue 8, item 5)', () => {
  it("another user's auth.me answers within 200 ms while logins and reports flood the server", async () => {
    const victim = await loggedIn('helmond@pit.demo');
    const attacker = await loggedIn('dvc@bit.demo');
    const statuses: Record<number, number> = {};
    const tally = (res: Response) => {
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      return res.body?.cancel();
    };
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await victim.query('auth.me');
      quiet.push(performance.now() - t0);
    }
    let attacking = true;
    const started = performance.now();
    // The attack of the issue: 1,400 logins and 150 reports in one request each, then a steady
    // flood of single wrong logins and reports from 12 connections for three seconds.
    const bursts = [
      batchPost(Array(1400).fill('auth.login'), Array(1400).fill({ email: 'coordinator@pit.demo', password: 'fout-wachtwoord' })).then(tally),
      batchPost(Array(150).fill('reports.progress'), Array(150).fill(year), attacker.cookie).then(tally),
    ];
    const flood = Array.from({ length: 12 }, async (_, worker) => {
      for (let i = 0; attacking; i++) {
        const res = i % 2 === 0
          ? await fetch(`${server.origin}/trpc/auth.login`, { method: 'POST', headers: { origin: server.origin, 'content-type': 'application/json' }, body: JSON.stringify({ email: `poging-${worker}-${i}@pit.demo`, password: 'fout-wachtwoord' }) })
          : await fetch(`${server.origin}/trpc/reports.progress?input=${encodeURIComponent(JSON.stringify(year))}`, { headers: { cookie: attacker.cookie } });
        await tally(res);
      }
    });
    const latencies: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 50));
    while (performance.now() - started < 3_000) {
      const t0 = performance.now();
      const me = await victim.query('auth.me');
      latencies.push(performance.now() - t0);
      expect(me.body.result.data.email).toBe('helmond@pit.demo');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    attacking = false;
    await Promise.all([...bursts, ...flood]);
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
    console.log(
      `auth.me during the attack: median ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms over ${sorted.length} calls;`,
      `attack requests by status: ${JSON.stringify(statuses)};`,
      `without the attack: median ${[...quiet].sort((a, b) => a - b)[5]!.toFixed(0)} ms`,
    );
    expect(sorted.length).toBeGreaterThanOrEqual(8);
    // The bound: 200 ms. Robust against a single scheduling hiccup on a shared machine:
    // nine in ten calls and the median within it, and no call anywhere near the seconds of before.
    expect(at(0.5)).toBeLessThan(200);
    expect(at(0.9)).toBeLessThan(200);
    expect(sorted.at(-1)!).toBeLessThan(1_000);
  }, 60_000);
});
