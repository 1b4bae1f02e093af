// Issue 11 item 3: the inzage bundle over real HTTP — FG only, audited per download with its format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { SessionUser } from '../../server/auth/sessions';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { startTestServer, trpcHttp } from '../helpers/http';
import { docxText } from '../helpers/zip';
import { parseJson } from '../helpers/json';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let fg: SessionUser;
let coordinator: SessionUser;
let requestId: number;

async function download(user: SessionUser, path: string) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  const res = await fetch(`${server.origin}${path}`, { headers: { cookie: client.cookie } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  fg = await makeUser(deps, pit, 'privacy');
  const helmond = await makeUser(deps, pit, 'member', 'helmond');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  const { id: subjectId } = await callerFor(deps, helmond).subjects.add({
    caseId,
    kind: 'person',
    items: [{ category: 'naw', value: 'Greta Inzagestra, Kerkstraat 9' }],
  });
  ({ id: requestId } = await callerFor(deps, fg).dsr.create({
    kind: 'inzage',
    receivedOn: '2026-11-20',
    receivedByPartnerId: pit.partnerIds.helmond!,
    subjectIds: [subjectId],
  }));
  server = await startTestServer(deps);
});
afterAll(() => server.close());

describe('GET /export/inzage/<id>.(html|docx)', () => {
  it('gives the FG the bundle as HTML and Word, never cached, each download audited with its format', async () => {
    const html = await download(fg, `/export/inzage/${requestId}.html`);
    expect(html.res.status).toBe(200);
    expect(html.res.headers.get('cache-control')).toBe('no-store');
    expect(html.res.headers.get('content-disposition')).toBe(`inline; filename="inzage-verzoek-${requestId}.html"`);
    expect(html.body.toString('utf8')).toContain('Greta Inzagestra, Kerkstraat 9');
    const docx = await download(fg, `/export/inzage/${requestId}.docx`);
    expect(docx.res.status).toBe(200);
    expect(docxText(docx.body)).toContain('Greta Inzagestra, Kerkstraat 9');
    const audit = deps.db.select().from(auditLog).where(eq(auditLog.action, 'dsr.bundle')).all();
    expect(audit.map((r) => [r.actorId, parseJson<{ format: string }>(r.detail!).format])).toEqual([
      [fg.id, 'html'],
      [fg.id, 'docx'],
    ]);
  });

  it('refuses the coordinator, and the FG of a request that does not exist, without content', async () => {
    const refused = await download(coordinator, `/export/inzage/${requestId}.html`);
    expect(refused.res.status).toBe(403);
    expect(refused.body.toString('utf8')).not.toContain('Inzagestra');
    expect((await download(fg, '/export/inzage/999999.docx')).res.status).toBe(404);
  });
});
