// The progress report: exact figures on a small constructed dataset (including the 23:59 on
// 31 December Amsterdam boundary), the previous period, presets, suppression, permissions,
// the dashboard per role, and a property test that no personal data ever reaches a report.
import { beforeEach, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { eq } from 'drizzle-orm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { match } from '../helpers/matchers';
import { attendance, meetings, themes } from '../../db/schema';
import type { SessionUser } from '../../server/auth/sessions';
import type { ProgressReport } from '../../server/domain/reports';
import { previousPeriod } from '../../server/domain/reports';
import { reportCsv } from '../../server/exports/report-csv';
import { reportDocx } from '../../server/exports/report-docx';
import { translate } from '../../server/i18n/messages';
import { rateLimits } from '../../server/rate-limit';

let deps: TestDeps;
let pit: TestTeam;
let coordinator: SessionUser;
let helmond: SessionUser;
let politie: SessionUser;
let senzer: SessionUser;
let viewer: SessionUser;

/** Reports are rate-limited per user (issue 8.5, test/server/rate-limit.test.ts): tests that ask for
 * many in a row let the app's clock move on by one refill first, so every call is actually answered. */
const waitOutRateLimit = () => deps.clock.advanceMinutes(rateLimits.reports.refillSeconds / 60);
const head = (r: ProgressReport, key: string) => r.headline.find((h) => h.key === key)!;
const table = (r: ProgressReport, id: string) => r.tables.find((t) => t.id === id)!;
const row = (r: ProgressReport, id: string, label: string) => table(r, id).rows.find((x) => x.label === label)!;

function closedMeeting(teamId: number, startsAt: string, present: Record<number, 'aanwezig' | 'afwezig' | 'afgemeld'>) {
  const m = deps.db
    .insert(meetings)
    .values({ teamId, title: 'Overleg', startsAt, status: 'gesloten', createdAt: startsAt, updatedAt: startsAt })
    .returning()
    .get();
  for (const [partnerId, status] of Object.entries(present))
    deps.db
      .insert(attendance)
      .values({ meetingId: m.id, partnerId: Number(partnerId), status, updatedAt: startsAt })
      .run();
}

/**
 * The constructed year 2025 of PIT:
 *  - casus A (Helmond) opened 10 March, made active, closed 31 Dec 23:59 Amsterdam (→ 2025);
 *  - casus B (Asten, AVO request) opened 10 March, closed 1 Jan 00:30 Amsterdam (→ 2026);
 *  - task T1 (Politie, due 31 Dec) done 31 Dec 23:59 Amsterdam: 2025, on time, 296 days;
 *  - task T2 (Senzer, due 1 June) done 1 Jan 2026 00:00 Amsterdam: 2026, late; overdue at end of 2025;
 *  - task T3 (Politie, due 1 Nov) never done: overdue at the end of 2025 and 2026;
 *  - one werkafspraak; two meetings held; one controle held with two findings, one cancelled;
 *  - one escalation raised in June, resolved in September.
 */
async function buildYear() {
  deps.clock.set('2025-03-10T10:00:00Z');
  const a = await makeCase(deps, pit, coordinator, { description: 'Geheime omschrijving' });
  await callerFor(deps, coordinator).cases.setStatus({ id: a.id, status: 'actief', version: 1 });
  const b = await makeCase(deps, pit, coordinator, {
    gemeentePartnerId: pit.partnerIds.asten!,
    city: 'Asten',
    postcode: '5721 AA',
    origin: 'avo_verzoek',
  });
  const api = callerFor(deps, coordinator);
  const t1 = await api.tasks.create({
    title: 'T1',
    assigneePartnerId: pit.partnerIds.politie!,
    dueDate: '2025-12-31',
    caseId: a.id,
    confirmPast: true,
  });
  const t2 = await api.tasks.create({
    title: 'T2',
    assigneePartnerId: pit.partnerIds.senzer!,
    dueDate: '2025-06-01',
    caseId: a.id,
    confirmPast: true,
  });
  await api.tasks.create({
    title: 'T3',
    assigneePartnerId: pit.partnerIds.politie!,
    dueDate: '2025-11-01',
    caseId: a.id,
    confirmPast: true,
  });
  deps.clock.set('2025-04-01T10:00:00Z');
  await api.agreements.create({ caseId: a.id, text: 'Gezamenlijke aanpak', responsiblePartnerId: pit.partnerIds.helmond! });
  closedMeeting(pit.teamId, '2025-04-08T07:30:00Z', { [pit.partnerIds.helmond!]: 'aanwezig', [pit.partnerIds.politie!]: 'aanwezig' });
  closedMeeting(pit.teamId, '2025-09-09T07:30:00Z', { [pit.partnerIds.helmond!]: 'aanwezig', [pit.partnerIds.politie!]: 'afgemeld' });
  const control = await api.controls.plan({
    plannedOn: '2025-05-20',
    caseIds: [a.id],
    partnerIds: [pit.partnerIds.helmond!, pit.partnerIds.politie!],
  });
  const cancelled = await api.controls.plan({ plannedOn: '2025-06-20', caseIds: [a.id], partnerIds: [pit.partnerIds.helmond!] });
  await api.controls.cancel({ id: cancelled.id, version: 1 });
  deps.clock.set('2025-05-21T08:00:00Z');
  await callerFor(deps, helmond).controls.addFinding({
    controlId: control.id,
    findingType: 'bouw',
    measure: 'last_onder_dwangsom',
    note: 'Geheime notitie',
  });
  await callerFor(deps, politie).controls.addFinding({ controlId: control.id, findingType: 'hennep', measure: 'proces_verbaal' });
  deps.clock.set('2025-06-01T08:00:00Z');
  const esc = await api.escalations.raise({ caseId: a.id, raisedOn: '2025-06-01', reason: 'Geheime reden' });
  deps.clock.set('2025-09-01T08:00:00Z');
  await api.escalations.resolve({ id: esc.id, outcome: 'Geheime uitkomst', outcomeOn: '2025-09-01', version: 1 });
  // 31 December 23:59 Amsterdam (CET, UTC+1) is 22:59 UTC: still 2025.
  deps.clock.set('2025-12-31T22:59:00Z');
  await callerFor(deps, politie).tasks.complete({ id: t1.id, resultNote: 'Geheim resultaat' });
  await api.cases.setStatus({ id: a.id, status: 'afgerond', version: 2 });
  // 00:00 on 1 January Amsterdam is 23:00 UTC on 31 December: already 2026.
  deps.clock.set('2025-12-31T23:00:00Z');
  await callerFor(deps, senzer).tasks.complete({ id: t2.id, resultNote: 'Te laat' });
  deps.clock.set('2025-12-31T23:30:00Z');
  await api.cases.setStatus({ id: b.id, status: 'afgerond', version: 1 });
  deps.clock.set('2026-11-25T09:00:00Z');
  return { a, b };
}

beforeEach(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit');
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  helmond = await makeUser(deps, pit, 'member', 'helmond');
  politie = await makeUser(deps, pit, 'member', 'politie');
  senzer = await makeUser(deps, pit, 'member', 'senzer');
  viewer = await makeUser(deps, pit, 'viewer', 'helmond');
});

