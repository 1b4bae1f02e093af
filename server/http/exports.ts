/**
 * GET downloads that a browser opens directly (a link, not a tRPC call):
 *   /export/report.docx?from=YYYY-MM-DD&to=YYYY-MM-DD   progress report, Word
 *   /export/report.csv?from=…&to=…                       progress report, CSV for Dutch Excel
 *   /export/briefing/<controlId>.html[?partnerId=N]      printable briefing of an integrale controle
 * Each goes through the same tRPC procedures as the screens (a server-side caller with the
 * request's session), so roles, team isolation and visibility are decided in one place.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { AppDeps } from '../deps';
import { appRouter } from '../routers';
import { createCallerFactory } from '../trpc';
import { AppError } from '../errors';
import { translate } from '../i18n/messages';
import { recordReportExport } from '../domain/reports';
import { reportCsv } from '../exports/report-csv';
import { reportDocx } from '../exports/report-docx';
import { briefingHtml } from '../exports/briefing-html';
import { createContextFactory } from './server';

const createCaller = createCallerFactory(appRouter);

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, filename?: string) {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...(filename ? { 'Content-Disposition': `attachment; filename="${filename}"` } : {}),
  });
  res.end(body);
}

export async function handleExport(deps: AppDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const ctx = createContextFactory(deps)({ req, res });
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', 'Method Not Allowed');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const caller = createCaller(ctx);
    const report = /^\/export\/report\.(docx|csv)$/.exec(url.pathname);
    if (report) {
      const format = report[1] as 'docx' | 'csv';
      const period = { from: url.searchParams.get('from') ?? '', to: url.searchParams.get('to') ?? '' };
      const data = await caller.reports.progress(period);
      recordReportExport(deps, ctx.user!, format, data.period);
      const name = `voortgangsrapportage-${data.team.code}-${data.period.from}-${data.period.to}`;
      if (format === 'csv') return send(res, 200, 'text/csv; charset=utf-8', reportCsv(data), `${name}.csv`);
      return send(res, 200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', await reportDocx(data), `${name}.docx`);
    }
    const brief = /^\/export\/briefing\/(\d+)\.html$/.exec(url.pathname);
    if (brief) {
      const partnerId = url.searchParams.get('partnerId');
      const data = await caller.controls.briefing({ id: Number(brief[1]), partnerId: partnerId ? Number(partnerId) : null });
      return send(res, 200, 'text/html; charset=utf-8', briefingHtml(data));
    }
    return send(res, 404, 'text/plain; charset=utf-8', translate('notFound', ctx.locale));
  } catch (error) {
    if (!(error instanceof TRPCError)) {
      console.error('[export]', error instanceof Error ? error.message : 'error');
      return send(res, 500, 'text/plain; charset=utf-8', translate('internal', ctx.locale));
    }
    // Never a stack trace; the message is the translated key (bad input: a generic validation text).
    const message = error instanceof AppError ? translate(error.key, ctx.locale) : error.code === 'BAD_REQUEST' ? translate('validation.date', ctx.locale) : translate('internal', ctx.locale);
    return send(res, getHTTPStatusCodeFromError(error), 'text/plain; charset=utf-8', message);
  }
}
