// Issue 11 item 9 (art. 20.1): the verslag names per werkafspraak only the betrokkenen it concerns,
// and a finalised verslag is a fixed record — its text is frozen, while the personal data in it
// stay subject to correction and erasure (BIT art. 6.7).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agreementSubjects, minutes } from '../../db/schema';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { insertMeeting } from '../helpers/meetings';
import { GEMEENTE_NALEVING, minutesScenario, POLICE_KENTEKEN, POLICE_NAW } from '../helpers/minutes';

describe('a finalised verslag is a fixed record', () => {
  it('editing a task, a werkafspraak or attendance after finalising does not change the verslag', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    const before = await coord.minutes.get({ meetingId: s.meeting.id });
    await coord.tasks.update({ id: s.policeTask.id, version: 1, title: 'Andere titel achteraf' });
    await coord.agreements.update({ id: s.agreement.id, version: 1, text: 'Andere werkafspraak achteraf' });
    await coord.tasks.create({
      title: 'Later toegevoegde taak',
      assigneePartnerId: s.pit.partnerIds.politie!,
      dueDate: '2026-12-20',
      meetingId: s.meeting.id,
      caseId: s.pand.id,
    });
    const after = await coord.minutes.get({ meetingId: s.meeting.id });
    expect(after.actions.map((a) => a.title)).toEqual(['Controle uitvoeren met handhaving', 'Uitkering toetsen']);
    expect(after.panden[0]!.agreements.map((a) => a.text)).toEqual(['Gemeente Asten bereidt een last onder dwangsom voor']);
    expect(after.items).toEqual(before.items);
    expect(after.attendance).toEqual(before.attendance);
    expect(after.carriedOver).toEqual(before.carriedOver);
  });

  it('finalising an overleg without a verslag is NOT_FOUND (no internal error) and changes nothing', async () => {
    const s = await minutesScenario();
    const bare = insertMeeting(s.deps, s.pit, { chair: s.coordinator });
    const before = s.deps.db.select().from(minutes).all();
    expect((await errorOf(() => callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: bare.id }))).code).toBe('NOT_FOUND');
    expect(s.deps.db.select().from(minutes).all()).toEqual(before);
  });

  it('the snapshot holds no personal data', async () => {
    const s = await minutesScenario();
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    const row = s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!;
    expect(row.snapshot).not.toBeNull();
    for (const value of [POLICE_NAW, POLICE_KENTEKEN, GEMEENTE_NALEVING]) expect(row.snapshot).not.toContain(value);
  });

  it('a correction after finalising reaches the verslag; an erasure shows [verwijderd]', async () => {
    const s = await minutesScenario();
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    const own = await callerFor(s.deps, s.politie).cases.get({ id: s.pand.id });
    const plate = own.subjects.flatMap((x) => x.items).find((i) => i.value === POLICE_KENTEKEN)!;
    const naw = own.subjects.flatMap((x) => x.items).find((i) => i.value === POLICE_NAW)!;
    await callerFor(s.deps, s.politie).subjects.correctItem({ itemId: plate.id, value: '12-ABD-3', reason: 'Typefout' });
    await callerFor(s.deps, s.politie).subjects.eraseItem({ itemId: naw.id, reason: 'Onjuist verwerkt' });
    const view = await callerFor(s.deps, s.gemeente).minutes.get({ meetingId: s.meeting.id });
    const values = view.panden[0]!.subjects.flatMap((x) => x.items.map((i) => i.value));
    expect(values).toEqual(expect.arrayContaining(['12-ABD-3', '[verwijderd]', GEMEENTE_NALEVING]));
    expect(JSON.stringify(view)).not.toContain(POLICE_KENTEKEN);
    expect(JSON.stringify(view)).not.toContain(POLICE_NAW);
  });

  it('the snapshot is parsed once for every reader, yet each reader still sees only their own betrokkenen', async () => {
    // Issue 12: the parsed snapshot is shared; personal data are read per reader afterwards.
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    const valuesOf = (view: Awaited<ReturnType<typeof coord.minutes.get>>) =>
      view.panden.flatMap((p) => p.subjects.flatMap((x) => x.items.map((i) => i.value))).sort();
    for (let round = 0; round < 2; round++) {
      expect(valuesOf(await coord.minutes.get({ meetingId: s.meeting.id }))).toEqual(
        [POLICE_NAW, GEMEENTE_NALEVING, POLICE_KENTEKEN].sort(),
      );
      const senzer = await callerFor(s.deps, s.senzer).minutes.get({ meetingId: s.meeting.id });
      expect(valuesOf(senzer)).toEqual([GEMEENTE_NALEVING]);
      for (const value of [POLICE_NAW, POLICE_KENTEKEN]) expect(JSON.stringify(senzer)).not.toContain(value);
      // The werkafspraak names only the betrokkenen this reader sees (art. 20.1).
      expect(senzer.panden[0]!.agreements[0]!.subjectIds).toEqual(senzer.panden[0]!.subjects.map((x) => x.id));
      expect(valuesOf(await callerFor(s.deps, s.gemeente).minutes.get({ meetingId: s.meeting.id }))).toEqual(
        [POLICE_NAW, GEMEENTE_NALEVING, POLICE_KENTEKEN].sort(),
      );
    }
  });

  it('a verslag read, reopened and finalised again shows its new snapshot, not the one read before', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).actions[0]!.title).toBe('Controle uitvoeren met handhaving');
    await coord.tasks.update({ id: s.policeTask.id, version: 1, title: 'Verbeterde titel' });
    await coord.minutes.reopen({ meetingId: s.meeting.id });
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).actions[0]!.title).toBe('Verbeterde titel');
  });

  it('terug naar concept (only before vaststelling) thaws the verslag; finalising again freezes it anew', async () => {
    const s = await minutesScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    await coord.tasks.update({ id: s.policeTask.id, version: 1, title: 'Verbeterde titel' });
    await coord.minutes.reopen({ meetingId: s.meeting.id });
    expect(s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!.snapshot).toBeNull();
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).actions[0]!.title).toBe('Verbeterde titel');
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    await coord.tasks.update({ id: s.policeTask.id, version: 2, title: 'Nog een keer anders' });
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).actions[0]!.title).toBe('Verbeterde titel');
    // Vastgesteld: no way back to concept, the record stays as approved.
    const later = insertMeeting(s.deps, s.pit, { startsAt: '2026-12-08T08:30:00.000Z', status: 'bezig' });
    await coord.minutes.approve({ meetingId: s.meeting.id, approvedInMeetingId: later.id });
    expect(await errorOf(() => coord.minutes.reopen({ meetingId: s.meeting.id }))).toMatchObject({
      code: 'CONFLICT',
      key: 'minutes.invalidTransition',
    });
    expect((await coord.minutes.get({ meetingId: s.meeting.id })).actions[0]!.title).toBe('Verbeterde titel');
  });
});

