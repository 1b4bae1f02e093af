// The live view builds one snapshot per visibility class and shares it (issue 12): subscribers of
// the same partner share one build per change, subscribers of different partners never share,
// and every subscriber's read of personal data is still audited under their own name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { makeCase } from '../helpers/cases';
import { liveData, snapshot, subscribe, type LiveData } from '../helpers/sse';
import { auditLog, securityEvents, teams } from '../../db/schema';
import { verifyAuditChain } from '../../server/audit';
import { liveBuildCount } from '../../server/domain/live-shared';
import type { SessionUser } from '../../server/auth/sessions';
import type { LiveSnapshot } from '../../server/domain/live';

/** A live snapshot as it arrives (JSON), checked with the server's own type. */
const live = (check: (d: Partial<LiveSnapshot>) => boolean) => snapshot((d) => check(d));

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let coordinator: SessionUser;

async function login(user: SessionUser) {
  const client = trpcHttp(server.origin);
  expect((await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  return client.cookie;
}

beforeAll(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  server = await startTestServer(deps);
});
afterAll(() => server.close());

describe('live view: one build per visibility class', () => {
  it('Helmond members share one build, Senzer and a member with an own proposal get their own; each read is audited per subscriber', async () => {
    const c = callerFor(deps, coordinator);
    const helmondA = await makeUser(deps, pit, 'member', 'helmond');
    const helmondB = await makeUser(deps, pit, 'member', 'helmond');
    const helmondC = await makeUser(deps, pit, 'member', 'helmond');
    const senzer = await makeUser(deps, pit, 'member', 'senzer');
    const police = await makeUser(deps, pit, 'member', 'politie');
    const casus = await makeCase(deps, pit, coordinator, { status: 'actief' });
    await callerFor(deps, police).subjects.add({
      caseId: casus.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'P. Politiebron, Geheimweg 7, Helmond' }],
    });
    await callerFor(deps, helmondA).subjects.add({
      caseId: casus.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'G. Gemeentebron, Marktstraat 2, Helmond' }],
    });
    const meeting = await c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    const item = await c.agenda.add({ meetingId: meeting.id, section: 'lopende_casussen', title: 'Casus bespreken', caseId: casus.id });
    await c.meetings.publish(meeting);
    // A member's own proposal (not accepted) is theirs alone (agendaVisibility): B gets a build of its own.
    await callerFor(deps, helmondB).agenda.propose({ meetingId: meeting.id, title: 'Voorstel van B over de wijk' });
    await c.meetings.start(meeting);

    const streams = {
      a: await subscribe(server.origin, await login(helmondA), 'meetings.live', { meetingId: meeting.id }),
      b: await subscribe(server.origin, await login(helmondB), 'meetings.live', { meetingId: meeting.id }),
      c: await subscribe(server.origin, await login(helmondC), 'meetings.live', { meetingId: meeting.id }),
      s: await subscribe(server.origin, await login(senzer), 'meetings.live', { meetingId: meeting.id }),
    };
    try {
      for (const s of Object.values(streams)) await s.until(live((d) => d.meeting?.status === 'bezig'));
      const before = liveBuildCount(deps);
      await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
      const at = async (s: typeof streams.a) => liveData(await s.until(snapshot((d) => d.current?.item.id === item.id)));
      const [a, b, cc, s] = [await at(streams.a), await at(streams.b), await at(streams.c), await at(streams.s)];
      // One build for A and C (the Helmond class), one for B (its own proposal), one for Senzer.
      expect(liveBuildCount(deps) - before).toBe(3);
      const values = (d: LiveData) => d.current!.casus!.subjects.flatMap((x) => x.items.map((i) => i.value)).sort();
      expect(values(a)).toEqual(['G. Gemeentebron, Marktstraat 2, Helmond', 'P. Politiebron, Geheimweg 7, Helmond']);
      expect(values(b)).toEqual(values(a));
      expect(cc).toEqual(a);
      expect(b.meeting.agenda.map((i) => i.title)).toContain('Voorstel van B over de wijk');
      expect(values(s)).toEqual(['G. Gemeentebron, Marktstraat 2, Helmond']);
      expect(streams.s.raw).not.toContain('Politiebron');
      // P6: each subscriber's read is in the audit log under their own name, once.
      const reads = (user: SessionUser) =>
        deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'personal_data.read'), eq(auditLog.actorId, user.id), eq(auditLog.caseId, casus.id)))
          .all();
      for (const user of [helmondA, helmondB, helmondC, senzer]) expect(reads(user)).toHaveLength(1);
      expect(JSON.parse(reads(senzer)[0]!.detail!)).toEqual({ purpose: 'live', items: 1, categories: ['naw'], subjects: 1, police: false });
      expect(JSON.parse(reads(helmondB)[0]!.detail!)).toEqual({
        purpose: 'live',
        items: 2,
        categories: ['naw'],
        subjects: 2,
        police: true,
      });

      for (const stream of [streams.a, streams.c, streams.s]) expect(stream.raw).not.toContain('Voorstel van B');
    } finally {
      for (const s of Object.values(streams)) await s.close();
    }
  });
});

