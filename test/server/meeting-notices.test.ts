// Issue 9 item 14: publishing an overleg, and moving a published one, mails every active member
// of every partner expected at it an invite (.ics) with a link — and no personal data (P7).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { partners, users } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { insertMeeting } from '../helpers/meetings';
import { startSmtpSink } from '../helpers/smtp-sink';
import { mimeParts, wholeMail } from '../helpers/mime';
import { closeMailTransports } from '../../server/mail';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterEach(() => {
  sink.messages.length = 0;
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
});

const NAW = 'P. Politiebekend, Steeg 1, Helmond';
const KENTEKEN = '12-ABC-3';
const NALEVING = 'Onrechtmatige bewoning gemeld';

async function scenario() {
  const deps = createTestDeps({
    config: { smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl', mailFrom: 'Overleg PIT <overleg@pit.example.nl>' },
  });
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond', 'Marieke Verbeek');
  const gemeente = await makeUser(deps, pit, 'member', 'asten', 'Joost Verhoeven');
  const politie = await makeUser(deps, pit, 'member', 'politie', 'Mark Bosman');
  const senzer = await makeUser(deps, pit, 'member', 'senzer', 'Noor van den Berg');
  const disabled = await makeUser(deps, pit, 'member', 'deurne', 'Uit Dienst');
  deps.db.update(users).set({ disabledAt: '2026-11-20T00:00:00Z' }).where(eq(users.id, disabled.id)).run();
  // A partner that leaves before the overleg is not expected there (art. 14).
  const leaving = await makeUser(deps, pit, 'member', 'gemert-bakel', 'Vertrekt Binnenkort');
  deps.db.update(partners).set({ leftOn: '2026-11-30' }).where(eq(partners.id, pit.partnerIds['gemert-bakel']!)).run();
  await makeUser(deps, pit, 'viewer', null);
  await makeUser(deps, pit, 'privacy', null);
  const pand = await makeCase(deps, pit, coordinator);
  await callerFor(deps, politie).subjects.add({
    caseId: pand.id,
    kind: 'person',
    items: [
      { category: 'naw', value: NAW },
      { category: 'kenteken', value: KENTEKEN },
    ],
  });
  await callerFor(deps, gemeente).subjects.add({ caseId: pand.id, kind: 'person', items: [{ category: 'naleving', value: NALEVING }] });
  const meeting = insertMeeting(deps, pit, {
    status: 'concept',
    startsAt: '2026-12-01T08:30:00.000Z',
    title: 'Overleg PIT Peelland',
    chair: coordinator,
    items: [{ section: 'lopende_casussen', title: 'Bespreking pand Kerkstraat', caseId: pand.id, notes: 'Signalen van overbewoning.' }],
  });
  return { deps, pit, coordinator, gemeente, politie, senzer, disabled, leaving, pand, meeting, coord: callerFor(deps, coordinator) };
}

function invite(raw: string) {
  const part = mimeParts(raw).find((p) => p.contentType === 'text/calendar');
  expect(part).toBeDefined();
  const root = ICAL.Component.fromString(part!.body);
  const events = root.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const event = events[0]!;
  return {
    part: part!,
    method: root.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    dtstart: event.getFirstProperty('dtstart')!.toICALString(),
    url: event.getFirstPropertyValue('url'),
    description: event.getFirstPropertyValue('description'),
  };
}

describe('meeting notices (issue 9 item 14)', () => {
  it('publishing mails one invite per expected partner member, with a valid .ics and the link', async () => {
    const s = await scenario();
    await s.coord.meetings.publish({ id: s.meeting.id });
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([s.gemeente.email, s.politie.email, s.senzer.email].sort());
    for (const message of sink.messages) {
      expect(message.to).toHaveLength(1);
      const ics = invite(message.raw);
      expect(ics.part.filename).toBe('overleg-pit-2026-12-01.ics');
      expect(ics.method).toBe('PUBLISH');
      expect(ics.uid).toBe(`overleg-meeting-${s.meeting.id}-team-${s.pit.teamId}@overleg`);
      expect(ics.sequence).toBe(2); // version 1 → published 2
      expect(ics.status).toBe('CONFIRMED');
      expect(ics.start).toBe('2026-12-01T08:30:00.000Z');
      expect(ics.dtstart).toBe('DTSTART:20261201T083000Z');
      expect(ics.url).toBe(`https://overleg.example.nl/overleggen/${s.meeting.id}`);
      const text = wholeMail(message.raw);
      expect(text).toContain(`https://overleg.example.nl/overleggen/${s.meeting.id}`);
      expect(text).toContain('dinsdag 1 december 2026 om 09:30');
    }
  });

  it('P7: the whole mail, invite included, carries no personal data, casus address or agenda text', async () => {
    const s = await scenario();
    await s.coord.meetings.publish({ id: s.meeting.id });
    expect(sink.messages).toHaveLength(3);
    const pandCode = (await s.coord.cases.get({ id: s.pand.id })).code;
    for (const message of sink.messages) {
      const text = wholeMail(message.raw);
      for (const forbidden of [
        NAW,
        'Politiebekend',
        KENTEKEN,
        NALEVING,
        'Kerkstraat',
        '5701 AB',
        pandCode,
        'Bespreking pand',
        'overbewoning',
        'Joost Verhoeven',
        'Mark Bosman',
        'Noor van den Berg',
        'Marieke Verbeek',
      ]) {
        expect(text).not.toContain(forbidden);
      }
    }
  });

  it('moving a published overleg mails the same UID with a higher SEQUENCE; a title-only edit mails nothing', async () => {
    const s = await scenario();
    await s.coord.meetings.publish({ id: s.meeting.id });
    const first = invite(sink.messages[0]!.raw);
    sink.messages.length = 0;
    await s.coord.meetings.update({ id: s.meeting.id, version: 2, title: 'Overleg PIT Peelland (december)' });
    expect(sink.messages).toHaveLength(0);
    await s.coord.meetings.update({ id: s.meeting.id, version: 3, startsAt: '2026-12-02T13:00:00.000Z' });
    expect(sink.messages).toHaveLength(3);
    const moved = invite(sink.messages[0]!.raw);
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(4);
    expect(moved.sequence).toBeGreaterThan(Number(first.sequence));
    expect(moved.start).toBe('2026-12-02T13:00:00.000Z');
    expect(wholeMail(sink.messages[0]!.raw)).toContain('woensdag 2 december 2026 om 14:00');
    sink.messages.length = 0;
    await s.coord.meetings.update({ id: s.meeting.id, version: 4, location: 'Gemeentehuis Asten' });
    expect(sink.messages).toHaveLength(3);
    expect(invite(sink.messages[0]!.raw).sequence).toBe(5);
  });

  it('a concept overleg that moves mails nobody; a member in English gets English', async () => {
    const s = await scenario();
    await s.coord.meetings.update({ id: s.meeting.id, version: 1, startsAt: '2026-12-03T08:30:00.000Z' });
    expect(sink.messages).toHaveLength(0);
    s.deps.db.update(users).set({ locale: 'en' }).where(eq(users.id, s.politie.id)).run();
    await s.coord.meetings.publish({ id: s.meeting.id });
    const english = sink.messages.find((m) => m.to.includes(s.politie.email))!;
    expect(wholeMail(english.raw)).toContain(
      'The agenda of the PIT Peelland meeting on Thursday, 3 December 2026 at 09:30 has been published.',
    );
  });

  it('without SMTP publishing still works and sends nothing', async () => {
    const s = await scenario();
    s.deps.config.smtpUrl = null;
    expect(await s.coord.meetings.publish({ id: s.meeting.id })).toEqual({ ok: true });
    expect(sink.messages).toHaveLength(0);
  });

  it('cancelling a published overleg mails METHOD:CANCEL for the same UID with a higher SEQUENCE, and removes it', async () => {
    const s = await scenario();
    expect((await errorOf(() => s.coord.meetings.cancel({ id: s.meeting.id }))).key).toBe('meetings.onlyPublishedCancelled');
    await s.coord.meetings.publish({ id: s.meeting.id });
    const published = invite(sink.messages[0]!.raw);
    sink.messages.length = 0;
    expect(await s.coord.meetings.cancel({ id: s.meeting.id })).toEqual({ ok: true });
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([s.gemeente.email, s.politie.email, s.senzer.email].sort());
    const cancelled = invite(sink.messages[0]!.raw);
    expect(cancelled.method).toBe('CANCEL');
    expect(cancelled.status).toBe('CANCELLED');
    expect(cancelled.uid).toBe(published.uid);
    expect(cancelled.sequence).toBe(3);
    expect(cancelled.start).toBe('2026-12-01T08:30:00.000Z');
    const text = wholeMail(sink.messages[0]!.raw);
    expect(text).toContain('gaat niet door');
    for (const forbidden of [NAW, KENTEKEN, NALEVING, 'Kerkstraat', 'Bespreking pand']) expect(text).not.toContain(forbidden);
    expect((await errorOf(() => s.coord.meetings.get({ id: s.meeting.id }))).code).toBe('NOT_FOUND');
  });

  it('an overleg with captured work cannot be cancelled, and nobody is mailed', async () => {
    const s = await scenario();
    await s.coord.meetings.publish({ id: s.meeting.id });
    await s.coord.tasks.create({
      title: 'Al vastgelegd',
      assigneePartnerId: s.pit.partnerIds.politie!,
      dueDate: '2026-12-10',
      meetingId: s.meeting.id,
    });
    sink.messages.length = 0;
    expect((await errorOf(() => s.coord.meetings.cancel({ id: s.meeting.id }))).key).toBe('meetings.hasCaptured');
    expect(sink.messages).toHaveLength(0);
    expect((await s.coord.meetings.get({ id: s.meeting.id })).status).toBe('gepubliceerd');
  });
});
