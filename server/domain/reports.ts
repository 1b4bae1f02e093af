/**
 * The progress report (SPEC §2 step 7; PIT art. 4.2 yearly, BIT half-yearly to the DVC).
 *
 * NO PERSONAL DATA, BY CONSTRUCTION (art. 20.13, P7): every query below selects only ids, dates,
 * statuses, codes and the names of partners, gemeenten and themes. It never reads betrokkenen,
 * items, addresses or free-text fields (descriptions, notes, result notes, reasons, outcomes).
 * Keep it that way: a new figure is a count over such columns, nothing else.
 *
 * Periods are Amsterdam calendar days [from, to] inclusive; instants (stored UTC) are compared
 * with the UTC instants of Amsterdam midnight, so 23:59 on 31 December belongs to that year.
 */
import { and, asc, eq, gte, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  agreements, attendance, caseEvents, cases, controlPartners, controls, covenants, escalations, findings, meetings, partners, tasks, teams, themes,
  type PartnerKind,
} from '../../db/schema';
import { findingLabel, measureLabel, type Label } from '../../db/catalogues';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { addDays, addMonths, amsterdamDate, amsterdamToUtc } from '../clock';
import { currentCovenant, partnerActiveOn } from './team';
import { suppressReport, type Mark } from './report-suppression';

export type Period = { from: string; to: string };
export type Values = Record<string, number | null>;
export type ColumnKind = 'count' | 'percent' | 'days';
export type ReportRow = {
  key: string;
  label: string;
  current: Values;
  previous: Values;
  /** Metric keys hidden in the current or previous period (their value is null, see `mask`). */
  suppressed: string[];
  /**
   * Per period and metric, why a count is hidden (its value is null in every output): `small` —
   * a count in 1..k-1, shown as "< k"; `secondary` — a larger count hidden ("x") because the
   * small ones could otherwise be worked out from totals and other cells (report-suppression.ts).
   */
  mask: { current: Record<string, Mark>; previous: Record<string, Mark> };
};
export type { Mark };
export type ReportTable = {
  id: string;
  title: Label;
  rowHeader: Label;
  columns: { key: string; label: Label; kind: ColumnKind }[];
  rows: ReportRow[];
  /** Counts that concern casussen and findings: small ones are suppressed everywhere (art. 20.13). */
  suppressible: boolean;
  /** Suppressible tables: the column totals, suppressed like the cells (null where hidden). */
  totals?: { current: Values; previous: Values; mask: ReportRow['mask'] };
};
export type Headline = {
  key: string; label: Label; kind: ColumnKind; current: number | null; previous: number | null;
  /** A key figure that is a table's total is suppressed with it (null where hidden). */
  mask?: { current?: Mark; previous?: Mark };
};
export type ProgressReport = {
  team: { name: string; code: string; cadence: 'yearly' | 'half_yearly'; recipient: string };
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  headline: Headline[];
  tables: ReportTable[];
  suppression: { threshold: number; applies: boolean; tables: { id: string; cells: number }[] };
  narrative: string[];
};

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/**
 * A report covers whole calendar months (the cadence presets, or a range of months): a shorter
 * period — one day, one controle — would turn an aggregate into the figures of a single event
 * (art. 20.13), and suppression alone does not hold when periods can be cut arbitrarily fine.
 */
export function validatePeriod(period: Period) {
  if (period.from > period.to) throw new AppError('BAD_REQUEST', 'reports.periodOrder');
  if (!period.from.endsWith('-01') || !addDays(period.to, 1).endsWith('-01')) throw new AppError('BAD_REQUEST', 'reports.periodMonths');
  if (daysBetween(period.from, period.to) > 5 * 366) throw new AppError('BAD_REQUEST', 'reports.periodTooLong');
}

/**
 * The previous period of equal length: whole months (a year, a half-year) compare with the same
 * number of months before; any other period with the same number of days before.
 */
