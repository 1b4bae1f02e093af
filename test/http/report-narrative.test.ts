// Issue 9 item 18: the Word progress report carries the coordinator's toelichting / knelpunten of
// the period and the charts of the screen, drawn from the suppressed figures (art. 20.13).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, reportNarratives } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { startTestServer, trpcHttp } from '../helpers/http';
import { docxText } from '../helpers/zip';
import { parseJson } from '../helpers/json';
import { buildProgressReport } from '../../server/domain/reports';
import { reportCharts } from '../../server/domain/report-charts';
import type { SessionUser } from '../../server/auth/sessions';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let coordinator: SessionUser;
let member: SessionUser;
let viewer: SessionUser;
let admin: SessionUser;
const period = { from: '2026-01-01', to: '2026-12-31' };
const TEXT = 'De aanpak van overbewoning loopt volgens plan.\nDe politie levert later aan.\n\nKnelpunt: capaciteit bij handhaving.';

beforeAll(async () => {
  deps = createTestDeps({ now: '2026-03-02T09:00:00Z' });
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  member = await makeUser(deps, pit, 'member', 'politie');
  viewer = await makeUser(deps, pit, 'viewer', 'helmond');
  admin = await makeUser(deps, pit, 'admin', null);
  // Deurne 7 and Helmond 6 casussen, Asten 1: Asten is "< 5", and one more is hidden ("x") so
  // that Asten cannot be worked out from the total.
  for (let i = 0; i < 7; i++)
    await makeCase(deps, pit, coordinator, {
      gemeentePartnerId: pit.partnerIds.deurne!,
      city: 'Deurne',
      postcode: '5751 AA',
      street: 'Grafiekstraat',
    });
  for (let i = 0; i < 6; i++) await makeCase(deps, pit, coordinator, { street: 'Grafiekstraat' });
  await makeCase(deps, pit, coordinator, {
    gemeentePartnerId: pit.partnerIds.asten!,
    city: 'Asten',
    postcode: '5721 AA',
    street: 'Grafiekstraat',
  });
  deps.clock.set('2026-11-25T09:00:00Z');
  server = await startTestServer(deps);
});
afterAll(() => server.close());

async function docx(user: SessionUser) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  const res = await fetch(`${server.origin}/export/report.docx?from=${period.from}&to=${period.to}`, {
    headers: { cookie: client.cookie },
  });
  expect(res.status).toBe(200);
  return docxText(Buffer.from(await res.arrayBuffer()));
}

/** The lines of one chart in the document: from its caption to its note. */
function chartLines(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`Grafiek: ${title}`);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('De grafiek toont dezelfde cijfers'));
  // The bars are shaded non-breaking spaces: no text of their own.
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}

describe('report narrative and charts (issue 9 item 18)', () => {
  it('the coordinator writes the toelichting per period, versioned and audited; readers see the latest', async () => {
    const coord = callerFor(deps, coordinator);
    expect(await coord.reports.narrative(period)).toBeNull();
    expect(await coord.reports.saveNarrative({ ...period, text: 'Eerste versie', version: null })).toEqual({ version: 1 });
    deps.clock.advanceMinutes(5);
    expect(await coord.reports.saveNarrative({ ...period, text: `  ${TEXT}  `, version: 1 })).toEqual({ version: 2 });
    // A save over a newer version is refused and changes nothing.
    expect((await errorOf(() => coord.reports.saveNarrative({ ...period, text: 'Oud', version: 1 }))).code).toBe('CONFLICT');
    expect(await callerFor(deps, viewer).reports.narrative(period)).toEqual({
      text: TEXT,
      version: 2,
      updatedAt: '2026-11-25T09:05:00.000Z',
      updatedBy: coordinator.name,
    });
    // Another period has its own.
    expect(await coord.reports.narrative({ from: '2025-01-01', to: '2025-12-31' })).toBeNull();
    const versions = deps.db.select().from(reportNarratives).where(eq(reportNarratives.teamId, pit.teamId)).all();
    expect(versions.map((v) => [v.version, v.text, v.authorId])).toEqual([
      [1, 'Eerste versie', coordinator.id],
      [2, TEXT, coordinator.id],
    ]);
    const audit = deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.narrative_saved'), eq(auditLog.actorId, coordinator.id)))
      .all();
    expect(audit.map((a) => parseJson(a.detail!))).toEqual([
      { ...period, version: 1, length: 13 },
      { ...period, version: 2, length: TEXT.length },
    ]);
  });

  it('members, viewers and admins cannot write it; too long or a broken period is refused', async () => {
    for (const user of [member, viewer, admin]) {
      expect((await errorOf(() => callerFor(deps, user).reports.saveNarrative({ ...period, text: 'Niet van mij', version: 2 }))).code).toBe(
        'FORBIDDEN',
      );
    }
    const coord = callerFor(deps, coordinator);
    expect((await errorOf(() => coord.reports.saveNarrative({ ...period, text: 'x'.repeat(5001), version: 2 }))).code).toBe('BAD_REQUEST');
    expect(
      (await errorOf(() => coord.reports.saveNarrative({ from: '2026-01-02', to: '2026-12-31', text: 'Halve maand', version: null }))).code,
    ).toBe('BAD_REQUEST');
    expect((await coord.reports.narrative(period))!.version).toBe(2);
  });

  it('the DOCX carries the toelichting and both charts with the suppressed figures only', async () => {
    const text = await docx(viewer);
    expect(text).toContain('Toelichting en knelpunten');
    expect(text).toContain('De aanpak van overbewoning loopt volgens plan.De politie levert later aan.');
    expect(text).toContain('Knelpunt: capaciteit bij handhaving.');
    expect(text).toContain('Toelichting van de coördinator, bijgewerkt op 25 november 2026.');
    expect(text).not.toContain(coordinator.name);
    expect(text).not.toContain('Grafiekstraat');

    const report = buildProgressReport(deps, pit.teamId, period);
    const byGemeente = report.tables.find((t) => t.id === 'cases_by_gemeente')!;
    const hidden = byGemeente.rows.filter((r) => r.mask.current.opened).map((r) => r.label);
    expect(hidden).toContain('Asten');
    expect(hidden.length).toBeGreaterThanOrEqual(2); // "< 5" and a secondary "x"
    const gemeenteChart = chartLines(text, 'Casussen per gemeente — Geopend');
    const expectedBars = reportCharts(report).find((c) => c.id === 'cases_by_gemeente')!.bars;
    expect(expectedBars.length).toBeGreaterThan(0);
    expect(gemeenteChart).toEqual([
      'Kenmerk',
      'Deze periode',
      'Vorige periode',
      'Staaf: deze periode (donker), vorige periode (licht)',
      ...expectedBars.flatMap((b) => [b.label, String(b.current), String(b.previous)]),
    ]);
    expect(gemeenteChart).toContain('Deurne');
    expect(gemeenteChart).toContain('7');
    for (const label of hidden) expect(gemeenteChart).not.toContain(label);
    // The key figures chart: counts, none of them a hidden one.
    const headline = chartLines(text, 'Kerncijfers');
    const headlineBars = reportCharts(report).find((c) => c.id === 'headline')!.bars;
    expect(headline.slice(4)).toEqual(headlineBars.flatMap((b) => [b.label, String(b.current), String(b.previous)]));
    for (const h of report.headline.filter((x) => x.mask?.current)) expect(headline).not.toContain(h.label.nl);
  });
});
