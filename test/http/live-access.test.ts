// The live stream lives only as long as its session and reader (issue 8 item 2): over real HTTP
// (SSE), a logout, a disabled account, a partner that left, an expired session or a changed role
// end an open `meetings.live` stream; open streams are capped per session and per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { snapshot, subscribe, type SseEvent } from '../helpers/sse';
import type { SessionUser } from '../../server/auth/sessions';
import { sessions, users } from '../../db/schema';

type Env = {
  deps: TestDeps;
  server: Awaited<ReturnType<typeof startTestServer>>;
  pit: TestTeam;
  coordinator: SessionUser;
  admin: SessionUser;
};

async function environment(config: { liveRecheckMs?: number } = {}): Promise<Env> {
  const deps = createTestDeps({ config });
  const pit = makeTeam(deps, 'pit', { endsOn: null });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const admin = await makeUser(deps, pit, 'admin');
  const server = await startTestServer(deps);
  return { deps, server, pit, coordinator, admin };
}

async function login(env: Env, user: SessionUser) {
  const client = trpcHttp(env.server.origin);
  const res = await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD });
  expect(res.status).toBe(200);
  return client;
}

/** A running overleg the members may follow. */
async function runningMeeting(env: Env) {
  const c = callerFor(env.deps, env.coordinator);
  const meeting = await c.meetings.create({ startsAt: '2026-11-25T09:00:00Z', title: 'Overleg Peelland' });
  await c.meetings.publish(meeting);
  await c.meetings.start(meeting);
  return meeting;
}

const errorOf = (e: SseEvent) => JSON.parse(e.data) as { message: string; data: { code: string; key: string } };
const isError = (e: SseEvent) => e.event === 'serialized-error';
const channelListeners = (env: Env) => env.deps.events.listenerCount(`team:${env.pit.teamId}`);

describe('an open live stream ends with its session (events)', () => {
  // The default re-check interval (30 s): these streams end through the event, not the timer.
  let env: Env;
  beforeAll(async () => {
    env = await environment();
  });
  afterAll(() => env.server.close());

  it('logout ends the stream at once, with UNAUTHORIZED, and nothing is sent after it', async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'senzer');
    const meeting = await runningMeeting(env);
    const client = await login(env, member);
    const stream = await subscribe(env.server.origin, client.cookie, 'meetings.live', { meetingId: meeting.id });
    await stream.until(snapshot((d) => d.meeting?.status === 'bezig'));

    expect((await client.mutation('auth.logout')).status).toBe(200);
    await stream.ended;
    const last = stream.events.at(-1)!;
    expect(isError(last)).toBe(true);
    expect(errorOf(last).data.code).toBe('UNAUTHORIZED');
    expect(errorOf(last).message).toBe('Log in om verder te gaan.');
    expect(stream.events.filter((e) => e.event === 'message' && e.data)).toHaveLength(1);
    await expect.poll(() => channelListeners(env)).toBe(0);
  });

  it('disabling the account ends its stream; another member keeps following', async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'senzer');
    const other = await makeUser(env.deps, env.pit, 'member', 'helmond');
    const meeting = await runningMeeting(env);
    const stream = await subscribe(env.server.origin, (await login(env, member)).cookie, 'meetings.live', { meetingId: meeting.id });
    const otherStream = await subscribe(env.server.origin, (await login(env, other)).cookie, 'meetings.live', { meetingId: meeting.id });
    try {
      await stream.until(snapshot((d) => d.meeting?.status === 'bezig'));
      await otherStream.until(snapshot((d) => d.meeting?.status === 'bezig'));

      await callerFor(env.deps, env.admin).users.setDisabled({ userId: member.id, disabled: true });
      await stream.ended;
      expect(errorOf(stream.events.at(-1)!).data.code).toBe('UNAUTHORIZED');

      // The chair goes on: the other member still gets snapshots, the disabled one nothing more.
      const before = stream.raw;
      await callerFor(env.deps, env.coordinator).meetings.update({
        id: meeting.id,
        version: (await callerFor(env.deps, env.coordinator).meetings.get(meeting)).version,
        title: 'Overleg Peelland (vervolg)',
      });
      await otherStream.until(snapshot((d) => d.meeting?.title === 'Overleg Peelland (vervolg)'));
      expect(stream.raw).toBe(before);
    } finally {
      await stream.close();
      await otherStream.close();
    }
  });
});

