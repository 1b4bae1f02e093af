import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { parse as parseCookies } from 'cookie';
import sirv from 'sirv';
import type { AppDeps } from '../deps';
import { appRoot } from '../../db/app-root';
import { appRouter } from '../routers';
import type { Context } from '../trpc';
import { resolveSession } from '../auth/sessions';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../routers/auth';
import { localeFrom, translate } from '../i18n/messages';
import { handleCalendar } from './calendar';
import { handleDownload } from './downloads';
import { guardRequest } from './hardening';
import { batchRefusal, MAX_BATCH_CALLS } from './batch-policy';
import { handleLiveSse } from './live-sse';

export const clientDir = join(appRoot(import.meta.dirname), 'dist', 'client');

const securityHeaders: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

function isSecure(req: IncomingMessage, trustProxy: boolean): boolean {
  return ('encrypted' in req.socket && Boolean(req.socket.encrypted)) || (trustProxy && req.headers['x-forwarded-proto'] === 'https');
}

/**
 * CSRF defence: a state-changing request must come from the app's own origin and carry JSON.
 * tRPC on its own accepts a cross-site `multipart/form-data` POST (a "simple" request that a
 * browser sends without a preflight), so both checks are needed.
 */
export function isTrustedMutation(req: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const sameHost = url.host === req.headers.host || allowedOrigins.includes(url.origin);
  const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return sameHost && contentType === 'application/json';
}

function sendJsonError(
  res: ServerResponse,
  status: number,
  code: string,
  key: 'auth.csrf' | NonNullable<ReturnType<typeof batchRefusal>>,
  locale: 'nl' | 'en',
) {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ error: { code: -32003, message: translate(key, locale), data: { code, httpStatus: status, key } } }));
}

function requestLocale(req: IncomingMessage): 'nl' | 'en' {
  const chosen = req.headers['x-overleg-locale'];
  return localeFrom(typeof chosen === 'string' ? chosen : req.headers['accept-language']);
}

export function createContextFactory(deps: AppDeps) {
  return ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Context => {
    const cookies = parseCookies(req.headers.cookie ?? '');
    const token = cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE] ?? null;
    const user = token ? resolveSession(deps.db, deps.config, token, deps.now()) : null;
    const chosen = req.headers['x-overleg-locale'];
    const locale = typeof chosen === 'string' ? localeFrom(chosen) : (user?.locale ?? localeFrom(req.headers['accept-language']));
    return {
      deps,
      user,
      sessionToken: user ? token : null,
      ip: clientIp(req, deps.config.trustProxy),
      locale,
      secure: isSecure(req, deps.config.trustProxy),
      setCookie: (header) => res.appendHeader('Set-Cookie', header),
    };
  };
}

export function createAppServer(deps: AppDeps): Server {
  // Shared with the live view's own SSE writer (./live-sse.ts), which writes a snapshot's bytes once for all its subscribers.
  const createContext = createContextFactory(deps);
  const trpc = createHTTPHandler({
    router: appRouter,
    basePath: '/trpc/',
    // Backstop for batchRefusal below, which answers first with a translated message.
    maxBatchSize: MAX_BATCH_CALLS,
    maxBodySize: deps.config.maxBodyBytes,
    createContext,
    onError({ error, path }) {
      // Only unexpected errors are logged; never the input, which may hold personal data (P7).
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${path ?? '?'}:`, error.cause ?? error);
    },
  });
  const staticFiles = existsSync(clientDir)
    ? sirv(clientDir, { single: true, etag: true, gzip: true, brotli: true, immutable: true })
    : null;

  return createServer((req, res) => {
    for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
    if (guardRequest(deps.config, req, res, isSecure(req, deps.config.trustProxy))) return;
    const url = req.url ?? '/';
    if (url === '/trpc' || url.startsWith('/trpc/')) {
      res.setHeader('Cache-Control', 'no-store');
      const method = req.method ?? 'GET';
      if (method !== 'GET' && method !== 'HEAD' && !isTrustedMutation(req, deps.config.allowedOrigins)) {
        return sendJsonError(res, 403, 'FORBIDDEN', 'auth.csrf', localeFrom(req.headers['accept-language']));
      }
      const refusal = batchRefusal(new URL(url, 'http://local'));
      if (refusal) return sendJsonError(res, 400, 'BAD_REQUEST', refusal, requestLocale(req));
      if (handleLiveSse(createContext, req, res)) return;
      return trpc(req, res);
    }
    if (url.startsWith('/export/')) return void handleDownload(deps, req, res);
    if (handleCalendar(deps, req, res)) return;
    if (url === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      return res.end('ok');
    }
    if (!staticFiles) {
      res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('De client is nog niet gebouwd: voer `npm run build` uit. / The client has not been built: run `npm run build`.');
    }
    staticFiles(req, res, () => {
      res.writeHead(404);
      res.end();
    });
  });
}
