/**
 * The charts of the progress report, as the Rapportage screen draws them: the key figures and the
 * casussen opened per gemeente, this period against the previous. Built from the suppressed report
 * only (`buildProgressReport`, suppressed once in report-suppression.ts): a hidden figure ("< k",
 * "x") is left out of a chart, never drawn as a bar whose length would give it back (art. 20.13).
 */
import type { ProgressReport } from './reports';

export type ChartBar = { label: string; current: number; previous: number };
export type ReportChart = { id: string; title: string; bars: ChartBar[] };

/** The key figures that are counts of the period (the screen's chart shows the same). */
export const CHART_KEYS = [
  'casesOpened',
  'casesActivated',
  'casesClosed',
  'avoRequests',
  'agreements',
  'tasksCreated',
  'tasksDone',
  'tasksOverdue',
  'meetingsHeld',
  'controlsHeld',
  'findings',
  'escalationsRaised',
];

export function reportCharts(report: ProgressReport): ReportChart[] {
  const charts: ReportChart[] = [
    {
      id: 'headline',
      title: 'Kerncijfers',
      bars: report.headline
        .filter((h) => CHART_KEYS.includes(h.key) && !h.mask?.current && !h.mask?.previous && h.current !== null && h.previous !== null)
        .map((h) => ({ label: h.label.nl, current: h.current!, previous: h.previous! })),
    },
  ];
  const byGemeente = report.tables.find((t) => t.id === 'cases_by_gemeente');
  if (byGemeente && byGemeente.rows.length > 0) {
    const column = byGemeente.columns[0]!;
    charts.push({
      id: 'cases_by_gemeente',
      title: `${byGemeente.title.nl} — ${column.label.nl}`,
      bars: byGemeente.rows
        .filter(
          (r) =>
            !r.mask.current[column.key] && !r.mask.previous[column.key] && r.current[column.key] != null && r.previous[column.key] != null,
        )
        .map((r) => ({ label: r.label, current: r.current[column.key]!, previous: r.previous[column.key]! })),
    });
  }
  return charts;
}
