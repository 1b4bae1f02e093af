// Issue 10 item 4 (wind-down): the hand-back over real HTTP. It returns one partner's own items of a
// casus to that partner in full — BSN unmasked, it is that partner's data (art. 14.5) — as HTML or
// Word, to the FG and that partner's users only; every download audited with its format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { SessionUser } from '../../server/auth/sessions';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { startTestServer, trpcHttp } from '../helpers/http';
import { docxText } from '../helpers/zip';
import { TRPCError } from '@trpc/server';
import { describeError } from '../../server/trpc';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let u: Record<'fg' | 'coordinator' | 'asten' | 'senzer' | 'bitFg', SessionUser>;
let caseId: number;

async function download(user: SessionUser, path: string) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  const res = await fetch(`${server.origin}${path}`, { headers: { cookie: client.cookie } });
  return { res, body: Buffer.from(await res.arrayBuffer()) };
}

beforeAll(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit', { endsOn: '2026-12-01' });
  const bit = makeTeam(deps, 'bit');
  u = {
    fg: await makeUser(deps, pit, 'privacy'),
    coordinator: await makeUser(deps, pit, 'coordinator', 'helmond'),
    asten: await makeUser(deps, pit, 'member', 'asten'),
    senzer: await makeUser(deps, pit, 'member', 'senzer'),
    bitFg: await makeUser(deps, bit, 'privacy'),
  };
  ({ id: caseId } = await makeCase(deps, pit, u.coordinator));
  await callerFor(deps, u.asten).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: 'A. Sten, Markt 2' },
      { category: 'bsn', value: '111222333', legalGround: 'art. 20.4c' },
    ],
  });
  await callerFor(deps, u.senzer).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'S. Enzer, Markt 3' }] });
  deps.clock.set('2026-12-01T09:00:00Z'); // the covenant has ended: wind-down
  await callerFor(deps, u.fg).covenants.decideCase({ caseId, decision: 'hand_back', note: '' });
  server = await startTestServer(deps);
});
afterAll(() => server.close());

const exported = () =>
  deps.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, 'covenant.handback_exported'))
    .all()
    .map((r) => [r.actorId, JSON.parse(r.detail!) as unknown]);

describe('GET /export/handback/<caseId>.(html|docx)', () => {
  it("gives the FG and the partner's own user that partner's items in full, as HTML and Word, audited with the format", async () => {
    const asten = pit.partnerIds.asten!;
    const html = await download(u.fg, `/export/handback/${caseId}.html?partnerId=${asten}`);
    expect(html.res.status).toBe(200);
    expect(html.res.headers.get('cache-control')).toBe('no-store');
    const page = html.body.toString('utf8');
    expect(page).toContain('A. Sten, Markt 2');
    expect(page).toContain('111222333');
    expect(page).not.toContain('S. Enzer');
    const docx = await download(u.asten, `/export/handback/${caseId}.docx`);
    expect(docx.res.status).toBe(200);
    expect(docx.res.headers.get('content-disposition')).toMatch(/^attachment; filename="teruggave-.+\.docx"$/);
    const text = docxText(docx.body);
    expect(text).toContain('A. Sten, Markt 2');
    expect(text).toContain('111222333');
    expect(text).not.toContain('S. Enzer');
    expect(exported()).toEqual([
      [u.fg.id, { partnerId: asten, format: 'html' }],
      [u.asten.id, { partnerId: asten, format: 'docx' }],
    ]);
  });

  it('refuses another partner, the coordinator of another partner, and another team, without content', async () => {
    const before = exported().length;
    for (const user of [u.senzer, u.coordinator]) {
      const refused = await download(user, `/export/handback/${caseId}.docx?partnerId=${pit.partnerIds.asten!}`);
      expect(refused.res.status).toBe(403);
      expect(refused.body.toString('utf8')).not.toContain('Sten');
    }
    const otherTeam = await download(u.bitFg, `/export/handback/${caseId}.html?partnerId=${pit.partnerIds.asten!}`);
    expect(otherTeam.res.status).toBe(404);
    expect(otherTeam.body.toString('utf8')).not.toContain('Sten');
    expect(exported().length).toBe(before);
  });

  it("the role check and the audit are the covenants.handback procedure's, the download only renders it (issue 12)", async () => {
    const asten = pit.partnerIds.asten!;
    const refusal = await callerFor(deps, u.senzer)
      .covenants.handback({ caseId, partnerId: asten, format: 'html' })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TRPCError);
    expect((refusal as TRPCError).code).toBe('FORBIDDEN');
    const refused = await download(u.senzer, `/export/handback/${caseId}.html?partnerId=${asten}`);
    expect(refused.res.status).toBe(403);
    expect(refused.body.toString('utf8')).toBe(describeError(refusal as TRPCError, 'nl').message);
    // The procedure audits the hand-back with its format, whoever calls it.
    const before = exported().length;
    const data = await callerFor(deps, u.asten).covenants.handback({ caseId, partnerId: null, format: 'docx' });
    expect(data.subjects.flatMap((subject) => subject.items.map((i) => i.value))).toEqual(['A. Sten, Markt 2', '111222333']);
    expect(exported().length).toBe(before + 1);
    expect(exported().at(-1)).toEqual([u.asten.id, { partnerId: asten, format: 'docx' }]);
  });
});
