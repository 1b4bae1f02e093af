import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, minutes, minutesVersions } from '../../db/schema';
import { draftMinutes } from '../../server/domain/minutes';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { insertMeeting } from '../helpers/meetings';
import { GEMEENTE_NALEVING, minutesScenario, POLICE_KENTEKEN, POLICE_NAW } from '../helpers/minutes';
import { match } from '../helpers/matchers';

describe('drafting the verslag when the overleg closes', () => {
  it("drafts version 1 in concept from the accepted agenda items' notes and decisions", async () => {
    const s = await minutesScenario();
    const view = await callerFor(s.deps, s.coordinator).minutes.get({ meetingId: s.meeting.id });
    expect(view.status).toBe('concept');
    expect(view.currentVersion).toBe(1);
    expect(view.items.map((i) => i.title)).toEqual([
      'Opening en mededelingen',
      'Verslag en actielijst vorig overleg',
      'Bespreking pand',
      'Rondvraag',
    ]);
    expect(view.items[0]).toMatchObject({ section: 'opening', notes: 'Welkom aan de nieuwe deelnemer van Senzer.', decisions: '' });
    expect(view.items[2]).toMatchObject({
      caseCode: s.pand.code,
      presenter: 'Asten',
      notes: 'Signalen van overbewoning.',
      decisions: 'Integrale controle in december.',
    });
    expect(JSON.stringify(view)).not.toContain('mag niet in het verslag');
    const stored = s.deps.db.select().from(minutesVersions).where(eq(minutesVersions.minutesId, s.minutesId)).all();
    expect(stored).toHaveLength(1);
    expect(JSON.parse(stored[0]!.content)).toEqual({
      intro: '',
      items: {
        [s.meeting.itemIds[0]!]: { notes: 'Welkom aan de nieuwe deelnemer van Senzer.', decisions: '' },
        [s.meeting.itemIds[1]!]: { notes: '', decisions: 'Verslag vastgesteld.' },
        [s.meeting.itemIds[2]!]: { notes: 'Signalen van overbewoning.', decisions: 'Integrale controle in december.' },
        [s.meeting.itemIds[3]!]: { notes: '', decisions: '' },
      },
      closing: '',
    });
  });

  it('the header, attendance per partner, werkafspraken per pand, actielijst and carry-over are assembled', async () => {
    const s = await minutesScenario();
    const view = await callerFor(s.deps, s.coordinator).minutes.get({ meetingId: s.meeting.id });
    expect(view.header).toMatchObject({
      team: match.stringContaining('Peelland'),
      teamCode: 'PIT',
      date: '2026-11-24',
      time: '09:30',
      endTime: '11:30',
      location: 'Stadhuis, zaal 2',
      chair: 'Marieke Verbeek',
    });
    const byPartner = Object.fromEntries(view.attendance.map((a) => [a.shortName, a]));
    expect(byPartner['Helmond']).toMatchObject({ status: 'aanwezig', attendees: ['Marieke Verbeek'] });
    expect(byPartner['Asten']).toMatchObject({ status: 'aanwezig', attendees: ['Joost Verhoeven'] });
    expect(byPartner['Senzer']).toMatchObject({ status: 'afgemeld', attendees: [] });
    // Partners without a registration are listed too, so the verslag shows who was not recorded.
    expect(view.attendance.length).toBe(10);
    expect(view.attendance.find((a) => a.shortName === 'Deurne')?.status).toBeNull();

    expect(view.panden).toHaveLength(1);
    expect(view.panden[0]).toMatchObject({
      code: s.pand.code,
      agreements: [{ text: 'Gemeente Asten bereidt een last onder dwangsom voor', responsiblePartner: 'Asten', status: 'open' }],
    });
    expect(view.panden[0]!.address).toMatch(/^Kerkstraat \d+, 5701 AB Helmond$/);
    expect(view.actions.map((a) => [a.title, a.partner, a.dueDate, a.status])).toEqual([
      ['Controle uitvoeren met handhaving', 'Politie', '2026-12-08', 'open'],
      ['Uitkering toetsen', 'Senzer', '2026-12-08', 'open'],
    ]);
    // Carry-over: the previous overleg's action that was still open; not the one done before.
    expect(view.carriedOver.map((a) => [a.title, a.meetingDate, a.overdue])).toEqual([['Eigenaar aanschrijven', '2026-11-10', true]]);
  });

  it('closing again keeps the existing verslag', async () => {
    const s = await minutesScenario();
    const again = s.deps.db.transaction((tx) => draftMinutes(tx, s.deps, s.coordinator, s.meeting.id));
    expect(again.id).toBe(s.minutesId);
    expect(s.deps.db.select().from(minutesVersions).where(eq(minutesVersions.minutesId, s.minutesId)).all()).toHaveLength(1);
  });

  it('a meeting without a verslag is NOT_FOUND with an explanation', async () => {
    const s = await minutesScenario();
    const open = insertMeeting(s.deps, s.pit, { startsAt: '2026-12-08T08:30:00.000Z', status: 'gepubliceerd' });
    const e = await errorOf(() => callerFor(s.deps, s.coordinator).minutes.get({ meetingId: open.id }));
    expect(e).toMatchObject({ code: 'NOT_FOUND', key: 'minutes.notAvailable' });
  });
});