describe('figures on a constructed year', () => {
  // The counting itself, without suppression (k = 1); suppression has its own tests below.
  beforeEach(async () => {
    await callerFor(deps, coordinator).reports.setThreshold({ threshold: 1 });
  });

  it('counts 2025 exactly, with 23:59 on 31 December Amsterdam time inside the year', async () => {
    await buildYear();
    const r = await callerFor(deps, viewer).reports.progress({ from: '2025-01-01', to: '2025-12-31' });
    expect(r.previousPeriod).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    const current = Object.fromEntries(r.headline.map((h) => [h.key, h.current]));
    expect(current).toEqual({
      casesOpened: 2,
      casesActivated: 1,
      casesClosed: 1,
      avoRequests: 1,
      agreements: 1,
      tasksCreated: 3,
      tasksDone: 1,
      tasksOnTimePct: 100,
      tasksOverdue: 2,
      medianDaysToDone: 296,
      meetingsHeld: 2,
      attendancePct: match.any(Number),
      controlsHeld: 1,
      findings: 2,
      escalationsRaised: 1,
      escalationsResolved: 1,
    });
    expect(head(r, 'casesOpened').previous).toBe(0);
    expect(row(r, 'cases_by_gemeente', 'Helmond').current).toEqual({ opened: 1, activated: 1, closed: 1, avo: 0 });
    expect(row(r, 'cases_by_gemeente', 'Asten').current).toEqual({ opened: 1, activated: 0, closed: 0, avo: 1 });
    expect(row(r, 'cases_by_theme', 'Woonoverlast').current).toEqual({ opened: 2, activated: 1, closed: 1 });
    expect(row(r, 'work_by_partner', 'Politie').current).toEqual({
      agreements: 0,
      tasksCreated: 2,
      tasksDone: 1,
      tasksOnTime: 1,
      tasksOverdue: 1,
      medianDays: 296,
    });
    expect(row(r, 'work_by_partner', 'Senzer').current).toEqual({
      agreements: 0,
      tasksCreated: 1,
      tasksDone: 0,
      tasksOnTime: 0,
      tasksOverdue: 1,
      medianDays: null,
    });
    expect(row(r, 'work_by_partner', 'Helmond').current.agreements).toBe(1);
    expect(row(r, 'attendance_by_partner', 'Helmond').current).toMatchObject({ expected: 2, present: 2, ratePct: 100 });
    expect(row(r, 'attendance_by_partner', 'Politie').current).toMatchObject({ expected: 2, present: 1, excused: 1, ratePct: 50 });
    // 10 partners × 2 meetings expected, 3 present.
    expect(head(r, 'attendancePct').current).toBe(15);
    expect(row(r, 'controls_by_partner', 'Helmond').current).toEqual({
      participated: 1,
      findings: 1,
      'measure:last_onder_dwangsom': 1,
      'measure:proces_verbaal': 0,
    });
    expect(row(r, 'controls_by_partner', 'Politie').current).toEqual({
      participated: 1,
      findings: 1,
      'measure:last_onder_dwangsom': 0,
      'measure:proces_verbaal': 1,
    });
    expect(table(r, 'findings_by_type').rows.map((x) => [x.key, x.current.findings])).toEqual([
      ['bouw', 1],
      ['hennep', 1],
    ]);
    expect(Object.fromEntries(table(r, 'escalations').rows.map((x) => [x.key, x.current.count]))).toEqual({
      raised: 1,
      raisedStillOpen: 0,
      raisedResolved: 1,
      resolved: 1,
      openAtEnd: 0,
    });
    expect(r.narrative.join(' ')).toContain('2 casussen geopend');
  });

  it('counts 2026 (so far) and compares with 2025', async () => {
    await buildYear();
    const r = await callerFor(deps, coordinator).reports.progress({ from: '2026-01-01', to: '2026-12-31' });
    expect(head(r, 'tasksDone')).toMatchObject({ current: 1, previous: 1 });
    expect(head(r, 'tasksOnTimePct')).toMatchObject({ current: 0, previous: 100 });
    expect(head(r, 'casesClosed')).toMatchObject({ current: 1, previous: 1 });
    expect(row(r, 'cases_by_gemeente', 'Asten')).toMatchObject({ current: { closed: 1 }, previous: { closed: 0, opened: 1 } });
    // T3 is still open and over its date; today (25 November) ends this running period.
    expect(head(r, 'tasksOverdue')).toMatchObject({ current: 1, previous: 2 });
    expect(head(r, 'casesOpened')).toMatchObject({ current: 0, previous: 2 });
  });

  it('a lapsed task (vervallen) counts as overdue only until it lapsed', async () => {
    deps.clock.set('2025-02-01T10:00:00Z');
    const api = callerFor(deps, coordinator);
    const t = await api.tasks.create({
      title: 'Vervalt later',
      assigneePartnerId: pit.partnerIds.bsob!,
      dueDate: '2025-03-01',
      confirmPast: true,
    });
    deps.clock.set('2025-04-15T10:00:00Z');
    await api.tasks.lapse({ id: t.id, version: 1, reason: 'Niet meer nodig.' });
    deps.clock.set('2026-11-25T09:00:00Z');
    const march = await api.reports.progress({ from: '2025-03-01', to: '2025-03-31' });
    expect(head(march, 'tasksOverdue').current).toBe(1);
    const may = await api.reports.progress({ from: '2025-05-01', to: '2025-05-31' });
    expect(head(may, 'tasksOverdue').current).toBe(0);
  });

  it('a custom period compares with the previous period of equal length', () => {
    expect(previousPeriod({ from: '2025-03-01', to: '2025-03-31' })).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(previousPeriod({ from: '2026-07-01', to: '2026-12-31' })).toEqual({ from: '2026-01-01', to: '2026-06-30' });
    expect(previousPeriod({ from: '2025-03-05', to: '2025-03-14' })).toEqual({ from: '2025-02-23', to: '2025-03-04' });
  });

  it('refuses a reversed or malformed period', async () => {
    expect((await errorOf(() => callerFor(deps, viewer).reports.progress({ from: '2025-12-31', to: '2025-01-01' }))).key).toBe(
      'reports.periodOrder',
    );
    expect((await errorOf(() => callerFor(deps, viewer).reports.progress({ from: '2025-13-01', to: '2025-12-31' }))).code).toBe(
      'BAD_REQUEST',
    );
  });

  it('refuses any period that is not whole calendar months, for every reader, with a translated error', async () => {
    for (const user of [viewer, senzer, coordinator]) {
      for (const period of [
        { from: '2026-07-06', to: '2026-07-06' },
        { from: '2026-07-01', to: '2026-07-30' },
        { from: '2026-07-02', to: '2026-07-31' },
        { from: '2024-02-01', to: '2024-02-28' }, // 2024 is a leap year: February ends on the 29th
      ]) {
        waitOutRateLimit();
        const error = await errorOf(() => callerFor(deps, user).reports.progress(period));
        expect(error).toMatchObject({ code: 'BAD_REQUEST', key: 'reports.periodMonths' });
      }
    }
    expect(translate('reports.periodMonths', 'en')).toBe(
      'A report covers whole calendar months: from the first day of a month to the last day of a month.',
    );
    waitOutRateLimit();
    await expect(callerFor(deps, viewer).reports.progress({ from: '2024-02-01', to: '2024-02-29' })).resolves.toMatchObject({
      period: { from: '2024-02-01', to: '2024-02-29' },
    });
    waitOutRateLimit();
    await expect(callerFor(deps, viewer).reports.progress({ from: '2025-11-01', to: '2026-02-28' })).resolves.toMatchObject({
      previousPeriod: { from: '2025-07-01', to: '2025-10-31' },
    });
  });
});

