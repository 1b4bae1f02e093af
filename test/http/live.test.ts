// The live view over real HTTP: tRPC subscription over Server-Sent Events, read with fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { makeCase } from '../helpers/cases';
import type { SessionUser } from '../../server/auth/sessions';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { liveData, snapshot, subscribe, type LiveData } from '../helpers/sse';
import { parseJson } from '../helpers/json';

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let coordinator: SessionUser;
let senzer: SessionUser;
let helmond: SessionUser;
let bitMember: SessionUser;

async function login(user: SessionUser) {
  const client = trpcHttp(server.origin);
  const res = await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return client.cookie;
}

beforeAll(async () => {
  deps = createTestDeps();
  // PIT with a running covenant, so betrokkenen may be recorded.
  pit = makeTeam(deps, 'pit', { endsOn: null });
  const bit = makeTeam(deps, 'bit');
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  senzer = await makeUser(deps, pit, 'member', 'senzer');
  helmond = await makeUser(deps, pit, 'member', 'helmond');
  bitMember = await makeUser(deps, bit, 'member', 'hilversum');
  server = await startTestServer(deps);
});
afterAll(() => server.close());

describe('meetings.live over SSE', () => {
  it('a captured task reaches a subscribed member; a police item never reaches a Senzer subscriber', async () => {
    const c = callerFor(deps, coordinator);
    const policeMember = await makeUser(deps, pit, 'member', 'politie');
    const casus = await makeCase(deps, pit, coordinator, { status: 'actief' });
    await callerFor(deps, policeMember).subjects.add({
      caseId: casus.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'P. Politiebron, Geheimweg 7, Helmond' }],
    });
    await callerFor(deps, helmond).subjects.add({
      caseId: casus.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'G. Gemeentebron, Marktstraat 2, Helmond' }],
    });

    const meeting = await c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    await c.agenda.prefill({ meetingId: meeting.id });
    const item = await c.agenda.add({ meetingId: meeting.id, section: 'lopende_casussen', title: 'Casus bespreken', caseId: casus.id });
    await c.meetings.publish(meeting);
    await c.meetings.start(meeting);

    const senzerStream = await subscribe(server.origin, await login(senzer), 'meetings.live', { meetingId: meeting.id });
    const helmondStream = await subscribe(server.origin, await login(helmond), 'meetings.live', { meetingId: meeting.id });
    try {
      expect(senzerStream.status).toBe(200);
      expect(senzerStream.contentType).toContain('text/event-stream');
      const first = await senzerStream.until(snapshot((d) => d.meeting?.status === 'bezig'));
      expect(first.id).toBeTruthy(); // tracked: reconnects carry lastEventId

      // The chair moves to the casus: both see it, each with what they may see.
      await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
      const sz = liveData(await senzerStream.until(snapshot((d) => d.current?.item.id === item.id)));
      const hm = liveData(await helmondStream.until(snapshot((d) => d.current?.item.id === item.id)));
      const values = (d: LiveData) => d.current!.casus!.subjects.flatMap((s) => s.items.map((i) => i.value));
      expect(values(hm)).toEqual(
        expect.arrayContaining(['P. Politiebron, Geheimweg 7, Helmond', 'G. Gemeentebron, Marktstraat 2, Helmond']),
      );
      expect(values(sz)).toEqual(['G. Gemeentebron, Marktstraat 2, Helmond']);
      expect(sz.current!.casus!.subjects).toHaveLength(1); // the police betrokkene leaves no trace

      // Notes autosave as the chair types: each save reaches the member, but the betrokkenen are
      // read (and audited) once per casus per stream, not once per keystroke.
      const reads = () =>
        deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'personal_data.read'), eq(auditLog.actorId, senzer.id)))
          .all().length;
      const readsBefore = reads();
      expect(readsBefore).toBe(1);
      let version = (await c.meetings.get(meeting)).agenda.find((i) => i.id === item.id)!.version;
      for (const notes of ['Pand', 'Pand bezocht', 'Pand bezocht; vervolg in december']) {
        version = (await c.agenda.saveNotes({ id: item.id, notes, decisions: '', version })).version;
      }
      await senzerStream.until(snapshot((d) => d.current?.item.notes === 'Pand bezocht; vervolg in december'));
      expect(reads()).toBe(readsBefore);

      // Quick capture in chair mode: a werkafspraak and a task appear for the member.
      const agreement = await c.agreements.create({
        caseId: casus.id,
        text: 'Gezamenlijke controle in december',
        responsiblePartnerId: pit.partnerIds.helmond!,
        meetingId: meeting.id,
        agendaItemId: item.id,
      });
      const task = await c.tasks.create({
        title: 'Uitkeringssituatie nagaan',
        assigneePartnerId: pit.partnerIds.senzer!,
        dueDate: '2026-12-09',
        meetingId: meeting.id,
        agendaItemId: item.id,
        caseId: casus.id,
      });
      const withTask = liveData(await senzerStream.until(snapshot((d) => d.captured.tasks.some((t) => t.id === task.id))));
      expect(withTask.captured.tasks.find((t) => t.id === task.id)).toMatchObject({
        title: 'Uitkeringssituatie nagaan',
        partner: 'Senzer',
        dueDate: '2026-12-09',
      });
      expect(withTask.captured.agreements.map((a) => a.id)).toEqual([agreement.id]);
      expect(withTask.current!.casus!.tasks.map((t) => t.id)).toContain(task.id);

      // A betrokkene recorded during the overleg on the current casus reaches the subscribers
      // within the next snapshot — each through their own visibility: a new police item never
      // reaches Senzer, a new gemeente item does.
      await callerFor(deps, policeMember).subjects.add({
        caseId: casus.id,
        kind: 'person',
        items: [{ category: 'kenteken', value: 'PX-777-Z' }],
      });
      await callerFor(deps, helmond).subjects.add({
        caseId: casus.id,
        kind: 'company',
        items: [{ category: 'naw', value: 'Voorbeeld Verhuur B.V., Helmond' }],
      });
      const shows = (d: LiveData, value: string) => Boolean(d.current?.casus) && values(d).includes(value);
      await helmondStream.until(snapshot((d) => shows(d, 'PX-777-Z') && shows(d, 'Voorbeeld Verhuur B.V., Helmond')));
      await senzerStream.until(snapshot((d) => shows(d, 'Voorbeeld Verhuur B.V., Helmond')));
      expect(senzerStream.raw).not.toContain('PX-777-Z');

      // Nothing the Senzer member received anywhere in the stream holds the police item.
      expect(senzerStream.raw).not.toContain('Politiebron');
      expect(senzerStream.raw).not.toContain('Geheimweg');
      expect(helmondStream.raw).toContain('Politiebron');
    } finally {
      await senzerStream.close();
      await helmondStream.close();
    }
    // Closed streams leave no listeners behind on the team's channel.
    await expect.poll(() => deps.events.listenerCount(`team:${pit.teamId}`)).toBe(0);
  });

  it('another team gets NOT_FOUND and no snapshot; without a session UNAUTHORIZED', async () => {
    const c = callerFor(deps, coordinator);
    const meeting = await c.meetings.create({ startsAt: '2026-12-02T09:00:00Z', title: 'Vertrouwelijk overleg' });
    await c.meetings.publish(meeting);
    const stream = await subscribe(server.origin, await login(bitMember), 'meetings.live', { meetingId: meeting.id });
    try {
      const error = await stream.until((e) => e.event === 'serialized-error');
      expect(parseJson<{ data: { code: string } }>(error.data).data.code).toBe('NOT_FOUND');
      expect(stream.raw).not.toContain('Vertrouwelijk');
    } finally {
      await stream.close();
    }
    const anonymous = await subscribe(server.origin, '', 'meetings.live', { meetingId: meeting.id });
    try {
      const error = await anonymous.until((e) => e.event === 'serialized-error');
      expect(parseJson<{ data: { code: string } }>(error.data).data.code).toBe('UNAUTHORIZED');
    } finally {
      await anonymous.close();
    }
  });
});
