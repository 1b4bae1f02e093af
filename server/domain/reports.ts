/**
 * The progress report (SPEC §2 step 7; PIT art. 4.2 yearly, BIT half-yearly to the DVC): the
 * figures of the period and the one before it (./report-figures.ts, from the anonymous facts of
 * ./report-facts.ts), laid out in tables and key figures, suppressed once (./report-suppression.ts)
 * and told in words (./report-text.ts). No personal data, by construction (art. 20.13, P7).
 */
import { eq } from 'drizzle-orm';
import { teams, type PartnerKind } from '../../db/schema';
import { findingLabel, measureLabel, type Label } from '../../db/catalogues';
import type { AppDeps } from '../deps';
import { amsterdamDate } from '../clock';
import { currentCovenant } from './team';
import { suppressReport } from './report-suppression';
import { loadTeamRows } from './report-facts';
import { periodFigures } from './report-figures';
import { previousPeriod, validatePeriod, windowOf } from './report-period';
import { narrative } from './report-text';
import { L, type ColumnKind, type Period, type ProgressReport, type ReportTable, type Values } from './report-types';

// The report's parts keep their old import path.
export type { ColumnKind, Headline, Mark, Period, ProgressReport, ReportRow, ReportTable, Values } from './report-types';
export { previousPeriod, validatePeriod } from './report-period';
export { formatDateNl } from './report-text';
export { reportPresets, setReportThreshold, type Preset } from './report-presets';
export { exportCell, exportRows, recordReportExport } from './report-export';

const headlineDefs: { key: string; label: Label; kind: ColumnKind }[] = [
  { key: 'casesOpened', label: L('Casussen geopend', 'Cases opened'), kind: 'count' },
  { key: 'casesActivated', label: L('Casussen actief gemaakt', 'Cases made active'), kind: 'count' },
  { key: 'casesClosed', label: L('Casussen afgerond', 'Cases closed'), kind: 'count' },
  { key: 'avoRequests', label: L('AVO-verzoeken', 'AVO requests'), kind: 'count' },
  { key: 'agreements', label: L('Werkafspraken gemaakt', 'Work agreements made'), kind: 'count' },
  { key: 'tasksCreated', label: L('Taken uitgezet', 'Tasks created'), kind: 'count' },
  { key: 'tasksDone', label: L('Taken gereed', 'Tasks done'), kind: 'count' },
  { key: 'tasksOnTimePct', label: L('Taken op tijd gereed (%)', 'Tasks done on time (%)'), kind: 'percent' },
  { key: 'tasksOverdue', label: L('Taken over de termijn (einde periode)', 'Tasks overdue (end of period)'), kind: 'count' },
  { key: 'medianDaysToDone', label: L('Mediane doorlooptijd taak (dagen)', 'Median days to done'), kind: 'days' },
  { key: 'meetingsHeld', label: L('Overleggen gehouden', 'Meetings held'), kind: 'count' },
  { key: 'attendancePct', label: L('Opkomst (%)', 'Attendance (%)'), kind: 'percent' },
  { key: 'controlsHeld', label: L('Integrale controles uitgevoerd', 'Joint inspections held'), kind: 'count' },
  { key: 'findings', label: L('Bevindingen', 'Findings'), kind: 'count' },
  { key: 'escalationsRaised', label: L('Escalaties naar de DVC', 'Escalations raised'), kind: 'count' },
  { key: 'escalationsResolved', label: L('Escalaties afgehandeld', 'Escalations resolved'), kind: 'count' },
];

const escalationRowLabels: Record<string, Label> = {
  raised: L('Geëscaleerd in de periode', 'Raised in the period'),
  raisedStillOpen: L('— waarvan nog open', '— of which still open'),
  raisedResolved: L('— waarvan afgehandeld', '— of which resolved'),
  resolved: L('Afgehandeld in de periode', 'Resolved in the period'),
  openAtEnd: L('Open aan het eind van de periode', 'Open at the end of the period'),
};

/**
 * The report every reader gets: the figures, suppressed once (report-suppression.ts), and the
 * narrative written from the suppressed figures. Every output renders this, never the raw one.
 */
