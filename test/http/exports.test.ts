// The verslag exports over real HTTP: session cookie, headers, and exactly what the reader may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { GEMEENTE_NALEVING, minutesScenario, POLICE_KENTEKEN, POLICE_NAW } from '../helpers/minutes';
import { docxText } from '../helpers/zip';
import { eq } from 'drizzle-orm';
import { agendaItems, auditLog, cases, minutes } from '../../db/schema';
import { freezeMinutesText } from '../../server/domain/minutes-view';
import type { SessionUser } from '../../server/auth/sessions';
import { TRPCError } from '@trpc/server';
import { describeError } from '../../server/trpc';

let s: Awaited<ReturnType<typeof minutesScenario>>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const cookies = new Map<number, string>();

async function cookieFor(user: SessionUser): Promise<string> {
  if (!cookies.has(user.id)) {
    const client = trpcHttp(server.origin);
    const login = await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD });
    expect(login.status).toBe(200);
    cookies.set(user.id, client.cookie);
  }
  return cookies.get(user.id)!;
}

async function download(user: SessionUser | null, path: string) {
  const res = await fetch(`${server.origin}${path}`, { headers: user ? { cookie: await cookieFor(user) } : {} });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

const path = (format: string) => `/export/minutes/${s.meeting.id}.${format}`;

beforeAll(async () => {
  s = await minutesScenario();
  const coord = callerFor(s.deps, s.coordinator);
  // Free text with markup in it must come out as text.
  await coord.minutes.update({
    meetingId: s.meeting.id,
    version: 1,
    content: { closing: 'Volgende keer <script>alert(1)</script> & **niet vet**' },
  });
  await coord.minutes.finalise({ meetingId: s.meeting.id });
  server = await startTestServer(s.deps);
});
afterAll(() => server.close());

describe('GET /export/minutes/<id>.(html|docx|md)', () => {
  it('the HTML export is a self-contained print-ready page, served inline and never cached', async () => {
    const { res, body } = await download(s.gemeente, path('html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="verslag-pit-2026-11-24.html"');
    const html = body.toString('utf8');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|src=/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; **niet vet**');
    expect(html).toContain('Integrale controle in december.');
    expect(html).toContain('Controle uitvoeren met handhaving');
    expect(html).toContain('Eigenaar aanschrijven');
    const download1 = await download(s.gemeente, `${path('html')}?download=1`);
    expect(download1.res.headers.get('content-disposition')).toMatch(/^attachment;/);
  });

  it("a Senzer member's exports never contain police items; the gemeente member's do", async () => {
    for (const format of ['html', 'md', 'docx']) {
      const forSenzer = await download(s.senzer, path(format));
      const forGemeente = await download(s.gemeente, path(format));
      const text = (b: Buffer) => (format === 'docx' ? docxText(b) : b.toString('utf8')).replace(/\\/g, '');
      expect(forSenzer.res.status).toBe(200);
      expect(text(forSenzer.body)).toContain(GEMEENTE_NALEVING);
      expect(text(forSenzer.body)).not.toContain(POLICE_NAW);
      expect(text(forSenzer.body)).not.toContain(POLICE_KENTEKEN);
      expect(text(forGemeente.body)).toContain(POLICE_NAW);
      expect(text(forGemeente.body)).toContain(POLICE_KENTEKEN);
    }
  });

  it("the DOCX export opens and holds the verslag's text", async () => {
    const { res, body } = await download(s.coordinator, path('docx'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="verslag-pit-2026-11-24.docx"');
    expect(body.subarray(0, 2).toString()).toBe('PK');
    const text = docxText(body);
    expect(text).toContain('Verslag');
    expect(text).toContain('24 november 2026');
    expect(text).toContain('09:30–11:30');
    expect(text).toContain('Voorzitter: Marieke Verbeek');
    expect(text).toMatch(/Asten\s*\n?aanwezig\s*\n?Joost Verhoeven/);
    expect(text).toContain('1. Opening en mededelingen');
    expect(text).toContain('Signalen van overbewoning.');
    expect(text).toContain('Gemeente Asten bereidt een last onder dwangsom voor');
    expect(text).toContain(`${s.pand.code} — Kerkstraat`);
    expect(text).toContain('Uitkering toetsen');
    expect(text).toContain('8 december 2026');
    expect(text).toContain('Volgende keer <script>alert(1)</script> & **niet vet**');
  });

  it('the Markdown export escapes markup and keeps the structure', async () => {
    const { res, body } = await download(s.gemeente, path('md'));
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="verslag-pit-2026-11-24.md"');
    const md = body.toString('utf8');
    expect(md).toMatch(/^# Verslag /);
    expect(md).toContain('## Actielijst');
    expect(md).toContain('| Controle uitvoeren met handhaving | Politie | 8 december 2026 | open |');
    expect(md).toContain('\\<script\\>alert(1)\\</script\\> \\& \\*\\*niet vet\\*\\*');
  });

  it('a newline in an agenda title or street starts no heading: every line is one the renderer wrote', async () => {
    const structure = (md: string) =>
      md
        .split('\n')
        .filter((l) => /^ {0,3}([#>+*-]|\d{1,9}[.)]|\||<|```|~~~)/.test(l))
        .map((l) => l.replace(/[^#>|*+-].*$/, ''));
    const before = (await download(s.gemeente, path('md'))).body.toString('utf8');
    const street = s.deps.db.select({ street: cases.street }).from(cases).where(eq(cases.id, s.pand.id)).get()!.street;
    const [item] = s.deps.db.select().from(agendaItems).where(eq(agendaItems.caseId, s.pand.id)).all();
    try {
      // As stored by any path that lets a line break through (the renderer must not trust its input).
      s.deps.db.update(cases).set({ street: 'Kerkstraat\n# Ingevoegd\n> citaat' }).where(eq(cases.id, s.pand.id)).run();
      s.deps.db
        .update(agendaItems)
        .set({ title: 'Bespreking pand\r\n## Kop\n- lijst\r1. genummerd' })
        .where(eq(agendaItems.id, item!.id))
        .run();
      // The finalised verslag renders from its snapshot: freeze these rows into it as well.
      s.deps.db
        .update(minutes)
        .set({ snapshot: freezeMinutesText(s.deps, s.pit.teamId, s.meeting.id) })
        .where(eq(minutes.meetingId, s.meeting.id))
        .run();
      const md = (await download(s.gemeente, path('md'))).body.toString('utf8');
      expect(md).toContain('### 3. Bespreking pand \\#\\# Kop - lijst 1. genummerd');
      expect(md).toContain('Kerkstraat \\# Ingevoegd \\> citaat');
      expect(structure(md)).toEqual(structure(before));
      expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual(
        before
          .split('\n')
          .filter((l) => l.startsWith('#'))
          .map((l) =>
            l
              .replace('Bespreking pand', 'Bespreking pand \\#\\# Kop - lijst 1. genummerd')
              .replace('Kerkstraat', 'Kerkstraat \\# Ingevoegd \\> citaat'),
          ),
      );
    } finally {
      s.deps.db.update(agendaItems).set({ title: item!.title }).where(eq(agendaItems.id, item!.id)).run();
      s.deps.db.update(cases).set({ street }).where(eq(cases.id, s.pand.id)).run();
      s.deps.db
        .update(minutes)
        .set({ snapshot: freezeMinutesText(s.deps, s.pit.teamId, s.meeting.id) })
        .where(eq(minutes.meetingId, s.meeting.id))
        .run();
    }
  });

  it('every export is audited', async () => {
    const before = s.deps.db
      .select()
      .from(auditLog)
      .all()
      .filter((r) => r.action === 'minutes.exported').length;
    await download(s.politie, path('md'));
    const rows = s.deps.db
      .select()
      .from(auditLog)
      .all()
      .filter((r) => r.action === 'minutes.exported');
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorId: s.politie.id });
    expect(JSON.parse(rows.at(-1)!.detail!)).toMatchObject({ format: 'md', meetingId: s.meeting.id });
  });

  it("the role check and the audit are the minutes.export procedure's, the download only renders it (issue 12)", async () => {
    const refusal = await callerFor(s.deps, s.viewer)
      .minutes.export({ meetingId: s.meeting.id, format: 'html' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).code).toBe('FORBIDDEN');
    const refused = await download(s.viewer, path('html'));
    expect(refused.res.status).toBe(403);
    expect(refused.body.toString()).toBe(describeError(refusal as TRPCError, 'nl').message);
    // The procedure audits the export with its format, whoever calls it.
    const exported = () =>
      s.deps.db
        .select()
        .from(auditLog)
        .all()
        .filter((r) => r.action === 'minutes.exported');
    const before = exported().length;
    const view = await callerFor(s.deps, s.gemeente).minutes.export({ meetingId: s.meeting.id, format: 'docx' });
    expect(view.meetingId).toBe(s.meeting.id);
    expect(exported().length).toBe(before + 1);
    expect(exported().at(-1)).toMatchObject({ actorId: s.gemeente.id });
    expect(JSON.parse(exported().at(-1)!.detail!)).toEqual({ meetingId: s.meeting.id, format: 'docx', status: 'definitief' });
  });

  it('without a session 401; the viewer 403; another team and unknown ids 404; a concept is not for members', async () => {
    expect((await download(null, path('html'))).res.status).toBe(401);
    expect((await download(s.viewer, path('html'))).res.status).toBe(403);
    expect((await download(s.gemeente, '/export/minutes/999999.html')).res.status).toBe(404);
    expect((await download(s.gemeente, `/export/minutes/${s.meeting.id}.pdf`)).res.status).toBe(404);
    const bit = makeTeam(s.deps, 'bit');
    const stranger = await makeUser(s.deps, bit, 'coordinator', 'hilversum');
    const other = await download(stranger, path('docx'));
    expect(other.res.status).toBe(404);
    // Another team's overleg answers exactly like one that does not exist (issue 8 items 1, 9).
    expect(other.body.toString()).toBe('Er is (nog) geen verslag van dit overleg beschikbaar.');
    expect(other.body.toString()).toBe((await download(stranger, '/export/minutes/999999.docx')).body.toString());
    // The previous overleg's verslag is still concept: members get 404, the coordinator gets it.
    expect((await download(s.gemeente, `/export/minutes/${s.previous.id}.html`)).res.status).toBe(404);
    expect((await download(s.coordinator, `/export/minutes/${s.previous.id}.html`)).res.status).toBe(200);
  });
});
