// Over real HTTP: only the app's own Host names are served, HSTS over HTTPS, and no source maps
// in production. Requests are sent with node:http / a raw socket so the Host header is ours to set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { connect } from 'node:net';
import { createTestDeps } from '../helpers/deps';
import { makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { startTestServer } from '../helpers/http';
import { HSTS } from '../../server/http/hardening';
import type { Config } from '../../server/config';
import viteConfig from '../../vite.config';

type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

function send(origin: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<Reply> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** An HTTP/1.0 request without any Host header (node:http always sends one). */
function sendWithoutHost(origin: string, path: string): Promise<string> {
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(`GET ${path} HTTP/1.0\r\n\r\n`));
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
    });
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
}

async function serverWith(config: Partial<Config>) {
  const deps = createTestDeps({ config });
  const team = makeTeam(deps, 'pit');
  const user = await makeUser(deps, team, 'member', 'senzer');
  return { deps, user, server: await startTestServer(deps) };
}

describe('Host check in development', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  beforeAll(async () => {
    s = await serverWith({ production: false });
  });
  afterAll(() => s.server.close());

  it('serves localhost and 127.0.0.1 on any port', async () => {
    const port = new URL(s.server.origin).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'LOCALHOST:5173', '127.0.0.1']) {
      const res = await send(s.server.origin, '/trpc/auth.me', { host });
      expect(res.status, host).toBe(401); // reached tRPC: no session
    }
  });

  it('refuses any other Host with 421 and a short message, on every route, before anything runs', async () => {
    const port = new URL(s.server.origin).port;
    for (const host of [
      'evil.example',
      `evil.example:${port}`,
      '127.0.0.1.evil.example',
      'localhost.evil.example',
      '10.0.0.5:3000',
      'a b',
      'evil.example/x',
    ]) {
      for (const path of ['/', '/trpc/auth.me', '/calendar/feed/1.abc.ics', '/export/minutes/1.md', '/assets/app.js']) {
        const res = await send(s.server.origin, path, { host });
        expect(res.status, `${host} ${path}`).toBe(421);
        expect(res.body).toBe('Onbekende host. / Unknown host.');
        expect(res.headers['set-cookie']).toBeUndefined();
      }
    }
    // A login through a foreign Host (DNS rebinding) never reaches the password check.
    const login = await send(
      s.server.origin,
      '/trpc/auth.login',
      { host: 'evil.example', origin: 'http://evil.example', 'content-type': 'application/json' },
      'POST',
      JSON.stringify({ email: s.user.email, password: TEST_PASSWORD }),
    );
    expect(login.status).toBe(421);
    expect(login.headers['set-cookie']).toBeUndefined();
  });

  it('refuses a request without a Host header', async () => {
    const raw = await sendWithoutHost(s.server.origin, '/trpc/auth.me');
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 421 Misdirected Request');
    expect(raw.endsWith('Onbekende host. / Unknown host.')).toBe(true);
  });

  it('sends no HSTS over plain HTTP, and a forged X-Forwarded-Proto without TRUST_PROXY changes nothing', async () => {
    const port = new URL(s.server.origin).port;
    expect((await send(s.server.origin, '/healthz', { host: `127.0.0.1:${port}` })).headers['strict-transport-security']).toBeUndefined();
    expect(
      (await send(s.server.origin, '/healthz', { host: `127.0.0.1:${port}`, 'x-forwarded-proto': 'https' })).headers[
        'strict-transport-security'
      ],
    ).toBeUndefined();
  });
});

describe('Host check, HSTS and source maps in production', () => {
  let s: Awaited<ReturnType<typeof serverWith>>;
  beforeAll(async () => {
    s = await serverWith({
      production: true,
      publicUrl: 'https://overleg.example.nl',
      allowedOrigins: ['https://intern.example.nl:8443'],
      trustProxy: true,
    });
  });
  afterAll(() => s.server.close());

  it('serves PUBLIC_URL and ALLOWED_ORIGINS names only; localhost is refused; /healthz stays reachable', async () => {
    for (const host of ['overleg.example.nl', 'Overleg.Example.NL:443', 'intern.example.nl:8443']) {
      expect((await send(s.server.origin, '/trpc/auth.me', { host })).status, host).toBe(401);
    }
    for (const host of ['127.0.0.1:3000', 'localhost', 'evil.example', 'overleg.example.nl.evil.example']) {
      expect((await send(s.server.origin, '/trpc/auth.me', { host })).status, host).toBe(421);
    }
    const health = await send(s.server.origin, '/healthz', { host: '127.0.0.1' });
    expect([health.status, health.body]).toEqual([200, 'ok']);
  });

  it('behind a trusted proxy the forwarded host counts', async () => {
    expect(
      (await send(s.server.origin, '/trpc/auth.me', { host: '127.0.0.1:3000', 'x-forwarded-host': 'overleg.example.nl' })).status,
    ).toBe(401);
    expect((await send(s.server.origin, '/trpc/auth.me', { host: 'overleg.example.nl', 'x-forwarded-host': 'evil.example' })).status).toBe(
      421,
    );
  });

  it('sends HSTS when the proxy says the request came over HTTPS, not otherwise', async () => {
    const secure = await send(s.server.origin, '/trpc/auth.me', { host: 'overleg.example.nl', 'x-forwarded-proto': 'https' });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(HSTS).toBe('max-age=31536000; includeSubDomains');
    const plain = await send(s.server.origin, '/trpc/auth.me', { host: 'overleg.example.nl', 'x-forwarded-proto': 'http' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('never serves a source map', async () => {
    for (const path of ['/assets/index-3f2a1b.js.map', '/assets/index.css.map?v=1', '/x.MAP']) {
      const res = await send(s.server.origin, path, { host: 'overleg.example.nl' });
      expect([res.status, res.body], path).toEqual([404, 'Niet gevonden. / Not found.']);
    }
  });
});

describe('the client build', () => {
  it('writes no source maps, so there are none to serve', () => {
    expect(viteConfig.build?.sourcemap).toBe(false);
  });
});