export function previousPeriod(period: Period): Period {
  const wholeMonths = period.from.endsWith('-01') && addDays(period.to, 1).endsWith('-01');
  if (wholeMonths) {
    const [fy, fm] = period.from.split('-').map(Number) as [number, number];
    const [ty, tm] = period.to.split('-').map(Number) as [number, number];
    const months = ty * 12 + tm - (fy * 12 + fm) + 1;
    return { from: addMonths(period.from, -months), to: addDays(period.from, -1) };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

type Window = Period & { start: string; end: string; today: string };

function windowOf(period: Period, today: string): Window {
  return { ...period, start: amsterdamToUtc(period.from, '00:00').toISOString(), end: amsterdamToUtc(addDays(period.to, 1), '00:00').toISOString(), today };
}
const inWindow = (w: Window, instant: string | null) => instant !== null && instant >= w.start && instant < w.end;
const inDays = (w: Window, date: string | null) => date !== null && date >= w.from && date <= w.to;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

// ── The anonymous facts of a team, loaded once per report ─────────────────────────────────────

/**
 * The facts that can count in the report's two windows (the period and the one before it): only
 * those are loaded, so a report costs what its period holds, not the team's whole history (issue 12).
 * `span` runs from the start of the previous window to the end of the current one.
 */
function loadFacts(deps: AppDeps, teamId: number, span: { start: string; end: string }) {
  const { db } = deps;
  const { start, end } = span;
  const within = (column: SQLiteColumn) => and(gte(column, start), lt(column, end))!;
  // A withdrawn casus was a mistake: it and the work on it are no part of the team's figures.
  const counted = ne(cases.status, 'ingetrokken');
  const partnerRows = db.select({ id: partners.id, shortName: partners.shortName, kind: partners.kind, joinedOn: partners.joinedOn, leftOn: partners.leftOn })
    .from(partners).where(eq(partners.teamId, teamId)).orderBy(asc(partners.id)).all();
  const themeRows = db.select({ id: themes.id, name: themes.name, active: themes.active }).from(themes).where(eq(themes.teamId, teamId)).orderBy(asc(themes.position)).all();
  const caseRows = db.select({
    id: cases.id, gemeentePartnerId: cases.gemeentePartnerId, themeId: cases.themeId, origin: cases.origin, createdAt: cases.createdAt,
    activatedAt: cases.activatedAt, closedAt: cases.closedAt,
  }).from(cases).where(and(eq(cases.teamId, teamId), counted, or(
    within(cases.createdAt), within(cases.activatedAt), within(cases.closedAt),
    // a casus whose status changed within the span (its history row carries the moment)
    sql`${cases.id} in (select ce.case_id from ${caseEvents} ce where ce.at >= ${start} and ce.at < ${end} and ce.kind in ('status', 'created'))`,
  ))).all();
  // Status transitions from the history; only the target status is read, never the detail text.
  const transitions = db.select({
    caseId: caseEvents.caseId, at: caseEvents.at,
    to: sql<string | null>`case when ${caseEvents.kind} = 'status' then json_extract(${caseEvents.detail}, '$.to') else json_extract(${caseEvents.detail}, '$.status') end`,
  }).from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(cases.teamId, teamId), counted, inArray(caseEvents.kind, ['status', 'created']), within(caseEvents.at))).all();
  const agreementRows = db.select({ partnerId: agreements.responsiblePartnerId, createdAt: agreements.createdAt })
    .from(agreements).innerJoin(cases, eq(cases.id, agreements.caseId)).where(and(eq(agreements.teamId, teamId), within(agreements.createdAt), counted)).all();
  const taskRows = db.select({ partnerId: tasks.assigneePartnerId, dueDate: tasks.dueDate, status: tasks.status, createdAt: tasks.createdAt, completedAt: tasks.completedAt, updatedAt: tasks.updatedAt })
    .from(tasks).leftJoin(cases, eq(cases.id, tasks.caseId)).where(and(eq(tasks.teamId, teamId), or(isNull(cases.id), counted), or(
      within(tasks.createdAt), within(tasks.completedAt),
      // still open (not done, not lapsed) at the end of either window: may be over its due date
      and(lt(tasks.createdAt, end), or(isNull(tasks.completedAt), gte(tasks.completedAt, start)), or(ne(tasks.status, 'vervallen'), gte(tasks.updatedAt, start))),
    ))).all();
  const meetingRows = db.select({ id: meetings.id, startsAt: meetings.startsAt }).from(meetings)
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt))).all();
  const attendanceRows = meetingRows.length === 0 ? [] : db.select({ meetingId: attendance.meetingId, partnerId: attendance.partnerId, status: attendance.status })
    .from(attendance).innerJoin(meetings, eq(meetings.id, attendance.meetingId))
    .where(and(eq(meetings.teamId, teamId), eq(meetings.status, 'gesloten'), within(meetings.startsAt))).all();
  const controlRows = db.select({ id: controls.id, plannedOn: controls.plannedOn, status: controls.status }).from(controls).where(eq(controls.teamId, teamId)).all();
  const participationRows = db.select({ controlId: controlPartners.controlId, partnerId: controlPartners.partnerId })
    .from(controlPartners).innerJoin(controls, eq(controls.id, controlPartners.controlId)).where(eq(controls.teamId, teamId)).all();
  const findingRows = db.select({ controlId: findings.controlId, partnerId: findings.partnerId, findingType: findings.findingType, measure: findings.measure })
    .from(findings).innerJoin(controls, eq(controls.id, findings.controlId)).where(eq(controls.teamId, teamId)).all();
  const escalationRows = db.select({ raisedOn: escalations.raisedOn, status: escalations.status, outcomeOn: escalations.outcomeOn })
    .from(escalations).where(eq(escalations.teamId, teamId)).all();
  return { partnerRows, themeRows, caseRows, transitions, agreementRows, taskRows, meetingRows, attendanceRows, controlRows, participationRows, findingRows, escalationRows };
}

