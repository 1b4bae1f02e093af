/**
 * The progress report in the exports (Word, CSV): cell texts with the suppression marks, the
 * totals row, and the audit row every export writes (P6).
 */
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import type { ColumnKind, Mark, Period, ReportRow, ReportTable } from './report-types';

/** P6: every export is written to the audit log. */
export function recordReportExport(deps: AppDeps, actor: { id: number; teamId: number }, format: 'docx' | 'csv', period: Period) {
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'report.exported',
    entity: 'report',
    detail: { format, ...period },
  });
}

/** The text of a cell in an export: "< k" for a small count, "x" for a secondary suppression (the value is null then). */
export function exportCell(value: number | null, kind: ColumnKind, mark: Mark | undefined, threshold: number): string {
  if (mark === 'small') return `< ${threshold}`;
  if (mark === 'secondary') return 'x';
  if (value === null || value === undefined) return '–';
  if (kind === 'days') return String(Math.round(value * 10) / 10).replace('.', ',');
  if (kind === 'percent') return `${value}%`;
  return String(value);
}

/** A table's rows as the exports show them, with the totals row ("Totaal") of a suppressible table. */
export function exportRows(table: ReportTable): ReportRow[] {
  if (!table.totals) return table.rows;
  const totals: ReportRow = {
    key: 'total',
    label: 'Totaal',
    current: table.totals.current,
    previous: table.totals.previous,
    suppressed: [],
    mask: table.totals.mask,
  };
  return [...table.rows, totals];
}