describe('editing: versions and conflicts', () => {
  it('every save is a new version; all versions are kept and listed newest first', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    const item = String(s.meeting.itemIds[2]);
    expect(
      await coord.minutes.update({
        meetingId: s.meeting.id,
        version: 1,
        content: { items: { [item]: { notes: 'Signalen van overbewoning en afval.' } } },
      }),
    ).toEqual({ version: 2 });
    expect(
      await coord.minutes.update({ meetingId: s.meeting.id, version: 2, content: { intro: 'Verslag van het tweewekelijkse overleg.' } }),
    ).toEqual({ version: 3 });
    const view = await coord.minutes.get({ meetingId: s.meeting.id });
    expect(view.currentVersion).toBe(3);
    expect(view.intro).toBe('Verslag van het tweewekelijkse overleg.');
    expect(view.items[2]).toMatchObject({ notes: 'Signalen van overbewoning en afval.', decisions: 'Integrale controle in december.' });
    const versions = await coord.minutes.versions({ meetingId: s.meeting.id });
    expect(versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(versions[2]!.content.items[item]!.notes).toBe('Signalen van overbewoning.');
    expect(versions[0]!.createdBy).toBe('Marieke Verbeek');
  });

  it('a save based on a stale version is a CONFLICT and changes nothing', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.update({ meetingId: s.meeting.id, version: 1, content: { intro: 'Eerste' } });
    const e = await errorOf(() => coord.minutes.update({ meetingId: s.meeting.id, version: 1, content: { intro: 'Tweede' } }));
    expect(e.code).toBe('CONFLICT');
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).intro).toBe('Eerste');
    expect(s.deps.db.select().from(minutesVersions).where(eq(minutesVersions.minutesId, s.minutesId)).all()).toHaveLength(2);
  });

  it('text for an agenda item of another meeting is refused', async () => {
    const s = await minutesScenario();
    const other = insertMeeting(s.deps, s.pit, { items: [{ section: 'opening', title: 'Opening' }] });
    const e = await errorOf(() =>
      callerFor(s.deps, s.coordinator).minutes.update({
        meetingId: s.meeting.id,
        version: 1,
        content: { items: { [String(other.itemIds[0])]: { notes: 'x' } } },
      }),
    );
    expect(e).toMatchObject({ code: 'BAD_REQUEST', key: 'minutes.unknownItem' });
  });

  it('members cannot edit; a definitief verslag is not edited until it is reopened', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    expect(
      (await errorOf(() => callerFor(s.deps, s.gemeente).minutes.update({ meetingId: s.meeting.id, version: 1, content: { intro: 'x' } })))
        .code,
    ).toBe('FORBIDDEN');
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    expect(await errorOf(() => coord.minutes.update({ meetingId: s.meeting.id, version: 1, content: { intro: 'x' } }))).toMatchObject({
      code: 'CONFLICT',
      key: 'minutes.notEditable',
    });
    await coord.minutes.reopen({ meetingId: s.meeting.id });
    expect(await coord.minutes.update({ meetingId: s.meeting.id, version: 1, content: { intro: 'x' } })).toEqual({ version: 2 });
  });
});

