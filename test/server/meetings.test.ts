import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { minutes, minutesVersions } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { makeCase } from '../helpers/cases';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { parseJson } from '../helpers/json';
import { amsterdamWallClock } from '../../server/clock';
import { feedIcs } from '../../server/domain/calendar';
import { describeError } from '../../server/trpc';
import type { TRPCError } from '@trpc/server';
import { translate } from '../../server/i18n/messages';
import type { AppError } from '../../server/errors';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const member = await makeUser(deps, pit, 'member', 'senzer');
  const helmond = await makeUser(deps, pit, 'member', 'helmond');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  const admin = await makeUser(deps, pit, 'admin');
  const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
  return {
    deps,
    pit,
    bit,
    coordinator,
    member,
    helmond,
    bitCoordinator,
    admin,
    viewer,
    c: callerFor(deps, coordinator),
    m: callerFor(deps, member),
    h: callerFor(deps, helmond),
    b: callerFor(deps, bitCoordinator),
  };
}

describe('overleggen: create, read, list', () => {
  it('creates a concept overleg in UTC with a default title; members see it only once published', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-12-08T09:30:00+01:00', location: 'Stadhuis Helmond, zaal 3' });
    const meeting = await s.c.meetings.get({ id });
    expect(meeting.startsAt).toBe('2026-12-08T08:30:00.000Z');
    expect(amsterdamWallClock(new Date(meeting.startsAt))).toEqual({ date: '2026-12-08', time: '09:30' });
    expect(meeting.title).toBe('Overleg PIT Peelland');
    expect(meeting.status).toBe('concept');
    expect(meeting.chairUserId).toBe(s.coordinator.id);
    expect({ team: meeting.team, teamCode: meeting.teamCode, chair: meeting.chair }).toEqual({
      team: 'PIT Peelland',
      teamCode: 'PIT',
      chair: s.coordinator.name,
    });
    // Attendance lists every partner taking part on the day, without a status yet.
    expect(meeting.attendance).toHaveLength(10);
    expect(meeting.attendance.every((a) => a.status === null)).toBe(true);

    expect((await errorOf(() => s.m.meetings.get({ id }))).code).toBe('NOT_FOUND');
    expect((await s.m.meetings.list()).upcoming).toEqual([]);
    await s.c.meetings.publish({ id });
    expect((await s.m.meetings.get({ id })).status).toBe('gepubliceerd');
    expect((await s.m.meetings.list()).upcoming.map((x) => x.id)).toEqual([id]);
  });

  it('another team gets NOT_FOUND; admin and viewer do not read overleggen', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    await s.c.meetings.publish({ id });
    expect((await errorOf(() => s.b.meetings.get({ id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => s.b.meetings.start({ id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => s.b.agenda.prefill({ meetingId: id }))).code).toBe('NOT_FOUND');
    expect((await s.b.meetings.list()).upcoming).toEqual([]);
    expect((await errorOf(() => callerFor(s.deps, s.admin).meetings.get({ id }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(s.deps, s.viewer).meetings.list())).code).toBe('FORBIDDEN');
  });

  it('lists upcoming soonest first and past (closed) latest first', async () => {
    const s = await setup();
    const later = await s.c.meetings.create({ startsAt: '2027-01-12T08:30:00Z' });
    const sooner = await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    const old1 = await s.c.meetings.create({ startsAt: '2026-10-06T07:30:00Z', confirmPast: true });
    const old2 = await s.c.meetings.create({ startsAt: '2026-11-03T08:30:00Z', confirmPast: true });
    for (const m of [old1, old2]) {
      await s.c.meetings.publish(m);
      await s.c.meetings.start(m);
      await s.c.meetings.close(m);
    }
    const list = await s.c.meetings.list();
    expect(list.upcoming.map((m) => m.id)).toEqual([sooner.id, later.id]);
    expect(list.past.map((m) => m.id)).toEqual([old2.id, old1.id]);
    expect(list.past[0]!.minutesStatus).toBe('concept');
  });

  it('updates with a version check and rejects bad input without changing anything', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    const { version } = await s.c.meetings.update({
      id,
      version: 1,
      title: 'PIT-overleg december',
      location: 'Deurne',
      durationMinutes: 90,
    });
    expect(version).toBe(2);
    expect((await errorOf(() => s.c.meetings.update({ id, version: 1, title: 'Oud' }))).code).toBe('CONFLICT');
    expect((await errorOf(() => s.c.meetings.update({ id, version: 2, startsAt: 'morgen' }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => s.c.meetings.update({ id, version: 2, videoLink: 'javascript:alert(1)' }))).code).toBe('BAD_REQUEST');
    const m = await s.c.meetings.get({ id });
    expect([m.title, m.location, m.durationMinutes, m.version]).toEqual(['PIT-overleg december', 'Deurne', 90, 2]);
  });

  it("refuses a start outside the years 2000–2099, so the team's calendar feed keeps working (mutation fuzz)", async () => {
    const s = await setup();
    await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    for (const startsAt of ['1969-12-31T23:00:00Z', '0000-01-01T00:00:00+14:00', '9999-12-31T23:59:59-14:00']) {
      const error = await s.c.meetings.create({ startsAt }).then(
        () => null,
        (e: TRPCError) => e,
      );
      expect(error?.code).toBe('BAD_REQUEST');
      expect(describeError(error!, 'nl').fieldErrors).toEqual({ startsAt: 'Kies een datum in de jaren 2000 tot en met 2099.' });
    }
    const { id } = await s.c.meetings.create({ startsAt: '2026-12-15T08:30:00Z' });
    expect((await errorOf(() => s.c.meetings.update({ id, version: 1, startsAt: '1900-01-01T08:30:00Z' }))).code).toBe('BAD_REQUEST');
    const series = await s.c.meetings
      .createSeries({ weekday: 2, time: '09:30', intervalWeeks: 2, from: '1999-11-01', until: '2000-01-31' })
      .then(
        () => null,
        (e: TRPCError) => e,
      );
    expect(describeError(series!, 'en').fieldErrors).toEqual({ from: 'Choose a date in the years 2000 to 2099.' });
    const feed = feedIcs(s.deps, s.coordinator);
    expect(feed.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });

  it('a concept overleg can be removed; a published one cannot', async () => {
    const s = await setup();
    const a = await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    const b = await s.c.meetings.create({ startsAt: '2026-12-15T08:30:00Z' });
    await s.c.agenda.prefill({ meetingId: a.id });
    await s.c.meetings.remove(a);
    expect((await errorOf(() => s.c.meetings.get(a))).code).toBe('NOT_FOUND');
    await s.c.meetings.publish(b);
    expect((await errorOf(() => s.c.meetings.remove(b))).key).toBe('meetings.onlyConceptRemoved');
  });
});

describe('recurring series', () => {
  it('every two weeks on Tuesday 09:30 Amsterdam time stays 09:30 across the DST change', async () => {
    const s = await setup();
    const { ids } = await s.c.meetings.createSeries({
      weekday: 2,
      time: '09:30',
      intervalWeeks: 2,
      from: '2027-03-01',
      until: '2027-04-30',
      location: 'Helmond',
    });
    const starts = await Promise.all(ids.map(async (id) => (await s.c.meetings.get({ id })).startsAt));
    // 2027-03-02 is a Tuesday; DST starts on 2027-03-28.
    expect(starts).toEqual([
      '2027-03-02T08:30:00.000Z',
      '2027-03-16T08:30:00.000Z',
      '2027-03-30T07:30:00.000Z',
      '2027-04-13T07:30:00.000Z',
      '2027-04-27T07:30:00.000Z',
    ]);
    for (const iso of starts) expect(amsterdamWallClock(new Date(iso)).time).toBe('09:30');
    const all = await s.c.meetings.list();
    expect(all.upcoming.every((m) => m.status === 'concept' && m.seriesId !== null)).toBe(true);
  });

  it('refuses an empty or too long series and a bad time', async () => {
    const s = await setup();
    expect(
      (
        await errorOf(() =>
          s.c.meetings.createSeries({ weekday: 2, time: '09:30', intervalWeeks: 1, from: '2027-03-03', until: '2027-03-08' }),
        )
      ).key,
    ).toBe('meetings.seriesEmpty');
    expect(
      (
        await errorOf(() =>
          s.c.meetings.createSeries({ weekday: 2, time: '09:30', intervalWeeks: 1, from: '2027-01-01', until: '2029-12-31' }),
        )
      ).key,
    ).toBe('meetings.seriesTooLong');
    expect(
      (
        await errorOf(() =>
          s.c.meetings.createSeries({ weekday: 2, time: '25:30', intervalWeeks: 1, from: '2027-01-01', until: '2027-02-01' }),
        )
      ).key,
    ).toBe('meetings.invalidTime');
    expect((await s.c.meetings.list()).upcoming).toEqual([]);
    expect(
      (
        await errorOf(() =>
          s.m.meetings.createSeries({ weekday: 2, time: '09:30', intervalWeeks: 1, from: '2027-01-01', until: '2027-02-01' }),
        )
      ).code,
    ).toBe('FORBIDDEN');
  });
});

describe('status cycle concept → gepubliceerd → bezig → gesloten', () => {
  it('runs in order, only by the coordinator, and closing drafts the verslag', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    await s.c.agenda.prefill({ meetingId: id });

    const early = await errorOf(() => s.c.meetings.start({ id }));
    expect(early.code).toBe('CONFLICT');
    expect(early.key).toBe('meetings.invalidTransition');
    expect((await errorOf(() => s.c.meetings.close({ id }))).code).toBe('CONFLICT');

    expect((await errorOf(() => s.m.meetings.publish({ id }))).code).toBe('FORBIDDEN');
    await s.c.meetings.publish({ id });
    expect((await errorOf(() => s.c.meetings.publish({ id }))).code).toBe('CONFLICT');
    expect((await errorOf(() => s.h.meetings.start({ id }))).code).toBe('FORBIDDEN');
    await s.c.meetings.start({ id });
    const running = await s.c.meetings.get({ id });
    expect(running.status).toBe('bezig');
    expect(running.startedAt).toBe('2026-11-25T09:00:00.000Z');
    // The first accepted item becomes current and its timer starts.
    expect(running.currentAgendaItemId).toBe(running.agenda[0]!.id);
    expect(running.currentItemStartedAt).toBe('2026-11-25T09:00:00.000Z');

    await s.c.agenda.saveNotes({
      id: running.agenda[0]!.id,
      notes: 'Welkom; mededeling over de planning.',
      decisions: 'Agenda vastgesteld.',
      version: running.agenda[0]!.version,
    });
    expect((await errorOf(() => s.m.meetings.close({ id }))).code).toBe('FORBIDDEN');
    await s.c.meetings.close({ id });
    const closed = await s.c.meetings.get({ id });
    expect(closed.status).toBe('gesloten');
    expect(closed.minutesStatus).toBe('concept');
    const row = s.deps.db.select().from(minutes).where(eq(minutes.meetingId, id)).get()!;
    const version = s.deps.db.select().from(minutesVersions).where(eq(minutesVersions.minutesId, row.id)).get()!;
    expect(parseJson<{ items: Record<string, unknown> }>(version.content).items[String(running.agenda[0]!.id)]).toEqual({
      notes: 'Welkom; mededeling over de planning.',
      decisions: 'Agenda vastgesteld.',
    });

    const again = await errorOf(() => s.c.meetings.close({ id }));
    expect(again.code).toBe('CONFLICT');
    expect((await errorOf(() => s.c.meetings.update({ id, version: closed.version, title: 'Anders' }))).key).toBe('meetings.closed');
    expect((await errorOf(() => s.c.agenda.add({ meetingId: id, section: 'rondvraag', title: 'Te laat' }))).key).toBe('meetings.closed');
  });

  it('a wrong transition is explained in Dutch and English, naming both statuses', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-12-08T08:30:00Z' });
    try {
      await s.c.meetings.close({ id });
      expect.unreachable();
    } catch (error) {
      const e = error as AppError;
      expect(e.code).toBe('CONFLICT');
      expect(translate(e.key, 'nl', e.params)).toContain('"concept" kan niet naar "gesloten"');
      expect(translate(e.key, 'en', e.params)).toContain('"concept" cannot go to "gesloten"');
    }
  });
});

describe('chair mode', () => {
  it('sets the current item only while running, only to an accepted item of this overleg', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    await s.c.agenda.prefill({ meetingId: id });
    const agenda = (await s.c.meetings.get({ id })).agenda;
    expect((await errorOf(() => s.c.meetings.setCurrentItem({ meetingId: id, agendaItemId: agenda[1]!.id }))).key).toBe(
      'meetings.notRunning',
    );
    await s.c.meetings.publish({ id });
    const proposal = await s.h.agenda.propose({ meetingId: id, title: 'Pilot gezamenlijke controle bedrijventerrein' });
    await s.c.meetings.start({ id });
    s.deps.clock.advanceMinutes(7);
    const res = await s.c.meetings.setCurrentItem({ meetingId: id, agendaItemId: agenda[1]!.id });
    expect(res.currentItemStartedAt).toBe('2026-11-25T09:07:00.000Z');
    expect((await s.m.meetings.get({ id })).currentAgendaItemId).toBe(agenda[1]!.id);
    expect((await errorOf(() => s.c.meetings.setCurrentItem({ meetingId: id, agendaItemId: proposal.id }))).key).toBe('agenda.notAccepted');
    const other = await s.c.meetings.create({ startsAt: '2026-12-25T09:00:00Z' });
    await s.c.agenda.prefill({ meetingId: other.id });
    const foreignItem = (await s.c.meetings.get(other)).agenda[0]!.id;
    expect((await errorOf(() => s.c.meetings.setCurrentItem({ meetingId: id, agendaItemId: foreignItem }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => s.m.meetings.setCurrentItem({ meetingId: id, agendaItemId: agenda[0]!.id }))).code).toBe('FORBIDDEN');
    await s.c.meetings.setCurrentItem({ meetingId: id, agendaItemId: null });
    expect((await s.c.meetings.get({ id })).currentItemStartedAt).toBeNull();
  });
});

describe('capture links', () => {
  it('tasks and werkafspraken link only to an overleg and agenda item of the own team; the item implies the overleg', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    const item = await s.c.agenda.add({ meetingId: id, section: 'rondvraag', title: 'Rondvraag' });
    const other = await s.c.meetings.create({ startsAt: '2026-12-25T09:00:00Z' });
    const foreign = await s.b.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    const task = { title: 'Actie', assigneePartnerId: s.pit.partnerIds.helmond!, dueDate: '2026-12-09' };
    const t1 = await s.c.tasks.create({ ...task, agendaItemId: item.id });
    expect((await s.c.tasks.list({ meetingId: id })).map((t) => t.id)).toEqual([t1.id]);
    expect((await errorOf(() => s.c.tasks.create({ ...task, meetingId: foreign.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => s.c.tasks.create({ ...task, meetingId: other.id, agendaItemId: item.id }))).code).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(() =>
          s.b.tasks.create({ title: 'x', assigneePartnerId: s.bit.partnerIds.hilversum!, dueDate: '2026-12-09', agendaItemId: item.id }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    const casus = await makeCase(s.deps, s.pit, s.coordinator);
    expect(
      (
        await errorOf(() =>
          s.c.agreements.create({
            caseId: casus.id,
            text: 'Afspraak',
            responsiblePartnerId: s.pit.partnerIds.helmond!,
            meetingId: foreign.id,
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    await s.c.agreements.create({
      caseId: casus.id,
      text: 'Afspraak',
      responsiblePartnerId: s.pit.partnerIds.helmond!,
      agendaItemId: item.id,
    });
  });
});

describe('attendance', () => {
  it('records per partner with the attending members, shown in meetings.get', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    await s.c.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.senzer!, status: 'aanwezig', attendeeUserIds: [s.member.id] });
    await s.c.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.bsob!, status: 'afgemeld' });
    await s.c.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.politie!, status: 'afwezig' });
    await s.c.attendance.set({
      meetingId: id,
      partnerId: s.pit.partnerIds.senzer!,
      status: 'aanwezig',
      attendeeUserIds: [s.member.id, s.member.id],
    });
    const att = (await s.c.meetings.get({ id })).attendance;
    const by = (slug: string) => att.find((a) => a.partnerId === s.pit.partnerIds[slug])!;
    expect(by('senzer')).toMatchObject({ status: 'aanwezig', attendees: [{ id: s.member.id, name: s.member.name }] });
    expect(by('bsob').status).toBe('afgemeld');
    expect(by('politie').status).toBe('afwezig');
    expect(by('helmond').status).toBeNull();
  });

  it('attendees must be members of that partner; only the coordinator records; other team NOT_FOUND', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    expect(
      (
        await errorOf(() =>
          s.c.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.politie!, status: 'aanwezig', attendeeUserIds: [s.member.id] }),
        )
      ).key,
    ).toBe('attendance.notOfPartner');
    expect(
      (
        await errorOf(() =>
          s.c.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.senzer!, status: 'afwezig', attendeeUserIds: [s.member.id] }),
        )
      ).key,
    ).toBe('attendance.attendeesOnlyWhenPresent');
    expect(
      (await errorOf(() => s.c.attendance.set({ meetingId: id, partnerId: s.bit.partnerIds.hilversum!, status: 'aanwezig' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (await errorOf(() => s.b.attendance.set({ meetingId: id, partnerId: s.bit.partnerIds.hilversum!, status: 'aanwezig' }))).code,
    ).toBe('NOT_FOUND');
    expect((await errorOf(() => s.m.attendance.set({ meetingId: id, partnerId: s.pit.partnerIds.senzer!, status: 'aanwezig' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await s.c.meetings.get({ id })).attendance.every((a) => a.status === null)).toBe(true);
  });
});

describe('live subscription (in process)', () => {
  it('another team or a concept overleg for a member is NOT_FOUND before streaming', async () => {
    const s = await setup();
    const { id } = await s.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    expect((await errorOf(() => s.b.meetings.live({ meetingId: id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => s.m.meetings.live({ meetingId: id }))).code).toBe('NOT_FOUND');
  });
});