export function buildProgressReport(deps: AppDeps, teamId: number, period: Period): ProgressReport {
  const report = suppressReport(rawProgressReport(deps, teamId, period));
  report.narrative = narrative(report);
  return report;
}

/** The unsuppressed figures: only input to `suppressReport` (and the ground truth of its tests). */
export function rawProgressReport(deps: AppDeps, teamId: number, period: Period): ProgressReport {
  validatePeriod(period);
  const previous = previousPeriod(period);
  // Cadence and recipient of the covenant the team works under today (art. 4), with the team's name.
  const current = currentCovenant(deps, teamId);
  const team = {
    ...deps.db
      .select({ name: teams.name, code: teams.code, threshold: teams.suppressionThreshold })
      .from(teams)
      .where(eq(teams.id, teamId))
      .get()!,
    cadence: current.reportingCadence,
    recipient: current.reportRecipient,
  };
  const today = amsterdamDate(deps.now());
  const curWindow = windowOf(period, today);
  const prevWindow = windowOf(previous, today);
  const facts = loadTeamRows(deps, teamId);
  const cur = periodFigures(deps, teamId, facts.partnerRows, curWindow);
  const prev = periodFigures(deps, teamId, facts.partnerRows, prevWindow);
  const k = team.threshold;

  const themeName = new Map(facts.themeRows.map((t) => [String(t.id), t.name]));
  const gemeenten = facts.partnerRows.filter((p) => p.kind === 'gemeente');
  const activeIn = (p: { joinedOn: string; leftOn: string | null }) =>
    p.joinedOn <= period.to && (p.leftOn === null || p.leftOn > period.from);
  const hasData = (tableId: string, key: string) => cur.tables.get(tableId)?.has(key) || prev.tables.get(tableId)?.has(key);

  const makeTable = (
    id: string,
    title: Label,
    rowHeader: Label,
    columns: ReportTable['columns'],
    keys: { key: string; label: string }[],
    suppressible: boolean,
  ): ReportTable => ({
    id,
    title,
    rowHeader,
    columns,
    suppressible,
    rows: keys.map(({ key, label }) => {
      const pick = (source: Map<string, Values> | undefined) => {
        const values = source?.get(key) ?? {};
        return Object.fromEntries(columns.map((c) => [c.key, values[c.key] ?? (c.kind === 'count' ? 0 : null)]));
      };
      const current = pick(cur.tables.get(id));
      const previousValues = pick(prev.tables.get(id));
      return { key, label, current, previous: previousValues, suppressed: [] as string[], mask: { current: {}, previous: {} } };
    }),
  });
  const count = (key: string, nl: string, en: string) => ({ key, label: L(nl, en), kind: 'count' as ColumnKind });
  const partnerKeys = (tableId: string, filter: (p: { kind: PartnerKind }) => boolean = () => true) =>
    facts.partnerRows
      .filter((p) => filter(p) && (activeIn(p) || hasData(tableId, String(p.id))))
      .map((p) => ({ key: String(p.id), label: p.shortName }));

  const measureKeys = new Set<string>();
  for (const source of [cur, prev])
    for (const values of source.tables.get('controls_by_partner')?.values() ?? []) {
      for (const key of Object.keys(values)) if (key.startsWith('measure:')) measureKeys.add(key);
    }
  const typeKeys = new Set([...(cur.tables.get('findings_by_type')?.keys() ?? []), ...(prev.tables.get('findings_by_type')?.keys() ?? [])]);

  const tables: ReportTable[] = [
    makeTable(
      'cases_by_gemeente',
      L('Casussen per gemeente', 'Cases per municipality'),
      L('Gemeente', 'Municipality'),
      [
        count('opened', 'Geopend', 'Opened'),
        count('activated', 'Actief gemaakt', 'Made active'),
        count('closed', 'Afgerond', 'Closed'),
        count('avo', 'AVO-verzoek', 'AVO request'),
      ],
      gemeenten
        .filter((g) => activeIn(g) || hasData('cases_by_gemeente', String(g.id)))
        .map((g) => ({ key: String(g.id), label: g.shortName })),
      true,
    ),
    makeTable(
      'cases_by_theme',
      L('Casussen per thema', 'Cases per theme'),
      L('Thema', 'Theme'),
      [count('opened', 'Geopend', 'Opened'), count('activated', 'Actief gemaakt', 'Made active'), count('closed', 'Afgerond', 'Closed')],
      facts.themeRows
        .filter((t) => t.active || hasData('cases_by_theme', String(t.id)))
        .map((t) => ({ key: String(t.id), label: themeName.get(String(t.id))! })),
      true,
    ),
    makeTable(
      'work_by_partner',
      L('Werkafspraken en taken per partner', 'Work agreements and tasks per partner'),
      L('Partner', 'Partner'),
      [
        count('agreements', 'Werkafspraken (eindverantwoordelijk)', 'Agreements (responsible)'),
        count('tasksCreated', 'Taken uitgezet', 'Tasks created'),
        count('tasksDone', 'Gereed', 'Done'),
        count('tasksOnTime', 'Op tijd gereed', 'Done on time'),
        count('tasksOverdue', 'Over de termijn', 'Overdue'),
        { key: 'medianDays', label: L('Mediane doorlooptijd (dagen)', 'Median days to done'), kind: 'days' },
      ],
      partnerKeys('work_by_partner'),
      false,
    ),
    makeTable(
      'attendance_by_partner',
      L('Aanwezigheid in gehouden overleggen', 'Attendance at meetings held'),
      L('Partner', 'Partner'),
      [
        count('expected', 'Overleggen', 'Meetings'),
        count('present', 'Aanwezig', 'Present'),
        count('excused', 'Afgemeld', 'Excused'),
        count('absent', 'Afwezig', 'Absent'),
        { key: 'ratePct', label: L('Opkomst (%)', 'Attendance (%)'), kind: 'percent' },
      ],
      partnerKeys('attendance_by_partner'),
      false,
    ),
    makeTable(
      'controls_by_partner',
      L(
        'Integrale controles: deelname, bevindingen en maatregelen per partner',
        'Joint inspections: participation, findings and measures per partner',
      ),
      L('Partner', 'Partner'),
      [
        count('participated', 'Controles', 'Inspections'),
        count('findings', 'Bevindingen', 'Findings'),
        ...[...measureKeys]
          .sort()
          .map((key): ReportTable['columns'][number] => ({ key, label: measureLabel(key.slice('measure:'.length)), kind: 'count' })),
      ],
      partnerKeys('controls_by_partner', () => true).filter((p) => hasData('controls_by_partner', p.key)),
      true,
    ),
    makeTable(
      'findings_by_type',
      L('Bevindingen per soort', 'Findings per type'),
      L('Soort bevinding', 'Type of finding'),
      [count('findings', 'Bevindingen', 'Findings')],
      [...typeKeys].map((key) => ({ key, label: findingLabel(key).nl })).sort((a, b) => a.label.localeCompare(b.label, 'nl')),
      true,
    ),
    makeTable(
      'escalations',
      L('Escalaties naar de DVC (BIT art. 2.6)', 'Escalations to the DVC (BIT art. 2.6)'),
      L('Escalaties', 'Escalations'),
      [count('count', 'Aantal', 'Number')],
      Object.keys(escalationRowLabels).map((key) => ({ key, label: escalationRowLabels[key]!.nl })),
      false,
    ),
  ].filter((t) => t.id !== 'escalations' || team.cadence === 'half_yearly' || t.rows.some((r) => r.current.count || r.previous.count));

  const headline = headlineDefs.map((d) => ({ ...d, current: cur.head[d.key] ?? null, previous: prev.head[d.key] ?? null }));
  return {
    team: { name: team.name, code: team.code, cadence: team.cadence, recipient: team.recipient },
    period,
    previousPeriod: previous,
    generatedAt: deps.now().toISOString(),
    headline,
    tables,
    suppression: { threshold: k, applies: false, tables: [] },
    narrative: [],
  };
}
