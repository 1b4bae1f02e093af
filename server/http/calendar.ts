/**
 * Plain-HTTP calendar routes (calendar apps cannot speak tRPC):
 *   GET /calendar/meeting/<id>.ics  — one overleg, with the session cookie (same rule as meetings.get)
 *   GET /calendar/feed/<token>.ics  — the personal feed of the team's overleggen, by secret URL
 * Anything not found or not allowed is a plain 404, revealing nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { AppDeps } from '../deps';
import { resolveSession } from '../auth/sessions';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../routers/auth';
import { feedIcs, meetingIcs, userForFeedToken } from '../domain/calendar';
import { actorOf } from '../auth/actor';

const casework = new Set(['coordinator', 'member']);

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

const notFound = (res: ServerResponse) => send(res, 404, 'Niet gevonden. / Not found.');

/** Handles /calendar/… requests; returns false for any other URL. */
export function handleCalendar(deps: AppDeps, req: IncomingMessage, res: ServerResponse): boolean {
  const path = (req.url ?? '/').split('?')[0]!;
  if (!path.startsWith('/calendar/')) return false;
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return true;
  }
  try {
    const meeting = /^\/calendar\/meeting\/(\d{1,10})\.ics$/.exec(path);
    if (meeting) {
      const cookies = parseCookies(req.headers.cookie ?? '');
      const token = cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE] ?? null;
      const user = token ? resolveSession(deps.db, deps.config, token, deps.now()) : null;
      if (!user || !casework.has(user.role)) {
        notFound(res);
        return true;
      }
      const ics = meetingIcs(deps, actorOf(deps.db, user, token), Number(meeting[1]));
      send(res, 200, ics.body, {
        'Content-Type': 'text/calendar; charset=utf-8',
        'Content-Disposition': `attachment; filename="${ics.filename}"`,
      });
      return true;
    }
    const feed = /^\/calendar\/feed\/([A-Za-z0-9._-]{1,80})\.ics$/.exec(path);
    if (feed) {
      const user = userForFeedToken(deps, feed[1]!);
      if (!user || !casework.has(user.role)) {
        notFound(res);
        return true;
      }
      send(res, 200, feedIcs(deps, user), { 'Content-Type': 'text/calendar; charset=utf-8', 'Referrer-Policy': 'no-referrer' });
      return true;
    }
    notFound(res);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'NOT_FOUND') notFound(res);
    else {
      console.error('[calendar]', error);
      send(res, 500, 'Er ging iets mis. / Something went wrong.');
    }
  }
  return true;
}
