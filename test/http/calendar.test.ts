// .ics download per overleg and the personal calendar feed, over real HTTP, parsed with ical.js.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import type { SessionUser } from '../../server/auth/sessions';

/** The wall-clock time in Amsterdam of an instant, computed independently of the server's clock code. */
const amsterdamTime = (at: Date) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);

let deps: TestDeps;
let server: Awaited<ReturnType<typeof startTestServer>>;
let pit: TestTeam;
let coordinator: SessionUser;
let member: SessionUser;
let bitMember: SessionUser;

beforeAll(async () => {
  deps = createTestDeps({ config: { publicUrl: 'https://overleg.example.nl' } });
  pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  member = await makeUser(deps, pit, 'member', 'senzer');
  bitMember = await makeUser(deps, bit, 'member', 'hilversum');
  server = await startTestServer(deps);
});
afterAll(() => server.close());

async function login(user: SessionUser) {
  const client = trpcHttp(server.origin);
  await client.mutation('auth.login', { email: user.email, password: TEST_PASSWORD });
  return client;
}

function parse(text: string) {
  const root = ICAL.Component.fromString(text);
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('.ics per overleg', () => {
  it('a 09:30 overleg is 09:30 Europe/Amsterdam in winter and in summer (DST change in between)', async () => {
    const c = callerFor(deps, coordinator);
    const { ids } = await c.meetings.createSeries({
      weekday: 2,
      time: '09:30',
      intervalWeeks: 2,
      from: '2027-03-16',
      until: '2027-03-31',
      location: 'Stadhuis Helmond; zaal 3, 2e etage',
      durationMinutes: 90,
    });
    expect(ids).toHaveLength(2); // 16 March (winter time) and 30 March (summer time)
    for (const id of ids) await c.meetings.publish({ id });
    const client = await login(member);
    const expected = [
      { id: ids[0]!, utcStart: '2027-03-16T08:30:00.000Z', utcEnd: '2027-03-16T10:00:00.000Z' },
      { id: ids[1]!, utcStart: '2027-03-30T07:30:00.000Z', utcEnd: '2027-03-30T09:00:00.000Z' },
    ];
    for (const e of expected) {
      const res = await fetch(`${server.origin}/calendar/meeting/${e.id}.ics`, { headers: { cookie: client.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="overleg-pit-2027-03-\d\d\.ics"$/);
      const text = await res.text();
      expect(text).toContain('\r\n');
      // An absolute instant (UTC), which every calendar shows in its own zone.
      expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      const { events } = parse(text);
      expect(events).toHaveLength(1);
      const event = events[0]!;
      expect(amsterdamTime(event.startDate.toJSDate())).toBe('09:30');
      expect(amsterdamTime(event.endDate.toJSDate())).toBe('11:00');
      expect(event.startDate.toJSDate().toISOString()).toBe(e.utcStart);
      expect(event.endDate.toJSDate().toISOString()).toBe(e.utcEnd);
      expect(event.summary).toBe('Overleg PIT Peelland');
      expect(event.location).toBe('Stadhuis Helmond; zaal 3, 2e etage');
      expect(event.description).toContain(`https://overleg.example.nl/overleggen/${e.id}`);
      expect(event.uid).toBe(`overleg-meeting-${e.id}-team-${pit.teamId}@overleg`);
    }
  });

  it('only for who may see the overleg: concept, another team or no session are 404', async () => {
    const c = callerFor(deps, coordinator);
    const { id } = await c.meetings.create({ startsAt: '2026-12-08T08:30:00Z', title: 'Nog in concept' });
    const asMember = await login(member);
    const asCoordinator = await login(coordinator);
    const asOtherTeam = await login(bitMember);
    const get = (cookie: string) => fetch(`${server.origin}/calendar/meeting/${id}.ics`, { headers: cookie ? { cookie } : {} });
    expect((await get(asMember.cookie)).status).toBe(404);
    const concept = await get(asCoordinator.cookie);
    expect(concept.status).toBe(200);
    expect(await concept.text()).toContain('STATUS:TENTATIVE');
    await c.meetings.publish({ id });
    expect((await get(asMember.cookie)).status).toBe(200);
    const foreign = await get(asOtherTeam.cookie);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toContain('concept');
    expect((await get('')).status).toBe(404);
    expect(
      (await fetch(`${server.origin}/calendar/meeting/${id}.ics`, { method: 'POST', headers: { cookie: asMember.cookie } })).status,
    ).toBe(405);
  });
});

describe('personal calendar feed', () => {
  it('serves the team overleggen the user may see by secret URL; rotating revokes the old URL', async () => {
    const c = callerFor(deps, coordinator);
    const published = await c.meetings.create({ startsAt: '2027-01-12T08:30:00Z', title: 'Januari-overleg' });
    await c.meetings.publish(published);
    await c.meetings.create({ startsAt: '2027-01-26T08:30:00Z', title: 'Concept-overleg februari' });

    const client = await login(member);
    const first = await client.mutation('meetings.calendarFeed', {});
    const path: string = first.body.result!.data.path;
    expect(path).toMatch(/^\/calendar\/feed\/\d+\.[A-Za-z0-9_-]{43}\.ics$/);
    // Asking again gives the same URL (calendar apps keep it).
    expect((await client.mutation('meetings.calendarFeed', {})).body.result!.data.path).toBe(path);

    const feed = await fetch(`${server.origin}${path}`);
    expect(feed.status).toBe(200);
    const { events, root } = parse(await feed.text());
    expect(root.getFirstPropertyValue('x-wr-calname')).toBe('Overleg PIT Peelland');
    const titles = events.map((e) => e.summary);
    expect(titles).toContain('Januari-overleg');
    expect(titles).not.toContain('Concept-overleg februari'); // members never see concepts
    const jan = events.find((e) => e.summary === 'Januari-overleg')!;
    expect(amsterdamTime(jan.startDate.toJSDate())).toBe('09:30');

    // The coordinator's own feed includes the concept, marked tentative.
    const coordinatorFeed = (await (await login(coordinator)).mutation('meetings.calendarFeed', {})).body.result!.data.path;
    const all = parse(await (await fetch(`${server.origin}${coordinatorFeed}`)).text()).events;
    expect(all.find((e) => e.summary === 'Concept-overleg februari')!.component.getFirstPropertyValue('status')).toBe('TENTATIVE');

    const rotated = (await client.mutation('meetings.calendarFeed', { rotate: true })).body.result!.data.path;
    expect(rotated).not.toBe(path);
    expect((await fetch(`${server.origin}${path}`)).status).toBe(404);
    expect((await fetch(`${server.origin}${rotated}`)).status).toBe(200);

    // A forged token for the same user, or garbage, is a plain 404.
    const forged = rotated.replace(/\.([A-Za-z0-9_-])/, (_m, ch: string) => `.${ch === 'A' ? 'B' : 'A'}`);
    expect((await fetch(`${server.origin}${forged}`)).status).toBe(404);
    expect((await fetch(`${server.origin}/calendar/feed/nonsense.ics`)).status).toBe(404);
  });

  it('folds long lines and keeps non-ASCII text intact', async () => {
    const c = callerFor(deps, coordinator);
    const title = 'Overleg über één café '.repeat(6).trim();
    const { id } = await c.meetings.create({ startsAt: '2027-02-09T08:30:00Z', title });
    await c.meetings.publish({ id });
    const client = await login(member);
    const text = await (await fetch(`${server.origin}/calendar/meeting/${id}.ics`, { headers: { cookie: client.cookie } })).text();
    // The `ics` library folds at 75 characters (RFC 5545 asks for octets as a SHOULD; calendar
    // clients accept both); what matters is that the text comes back whole.
    expect(text.split('\r\n').some((line) => /^[ \t]/.test(line))).toBe(true);
    for (const line of text.split('\r\n')) expect([...line].length).toBeLessThanOrEqual(76);
    expect(parse(text).events[0]!.summary).toBe(title);
  });

  it('ends on the day the partner leaves (art. 14), and when the account is disabled', async () => {
    const c = callerFor(deps, coordinator);
    const { id } = await c.meetings.create({ startsAt: '2027-03-02T08:30:00Z', title: 'Maart-overleg' });
    await c.meetings.publish({ id });
    const leaver = await makeUser(deps, pit, 'member', 'bsob');
    const stays = await makeUser(deps, pit, 'member', 'vrbzo');
    const leaverPath: string = (await (await login(leaver)).mutation('meetings.calendarFeed', {})).body.result!.data.path;
    const staysPath: string = (await (await login(stays)).mutation('meetings.calendarFeed', {})).body.result!.data.path;
    const partner = (await c.partners.list()).find((p) => p.id === pit.partnerIds.bsob)!;
    await c.partners.leave({ partnerId: partner.id, noticeGivenOn: '2026-11-25', leftOn: '2027-02-01', version: partner.version });
    const status = async (path: string) => (await fetch(`${server.origin}${path}`)).status;
    try {
      // The last day of membership (Amsterdam time) the feed still serves…
      deps.clock.set('2027-01-31T22:30:00Z'); // 23:30 in Amsterdam
      expect(await status(leaverPath)).toBe(200);
      // …from the leaving date on it is a plain 404, like any unknown URL.
      deps.clock.set('2027-01-31T23:30:00Z'); // 00:30 on 1 February in Amsterdam
      const gone = await fetch(`${server.origin}${leaverPath}`);
      expect(gone.status).toBe(404);
      expect(await gone.text()).toBe('Niet gevonden. / Not found.');
      expect(await status(staysPath)).toBe(200);
    } finally {
      deps.clock.set('2026-11-25T09:00:00Z');
    }

    // A disabled account's feed ends at once; enabling it again restores the same URL.
    expect(await status(staysPath)).toBe(200);
    await c.users.setDisabled({ userId: stays.id, disabled: true });
    expect(await status(staysPath)).toBe(404);
    await c.users.setDisabled({ userId: stays.id, disabled: false });
    expect(await status(staysPath)).toBe(200);
  });
});
