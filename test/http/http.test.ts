// What only real HTTP can show: cookies, CSRF, error shape and language, the body limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { startTestServer, trpcHttp, type TrpcBody } from '../helpers/http';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let email: string;

beforeAll(async () => {
  deps = createTestDeps({ config: { maxBodyBytes: 10_000 } });
  const team = makeTeam(deps, 'pit');
  email = (await makeUser(deps, team, 'member', 'senzer')).email;
  server = await startTestServer(deps);
});
afterAll(() => server.close());

describe('contract over HTTP', () => {
  it('auth.login sets the session cookie; auth.me and partners.list answer; auth.logout ends it', async () => {
    const client = trpcHttp(server.origin);
    const login = await client.mutation('auth.login', { email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const me = await client.query('auth.me');
    expect(me.body.result!.data).toMatchObject({ email, role: 'member' });
    const partners = await client.query('partners.list');
    expect(partners.body.result!.data).toHaveLength(10);
    expect(Object.keys(partners.body.result!.data[0]!)).toEqual(expect.arrayContaining(['id', 'name', 'kind']));
    expect((await client.mutation('auth.logout')).status).toBe(200);
    expect((await client.query('auth.me')).status).toBe(401);
  });

  it('errors are Dutch by default, English on request, and never carry a stack', async () => {
    const client = trpcHttp(server.origin);
    const nl = await client.mutation('auth.login', { email, password: 'fout-wachtwoord' });
    expect(nl.status).toBe(401);
    expect(nl.body.error!.message).toBe('E-mailadres of wachtwoord is onjuist.');
    expect(JSON.stringify(nl.body)).not.toMatch(/stack|\.ts:\d+/);
    const en = await client.mutation('auth.login', { email, password: 'fout-wachtwoord' }, { 'x-overleg-locale': 'en' });
    expect(en.body.error!.message).toBe('E-mail address or password is incorrect.');
    const invalid = await client.mutation('auth.login', { email: 'geen-adres', password: 'x' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error!.message).toBe('Vul een geldig e-mailadres in.');
    expect(invalid.body.error!.data.fieldErrors).toEqual({ email: 'Vul een geldig e-mailadres in.' });
  });

  it('an unexpected body too large is refused', async () => {
    const client = trpcHttp(server.origin);
    const res = await client.mutation('auth.login', { email, password: 'x'.repeat(20_000) });
    expect(res.status).toBe(413);
  });
});

describe('CSRF defence on every non-GET request', () => {
  it('refuses a cross-site multipart/form-data POST even with a same-site origin header', async () => {
    const form = new FormData();
    form.set('email', email);
    form.set('password', TEST_PASSWORD);
    for (const origin of [server.origin, 'https://evil.example']) {
      const res = await fetch(`${server.origin}/trpc/auth.login`, { method: 'POST', body: form, headers: { origin } });
      expect(res.status).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses JSON from a foreign origin and requests without an origin', async () => {
    const body = JSON.stringify({ email, password: TEST_PASSWORD });
    const foreign = await fetch(`${server.origin}/trpc/auth.login`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as TrpcBody<never>).error!.message).toBe('Verzoek geweigerd: het komt niet van Overleg zelf.');
    const none = await fetch(`${server.origin}/trpc/auth.login`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(none.status).toBe(403);
    const text = await fetch(`${server.origin}/trpc/auth.login`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain', origin: server.origin },
    });
    expect(text.status).toBe(403);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${server.origin}/healthz`);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('over HTTPS behind a proxy', () => {
  it('uses the __Host- prefix and Secure', async () => {
    const proxied = createTestDeps({ config: { trustProxy: true } });
    const team = makeTeam(proxied, 'bit');
    const user = await makeUser(proxied, team, 'member', 'laren');
    const s = await startTestServer(proxied);
    try {
      const res = await trpcHttp(s.origin).mutation(
        'auth.login',
        { email: user.email, password: TEST_PASSWORD },
        { 'x-forwarded-proto': 'https' },
      );
      expect(res.headers.get('set-cookie')).toMatch(/^__Host-overleg_session=.*; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
    } finally {
      await s.close();
    }
  });
});
