/**
 * File downloads a browser opens directly (links, not tRPC calls), in one place with one path
 * for the session, errors, auditing and caching:
 *   /export/minutes/<meetingId>.(html|docx|md)        the verslag as the requesting user may see it
 *   /export/report.(docx|csv)?from=YYYY-MM-DD&to=…     the progress report (no personal data)
 *   /export/briefing/<controlId>.html[?partnerId=N]    printable briefing of an integrale controle
 *   /export/handback/<caseId>.(html|docx)[?partnerId=N] wind-down: one partner's own items of a casus, in full
 *   /export/audit.csv?from=…&to=…|subject=…           the FG's Logboek (period or one betrokkene)
 *   /export/inzage/<requestId>.(html|docx)             the FG's inzage bundle of a request (art. 24)
 * The session is resolved exactly as for /trpc. Report and briefing go through the same tRPC
 * procedures as the screens (a server-side caller), the verslag through minutes.export (the same
 * view as its page) and the hand-back through covenants.handback — so roles, team isolation, visibility and the audit are decided where they
 * always are. Never cached.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { AppDeps } from '../deps';
import { appRouter } from '../routers';
import { createCallerFactory, describeError, type Context } from '../trpc';
import { AppError } from '../errors';
import { translate } from '../i18n/messages';
import { recordReportExport } from '../domain/reports';
import { renderMinutesHtml } from '../exports/minutes-html';
import { renderMinutesDocx } from '../exports/minutes-docx';
import { renderMinutesMarkdown } from '../exports/minutes-markdown';
import { fileBase } from '../exports/minutes-labels';
import { reportCsv } from '../exports/report-csv';
import { reportDocx } from '../exports/report-docx';
import { briefingHtml } from '../exports/briefing-html';
import { handbackHtml } from '../exports/handback-html';
import { handbackDocx } from '../exports/handback-docx';
import { inzageHtml } from '../exports/inzage-html';
import { inzageDocx } from '../exports/inzage-docx';
import { createContextFactory } from './server';
import { takeToken } from '../rate-limit';
import { actorOf, mustEnrolTwoFactor, type Actor } from '../auth/actor';

const createCaller = createCallerFactory(appRouter);

const types = {
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
} as const;

type Download = { format: keyof typeof types; body: string | Buffer; filename?: string; inline?: boolean };
type RouteArgs = { deps: AppDeps; ctx: Context; user: Actor; url: URL; match: RegExpExecArray };
type Route = { pattern: RegExp; build: (args: RouteArgs) => Promise<Download> };

const routes: Route[] = [
  {
    pattern: /^\/export\/minutes\/(\d{1,12})\.(html|docx|md)$/,
    // minutes.export decides who may export and audits it, like every procedure (issue 12).
    async build({ deps, ctx, user, url, match }) {
      const format = match[2] as 'html' | 'docx' | 'md';
      const view = await createCaller(ctx).minutes.export({ meetingId: Number(match[1]), format });
      const render = { locale: ctx.locale, readerName: user.name, generatedAt: deps.now() };
      const body =
        format === 'docx'
          ? await renderMinutesDocx(view, render)
          : format === 'md'
            ? renderMinutesMarkdown(view, render)
            : renderMinutesHtml(view, render);
      // HTML opens in the browser, ready to print to PDF; ?download=1 saves it instead.
      return {
        format,
        body,
        filename: `${fileBase(view)}.${format}`,
        inline: format === 'html' && url.searchParams.get('download') !== '1',
      };
    },
  },
  {
    pattern: /^\/export\/report\.(docx|csv)$/,
    async build({ deps, ctx, user, url, match }) {
      const format = match[1] as 'docx' | 'csv';
      const data = await createCaller(ctx).reports.progress({
        from: url.searchParams.get('from') ?? '',
        to: url.searchParams.get('to') ?? '',
      });
      recordReportExport(deps, user, format, data.period);
      const filename = `voortgangsrapportage-${data.team.code}-${data.period.from}-${data.period.to}.${format}`;
      // The Word report carries the coordinator's toelichting of the period (issue 9 item 18).
      const narrative = format === 'docx' ? await createCaller(ctx).reports.narrative(data.period) : null;
      return { format, body: format === 'csv' ? reportCsv(data) : await reportDocx(data, narrative), filename };
    },
  },
  {
    // The FG's Logboek for a period or one betrokkene (issue 11 item 7); audit.export logs it.
    pattern: /^\/export\/audit\.csv$/,
    async build({ ctx, url }) {
      const param = (name: string) => url.searchParams.get(name) || null;
      const data = await createCaller(ctx).audit.export({ from: param('from'), to: param('to'), subjectId: param('subject') });
      return { format: 'csv', body: data.csv, filename: data.filename };
    },
  },
  {
    pattern: /^\/export\/briefing\/(\d{1,12})\.html$/,
    async build({ ctx, url, match }) {
      const partnerId = url.searchParams.get('partnerId');
      const data = await createCaller(ctx).controls.briefing({ id: Number(match[1]), partnerId: partnerId ? Number(partnerId) : null });
      return { format: 'html', body: briefingHtml(data), inline: true };
    },
  },
  {
    // Wind-down hand-back (issue 10): one partner's own items of one casus, for that partner or the FG.
    // Art. 14.5: it returns that partner's own data, so its own items go out in full (BSN unmasked).
    // covenants.handback decides who may have it and audits it (issue 12); here it is only rendered.
    pattern: /^\/export\/handback\/(\d{1,12})\.(html|docx)$/,
    async build({ ctx, url, match }) {
      const format = match[2] as 'html' | 'docx';
      const partnerId = url.searchParams.get('partnerId');
      const data = await createCaller(ctx).covenants.handback({
        caseId: Number(match[1]),
        partnerId: partnerId && /^\d{1,12}$/.test(partnerId) ? Number(partnerId) : null,
        format,
      });
      const filename = `teruggave-${data.caseCode}.${format}`;
      return format === 'docx' ? { format, body: await handbackDocx(data), filename } : { format, body: handbackHtml(data), filename };
    },
  },
  {
    // Issue 11 item 3: FG only (dsr.bundle is a privacy procedure) and audited there with the format.
    pattern: /^\/export\/inzage\/(\d{1,12})\.(html|docx)$/,
    async build({ ctx, match }) {
      const format = match[2] as 'html' | 'docx';
      const data = await createCaller(ctx).dsr.bundle({ id: Number(match[1]), format });
      const filename = `inzage-verzoek-${data.request.id}.${format}`;
      return format === 'docx'
        ? { format, body: await inzageDocx(data), filename }
        : { format, body: inzageHtml(data), filename, inline: true };
    },
  },
];

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

export async function handleDownload(deps: AppDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ctx = createContextFactory(deps)({ req, res });
  try {
    const url = new URL(req.url ?? '/', 'http://local');
    let route: Route | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of routes) {
      match = candidate.pattern.exec(url.pathname);
      if (match) {
        route = candidate;
        break;
      }
    }
    if (!route || !match) return sendText(res, 404, translate('notFound', ctx.locale));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, translate('validation.invalid', ctx.locale));
    }
    if (!ctx.user) throw new AppError('UNAUTHORIZED', 'auth.required');
    // BIO 23.1a: the same gate as every procedure (trpc.ts): no export before the required 2FA.
    const actor = actorOf(deps.db, ctx.user, ctx.sessionToken);
    if (mustEnrolTwoFactor(actor)) throw new AppError('FORBIDDEN', 'twoFactor.enrolRequired');
    // Rendering a DOCX or a whole verslag is expensive: a bucket per user (issue 8.5).
    takeToken(deps, 'exports', `user:${actor.id}`);
    const download = await route.build({ deps, ctx, user: actor, url, match });
    const buffer = typeof download.body === 'string' ? Buffer.from(download.body, 'utf8') : download.body;
    res.writeHead(200, {
      'Content-Type': types[download.format],
      'Content-Length': buffer.length,
      'Cache-Control': 'no-store',
      ...(download.filename
        ? { 'Content-Disposition': `${download.inline ? 'inline' : 'attachment'}; filename="${download.filename}"` }
        : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : buffer);
  } catch (error) {
    if (error instanceof TRPCError && error.code !== 'INTERNAL_SERVER_ERROR') {
      // Never a stack trace: the same translated text a tRPC caller would get.
      return sendText(res, getHTTPStatusCodeFromError(error), describeError(error, ctx.locale).message);
    }
    console.error('[download]', req.url?.split('?')[0], error instanceof Error ? error.message : 'error');
    if (!res.headersSent) sendText(res, 500, translate('internal', ctx.locale));
    else res.end();
  }
}