type Facts = ReturnType<typeof loadFacts>;

/** All figures of one period, keyed by table id → row key → metric. */
function compute(facts: Facts, w: Window) {
  const bump = (map: Map<string, Values>, row: string | number, metric: string, by = 1) => {
    const key = String(row);
    const values = map.get(key) ?? {};
    values[metric] = (values[metric] ?? 0) + by;
    map.set(key, values);
  };
  const tables = new Map<string, Map<string, Values>>();
  const table = (id: string) => tables.get(id) ?? tables.set(id, new Map()).get(id)!;
  const head: Record<string, number | null> = {};
  const caseById = new Map(facts.caseRows.map((c) => [c.id, c]));

  // Casussen opened / made active / closed, per gemeente and per theme; AVO requests.
  const opened = facts.caseRows.filter((c) => inWindow(w, c.createdAt));
  const activated = new Set<number>();
  const closed = new Set<number>();
  for (const t of facts.transitions) {
    if (!inWindow(w, t.at)) continue;
    if (t.to === 'actief') activated.add(t.caseId);
    if (t.to === 'afgerond') closed.add(t.caseId);
  }
  // Casussen written without history rows still count through their own timestamps.
  for (const c of facts.caseRows) {
    if (inWindow(w, c.activatedAt)) activated.add(c.id);
    if (inWindow(w, c.closedAt)) closed.add(c.id);
  }
  const byGemeente = table('cases_by_gemeente');
  const byTheme = table('cases_by_theme');
  for (const c of opened) {
    bump(byGemeente, c.gemeentePartnerId, 'opened');
    bump(byTheme, c.themeId, 'opened');
    if (c.origin === 'avo_verzoek') bump(byGemeente, c.gemeentePartnerId, 'avo');
  }
  for (const [set, metric] of [[activated, 'activated'], [closed, 'closed']] as const) {
    for (const id of set) {
      const c = caseById.get(id);
      if (!c) continue;
      bump(byGemeente, c.gemeentePartnerId, metric);
      bump(byTheme, c.themeId, metric);
    }
  }
  head.casesOpened = opened.length;
  head.casesActivated = activated.size;
  head.casesClosed = closed.size;
  head.avoRequests = opened.filter((c) => c.origin === 'avo_verzoek').length;

  // Werkafspraken and tasks per partner.
  const work = table('work_by_partner');
  let agreementsMade = 0;
  for (const a of facts.agreementRows) {
    if (!inWindow(w, a.createdAt)) continue;
    agreementsMade += 1;
    bump(work, a.partnerId, 'agreements');
  }
  const lastOverdueDay = w.to < w.today ? w.to : addDays(w.today, -1);
  const durations = new Map<string, number[]>();
  const allDurations: number[] = [];
  let created = 0, done = 0, onTime = 0, overdue = 0;
  for (const t of facts.taskRows) {
    if (inWindow(w, t.createdAt)) { created += 1; bump(work, t.partnerId, 'tasksCreated'); }
    if (t.status === 'gereed' && inWindow(w, t.completedAt)) {
      done += 1;
      bump(work, t.partnerId, 'tasksDone');
      const doneOn = amsterdamDate(new Date(t.completedAt!));
      if (doneOn <= t.dueDate) { onTime += 1; bump(work, t.partnerId, 'tasksOnTime'); }
      const days = Math.max(0, daysBetween(amsterdamDate(new Date(t.createdAt)), doneOn));
      allDurations.push(days);
      durations.set(String(t.partnerId), [...(durations.get(String(t.partnerId)) ?? []), days]);
    }
    // Over the due date at the end of the period (or today, for a period still running). A lapsed
    // task (vervallen) counts until it lapsed: its last change.
    const lapsedAt = t.status === 'vervallen' ? t.updatedAt : null;
    const openAtEnd = t.createdAt < w.end && (t.completedAt === null || t.completedAt >= w.end) && (lapsedAt === null || lapsedAt >= w.end);
    if (openAtEnd && t.dueDate <= lastOverdueDay) { overdue += 1; bump(work, t.partnerId, 'tasksOverdue'); }
  }
  for (const [partnerId, list] of durations) {
    const values = work.get(partnerId) ?? {};
    values.medianDays = median(list);
    work.set(partnerId, values);
  }
  head.agreements = agreementsMade;
  head.tasksCreated = created;
  head.tasksDone = done;
  head.tasksOnTimePct = done === 0 ? null : Math.round((onTime / done) * 100);
  head.tasksOverdue = overdue;
  head.medianDaysToDone = median(allDurations);

  // Overleggen held (gesloten) and attendance per partner.
  const held = facts.meetingRows.filter((m) => inWindow(w, m.startsAt));
  const recordedAttendance = new Map(facts.attendanceRows.map((a) => [`${a.meetingId}:${a.partnerId}`, a]));
  const heldIds = new Set(held.map((m) => m.id));
  const presence = table('attendance_by_partner');
  for (const m of held) {
    const day = amsterdamDate(new Date(m.startsAt));
    for (const p of facts.partnerRows) {
      const recorded = recordedAttendance.get(`${m.id}:${p.id}`);
      const active = partnerActiveOn(p, day);
      if (!active && !recorded) continue;
      bump(presence, p.id, 'expected');
      if (recorded?.status === 'aanwezig') bump(presence, p.id, 'present');
      else if (recorded?.status === 'afgemeld') bump(presence, p.id, 'excused');
      else bump(presence, p.id, 'absent');
    }
  }
  let expectedAll = 0, presentAll = 0;
  for (const values of presence.values()) {
    const expected = values.expected ?? 0;
    const present = values.present ?? 0;
    expectedAll += expected;
    presentAll += present;
    values.present = present;
    values.ratePct = expected === 0 ? null : Math.round((present / expected) * 100);
  }
  head.meetingsHeld = heldIds.size;
  head.attendancePct = expectedAll === 0 ? null : Math.round((presentAll / expectedAll) * 100);

  // Integrale controles held, findings per type, measures per partner.
  const heldControls = new Set(facts.controlRows.filter((c) => c.status === 'uitgevoerd' && inDays(w, c.plannedOn)).map((c) => c.id));
  const controlsTable = table('controls_by_partner');
  for (const p of facts.participationRows) if (heldControls.has(p.controlId)) bump(controlsTable, p.partnerId, 'participated');
  const byType = table('findings_by_type');
  let findingCount = 0;
  for (const f of facts.findingRows) {
    if (!heldControls.has(f.controlId)) continue;
    findingCount += 1;
    bump(byType, f.findingType, 'findings');
    bump(controlsTable, f.partnerId, 'findings');
    bump(controlsTable, f.partnerId, `measure:${f.measure}`);
  }
  head.controlsHeld = heldControls.size;
  head.findings = findingCount;

  // Escalaties (BIT art. 2.6): raised, resolved, still open at the end of the period.
  const esc = table('escalations');
  const raised = facts.escalationRows.filter((e) => inDays(w, e.raisedOn));
  esc.set('raised', { count: raised.length });
  esc.set('resolved', { count: facts.escalationRows.filter((e) => e.status === 'afgehandeld' && inDays(w, e.outcomeOn)).length });
  esc.set('openAtEnd', { count: facts.escalationRows.filter((e) => e.raisedOn <= w.to && (e.outcomeOn === null || e.outcomeOn > w.to)).length });
  esc.set('raisedStillOpen', { count: raised.filter((e) => e.status === 'open').length });
  esc.set('raisedResolved', { count: raised.filter((e) => e.status === 'afgehandeld').length });
  head.escalationsRaised = raised.length;
  head.escalationsResolved = esc.get('resolved')!.count ?? 0;

  return { tables, head };
}

