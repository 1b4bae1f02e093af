/**
 * The figures of one period (SPEC §2 step 7), counted from its anonymous facts (./report-facts.ts).
 *
 * A closed period (its last day before today) only changes when its facts do — a correction, an
 * erasure, a withdrawn casus, a controle recorded afterwards, retention. Its figures are kept per
 * connection and reused while the change counter `report_source_changes` (bumped by triggers on
 * every table the figures count, migration 0026) stands still; a period still running is always
 * counted afresh, since "overdue" moves with today.
 */
import { eq } from 'drizzle-orm';
import { reportSourceChanges } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { addDays, amsterdamDate } from '../clock';
import { partnerActiveOn } from './team';
import { loadWindowFacts, type TeamRows, type WindowFacts } from './report-facts';
import { daysBetween, inDays, inWindow, median, type Window } from './report-period';
import type { Values } from './report-types';
import { preparedPerDb } from '../prepared';

export type Figures = { tables: Map<string, Map<string, Values>>; head: Record<string, number | null> };

/** All figures of one period, keyed by table id → row key → metric. */
function compute(partnerRows: TeamRows['partnerRows'], facts: WindowFacts, w: Window): Figures {
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
  for (const [set, metric] of [
    [activated, 'activated'],
    [closed, 'closed'],
  ] as const) {
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
  let created = 0,
    done = 0,
    onTime = 0,
    overdue = 0;
  for (const t of facts.taskRows) {
    if (inWindow(w, t.createdAt)) {
      created += 1;
      bump(work, t.partnerId, 'tasksCreated');
    }
    if (t.status === 'gereed' && inWindow(w, t.completedAt)) {
      done += 1;
      bump(work, t.partnerId, 'tasksDone');
      const doneOn = amsterdamDate(new Date(t.completedAt!));
      if (doneOn <= t.dueDate) {
        onTime += 1;
        bump(work, t.partnerId, 'tasksOnTime');
      }
      const days = Math.max(0, daysBetween(amsterdamDate(new Date(t.createdAt)), doneOn));
      allDurations.push(days);
      const own = durations.get(String(t.partnerId));
      if (own) own.push(days);
      else durations.set(String(t.partnerId), [days]);
    }
    // Over the due date at the end of the period (or today, for a period still running). A lapsed
    // task (vervallen) counts until it lapsed: its last change.
    const lapsedAt = t.status === 'vervallen' ? t.updatedAt : null;
    const openAtEnd = t.createdAt < w.end && (t.completedAt === null || t.completedAt >= w.end) && (lapsedAt === null || lapsedAt >= w.end);
    if (openAtEnd && t.dueDate <= lastOverdueDay) {
      overdue += 1;
      bump(work, t.partnerId, 'tasksOverdue');
    }
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
    for (const p of partnerRows) {
      const recorded = recordedAttendance.get(`${m.id}:${p.id}`);
      const active = partnerActiveOn(p, day);
      if (!active && !recorded) continue;
      bump(presence, p.id, 'expected');
      if (recorded?.status === 'aanwezig') bump(presence, p.id, 'present');
      else if (recorded?.status === 'afgemeld') bump(presence, p.id, 'excused');
      else bump(presence, p.id, 'absent');
    }
  }
  let expectedAll = 0,
    presentAll = 0;
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
  esc.set('openAtEnd', {
    count: facts.escalationRows.filter((e) => e.raisedOn <= w.to && (e.outcomeOn === null || e.outcomeOn > w.to)).length,
  });
  esc.set('raisedStillOpen', { count: raised.filter((e) => e.status === 'open').length });
  esc.set('raisedResolved', { count: raised.filter((e) => e.status === 'afgehandeld').length });
  head.escalationsRaised = raised.length;
  head.escalationsResolved = esc.get('resolved')!.count ?? 0;

  return { tables, head };
}

const changeCounter = preparedPerDb((db) =>
  db.select({ n: reportSourceChanges.n }).from(reportSourceChanges).where(eq(reportSourceChanges.id, 1)).prepare(),
);
const CACHE_MAX = 64;
const closedPeriods = new WeakMap<Db, Map<string, { version: number; figures: Figures }>>();

/** The figures of one window: from the cache for a closed period whose facts did not change. */
export function periodFigures(deps: AppDeps, teamId: number, partnerRows: TeamRows['partnerRows'], w: Window): Figures {
  const count = () => compute(partnerRows, loadWindowFacts(deps, teamId, w), w);
  if (w.to >= w.today) return count();
  // Partners are part of the key: whether a partner was expected at an overleg depends on them.
  const key = `${teamId}|${w.from}|${w.to}|${JSON.stringify(partnerRows)}`;
  const version = changeCounter(deps.db).get()?.n ?? 0;
  let cache = closedPeriods.get(deps.db);
  if (!cache) closedPeriods.set(deps.db, (cache = new Map<string, { version: number; figures: Figures }>()));
  const hit = cache.get(key);
  if (hit?.version === version) return structuredClone(hit.figures);
  const figures = count();
  cache.delete(key);
  cache.set(key, { version, figures: structuredClone(figures) });
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return figures;
}
