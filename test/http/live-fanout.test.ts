// The live view's fan-out (issue 12): a snapshot is serialised once per visibility class and the
// same bytes go to all its subscribers, over the wire tRPC's own SSE producer writes; the reads of
// one update (audit rows and P12 disclosures) commit together; and a subscriber whose partner is
// suspended gets nothing more from the next update on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { exampleValues, makeCase } from '../helpers/cases';
import { liveData, snapshot, subscribe, type SseEvent } from '../helpers/sse';
import { appRouter } from '../../server/routers';
import { createContextFactory } from '../../server/http/server';
import { liveSerialisations, liveSerialisedBytes } from '../../server/domain/live-wire';
import type { SessionUser } from '../../server/auth/sessions';

type Env = { deps: TestDeps; server: Awaited<ReturnType<typeof startTestServer>>; team: TestTeam; coordinator: SessionUser };

async function environment(slug: 'pit' | 'bit', file?: string): Promise<Env> {
  const deps = createTestDeps(file ? { file } : {});
  const team = makeTeam(deps, slug, { endsOn: null });
  const coordinator = await makeUser(deps, team, 'coordinator', slug === 'pit' ? 'helmond' : 'hilversum');
  return { deps, server: await startTestServer(deps), team, coordinator };
}

async function login(env: Env, user: SessionUser) {
  const client = trpcHttp(env.server.origin);
  expect((await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD })).status).toBe(200);
  return client.cookie;
}

/** A running overleg with one casus on the agenda whose betrokkene the given partners may see (P14: each has a task). */
async function overlegWithCasus(env: Env, provider: string, involved: string[]) {
  const c = callerFor(env.deps, env.coordinator);
  const casus = await makeCase(env.deps, env.team, env.coordinator, { status: 'actief' });
  await c.subjects.add({
    caseId: casus.id,
    kind: 'person',
    sourcePartnerId: env.team.partnerIds[provider]!,
    items: [{ category: 'naw', value: exampleValues.naw }],
  });
  for (const slug of involved)
    await c.tasks.create({ title: 'Meekijken', assigneePartnerId: env.team.partnerIds[slug]!, dueDate: '2026-12-20', caseId: casus.id });
  const meeting = await c.meetings.create({ startsAt: '2026-11-25T09:00:00Z', title: 'Overleg live' });
  const item = await c.agenda.add({ meetingId: meeting.id, section: 'lopende_casussen', title: 'Casus bespreken', caseId: casus.id });
  const other = await c.agenda.add({ meetingId: meeting.id, section: 'lopende_casussen', title: 'Rondvraag' });
  await c.meetings.publish(meeting);
  await c.meetings.start(meeting);
  await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: other.id });
  return { meeting, item, other, c };
}

const started = (d: ReturnType<typeof liveData>) => d.meeting?.status === 'bezig';

