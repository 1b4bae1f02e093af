/**
 * File downloads that are not tRPC calls: GET /export/minutes/<meetingId>.(html|docx|md).
 * Authenticated by the session cookie; the file is built from the requesting user's own
 * MinutesView, so it contains exactly what they may see (SPEC §2 step 4, §4). Every export is
 * audited (P6). Responses are never cached.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCookies } from 'cookie';
import type { AppDeps } from '../deps';
import { resolveSession } from '../auth/sessions';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../routers/auth';
import { AppError } from '../errors';
import { appendAudit } from '../audit';
import { localeFrom, translate, type Locale, type MessageKey } from '../i18n/messages';
import { buildMinutesView } from '../domain/minutes-view';
import { renderMinutesHtml } from '../exports/minutes-html';
import { renderMinutesDocx } from '../exports/minutes-docx';
import { renderMinutesMarkdown } from '../exports/minutes-markdown';
import { fileBase } from '../exports/minutes-labels';

const MINUTES = /^\/export\/minutes\/(\d{1,12})\.(html|docx|md)$/;

const types = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
} as const;

const statusOf: Partial<Record<string, number>> = { UNAUTHORIZED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_REQUEST: 400 };

function fail(res: ServerResponse, status: number, key: MessageKey, locale: Locale) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(translate(key, locale));
}

export async function handleDownload(deps: AppDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  let locale = localeFrom(req.headers['accept-language']);
  try {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = MINUTES.exec(url.pathname);
    if (!match) return fail(res, 404, 'notFound', locale);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return fail(res, 405, 'validation.invalid', locale);
    }
    const cookies = parseCookies(req.headers.cookie ?? '');
    const token = cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE] ?? null;
    const user = token ? resolveSession(deps.db, deps.config, token, deps.now()) : null;
    if (!user) return fail(res, 401, 'auth.required', locale);
    locale = user.locale;
    const format = match[2] as keyof typeof types;
    const view = buildMinutesView(deps, user, Number(match[1]), 'export');
    const ctx = { locale, readerName: user.name, generatedAt: deps.now() };
    const body = format === 'docx' ? await renderMinutesDocx(view, ctx) : format === 'md' ? renderMinutesMarkdown(view, ctx) : renderMinutesHtml(view, ctx);
    appendAudit(deps.db, deps.now(), {
      teamId: user.teamId, actorId: user.id, action: 'minutes.exported', entity: 'minutes', entityId: view.id,
      detail: { meetingId: view.meetingId, format, status: view.status },
    });
    // HTML opens in the browser, ready to print to PDF; ?download=1 saves it instead.
    const disposition = format === 'html' && url.searchParams.get('download') !== '1' ? 'inline' : 'attachment';
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(200, {
      'Content-Type': types[format],
      'Content-Length': buffer.length,
      'Content-Disposition': `${disposition}; filename="${fileBase(view)}.${format}"`,
    });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  } catch (error) {
    if (error instanceof AppError && statusOf[error.code]) return fail(res, statusOf[error.code]!, error.key, locale);
    console.error('[export] minutes:', error);
    if (!res.headersSent) fail(res, 500, 'internal', locale);
    else res.end();
  }
}