describe('werkafspraak ↔ betrokkenen', () => {
  async function scenario() {
    const s = await minutesScenario();
    const own = await callerFor(s.deps, s.coordinator).cases.get({ id: s.pand.id });
    const police = own.subjects.find((x) => x.items.some((i) => i.value === POLICE_NAW))!.id;
    const gemeente = own.subjects.find((x) => x.items.some((i) => i.value === GEMEENTE_NALEVING))!.id;
    return { ...s, policeSubject: police, gemeenteSubject: gemeente };
  }

  it('the verslag names per werkafspraak only the betrokkenen it concerns', async () => {
    const s = await scenario();
    const coord = callerFor(s.deps, s.coordinator);
    // The scenario's werkafspraak concerns both; a new one concerns only the gemeente's betrokkene.
    await coord.agreements.update({ id: s.agreement.id, version: 1, subjectIds: [s.gemeenteSubject] });
    const view = await coord.minutes.get({ meetingId: s.meeting.id });
    expect(view.panden[0]!.agreements[0]!.subjectIds).toEqual([s.gemeenteSubject]);
    expect(view.panden[0]!.subjects.map((x) => x.id)).toEqual([s.gemeenteSubject]);
    expect(JSON.stringify(view)).not.toContain(POLICE_NAW);
  });

  it('a werkafspraak concerning nobody names nobody in the verslag', async () => {
    const s = await scenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.agreements.update({ id: s.agreement.id, version: 1, subjectIds: [] });
    const view = await coord.minutes.get({ meetingId: s.meeting.id });
    expect(view.panden[0]!.subjects).toEqual([]);
    expect(view.panden[0]!.agreements[0]!.subjectIds).toEqual([]);
  });

  it('each reader still sees only what it may: Senzer sees the link to the police betrokkene not', async () => {
    const s = await scenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    const view = await callerFor(s.deps, s.senzer).minutes.get({ meetingId: s.meeting.id });
    expect(view.panden[0]!.agreements[0]!.subjectIds).toEqual([s.gemeenteSubject]);
    expect(JSON.stringify(view)).not.toContain(s.policeSubject);
  });

  it('a betrokkene of another casus or another team is refused and changes nothing', async () => {
    const s = await scenario();
    const coord = callerFor(s.deps, s.coordinator);
    const other = await makeCase(s.deps, s.pit, s.coordinator);
    const { id: elsewhere } = await callerFor(s.deps, s.gemeente).subjects.add({
      caseId: other.id,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Elders' }],
    });
    const before = s.deps.db.select().from(agreementSubjects).all();
    expect(await errorOf(() => coord.agreements.update({ id: s.agreement.id, version: 1, subjectIds: [elsewhere] }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await errorOf(() =>
        coord.agreements.create({
          caseId: s.pand.id,
          text: 'Nieuwe afspraak',
          responsiblePartnerId: s.pit.partnerIds.asten!,
          subjectIds: [elsewhere],
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    const bit = makeTeam(s.deps, 'bit', { endsOn: '2030-01-01' });
    const bitCoord = await makeUser(s.deps, bit, 'coordinator', 'hilversum');
    const bitCase = await makeCase(s.deps, bit, bitCoord);
    const bitMember = await makeUser(s.deps, bit, 'member', 'hilversum');
    const { id: foreign } = await callerFor(s.deps, bitMember).subjects.add({
      caseId: bitCase.id,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Ander team' }],
    });
    expect(await errorOf(() => coord.agreements.update({ id: s.agreement.id, version: 1, subjectIds: [foreign] }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await errorOf(() => coord.agreements.update({ id: s.agreement.id, version: 1, subjectIds: ['not-an-id'] }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(s.deps.db.select().from(agreementSubjects).all()).toEqual(before);
  });
});