describe('presets for the team cadence', () => {
  it('PIT: calendar years, the last complete one by default; BIT: half-years', async () => {
    const p = await callerFor(deps, viewer).reports.presets();
    expect(p.cadence).toBe('yearly');
    expect(p.presets.map((x) => x.key)).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(p.defaultKey).toBe('2025');
    expect(p.presets[1]).toMatchObject({ from: '2025-01-01', to: '2025-12-31', complete: true });
    const bit = makeTeam(deps, 'bit');
    const dvc = await makeUser(deps, bit, 'viewer', 'hilversum');
    const b = await callerFor(deps, dvc).reports.presets();
    expect(b.cadence).toBe('half_yearly');
    expect(b.presets.slice(0, 3).map((x) => [x.key, x.from, x.to])).toEqual([
      ['2026-H2', '2026-07-01', '2026-12-31'],
      ['2026-H1', '2026-01-01', '2026-06-30'],
      ['2025-H2', '2025-07-01', '2025-12-31'],
    ]);
    expect(b.defaultKey).toBe('2026-H1');
  });
});

describe('suppression of small numbers', () => {
  it('hides counts below the threshold in the JSON itself, for every reader; exports show "< k"; the threshold is team configuration', async () => {
    await buildYear();
    for (const user of [viewer, senzer, coordinator]) {
      const r = await callerFor(deps, user).reports.progress({ from: '2025-01-01', to: '2025-12-31' });
      expect(r.suppression).toMatchObject({ threshold: 5, applies: true });
      expect(r.suppression.tables.map((t) => t.id)).toEqual([
        'cases_by_gemeente',
        'cases_by_theme',
        'controls_by_partner',
        'findings_by_type',
      ]);
      // The reader gets no number behind a mark: the value is null, the mask says why.
      expect(row(r, 'cases_by_gemeente', 'Helmond')).toMatchObject({
        current: { opened: null, activated: null, closed: null, avo: 0 },
        suppressed: ['opened', 'activated', 'closed'],
        mask: { current: { opened: 'small', activated: 'small', closed: 'small' }, previous: {} },
      });
      expect(row(r, 'cases_by_gemeente', 'Deurne').suppressed).toEqual([]);
      expect(table(r, 'cases_by_gemeente').totals!.current).toEqual({ opened: null, activated: null, closed: null, avo: null });
      // Key figures that are the totals of these tables are hidden with them; others stay.
      expect(head(r, 'casesOpened')).toMatchObject({ current: null, previous: 0, mask: { current: 'small' } });
      expect(head(r, 'findings')).toMatchObject({ current: null, mask: { current: 'small' } });
      expect(head(r, 'controlsHeld')).toMatchObject({ current: 1 });
      expect(head(r, 'tasksCreated')).toMatchObject({ current: 3 });
      // Police findings: one in the year, hidden for every reader in every table.
      expect(row(r, 'controls_by_partner', 'Politie').current).toMatchObject({
        participated: 1,
        findings: null,
        'measure:proces_verbaal': null,
      });
      expect(row(r, 'findings_by_type', 'Hennepkwekerij').current).toEqual({ findings: null });
      expect(r.narrative.join(' ')).toContain('minder dan 5 casussen geopend');
      expect(r.narrative.join(' ')).toContain('met minder dan 5 bevindingen');
      const csv = reportCsv(r);
      expect(csv).toContain('Casussen per gemeente;Helmond;Geopend;< 5;0');
      expect(csv).toContain('Casussen per gemeente;Deurne;Geopend;0;0');
      expect(csv).toContain('Casussen per gemeente;Totaal;Geopend;< 5;0');
      expect(csv).toContain('Kerncijfers;Casussen geopend;;< 5;0');
      const docx = strFromU8(unzipSync(new Uint8Array(await reportDocx(r)))['word/document.xml']!);
      expect(docx).toContain('&lt; 5');
    }

    expect((await errorOf(() => callerFor(deps, viewer).reports.setThreshold({ threshold: 1 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(deps, helmond).reports.setThreshold({ threshold: 1 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(deps, coordinator).reports.setThreshold({ threshold: 0 }))).code).toBe('BAD_REQUEST');
    const admin = await makeUser(deps, pit, 'admin');
    await callerFor(deps, admin).reports.setThreshold({ threshold: 3 });
    await callerFor(deps, coordinator).reports.setThreshold({ threshold: 1 });
    const open = await callerFor(deps, coordinator).reports.progress({ from: '2025-01-01', to: '2025-12-31' });
    expect(open.suppression).toMatchObject({ threshold: 1, applies: false });
    expect(reportCsv(open)).toContain('Casussen per gemeente;Helmond;Geopend;1;0');
  });

  it('the one-day attack of issue 8 is gone: a month with one controle shows no police count to Senzer or the viewer', async () => {
    const c = await makeCase(deps, pit, coordinator);
    const control = await callerFor(deps, coordinator).controls.plan({
      plannedOn: '2026-07-06',
      caseIds: [c.id],
      partnerIds: [pit.partnerIds.politie!, pit.partnerIds.helmond!],
    });
    deps.clock.set('2026-07-06T12:00:00Z');
    await callerFor(deps, politie).controls.addFinding({ controlId: control.id, findingType: 'hennep', measure: 'proces_verbaal' });
    await callerFor(deps, politie).controls.addFinding({ controlId: control.id, findingType: 'hennep', measure: 'proces_verbaal' });
    deps.clock.set('2026-11-25T09:00:00Z');
    for (const user of [senzer, viewer]) {
      expect((await errorOf(() => callerFor(deps, user).reports.progress({ from: '2026-07-06', to: '2026-07-06' }))).key).toBe(
        'reports.periodMonths',
      );
      const r = await callerFor(deps, user).reports.progress({ from: '2026-07-01', to: '2026-07-31' });
      expect(row(r, 'controls_by_partner', 'Politie').current).toMatchObject({ findings: null, 'measure:proces_verbaal': null });
      expect(row(r, 'findings_by_type', 'Hennepkwekerij').current).toEqual({ findings: null });
      expect(head(r, 'findings').current).toBeNull();
      expect(table(r, 'controls_by_partner').totals!.current.findings).toBeNull();
      expect(JSON.stringify(r.tables.filter((t) => t.id !== 'work_by_partner' && t.id !== 'attendance_by_partner'))).not.toMatch(
        /"findings":2|"measure:proces_verbaal":2/,
      );
    }
  });
});

describe('secondary suppression', () => {
  it('hides more cells ("x") until no small count can be computed back: from the total, or through another table with the same total', async () => {
    await callerFor(deps, coordinator).reports.setThreshold({ threshold: 3 });
    for (let i = 0; i < 3; i++)
      await makeCase(deps, pit, coordinator, { gemeentePartnerId: pit.partnerIds.deurne!, city: 'Deurne', postcode: '5751 AA' });
    await makeCase(deps, pit, coordinator);
    const r = await callerFor(deps, coordinator).reports.progress({ from: '2026-01-01', to: '2026-12-31' });
    expect(row(r, 'cases_by_gemeente', 'Helmond').mask.current).toEqual({ opened: 'small' });
    // Deurne (3) alone would not do: Helmond = total 4 − Deurne (at least 3) = 1.
    expect(row(r, 'cases_by_gemeente', 'Deurne').mask.current).toEqual({ opened: 'secondary' });
    expect(row(r, 'cases_by_gemeente', 'Deurne').suppressed).toEqual(['opened']);
    // So the total is hidden too, and with it the one theme that holds all four casussen.
    expect(head(r, 'casesOpened')).toMatchObject({ current: null, mask: { current: 'secondary' } });
    expect(row(r, 'cases_by_theme', 'Woonoverlast').mask.current).toEqual({ opened: 'secondary' });
    const csv = reportCsv(r);
    expect(csv).toContain('Casussen per gemeente;Helmond;Geopend;< 3;0');
    expect(csv).toContain('Casussen per gemeente;Deurne;Geopend;x;0');
    expect(csv).toContain('Kerncijfers;Casussen geopend;;x;0');
    expect(csv).toContain('Casussen per thema;Woonoverlast;Geopend;x;0');
    expect(csv).not.toMatch(/;4;|;3;|;1;0/);
  });
});

describe('permissions', () => {
  it('the viewer reads reports and dashboard figures but no casus details', async () => {
    const { a } = await buildYear();
    const v = callerFor(deps, viewer);
    await expect(v.reports.progress({ from: '2025-01-01', to: '2025-12-31' })).resolves.toMatchObject({
      period: { from: '2025-01-01', to: '2025-12-31' },
    });
    expect((await errorOf(() => v.cases.get({ id: a.id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => v.cases.list())).code).toBe('FORBIDDEN');
    expect((await errorOf(() => v.controls.list())).code).toBe('FORBIDDEN');
    expect((await errorOf(() => v.escalations.list())).code).toBe('FORBIDDEN');
    const dash = await v.dashboard.get();
    expect(dash.kind).toBe('figures');
    expect(JSON.stringify(dash)).not.toMatch(/Kerkstraat|PIT-20/);
    const anonymous = callerFor(deps, null);
    expect((await errorOf(() => anonymous.reports.progress({ from: '2025-01-01', to: '2025-12-31' }))).code).toBe('UNAUTHORIZED');
  });

  it('a report covers only the own team', async () => {
    await buildYear();
    const bit = makeTeam(deps, 'bit');
    const dvc = await makeUser(deps, bit, 'viewer', 'hilversum');
    const r = await callerFor(deps, dvc).reports.progress({ from: '2025-01-01', to: '2025-12-31' });
    expect(r.headline.every((h) => h.current === 0 || h.current === null)).toBe(true);
    expect(table(r, 'cases_by_gemeente').rows.map((x) => x.label)).toContain('Hilversum');
    expect(table(r, 'cases_by_gemeente').rows.map((x) => x.label)).not.toContain('Helmond');
  });
});

describe('dashboard per role', () => {
  it('coordinator: next overleg, tasks per partner, casussen by status, controles coming up; member: own partner', async () => {
    await buildYear();
    deps.db
      .insert(meetings)
      .values({
        teamId: pit.teamId,
        title: 'Volgend overleg',
        startsAt: '2026-12-01T08:30:00Z',
        status: 'concept',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
      })
      .run();
    deps.db
      .insert(meetings)
      .values({
        teamId: pit.teamId,
        title: 'Gepubliceerd overleg',
        startsAt: '2026-12-08T08:30:00Z',
        status: 'gepubliceerd',
        createdAt: '2026-11-01T00:00:00Z',
        updatedAt: '2026-11-01T00:00:00Z',
      })
      .run();
    const c = await makeCase(deps, pit, coordinator);
    await callerFor(deps, coordinator).controls.plan({ plannedOn: '2026-12-03', caseIds: [c.id], partnerIds: [pit.partnerIds.senzer!] });
    const dash = await callerFor(deps, coordinator).dashboard.get();
    if (dash.kind !== 'coordinator') throw new Error('expected the coordinator dashboard');
    expect(dash.nextMeeting?.title).toBe('Volgend overleg');
    expect(dash.figures.casesByStatus).toEqual({ signaal: 1, actief: 0, afgerond: 2 });
    expect(dash.tasksByPartner).toEqual([{ partnerId: pit.partnerIds.politie, partner: 'Politie', open: 1, overdue: 1 }]);
    expect(dash.controls.map((x) => x.plannedOn)).toEqual(['2026-12-03']);
    const member = await callerFor(deps, senzer).dashboard.get();
    if (member.kind !== 'member') throw new Error('expected the member dashboard');
    expect(member.nextMeeting?.title).toBe('Gepubliceerd overleg');
    expect(member.myTasks).toEqual({ open: 0, overdue: 0 });
    expect(member.myControls.map((x) => x.plannedOn)).toEqual(['2026-12-03']);
    const police = await callerFor(deps, politie).dashboard.get();
    expect(police.kind === 'member' && police.myTasks).toEqual({ open: 1, overdue: 1 });
  });
});

// ── Property: no personal data in any report output ────────────────────────────────────────

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomBsn(rand: () => number): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, () => Math.floor(rand() * 10));
    if (digits[0] === 0) continue;
    const sum = digits.reduce((acc, d, i) => acc + d * (9 - i), 0);
    const last = sum % 11;
    if (last === 10) continue;
    return [...digits, last].join('');
  }
}

const word = (rand: () => number, length: number) => {
  const letters = 'bcdfghjklmnpqrstvwxz';
  return Array.from({ length }, (_, i) =>
    i === 0 ? letters[Math.floor(rand() * letters.length)]!.toUpperCase() : letters[Math.floor(rand() * letters.length)]!,
  ).join('');
};

describe('property: no personal data in reports', () => {
  it('random betrokkenen (names, BSNs, addresses) never appear in the report JSON, CSV or DOCX', async () => {
    for (let round = 0; round < 6; round++) {
      const rand = prng(1000 + round);
      deps = createTestDeps({ now: '2026-03-15T10:00:00Z' });
      const bit = makeTeam(deps, 'bit');
      const coord = await makeUser(deps, bit, 'coordinator', 'hilversum');
      const viewerBit = await makeUser(deps, bit, 'viewer', 'hilversum');
      const police = await makeUser(deps, bit, 'member', 'politie');
      const api = callerFor(deps, coord);
      const secrets: string[] = [];
      const gemeenten = ['blaricum', 'gooise-meren', 'hilversum', 'huizen', 'laren', 'wijdemeren'];
      const caseCount = 2 + Math.floor(rand() * 3);
      for (let i = 0; i < caseCount; i++) {
        const name = `${word(rand, 6)} ${word(rand, 9)}`;
        const street = `${word(rand, 10)}straat`;
        const bsn = randomBsn(rand);
        const plate = `${String(10 + Math.floor(rand() * 89))}-XQ${'BDFGHJ'[Math.floor(rand() * 6)]}-${Math.floor(rand() * 9) + 1}`;
        // Free text holds no personal data (P1, art. 20.9: the server refuses names and BSNs there),
        // so it carries a random non-personal marker that must stay out of the reports as well.
        const marker = word(rand, 8);
        secrets.push(name, street, bsn, plate, marker);
        const slug = gemeenten[Math.floor(rand() * gemeenten.length)]!;
        const c = await api.cases.create({
          gemeentePartnerId: bit.partnerIds[slug]!,
          street,
          houseNumber: 1 + Math.floor(rand() * 200),
          postcode: '1211 AA',
          city: 'Hilversum',
          theme: 'Ondermijning',
          origin: rand() < 0.5 ? 'avo_verzoek' : 'melding',
          description: `Pand van ${marker}`,
          status: 'actief',
        });
        await api.subjects.add({
          caseId: c.id,
          kind: 'person',
          sourcePartnerId: bit.partnerIds[slug]!,
          items: [
            { category: 'naw', value: `${name}, ${street} ${i + 1}` },
            { category: 'bsn', value: bsn, legalGround: 'art. 20.3c convenant' },
          ],
        });
        await callerFor(deps, police).subjects.add({
          caseId: c.id,
          kind: 'person',
          items: [
            { category: 'naw', value: name },
            { category: 'kenteken', value: plate },
          ],
        });
        const task = await api.tasks.create({
          title: `Gesprek over ${marker}`,
          assigneePartnerId: bit.partnerIds[slug]!,
          dueDate: '2026-03-01',
          caseId: c.id,
          confirmPast: true,
        });
        await api.tasks.complete({ id: task.id, resultNote: `${marker} gesproken` });
        await api.agreements.create({ caseId: c.id, text: `Afspraak over ${marker}`, responsiblePartnerId: bit.partnerIds[slug]! });
        const control = await api.controls.plan({
          plannedOn: '2026-03-10',
          caseIds: [c.id],
          partnerIds: [bit.partnerIds[slug]!, bit.partnerIds.politie!],
          briefingNotes: `Let op ${marker}`,
        });
        await api.controls.addFinding({
          controlId: control.id,
          partnerId: bit.partnerIds.politie!,
          caseId: c.id,
          findingType: 'hennep',
          measure: 'proces_verbaal',
          note: `${marker} aangetroffen`,
        });
        const esc = await api.escalations.raise({ caseId: c.id, raisedOn: '2026-03-12', reason: `Knelpunt rond ${marker}` });
        if (rand() < 0.5)
          await api.escalations.resolve({ id: esc.id, outcome: `Besluit over ${marker}`, outcomeOn: '2026-03-14', version: 1 });
      }
      deps.clock.set('2026-11-25T09:00:00Z');
      const outputs: string[] = [];
      for (const user of [viewerBit, coord]) {
        const r = await callerFor(deps, user).reports.progress({ from: '2026-01-01', to: '2026-06-30' });
        const opened = r.headline.find((h) => h.key === 'casesOpened')!;
        expect(opened.current).toBeNull(); // 2..4 < 5: hidden
        expect(opened.mask?.current).toMatch(/^(small|secondary)$/);
        outputs.push(JSON.stringify(r), reportCsv(r));
        const zip = unzipSync(new Uint8Array(await reportDocx(r)));
        for (const [name, data] of Object.entries(zip)) if (name.endsWith('.xml')) outputs.push(strFromU8(data));
        outputs.push(JSON.stringify(await callerFor(deps, user).dashboard.get()));
      }
      outputs.push(JSON.stringify(await callerFor(deps, viewerBit).reports.presets()));
      for (const secret of secrets) {
        for (const output of outputs) expect(output.toLowerCase()).not.toContain(secret.toLowerCase());
      }
      // Free text typed into cases, tasks, findings and escalations stays out too.
      for (const output of outputs)
        expect(output).not.toMatch(/Pand van|gesproken|Afspraak over|Let op|aangetroffen|Knelpunt rond|Besluit over/);
    }
  });

  it('a theme whose name looks like a formula is escaped in the CSV', async () => {
    await buildYear();
    deps.db.update(themes).set({ name: '=HYPERLINK("http://x";"klik")' }).where(eq(themes.name, 'Woonoverlast')).run();
    const csv = reportCsv(await callerFor(deps, coordinator).reports.progress({ from: '2025-01-01', to: '2025-12-31' }));
    expect(csv).toContain(`Casussen per thema;"'=HYPERLINK(""http://x"";""klik"")";Geopend;< 5;0`);
  });
});
