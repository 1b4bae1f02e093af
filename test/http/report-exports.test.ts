// The GET downloads over real HTTP: report DOCX and CSV, the briefing HTML; sessions, roles,
// the CSV's BOM, separator and escaping, and the audit row of every export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { and, eq } from 'drizzle-orm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { startTestServer, trpcHttp } from '../helpers/http';
import { auditLog } from '../../db/schema';
import { csvCell, csvLine } from '../../server/exports/report-csv';
import type { SessionUser } from '../../server/auth/sessions';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let coordinator: SessionUser;
let senzer: SessionUser;
let helmond: SessionUser;
let viewer: SessionUser;
let controlId: number;

async function login(user: SessionUser) {
  const client = trpcHttp(server.origin);
  const res = await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return client.cookie;
}

const get = (path: string, cookie?: string) => fetch(`${server.origin}${path}`, { headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  deps = createTestDeps({ now: '2026-03-02T09:00:00Z' });
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  senzer = await makeUser(deps, pit, 'member', 'senzer');
  helmond = await makeUser(deps, pit, 'member', 'helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  viewer = await makeUser(deps, pit, 'viewer', 'helmond');
  const c = await makeCase(deps, pit, coordinator, { street: 'Exportlaan' });
  await callerFor(deps, politie).subjects.add({ caseId: c.id, kind: 'person', items: [{ category: 'naw', value: 'Politie-Persoon Xq' }] });
  await callerFor(deps, helmond).subjects.add({ caseId: c.id, kind: 'person', items: [{ category: 'naw', value: 'Gemeente-Persoon Zv' }] });
  controlId = (
    await callerFor(deps, coordinator).controls.plan({
      plannedOn: '2026-03-02',
      caseIds: [c.id],
      partnerIds: [pit.partnerIds.helmond!, pit.partnerIds.senzer!, pit.partnerIds.politie!],
      briefingNotes: 'Start <om> 9 uur',
    })
  ).id;
  await callerFor(deps, senzer).controls.addFinding({
    controlId,
    caseId: c.id,
    findingType: 'uitkering_onterecht',
    measure: 'uitkering_herzien',
  });
  deps.clock.set('2026-11-25T09:00:00Z');
  server = await startTestServer(deps);
});
afterAll(() => server.close());

describe('report downloads', () => {
  it('CSV: UTF-8 BOM, semicolons, CRLF, a file name, and an audit row', async () => {
    const cookie = await login(viewer);
    const res = await get('/export/report.csv?from=2026-01-01&to=2026-12-31', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="voortgangsrapportage-PIT-2026-01-01-2026-12-31.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Voortgangsrapportage;PIT Peelland');
    expect(lines).toContain('Onderdeel;Rij;Kenmerk;Huidige periode;Vorige periode');
    expect(text).toContain('Kerncijfers;Integrale controles uitgevoerd;;1;0');
    // One finding this year: hidden in its row, its total and the key figure alike (art. 20.13).
    expect(text).toContain('Integrale controles: deelname, bevindingen en maatregelen per partner;Senzer;Uitkering herzien;< 5;0');
    expect(text).toContain('Integrale controles: deelname, bevindingen en maatregelen per partner;Totaal;Bevindingen;< 5;0');
    expect(text).toContain('Kerncijfers;Bevindingen;;< 5;0');
    expect(text).toContain('Casussen per gemeente;Helmond;Geopend;< 5;0');
    expect(text).not.toMatch(/Exportlaan|Persoon/);
    const audit = deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.exported'), eq(auditLog.actorId, viewer.id)))
      .all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ format: 'csv', from: '2026-01-01', to: '2026-12-31' });
  });

  it('DOCX: a Word document with the narrative and tables, without personal data', async () => {
    const cookie = await login(coordinator);
    const res = await get('/export/report.docx?from=2026-01-01&to=2026-12-31', cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = strFromU8(unzipSync(new Uint8Array(await res.arrayBuffer()))['word/document.xml']!);
    const text = xml.replace(/<[^>]+>/g, ' ');
    expect(text).toContain('Voortgangsrapportage PIT Peelland');
    expect(text).toContain('Samenvatting');
    expect(text).toContain('1 integrale controle uitgevoerd');
    expect(text).toContain('Casussen per gemeente');
    expect(text).not.toMatch(/Exportlaan|Persoon|om&gt; 9 uur/);
  });

  it('needs a session and a valid period; errors are short text without internals', async () => {
    const anonymous = await get('/export/report.csv?from=2026-01-01&to=2026-12-31');
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).toBe('Log in om verder te gaan.');
    const cookie = await login(viewer);
    const bad = await get('/export/report.csv?from=2026-13-01&to=2026-12-31', cookie);
    expect(bad.status).toBe(400);
    expect(await bad.text()).not.toMatch(/stack|\.ts/);
    const reversed = await get('/export/report.docx?from=2026-12-31&to=2026-01-01', cookie);
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toBe('De begindatum moet voor of op de einddatum liggen.');
    // A report covers whole calendar months: one day (one controle) is refused, in every format.
    for (const path of ['/export/report.csv?from=2026-03-02&to=2026-03-02', '/export/report.docx?from=2026-03-01&to=2026-03-30']) {
      const day = await get(path, cookie);
      expect(day.status).toBe(400);
      expect(await day.text()).toBe(
        'Een rapportage beslaat hele kalendermaanden: van de eerste dag van een maand tot en met de laatste dag van een maand.',
      );
    }
    expect((await get('/export/unknown', cookie)).status).toBe(404);
    const post = await fetch(`${server.origin}/export/report.csv?from=2026-01-01&to=2026-12-31`, { method: 'POST', headers: { cookie } });
    expect(post.status).toBe(405);
  });
});

describe('briefing download', () => {
  it('a Senzer member gets a printable briefing without police items; a gemeente member with them', async () => {
    const senzerRes = await get(`/export/briefing/${controlId}.html`, await login(senzer));
    expect(senzerRes.status).toBe(200);
    expect(senzerRes.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await senzerRes.text();
    expect(html).toContain('Gemeente-Persoon Zv');
    expect(html).toContain('Exportlaan');
    expect(html).not.toContain('Politie-Persoon');
    // Briefing notes are escaped.
    expect(html).toContain('Start &lt;om&gt; 9 uur');
    const helmondHtml = await (await get(`/export/briefing/${controlId}.html`, await login(helmond))).text();
    expect(helmondHtml).toContain('Politie-Persoon Xq');
    const coordinatorForSenzer = await (
      await get(`/export/briefing/${controlId}.html?partnerId=${pit.partnerIds.senzer}`, await login(coordinator))
    ).text();
    expect(coordinatorForSenzer).not.toContain('Politie-Persoon');
    expect(coordinatorForSenzer).toContain('Senzer');
    expect((await get(`/export/briefing/${controlId}.html`, await login(viewer))).status).toBe(403);
    expect((await get(`/export/briefing/999999.html`, await login(senzer))).status).toBe(404);
  });
});

describe('CSV cells', () => {
  it('escapes formulas with an apostrophe and quotes per RFC 4180', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+31')).toBe("'+31");
    expect(csvCell('-5')).toBe("'-5");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('zei "ja"')).toBe('"zei ""ja"""');
    expect(csvCell('twee\nregels')).toBe('"twee\nregels"');
    expect(csvCell('=A1;"x"')).toBe(`"'=A1;""x"""`);
    expect(csvLine(['Helmond', '< 5', '–'])).toBe('Helmond;< 5;–');
  });
});