describe('live view: the audit of one update', () => {
  it('writes every subscriber’s read in one transaction (consecutive rows), keeps the chain intact, and counts each subscriber for the mass-read alert', async () => {
    const c = callerFor(deps, coordinator);
    const first = await makeUser(deps, pit, 'member', 'helmond');
    const second = await makeUser(deps, pit, 'member', 'helmond');
    const casus = await makeCase(deps, pit, coordinator, { status: 'actief' });
    await callerFor(deps, first).subjects.add({
      caseId: casus.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'A. Alarm, Kerkstraat 1, Helmond' }],
    });
    const meeting = await c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    const item = await c.agenda.add({
      meetingId: meeting.id,
      section: 'lopende_casussen',
      title: 'Casus voor het logboek',
      caseId: casus.id,
    });
    await c.meetings.publish(meeting);
    await c.meetings.start(meeting);
    // No current casus when they subscribe: the first snapshots read no betrokkenen.
    await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: null });
    // Any read of one betrokkene crosses this team's threshold.
    deps.db.update(teams).set({ massReadSubjects: 0 }).where(eq(teams.id, pit.teamId)).run();
    const streams = [
      await subscribe(server.origin, await login(first), 'meetings.live', { meetingId: meeting.id }),
      await subscribe(server.origin, await login(second), 'meetings.live', { meetingId: meeting.id }),
    ];
    try {
      for (const s of streams) await s.until(live((d) => d.meeting?.status === 'bezig'));
      await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
      for (const s of streams) await s.until(live((d) => d.current?.item.id === item.id));
      const reads = deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'personal_data.read'), eq(auditLog.caseId, casus.id)))
        .orderBy(asc(auditLog.id))
        .all();
      expect(reads.map((r) => r.actorId).sort()).toEqual([first.id, second.id].sort());
      expect(reads[1]!.id - reads[0]!.id).toBe(1);
      expect(verifyAuditChain(deps.db)).toBeNull();
      // P6: the shared build is no way around the mass-read alert — each subscriber is counted.
      const alerts = deps.db
        .select({ userId: securityEvents.userId })
        .from(securityEvents)
        .where(eq(securityEvents.kind, 'reads.mass'))
        .all();
      expect(alerts.map((a) => a.userId).sort()).toEqual([first.id, second.id].sort());
      const logged = deps.db.select({ actorId: auditLog.actorId }).from(auditLog).where(eq(auditLog.action, 'security.mass_read')).all();
      expect(logged.map((a) => a.actorId).sort()).toEqual([first.id, second.id].sort());
    } finally {
      for (const s of streams) await s.close();
    }
  });
});