describe('an open live stream re-checks itself without any event', () => {
  // A short interval stands in for the 30 s; the test clock moves the calendar.
  let env: Env;
  beforeAll(async () => {
    env = await environment({ liveRecheckMs: 25 });
  });
  afterAll(() => env.server.close());

  it("the partner leaving on its date ends its member's stream", async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'senzer');
    const meeting = await runningMeeting(env);
    const stream = await subscribe(env.server.origin, (await login(env, member)).cookie, 'meetings.live', { meetingId: meeting.id });
    await stream.until(snapshot((d) => d.meeting?.status === 'bezig'));

    const senzer = (await callerFor(env.deps, env.admin).partners.list()).find((p) => p.id === env.pit.partnerIds.senzer)!;
    await callerFor(env.deps, env.admin).partners.leave({
      partnerId: senzer.id,
      noticeGivenOn: '2026-11-25',
      leftOn: '2027-01-25',
      version: senzer.version,
    });
    // Notice given, not yet left: the stream stays (several re-checks pass on the real timer).
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.events.some(isError)).toBe(false);

    env.deps.clock.set('2027-01-25T08:00:00Z'); // the leaving date in Amsterdam; no event at all
    await stream.ended;
    expect(errorOf(stream.events.at(-1)!).data.code).toBe('UNAUTHORIZED');
    env.deps.clock.set('2026-11-25T09:00:00Z');
  });

  it('an idle session expires under an open stream: the re-check does not count as activity', async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'helmond');
    const meeting = await runningMeeting(env);
    const client = await login(env, member);
    const stream = await subscribe(env.server.origin, client.cookie, 'meetings.live', { meetingId: meeting.id });
    await stream.until(snapshot((d) => d.meeting?.status === 'bezig'));
    const lastSeen = () => env.deps.db.select({ at: sessions.lastSeenAt }).from(sessions).where(eq(sessions.userId, member.id)).get()?.at;
    const seenAtLogin = lastSeen();

    // 100 minutes on, a change in the overleg: the stream re-checks (valid) and sends it ...
    env.deps.clock.advanceMinutes(100);
    const c = callerFor(env.deps, env.coordinator);
    await c.meetings.update({ id: meeting.id, version: (await c.meetings.get(meeting)).version, title: 'Na de pauze' });
    await stream.until(snapshot((d) => d.meeting?.title === 'Na de pauze'));
    expect(lastSeen()).toBe(seenAtLogin); // ... without touching the session
    // ... and 21 minutes later (121 idle) the session has expired: the timer ends the stream.
    env.deps.clock.advanceMinutes(21);
    await stream.ended;
    expect(errorOf(stream.events.at(-1)!).data.code).toBe('UNAUTHORIZED');
    expect(lastSeen()).toBeUndefined(); // the expired session is gone
    env.deps.clock.set('2026-11-25T09:00:00Z');
  });

  it('a changed role ends the stream: its snapshots were built for the old reader', async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'helmond');
    const meeting = await runningMeeting(env);
    const stream = await subscribe(env.server.origin, (await login(env, member)).cookie, 'meetings.live', { meetingId: meeting.id });
    await stream.until(snapshot((d) => d.meeting?.status === 'bezig'));
    env.deps.db.update(users).set({ role: 'viewer' }).where(eq(users.id, member.id)).run();
    await stream.ended;
    const error = errorOf(stream.events.at(-1)!);
    expect(error.data).toMatchObject({ code: 'FORBIDDEN', key: 'live.accessChanged' });
    expect(error.message).toBe('Uw toegang is gewijzigd; de live-weergave is gestopt. Laad de pagina opnieuw.');
  });
});

describe('open live streams are capped', () => {
  let env: Env;
  beforeAll(async () => {
    env = await environment();
  });
  afterAll(() => env.server.close());

  it('3 per session and 5 per user; the next one is refused, translated; a closed one frees its slot', async () => {
    const member = await makeUser(env.deps, env.pit, 'member', 'senzer');
    const meeting = await runningMeeting(env);
    const first = (await login(env, member)).cookie;
    const second = (await login(env, member)).cookie;
    const open = (cookie: string) => subscribe(env.server.origin, cookie, 'meetings.live', { meetingId: meeting.id });
    const started = async (cookie: string) => {
      const s = await open(cookie);
      const e = await s.until((x) => isError(x) || snapshot((d) => d.meeting?.status === 'bezig')(x));
      return { s, error: isError(e) ? errorOf(e) : null };
    };
    const streams: Awaited<ReturnType<typeof open>>[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const { s, error } = await started(first);
        streams.push(s);
        expect(error).toBeNull();
      }
      const overSession = await started(first);
      streams.push(overSession.s);
      expect(overSession.error?.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', key: 'live.tooManyStreams' });
      expect(overSession.error?.message).toBe('U volgt al 3 live-overleggen tegelijk. Sluit eerst een ander venster met de live-weergave.');
      expect(overSession.s.raw).not.toContain('Overleg Peelland');

      for (let i = 0; i < 2; i++) {
        const { s, error } = await started(second);
        streams.push(s);
        expect(error).toBeNull();
      }
      const overUser = await started(second);
      streams.push(overUser.s);
      expect(overUser.error?.data).toMatchObject({ code: 'TOO_MANY_REQUESTS', key: 'live.tooManyStreams' });
      expect(overUser.error?.message).toContain('5');
      expect(channelListeners(env)).toBe(5);

      // A closed stream frees its slot (of the session and of the user).
      await streams[0]!.close();
      await expect.poll(() => channelListeners(env)).toBe(4);
      const again = await started(first);
      streams.push(again.s);
      expect(again.error).toBeNull();
    } finally {
      for (const s of streams) await s.close();
    }
    await expect.poll(() => channelListeners(env)).toBe(0);
    // Every slot was released: the same session opens 3 again.
    const reopened = [];
    try {
      for (let i = 0; i < 3; i++) reopened.push(await started(first));
      expect(reopened.map((r) => r.error)).toEqual([null, null, null]);
    } finally {
      for (const r of reopened) await r.s.close();
    }
  });
});