describe('status: concept → definitief → vastgesteld, and who may', () => {
  it('members read the verslag only once it is definitief; the coordinator always; the viewer never', async () => {
    const s = await minutesScenario();
    const get = (u: typeof s.coordinator) => callerFor(s.deps, u).minutes.get({ meetingId: s.meeting.id });
    expect((await get(s.coordinator)).status).toBe('concept');
    expect(await errorOf(() => get(s.gemeente))).toMatchObject({ code: 'NOT_FOUND', key: 'minutes.notAvailable' });
    expect((await errorOf(() => get(s.viewer))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(s.deps, s.gemeente).minutes.finalise({ meetingId: s.meeting.id }))).code).toBe('FORBIDDEN');
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    const forMember = await get(s.gemeente);
    expect(forMember.status).toBe('definitief');
    expect(forMember.finalisedAt).toBe('2026-11-25T09:00:00.000Z');
    expect((await errorOf(() => get(s.viewer))).code).toBe('FORBIDDEN');
  });

  it("another team's verslag is NOT_FOUND, even for its coordinator", async () => {
    const s = await minutesScenario();
    const bit = makeTeam(s.deps, 'bit');
    const bitCoordinator = await makeUser(s.deps, bit, 'coordinator', 'hilversum');
    expect((await errorOf(() => callerFor(s.deps, bitCoordinator).minutes.get({ meetingId: s.meeting.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => callerFor(s.deps, bitCoordinator).minutes.finalise({ meetingId: s.meeting.id }))).code).toBe('NOT_FOUND');
  });

  it('approval happens in a later overleg that is running, and only for a definitief verslag', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    const next = insertMeeting(s.deps, s.pit, { startsAt: '2026-12-08T08:30:00.000Z', status: 'gepubliceerd' });
    const approve = (approvedInMeetingId: number) => coord.minutes.approve({ meetingId: s.meeting.id, approvedInMeetingId });
    expect(await errorOf(() => approve(next.id))).toMatchObject({ code: 'CONFLICT', key: 'minutes.invalidTransition' });
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    expect(await errorOf(() => coord.minutes.finalise({ meetingId: s.meeting.id }))).toMatchObject({
      code: 'CONFLICT',
      key: 'minutes.invalidTransition',
    });
    // Not yet running; and an earlier meeting can never approve it.
    expect(await errorOf(() => approve(next.id))).toMatchObject({ code: 'BAD_REQUEST', key: 'minutes.approveInLaterMeeting' });
    expect(await errorOf(() => approve(s.previous.id))).toMatchObject({ code: 'BAD_REQUEST', key: 'minutes.approveInLaterMeeting' });
    const running = insertMeeting(s.deps, s.pit, { startsAt: '2026-12-08T08:30:00.000Z', status: 'bezig' });
    expect(
      (await errorOf(() => callerFor(s.deps, s.gemeente).minutes.approve({ meetingId: s.meeting.id, approvedInMeetingId: running.id })))
        .code,
    ).toBe('FORBIDDEN');
    await approve(running.id);
    const view = await callerFor(s.deps, s.gemeente).minutes.get({ meetingId: s.meeting.id });
    expect(view).toMatchObject({ status: 'vastgesteld', approvedIn: { meetingId: running.id, date: '2026-12-08' } });
    expect(await errorOf(() => coord.minutes.reopen({ meetingId: s.meeting.id }))).toMatchObject({
      code: 'CONFLICT',
      key: 'minutes.invalidTransition',
    });
    const actions = s.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['minutes.drafted', 'minutes.definitief', 'minutes.vastgesteld']));
  });
});