describe('the wire of meetings.live', () => {
  let env: Env;
  beforeAll(async () => {
    env = await environment('pit');
  });
  afterAll(() => env.server.close());

  it("is byte for byte what tRPC's own SSE handler writes, for a snapshot and for an error", async () => {
    // The same app behind tRPC's standalone handler only: the reference.
    const reference = createServer(
      createHTTPHandler({ router: appRouter, basePath: '/trpc/', createContext: createContextFactory(env.deps) }),
    );
    await new Promise<void>((resolve) => reference.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(reference.address() as AddressInfo).port}`;
    try {
      const member = await makeUser(env.deps, env.team, 'member', 'senzer');
      const cookie = await login(env, member);
      const { meeting } = await overlegWithCasus(env, 'helmond', ['senzer']);
      const ours = await subscribe(env.server.origin, cookie, 'meetings.live', { meetingId: meeting.id });
      const theirs = await subscribe(origin, cookie, 'meetings.live', { meetingId: meeting.id });
      await ours.until(snapshot(started));
      await theirs.until(snapshot(started));
      await ours.close();
      await theirs.close();
      // Event ids carry the time of sending; everything else must be identical.
      const withoutIds = (raw: string) => raw.replace(/^id: .+$/gm, 'id: <id>');
      expect(withoutIds(ours.raw)).toBe(withoutIds(theirs.raw));
      expect(ours.raw).toMatch(/^event: connected\ndata: \{"reconnectAfterInactivityMs":20000\}\n\n\ndata: \{.*\}\nid: \d+-\d+-1\n\n\n$/s);
      expect(ours.contentType).toBe('text/event-stream');

      // An overleg that does not exist: the same error event, then the end.
      const ourError = await subscribe(env.server.origin, cookie, 'meetings.live', { meetingId: 999_999 });
      const theirError = await subscribe(origin, cookie, 'meetings.live', { meetingId: 999_999 });
      await ourError.ended;
      await theirError.ended;
      expect(ourError.raw).toBe(theirError.raw);
      expect(ourError.events.map((e) => e.event)).toEqual(['connected', 'serialized-error']);
    } finally {
      await new Promise<void>((resolve) => {
        reference.closeAllConnections();
        reference.close(() => resolve());
      });
    }
  });
});

describe('one update of the live view', () => {
  let env: Env;
  let dir: string;
  beforeAll(async () => {
    // A database file, so every commit shows as a commit frame in the write-ahead log.
    dir = mkdtempSync(join(tmpdir(), 'overleg-live-'));
    env = await environment('pit', join(dir, 'overleg.db'));
  });
  afterAll(async () => {
    await env.server.close();
    env.deps.db.$client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Commits since the log was last emptied: frames whose header holds the database size (WAL format). */
  function commitsSince(): number {
    const wal = readFileSync(join(dir, 'overleg.db-wal'));
    if (wal.length < 32) return 0;
    const pageSize = wal.readUInt32BE(8);
    let commits = 0;
    for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) if (wal.readUInt32BE(at + 4) !== 0) commits++;
    return commits;
  }
  const emptyLog = () => env.deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');

  it('serialises one snapshot per visibility class, sends the same bytes to its subscribers, and commits all reads of the update at once', async () => {
    const helmond = [
      await makeUser(env.deps, env.team, 'member', 'helmond'),
      await makeUser(env.deps, env.team, 'member', 'helmond'),
      await makeUser(env.deps, env.team, 'member', 'helmond'),
    ];
    const senzer = await makeUser(env.deps, env.team, 'member', 'senzer');
    const politie = await makeUser(env.deps, env.team, 'member', 'politie');
    // Provided by the coordinator's gemeente: Senzer and Politie see it as another partner's data (P12).
    const { meeting, item, other, c } = await overlegWithCasus(env, 'helmond', ['senzer', 'politie']);

    // What a switch commits on its own, with nobody following.
    emptyLog();
    await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
    await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: other.id });
    const switchCommits = commitsSince() / 2;

    const users = [...helmond, senzer, politie];
    const streams = await Promise.all(
      users.map(async (u) => subscribe(env.server.origin, await login(env, u), 'meetings.live', { meetingId: meeting.id })),
    );
    try {
      for (const s of streams) await s.until(snapshot(started));
      const serialised = liveSerialisations();
      const bytes = liveSerialisedBytes();
      emptyLog();
      await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
      const events: SseEvent[] = [];
      for (const s of streams) events.push(await s.until(snapshot((d) => d.current?.item.id === item.id)));

      // Three classes (Helmond, Senzer, Politie): three serialisations for five subscribers ...
      expect(liveSerialisations() - serialised).toBe(3);
      // ... put together from their parts: the overleg (the same for every member) and what was
      // captured (the same for everyone) serialised once; only each class's own part three times.
      const [h, s, p] = [events[0]!, events[3]!, events[4]!].map(liveData);
      const size = (value: unknown) => Buffer.byteLength(JSON.stringify(value));
      expect(liveSerialisedBytes() - bytes).toBe(
        size(h!.meeting) + size(h!.captured) + [h!, s!, p!].reduce((sum, d) => sum + size(d.at) + size(d.current), 0),
      );
      // ... and the Helmond members got the very same bytes.
      expect(new Set(events.slice(0, 3).map((e) => e.data)).size).toBe(1);
      expect(events.map((e) => liveData(e).current?.casus?.subjects.length)).toEqual([1, 1, 1, 1, 1]);
      // The switch, then ONE commit with every subscriber's audit row and the two partners'
      // disclosures — not one commit per visibility class.
      expect(commitsSince()).toBe(switchCommits + 1);
    } finally {
      for (const s of streams) await s.close();
    }
  });
});

describe('a suspended partner (BIT art. 6.6)', () => {
  let env: Env;
  beforeAll(async () => {
    env = await environment('bit');
  });
  afterAll(() => env.server.close());

  it('its subscriber gets nothing from the next update on; another partner keeps following', async () => {
    const laren = await makeUser(env.deps, env.team, 'member', 'laren');
    const huizen = await makeUser(env.deps, env.team, 'member', 'huizen');
    const fg = callerFor(env.deps, await makeUser(env.deps, env.team, 'privacy'));
    const { meeting, item, c } = await overlegWithCasus(env, 'hilversum', ['laren', 'huizen']);
    const larenStream = await subscribe(env.server.origin, await login(env, laren), 'meetings.live', { meetingId: meeting.id });
    const huizenStream = await subscribe(env.server.origin, await login(env, huizen), 'meetings.live', { meetingId: meeting.id });
    try {
      await larenStream.until(snapshot(started));
      await huizenStream.until(snapshot(started));
      const { id } = await c.partners.suspend({ partnerId: env.team.partnerIds.laren!, reason: 'Besluit stuurgroep' });
      await fg.partners.decideSuspension({ id, approve: true, reason: '', version: 1 });

      await c.meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: item.id });
      const seen = await huizenStream.until(snapshot((d) => d.current?.item.id === item.id));
      expect(liveData(seen).current?.casus?.subjects).toHaveLength(1);
      await larenStream.ended;
      const last = larenStream.events.at(-1)!;
      expect(last.event).toBe('serialized-error');
      expect((JSON.parse(last.data) as { data: { key: string } }).data.key).toBe('live.accessChanged');
      expect(larenStream.events.some(snapshot((d) => d.current?.item.id === item.id))).toBe(false);
      expect(larenStream.raw).not.toContain(exampleValues.naw);
    } finally {
      await larenStream.close();
      await huizenStream.close();
    }
  });
});