// ── Assembling the report ────────────────────────────────────────────────────────────────────

const L = (nl: string, en: string): Label => ({ nl, en });

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
  const team = { ...deps.db.select({ name: teams.name, code: teams.code, threshold: teams.suppressionThreshold })
    .from(teams).where(eq(teams.id, teamId)).get()!, cadence: current.reportingCadence, recipient: current.reportRecipient };
  const today = amsterdamDate(deps.now());
  const curWindow = windowOf(period, today);
  const prevWindow = windowOf(previous, today);
  const facts = loadFacts(deps, teamId, { start: prevWindow.start, end: curWindow.end });
  const cur = compute(facts, curWindow);
  const prev = compute(facts, prevWindow);
  const k = team.threshold;

  const themeName = new Map(facts.themeRows.map((t) => [String(t.id), t.name]));
  const gemeenten = facts.partnerRows.filter((p) => p.kind === 'gemeente');
  const activeIn = (p: { joinedOn: string; leftOn: string | null }) => p.joinedOn <= period.to && (p.leftOn === null || p.leftOn > period.from);
  const hasData = (tableId: string, key: string) => cur.tables.get(tableId)?.has(key) || prev.tables.get(tableId)?.has(key);

  const makeTable = (
    id: string, title: Label, rowHeader: Label, columns: ReportTable['columns'], keys: { key: string; label: string }[], suppressible: boolean,
  ): ReportTable => ({
    id, title, rowHeader, columns, suppressible,
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
  const partnerKeys = (tableId: string, filter: (p: { kind: PartnerKind }) => boolean = () => true) => facts.partnerRows
    .filter((p) => filter(p) && (activeIn(p) || hasData(tableId, String(p.id))))
    .map((p) => ({ key: String(p.id), label: p.shortName }));

  const measureKeys = new Set<string>();
  for (const source of [cur, prev]) for (const values of source.tables.get('controls_by_partner')?.values() ?? []) {
    for (const key of Object.keys(values)) if (key.startsWith('measure:')) measureKeys.add(key);
  }
  const typeKeys = new Set([...(cur.tables.get('findings_by_type')?.keys() ?? []), ...(prev.tables.get('findings_by_type')?.keys() ?? [])]);

  const tables: ReportTable[] = [
    makeTable('cases_by_gemeente', L('Casussen per gemeente', 'Cases per municipality'), L('Gemeente', 'Municipality'), [
      count('opened', 'Geopend', 'Opened'), count('activated', 'Actief gemaakt', 'Made active'), count('closed', 'Afgerond', 'Closed'), count('avo', 'AVO-verzoek', 'AVO request'),
    ], gemeenten.filter((g) => activeIn(g) || hasData('cases_by_gemeente', String(g.id))).map((g) => ({ key: String(g.id), label: g.shortName })), true),
    makeTable('cases_by_theme', L('Casussen per thema', 'Cases per theme'), L('Thema', 'Theme'), [
      count('opened', 'Geopend', 'Opened'), count('activated', 'Actief gemaakt', 'Made active'), count('closed', 'Afgerond', 'Closed'),
    ], facts.themeRows.filter((t) => t.active || hasData('cases_by_theme', String(t.id))).map((t) => ({ key: String(t.id), label: themeName.get(String(t.id))! })), true),
    makeTable('work_by_partner', L('Werkafspraken en taken per partner', 'Work agreements and tasks per partner'), L('Partner', 'Partner'), [
      count('agreements', 'Werkafspraken (eindverantwoordelijk)', 'Agreements (responsible)'),
      count('tasksCreated', 'Taken uitgezet', 'Tasks created'), count('tasksDone', 'Gereed', 'Done'), count('tasksOnTime', 'Op tijd gereed', 'Done on time'),
      count('tasksOverdue', 'Over de termijn', 'Overdue'), { key: 'medianDays', label: L('Mediane doorlooptijd (dagen)', 'Median days to done'), kind: 'days' },
    ], partnerKeys('work_by_partner'), false),
    makeTable('attendance_by_partner', L('Aanwezigheid in gehouden overleggen', 'Attendance at meetings held'), L('Partner', 'Partner'), [
      count('expected', 'Overleggen', 'Meetings'), count('present', 'Aanwezig', 'Present'), count('excused', 'Afgemeld', 'Excused'), count('absent', 'Afwezig', 'Absent'),
      { key: 'ratePct', label: L('Opkomst (%)', 'Attendance (%)'), kind: 'percent' },
    ], partnerKeys('attendance_by_partner'), false),
    makeTable('controls_by_partner', L('Integrale controles: deelname, bevindingen en maatregelen per partner', 'Joint inspections: participation, findings and measures per partner'), L('Partner', 'Partner'), [
      count('participated', 'Controles', 'Inspections'), count('findings', 'Bevindingen', 'Findings'),
      ...[...measureKeys].sort().map((key): ReportTable['columns'][number] => ({ key, label: measureLabel(key.slice('measure:'.length)), kind: 'count' })),
    ], partnerKeys('controls_by_partner', () => true).filter((p) => hasData('controls_by_partner', p.key)), true),
    makeTable('findings_by_type', L('Bevindingen per soort', 'Findings per type'), L('Soort bevinding', 'Type of finding'), [count('findings', 'Bevindingen', 'Findings')],
      [...typeKeys].map((key) => ({ key, label: findingLabel(key).nl })).sort((a, b) => a.label.localeCompare(b.label, 'nl')), true),
    makeTable('escalations', L('Escalaties naar de DVC (BIT art. 2.6)', 'Escalations to the DVC (BIT art. 2.6)'), L('Escalaties', 'Escalations'), [count('count', 'Aantal', 'Number')],
      Object.keys(escalationRowLabels).map((key) => ({ key, label: escalationRowLabels[key]!.nl })), false),
  ].filter((t) => t.id !== 'escalations' || team.cadence === 'half_yearly' || t.rows.some((r) => r.current.count || r.previous.count));

  const headline = headlineDefs.map((d) => ({ ...d, current: cur.head[d.key] ?? null, previous: prev.head[d.key] ?? null }));
  return {
    team: { name: team.name, code: team.code, cadence: team.cadence, recipient: team.recipient },
    period, previousPeriod: previous, generatedAt: deps.now().toISOString(),
    headline, tables,
    suppression: { threshold: k, applies: false, tables: [] },
    narrative: [],
  };
}

// ── The generated narrative (Dutch; team-level totals only, never a per-gemeente small number) ──

const longDate = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
export const formatDateNl = (date: string) => longDate.format(new Date(`${date}T00:00:00Z`));

function narrative(r: ProgressReport): string[] {
  // Suppressed key figures read as the tables show them: never the number behind the mark.
  const k = r.suppression.threshold;
  const h = Object.fromEntries(r.headline.map((x) => [x.key, x]));
  const hidden = (key: string, side: 'current' | 'previous' = 'current') => h[key]?.mask?.[side];
  const text = (key: string, side: 'current' | 'previous') =>
    hidden(key, side) === 'small' ? `minder dan ${k}` : hidden(key, side) ? 'een niet gepubliceerd aantal' : String(h[key]?.[side] ?? 0);
  const v = (key: string) => h[key]?.current ?? 0;
  const cmp = (key: string) => {
    const cur = h[key]?.current ?? null;
    const prev = h[key]?.previous ?? null;
    if (hidden(key, 'previous')) return hidden(key) ? '' : ` (vorige periode: ${text(key, 'previous')})`;
    if (cur === null && !hidden(key)) return '';
    if (prev === null) return '';
    if (cur === prev) return ' (evenveel als in de vorige periode)';
    return ` (vorige periode: ${prev})`;
  };
  const plural = (n: number | null, one: string, many: string) => `${n ?? 0} ${n === 1 ? one : many}`;
  const count = (key: string, one: string, many: string) => (hidden(key) ? `${text(key, 'current')} ${many}` : plural(v(key), one, many));
  const lines: string[] = [];
  lines.push(
    `Deze voortgangsrapportage van ${r.team.name} beslaat de periode van ${formatDateNl(r.period.from)} tot en met ${formatDateNl(r.period.to)} ` +
      `en vergelijkt die met de periode van ${formatDateNl(r.previousPeriod.from)} tot en met ${formatDateNl(r.previousPeriod.to)}. ` +
      `Zij bevat uitsluitend geaggregeerde cijfers en geen persoonsgegevens (art. 20.13 van het convenant).`,
  );
  lines.push(
    `In deze periode zijn ${count('casesOpened', 'casus', 'casussen')} geopend${cmp('casesOpened')}, ` +
      `${count('casesActivated', 'casus', 'casussen')} actief gemaakt${cmp('casesActivated')} en ${count('casesClosed', 'casus', 'casussen')} afgerond${cmp('casesClosed')}. ` +
      `${!hidden('avoRequests') && v('avoRequests') === 0 ? 'Er kwamen geen AVO-verzoeken binnen.' : `${count('avoRequests', 'casus kwam', 'casussen kwamen')} voort uit een AVO-verzoek${cmp('avoRequests')}.`}`,
  );
  const pct = h.tasksOnTimePct?.current;
  const med = h.medianDaysToDone?.current;
  lines.push(
    `Er ${v('meetingsHeld') === 1 ? 'is 1 overleg' : `zijn ${v('meetingsHeld')} overleggen`} gehouden${cmp('meetingsHeld')}` +
      `${h.attendancePct?.current != null ? `, met een gemiddelde opkomst van ${h.attendancePct.current}%` : ''}. ` +
      `Er zijn ${plural(v('agreements'), 'werkafspraak', 'werkafspraken')} gemaakt en ${plural(v('tasksCreated'), 'taak', 'taken')} uitgezet; ` +
      `${plural(v('tasksDone'), 'taak kwam', 'taken kwamen')} gereed${pct != null ? `, waarvan ${pct}% op tijd` : ''}` +
      `${med != null ? ` (mediane doorlooptijd ${String(med).replace('.', ',')} ${med === 1 ? 'dag' : 'dagen'})` : ''}. ` +
      `Aan het eind van de periode ${v('tasksOverdue') === 1 ? 'stond 1 taak' : `stonden ${v('tasksOverdue')} taken`} over de termijn.`,
  );
  const measureTotals = new Map<string, number>();
  for (const [key, value] of Object.entries(r.tables.find((t) => t.id === 'controls_by_partner')?.totals?.current ?? {})) {
    if (key.startsWith('measure:') && value) measureTotals.set(key, value); // a hidden total is null: left out
  }
  const top = [...measureTotals.entries()].filter(([key]) => key !== 'measure:geen').sort((a, b) => b[1] - a[1]).slice(0, 3);
  lines.push(
    v('controlsHeld') === 0
      ? `Er zijn in deze periode geen integrale controles uitgevoerd${cmp('controlsHeld')}.`
      : `Er ${v('controlsHeld') === 1 ? 'is 1 integrale controle' : `zijn ${v('controlsHeld')} integrale controles`} uitgevoerd${cmp('controlsHeld')}, ` +
        `met ${count('findings', 'bevinding', 'bevindingen')}.` +
        (top.length ? ` De meest opgelegde maatregelen: ${top.map(([key, n]) => `${measureLabel(key.slice(8)).nl.toLowerCase()} (${n})`).join(', ')}.` : ''),
  );
  if (r.team.cadence === 'half_yearly' || v('escalationsRaised') > 0 || v('escalationsResolved') > 0) {
    lines.push(
      `${v('escalationsRaised') === 0 ? 'Er zijn geen knelpunten' : `Er ${v('escalationsRaised') === 1 ? 'is 1 knelpunt' : `zijn ${v('escalationsRaised')} knelpunten`}`} ` +
        `geëscaleerd naar het ${r.team.recipient.startsWith('Districtelijk') ? 'DVC' : 'bestuur'}${cmp('escalationsRaised')}; ` +
        `${plural(v('escalationsResolved'), 'escalatie is', 'escalaties zijn')} in de periode afgehandeld.`,
    );
  }
  if (r.suppression.threshold > 1) {
    lines.push(
      `Om herleidbaarheid te voorkomen worden aantallen casussen en bevindingen van 1 tot en met ${r.suppression.threshold - 1} ` +
        `weergegeven als "< ${r.suppression.threshold}"; waar nodig is een ander aantal of totaal verborgen ("x") zodat een klein aantal niet uit totalen valt terug te rekenen.`,
    );
  }
  return lines;
}

// ── Presets, threshold, export audit ─────────────────────────────────────────────────────────

export type Preset = { key: string; label: Label; from: string; to: string; complete: boolean };

/** The team's cadence: calendar years (PIT, yearly) or half-years (BIT, half-yearly), newest first. */
export function reportPresets(deps: AppDeps, teamId: number) {
  // Periods from the team's first covenant on, in the cadence of today's covenant.
  const first = deps.db.select({ startsOn: covenants.startsOn }).from(covenants).where(eq(covenants.teamId, teamId)).orderBy(asc(covenants.startsOn)).get()!;
  const current = currentCovenant(deps, teamId);
  const covenant = { cadence: current.reportingCadence, startsOn: first.startsOn, recipient: current.reportRecipient };
  const threshold = deps.db.select({ k: teams.suppressionThreshold }).from(teams).where(eq(teams.id, teamId)).get()!.k;
  const today = amsterdamDate(deps.now());
  const firstYear = Number(covenant.startsOn.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const presets: Preset[] = [];
  for (let year = thisYear; year >= firstYear; year--) {
    if (covenant.cadence === 'yearly') {
      const to = `${year}-12-31`;
      presets.push({ key: String(year), label: L(String(year), String(year)), from: `${year}-01-01`, to, complete: to < today });
    } else {
      for (const half of [2, 1] as const) {
        const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
        const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
        if (from > today) continue;
        presets.push({ key: `${year}-H${half}`, label: L(`${half}e halfjaar ${year}`, `${half === 1 ? 'First' : 'Second'} half of ${year}`), from, to, complete: to < today });
      }
    }
  }
  const defaultKey = presets.find((p) => p.complete)?.key ?? presets[0]?.key ?? null;
  return { cadence: covenant.cadence, recipient: covenant.recipient, threshold, presets, defaultKey };
}

/** art. 20.13: the team's threshold k below which per-gemeente counts are suppressed in exports. */
export function setReportThreshold(deps: AppDeps, actor: { id: number; teamId: number }, threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 50) throw new AppError('BAD_REQUEST', 'reports.thresholdRange');
  deps.db.transaction((tx) => {
    tx.update(teams).set({ suppressionThreshold: threshold }).where(eq(teams.id, actor.teamId)).run();
    appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'report.threshold', entity: 'team', entityId: actor.teamId, detail: { threshold } });
  });
}

/** P6: every export is written to the audit log. */
export function recordReportExport(deps: AppDeps, actor: { id: number; teamId: number }, format: 'docx' | 'csv', period: Period) {
  appendAudit(deps.db, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'report.exported', entity: 'report', detail: { format, ...period } });
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
  const totals: ReportRow = { key: 'total', label: 'Totaal', current: table.totals.current, previous: table.totals.previous, suppressed: [], mask: table.totals.mask };
  return [...table.rows, totals];
}