describe('minutes content per reader (SPEC §4)', () => {
  async function finalised() {
    const s = await minutesScenario();
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    return s;
  }

  it("a Senzer member's verslag never contains police items; it does contain the gemeente's", async () => {
    const s = await finalised();
    const view = await callerFor(s.deps, s.senzer).minutes.get({ meetingId: s.meeting.id });
    const text = JSON.stringify(view);
    expect(text).not.toContain(POLICE_NAW);
    expect(text).not.toContain(POLICE_KENTEKEN);
    expect(view.panden[0]!.subjects).toEqual([
      {
        id: match.any(String),
        kind: 'person',
        items: [{ category: 'naleving', value: GEMEENTE_NALEVING, masked: false, source: 'Asten' }],
      },
    ]);
  });

  it('a gemeente member and the coordinator see the police items too', async () => {
    const s = await finalised();
    for (const reader of [s.gemeente, s.coordinator]) {
      const view = await callerFor(s.deps, reader).minutes.get({ meetingId: s.meeting.id });
      const values = view.panden[0]!.subjects.flatMap((x) => x.items.map((i) => i.value));
      expect(values).toEqual(expect.arrayContaining([POLICE_NAW, POLICE_KENTEKEN, GEMEENTE_NALEVING]));
    }
  });

  it('reading betrokkenen in the verslag is audited with purpose minutes', async () => {
    const s = await finalised();
    await callerFor(s.deps, s.senzer).minutes.get({ meetingId: s.meeting.id });
    const reads = s.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'personal_data.read'))
      .all()
      .filter((r) => r.actorId === s.senzer.id);
    expect(reads).toHaveLength(1);
    expect(JSON.parse(reads[0]!.detail!)).toMatchObject({ purpose: 'minutes', categories: ['naleving'] });
  });
});

describe('mail configuration', () => {
  it('without SMTP settings minutes.get and minutes.mailConfigured say mail is not configured', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).mailConfigured).toBe(false);
    expect(await coord.minutes.mailConfigured()).toBe(false);
    const row = s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!;
    expect(row.distributedAt).toBeNull();
  });
});

describe('with the meetings procedures: a whole overleg to its verslag', () => {
  it('meetings.close drafts the verslag from notes saved in chair mode, with attendance and the actielijst', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    const { id: meetingId } = await coord.meetings.create({ startsAt: '2026-12-08T08:30:00.000Z', location: 'Gemeentehuis Asten' });
    const { id: itemId } = await coord.agenda.add({
      meetingId,
      section: 'lopende_casussen',
      title: 'Stand van zaken pand',
      caseId: s.pand.id,
    });
    await coord.meetings.publish({ id: meetingId });
    s.deps.clock.set('2026-12-08T08:30:00Z');
    await coord.meetings.start({ id: meetingId });
    await coord.attendance.set({ meetingId, partnerId: s.pit.partnerIds.senzer!, status: 'aanwezig', attendeeUserIds: [s.senzer.id] });
    const item = (await coord.meetings.get({ id: meetingId })).agenda.find((i: { id: number }) => i.id === itemId)!;
    await coord.agenda.saveNotes({
      id: itemId,
      notes: 'Controle heeft plaatsgevonden.',
      decisions: 'Casus blijft actief.',
      version: item.version,
    });
    await coord.tasks.create({
      title: 'Rapportage controle delen',
      assigneePartnerId: s.pit.partnerIds.asten!,
      dueDate: '2026-12-22',
      meetingId,
      caseId: s.pand.id,
    });
    // The previous verslag is approved under agenda item 2 of this overleg.
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    await coord.minutes.approve({ meetingId: s.meeting.id, approvedInMeetingId: meetingId });
    await coord.meetings.close({ id: meetingId });

    const view = await coord.minutes.get({ meetingId });
    expect(view.status).toBe('concept');
    expect(view.header).toMatchObject({ date: '2026-12-08', time: '09:30', location: 'Gemeentehuis Asten', chair: 'Marieke Verbeek' });
    const agendaItem = view.items.find((i) => i.agendaItemId === itemId)!;
    expect(agendaItem).toMatchObject({ notes: 'Controle heeft plaatsgevonden.', decisions: 'Casus blijft actief.', caseCode: s.pand.code });
    expect(view.attendance.find((a) => a.shortName === 'Senzer')).toMatchObject({ status: 'aanwezig', attendees: ['Noor van den Berg'] });
    expect(view.actions.map((a) => a.title)).toEqual(['Rapportage controle delen']);
    // Still open from earlier overleggen: the actions of 24 November and the one of 10 November.
    expect(view.carriedOver.map((a) => a.title).sort()).toEqual([
      'Controle uitvoeren met handhaving',
      'Eigenaar aanschrijven',
      'Uitkering toetsen',
    ]);
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).status).toBe('vastgesteld');
  });
});
