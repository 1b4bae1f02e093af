/**
 * Request guards that sit before any routing (server.ts calls `guardRequest` first):
 *  - Host check: only the app's own names are served (PUBLIC_URL, ALLOWED_ORIGINS; in development
 *    also localhost). A foreign Host is how DNS rebinding reaches a server on an internal address,
 *    and how a poisoned Host could end up in a link or cache. Answered 421 Misdirected Request.
 *  - HSTS over HTTPS (directly or, with TRUST_PROXY, per X-Forwarded-Proto): browsers then never
 *    try plain HTTP to the app again, so no session cookie can be stripped off on the way.
 *  - No source maps in production: they would hand out the client's source to anyone.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Config } from '../config';

export const HSTS = 'max-age=31536000; includeSubDomains';

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** The host names (no port) the app answers to. */
export function allowedHostnames(config: Pick<Config, 'production' | 'publicUrl' | 'allowedOrigins'>): ReadonlySet<string> {
  const configured = [config.publicUrl, ...config.allowedOrigins].flatMap((origin) => {
    const name = origin ? hostnameOf(origin) : null;
    return name ? [name] : [];
  });
  // Loopback in development, and in production only while no public name is configured at all
  // (a local trial run); behind a proxy the public name is what browsers send.
  const loopback = !config.production || configured.length === 0 ? LOOPBACK : [];
  return new Set([...configured, ...loopback]);
}

function hostnameOf(origin: string): string | null {
  try {
    return new URL(origin).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The host the client asked for: Host, or X-Forwarded-Host from a trusted proxy. */
function requestedHost(req: IncomingMessage, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.headers['x-forwarded-host'] : undefined;
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || req.headers.host;
  return value?.trim();
}

// Every request checks its Host: the names come from the configuration, which does not change
// while the server runs, so they are worked out once per configuration (issue 12: per-request cost).
const hostnamesOf = new WeakMap<Config, ReadonlySet<string>>();
function configuredHostnames(config: Config): ReadonlySet<string> {
  let names = hostnamesOf.get(config);
  if (!names) hostnamesOf.set(config, (names = allowedHostnames(config)));
  return names;
}

export function hostAllowed(req: IncomingMessage, config: Config): boolean {
  const host = requestedHost(req, config.trustProxy);
  if (!host || !/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return false;
  const name = hostnameOf(`http://${host}`);
  return name !== null && configuredHostnames(config).has(name);
}

const isSourceMap = (url: string) => /\.map$/i.test(url.split('?')[0]!);

/**
 * Runs before routing. Sets HSTS on secure requests; answers (and returns true) for a foreign
 * Host or, in production, a source map. `/healthz` says only "ok" and stays reachable for the
 * machine's own health checks.
 */
export function guardRequest(config: Config, req: IncomingMessage, res: ServerResponse, secure: boolean): boolean {
  if (secure) res.setHeader('Strict-Transport-Security', HSTS);
  const url = req.url ?? '/';
  if (url !== '/healthz' && !hostAllowed(req, config)) {
    res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end('Onbekende host. / Unknown host.');
    return true;
  }
  if (config.production && isSourceMap(url)) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Niet gevonden. / Not found.');
    return true;
  }
  return false;
}
