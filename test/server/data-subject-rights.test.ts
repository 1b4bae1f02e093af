// Issue 11 items 1, 2, 3 and 8: finding a person through the keyed blind index, the register of
// data-subject requests (art. 24), the inzage bundle and the informatieplicht (art. 26).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, subjectInformEvents, subjectSearchTokens } from '../../db/schema';
import { backfillBlindIndex } from '../../server/privacy/personal-data';
import { inzageHtml } from '../../server/exports/inzage-html';
import { inzageDocx } from '../../server/exports/inzage-docx';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { parseJson } from '../helpers/json';

const NAME = 'Piet Zwartekrauwël';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const bit = makeTeam(deps, 'bit');
  const u = {
    coordinator: await makeUser(deps, pit, 'coordinator', 'helmond'),
    fg: await makeUser(deps, pit, 'privacy'),
    helmond: await makeUser(deps, pit, 'member', 'helmond'),
    asten: await makeUser(deps, pit, 'member', 'asten'),
    politie: await makeUser(deps, pit, 'member', 'politie'),
    senzer: await makeUser(deps, pit, 'member', 'senzer'),
    bitFg: await makeUser(deps, bit, 'privacy'),
    bitCoordinator: await makeUser(deps, bit, 'coordinator', 'hilversum'),
  };
  const { id: caseId, code: caseCode } = await makeCase(deps, pit, u.coordinator);
  const { id: subjectId } = await callerFor(deps, u.helmond).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: `${NAME}, Kerkstraat 1, Helmond` },
      { category: 'bsn', value: '111222333', legalGround: 'art. 20.3c' },
      { category: 'geboortedatum', value: '17-05-1980' },
    ],
  });
  // Senzer and the police take part through a task on the casus (P14: involved), then add their data.
  for (const partner of ['senzer', 'politie']) {
    await callerFor(deps, u.coordinator).tasks.create({
      title: 'Gegevens aanvullen',
      assigneePartnerId: pit.partnerIds[partner]!,
      dueDate: '2026-12-20',
      caseId,
    });
  }
  await callerFor(deps, u.senzer).subjects.addItems({ subjectId, items: [{ category: 'naleving', value: 'Uitkering op dit adres' }] });
  await callerFor(deps, u.politie).subjects.addItems({ subjectId, items: [{ category: 'kenteken', value: 'AB-123-C' }] });
  // A second person on the same casus, and one known only from police data.
  const { id: otherId } = await callerFor(deps, u.helmond).subjects.add({
    caseId,
    kind: 'person',
    items: [{ category: 'naw', value: 'Anna Voorbeeld, Kerkstraat 1' }],
  });
  const { id: policeOnlyId } = await callerFor(deps, u.politie).subjects.add({
    caseId,
    kind: 'person',
    items: [{ category: 'naw', value: 'Kees Politiebekend' }],
  });
  const { id: bitCase, code: bitCode } = await makeCase(deps, bit, u.bitCoordinator);
  const { id: bitSubject } = await callerFor(deps, u.bitCoordinator).subjects.add({
    caseId: bitCase,
    kind: 'person',
    items: [{ category: 'naw', value: 'Jan Zwartekrauwel' }],
    sourcePartnerId: bit.partnerIds.hilversum!,
  });
  return { deps, pit, bit, u, caseId, caseCode, subjectId, otherId, policeOnlyId, bitCase, bitCode, bitSubject };
}

describe('dsr.search (issue 11 item 1)', () => {
  it('finds a betrokkene by a name word, full name, BSN, birth date or kenteken, however written', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    const hit = [{ subjectId: s.subjectId, caseId: s.caseId, caseCode: s.caseCode }];
    for (const query of [
      'zwartekrauwel',
      'ZWARTEKRAUWËL',
      '  Piet   Zwartekrauwel ',
      '1112.22.333',
      '111 222 333',
      '17-05-1980',
      '1980-05-17',
      'ab123c',
      'AB-123-C',
    ]) {
      expect(await fg.dsr.search({ query }), query).toEqual(hit);
    }
    // Every word must match the same person: "Piet Voorbeeld" is nobody.
    expect(await fg.dsr.search({ query: 'Piet Voorbeeld' })).toEqual([]);
    expect(await fg.dsr.search({ query: '111222334' })).toEqual([]);
    // The coordinator may search too; a person known only from police data is found (art. 24.4).
    expect(await callerFor(s.deps, s.u.coordinator).dsr.search({ query: 'Politiebekend' })).toEqual([
      { subjectId: s.policeOnlyId, caseId: s.caseId, caseCode: s.caseCode },
    ]);
  });

  it('answers for the own team only: the BIT FG finds nothing of PIT, the PIT FG nothing of BIT', async () => {
    const s = await setup();
    expect(await callerFor(s.deps, s.u.bitFg).dsr.search({ query: 'Zwartekrauwel' })).toEqual([
      { subjectId: s.bitSubject, caseId: s.bitCase, caseCode: s.bitCode },
    ]);
    const bitAnswer = JSON.stringify(await callerFor(s.deps, s.u.bitFg).dsr.search({ query: '111222333' }));
    expect(bitAnswer).toBe('[]');
    expect(await callerFor(s.deps, s.u.fg).dsr.search({ query: 'Jan Zwartekrauwel' })).toEqual([]);
  });

  it('members cannot search', async () => {
    const s = await setup();
    expect(await errorOf(() => callerFor(s.deps, s.u.helmond).dsr.search({ query: 'Zwartekrauwel' }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'auth.forbidden',
    });
  });

  it('the index holds no plaintext: neither its rows nor the database file contain the name, BSN or kenteken', async () => {
    const s = await setup();
    const rows = s.deps.db.select().from(subjectSearchTokens).all();
    expect(rows.length).toBeGreaterThan(10);
    const dump = JSON.stringify(rows).toLowerCase();
    for (const needle of ['zwartekrauw', '111222333', 'ab123c', '1980-05-17', 'name:', 'bsn:']) expect(dump).not.toContain(needle);
    const file = s.deps.db.$client.serialize().toString('latin1').toLowerCase();
    for (const needle of ['zwartekrauw', '111222333', 'ab123c', 'ab-123-c']) expect(file).not.toContain(needle);
  });

  it('is audited with the number of hits and without the query', async () => {
    const s = await setup();
    await callerFor(s.deps, s.u.fg).dsr.search({ query: 'Zwartekrauwel' });
    const rows = s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'dsr.search')).all();
    expect(rows.map((r) => ({ actorId: r.actorId, teamId: r.teamId, detail: r.detail }))).toEqual([
      { actorId: s.u.fg.id, teamId: s.pit.teamId, detail: JSON.stringify({ hits: 1 }) },
    ]);
    expect(JSON.stringify(s.deps.db.select().from(auditLog).all()).toLowerCase()).not.toContain('zwartekrauw');
  });

  it("erasing a casus' betrokkenen (a withdrawn signal) takes their tokens with them", async () => {
    const s = await setup();
    const coord = callerFor(s.deps, s.u.coordinator);
    await coord.cases.withdraw({ id: s.caseId, version: (await coord.cases.get({ id: s.caseId })).version, reason: 'Dubbel gemeld.' });
    expect(await callerFor(s.deps, s.u.fg).dsr.search({ query: 'Zwartekrauwel' })).toEqual([]);
    expect(s.deps.db.select().from(subjectSearchTokens).all().length, 'only the BIT betrokkene remains').toBe(2);
  });

  it('backfills an empty index from the stored items (a database from before the index)', async () => {
    const s = await setup();
    const before = s.deps.db.select().from(subjectSearchTokens).all().length;
    s.deps.db.delete(subjectSearchTokens).run();
    expect(await callerFor(s.deps, s.u.fg).dsr.search({ query: 'Zwartekrauwel' })).toEqual([]);
    expect(backfillBlindIndex(s.deps)).toBe(8);
    expect(s.deps.db.select().from(subjectSearchTokens).all().length).toBe(before);
    expect(await callerFor(s.deps, s.u.fg).dsr.search({ query: 'ab-123-c' })).toEqual([
      { subjectId: s.subjectId, caseId: s.caseId, caseCode: s.caseCode },
    ]);
    expect(backfillBlindIndex(s.deps), 'a filled index is left alone').toBe(0);
  });
});

describe('dsr register (issue 11 item 2, art. 24)', () => {
  it('create: the deadline is one calendar month after receipt; the concerned partners include the police (24.4)', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    const created = await fg.dsr.create({
      kind: 'inzage',
      receivedOn: '2026-10-31',
      receivedByPartnerId: s.pit.partnerIds.asten!,
      subjectIds: [s.subjectId],
    });
    expect(created).toEqual({ id: created.id, deadline: '2026-11-30' });
    const list = await fg.dsr.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: created.id,
      kind: 'inzage',
      receivedOn: '2026-10-31',
      deadline: '2026-11-30',
      status: 'open',
      overdue: false,
      dueSoon: true,
      subjects: [{ subjectId: s.subjectId, caseId: s.caseId, caseCode: s.caseCode }],
    });
    expect(list[0]!.partners.map((p) => [p.partnerId, p.police, p.forwardedOn])).toEqual([
      [s.pit.partnerIds.helmond, false, null],
      [s.pit.partnerIds.politie, true, null],
      [s.pit.partnerIds.senzer, false, null],
    ]);
  });

  it("refuses a receipt date in the future, and another team's betrokkene as if it did not exist", async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    const future = await errorOf(() =>
      fg.dsr.create({ kind: 'inzage', receivedOn: '2026-11-26', receivedByPartnerId: s.pit.partnerIds.asten!, subjectIds: [s.subjectId] }),
    );
    expect(future).toMatchObject({ code: 'BAD_REQUEST', key: 'dsr.dateInFuture' });
    const foreign = await errorOf(() =>
      fg.dsr.create({ kind: 'inzage', receivedOn: '2026-11-20', receivedByPartnerId: s.pit.partnerIds.asten!, subjectIds: [s.bitSubject] }),
    );
    expect(foreign).toMatchObject({ code: 'NOT_FOUND', key: 'notFound' });
    expect(await fg.dsr.list()).toEqual([]);
  });

  it('an open request past its deadline is overdue', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    await fg.dsr.create({
      kind: 'bezwaar',
      receivedOn: '2026-10-01',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.otherId],
    });
    expect((await fg.dsr.list())[0]).toMatchObject({ deadline: '2026-11-01', overdue: true, dueSoon: false });
  });

  it('extends once, by two months from receipt, with a reason, and only within the first month', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    const { id } = await fg.dsr.create({
      kind: 'inzage',
      receivedOn: '2026-11-10',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    expect(await fg.dsr.extend({ id, reason: 'Veel partners betrokken' })).toEqual({ deadline: '2027-02-10' });
    expect(await fg.dsr.get({ id })).toMatchObject({
      deadline: '2027-02-10',
      extendedOn: '2026-11-25',
      extensionReason: 'Veel partners betrokken',
    });
    expect(await errorOf(() => fg.dsr.extend({ id, reason: 'Nog eens' }))).toMatchObject({ code: 'CONFLICT', key: 'dsr.alreadyExtended' });
    const { id: late } = await fg.dsr.create({
      kind: 'inzage',
      receivedOn: '2026-10-01',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    expect(await errorOf(() => fg.dsr.extend({ id: late, reason: 'Te laat' }))).toMatchObject({
      code: 'BAD_REQUEST',
      key: 'dsr.extendTooLate',
    });
  });

  it('cannot be decided before it went to every concerned partner (the police for its part); reports back are recorded', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    const { id } = await fg.dsr.create({
      kind: 'inzage',
      receivedOn: '2026-11-20',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    expect(await errorOf(() => fg.dsr.decide({ id, decision: 'toegewezen', note: '' }))).toMatchObject({
      code: 'BAD_REQUEST',
      key: 'dsr.notForwarded',
    });
    expect(
      await errorOf(() =>
        fg.dsr.recordReport({ id, partnerId: s.pit.partnerIds.politie!, reportedOn: '2026-11-25', report: 'Afgehandeld' }),
      ),
    ).toMatchObject({ key: 'dsr.notForwarded' });
    expect(await fg.dsr.forward({ id })).toEqual({ forwarded: 3 });
    await fg.dsr.recordReport({
      id,
      partnerId: s.pit.partnerIds.politie!,
      reportedOn: '2026-11-25',
      report: 'Politie beslist zelf (Wpg art. 27)',
    });
    expect(
      await errorOf(() => fg.dsr.recordReport({ id, partnerId: s.pit.partnerIds.asten!, reportedOn: '2026-11-25', report: 'x' })),
    ).toMatchObject({ code: 'NOT_FOUND' });
    await fg.dsr.decide({ id, decision: 'deels_toegewezen', note: 'Politiedeel door de politie beantwoord' });
    const view = await fg.dsr.get({ id });
    expect(view).toMatchObject({ status: 'afgehandeld', decision: 'deels_toegewezen', decidedOn: '2026-11-25', overdue: false });
    expect(view.partners.find((p) => p.police)).toMatchObject({
      forwardedOn: '2026-11-25',
      reportedOn: '2026-11-25',
      report: 'Politie beslist zelf (Wpg art. 27)',
    });
    expect(await errorOf(() => fg.dsr.extend({ id, reason: 'x' }))).toMatchObject({ code: 'CONFLICT', key: 'dsr.closed' });
    // The register shows open requests first.
    const { id: later } = await fg.dsr.create({
      kind: 'bezwaar',
      receivedOn: '2026-11-24',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.otherId],
    });
    expect((await fg.dsr.list()).map((r) => [r.id, r.status])).toEqual([
      [later, 'open'],
      [id, 'afgehandeld'],
    ]);
  });

  it("another team's FG does not see the request", async () => {
    const s = await setup();
    const { id } = await callerFor(s.deps, s.u.fg).dsr.create({
      kind: 'inzage',
      receivedOn: '2026-11-20',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    const bit = callerFor(s.deps, s.u.bitFg);
    expect(await bit.dsr.list()).toEqual([]);
    expect(await errorOf(() => bit.dsr.get({ id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await errorOf(() => bit.dsr.bundle({ id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('inzage bundle (issue 11 item 3)', () => {
  it('holds every item per providing partner, the police part apart, the casus, werkafspraken, overleggen and who read the data', async () => {
    const s = await setup();
    const coord = callerFor(s.deps, s.u.coordinator);
    await coord.agreements.create({ caseId: s.caseId, text: 'Controle plannen', responsiblePartnerId: s.pit.partnerIds.helmond! });
    const { id: meetingId } = await coord.meetings.create({ startsAt: '2026-12-01T09:00:00Z', title: 'PIT-overleg december' });
    await coord.agenda.add({ meetingId, section: 'lopende_casussen', title: 'Bespreking pand', caseId: s.caseId });
    await callerFor(s.deps, s.u.senzer).cases.get({ id: s.caseId }); // Senzer reads the casus
    const fg = callerFor(s.deps, s.u.fg);
    const { id } = await fg.dsr.create({
      kind: 'inzage',
      receivedOn: '2026-11-20',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    const b = await fg.dsr.bundle({ id });
    expect(b.subjects).toHaveLength(1);
    const subject = b.subjects[0]!;
    expect(subject.case).toMatchObject({ id: s.caseId, code: s.caseCode, gemeente: 'Gemeente Helmond' });
    expect(subject.byPartner.map((p) => [p.partner, p.items.map((i) => [i.category, i.value])])).toEqual([
      [
        'Gemeente Helmond',
        [
          ['naw', `${NAME}, Kerkstraat 1, Helmond`],
          ['bsn', '111222333'],
          ['geboortedatum', '1980-05-17'],
        ],
      ],
      ['Senzer (Werkbedrijf Atlant De Peel)', [['naleving', 'Uitkering op dit adres']]],
    ]);
    expect(subject.police.map((p) => [p.partner, p.items.map((i) => [i.category, i.value])])).toEqual([
      ['Politie Eenheid Oost-Brabant', [['kenteken', 'AB-123-C']]],
    ]);
    expect(subject.agreements.map((a) => a.text)).toEqual(['Controle plannen']);
    expect(subject.meetings).toEqual([{ title: 'PIT-overleg december', date: '2026-12-01', agendaTitle: 'Bespreking pand' }]);
    expect(b.processing.filter((p) => p.action === 'personal_data.read').map((p) => [p.partner, p.purpose, p.caseCode])).toContainEqual([
      'Senzer (Werkbedrijf Atlant De Peel)',
      'screen',
      s.caseCode,
    ]);
    // Only the persons of the request: the other betrokkene of the casus is not in it.
    expect(JSON.stringify(b)).not.toContain('Anna Voorbeeld');
    expect(JSON.stringify(b)).not.toContain('Politiebekend');
    // Every assembly is audited, with the format and counts only.
    const audit = s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'dsr.bundle')).all();
    expect(audit.map((r) => parseJson(r.detail!))).toEqual([{ format: 'screen', subjects: 1, items: 5, police: true }]);
    // The documents render the same content; the police part is marked.
    const html = inzageHtml(b);
    expect(html).toContain(NAME);
    expect(html).toContain('Wet politiegegevens art. 27');
    expect(html).toContain('AB-123-C');
    const docx = await inzageDocx(b);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
  });

  it('is for the FG only', async () => {
    const s = await setup();
    const { id } = await callerFor(s.deps, s.u.fg).dsr.create({
      kind: 'inzage',
      receivedOn: '2026-11-20',
      receivedByPartnerId: s.pit.partnerIds.helmond!,
      subjectIds: [s.subjectId],
    });
    for (const user of [s.u.coordinator, s.u.helmond]) {
      expect(await errorOf(() => callerFor(s.deps, user).dsr.bundle({ id }))).toMatchObject({ code: 'FORBIDDEN', key: 'auth.forbidden' });
    }
  });
});

describe('informatieplicht (issue 11 item 8, art. 26)', () => {
  it('only the informing partner (Helmond in PIT) or the coordinator records it', async () => {
    const s = await setup();
    const input = { subjectId: s.subjectId, informedOn: '2026-11-24', postponedReason: null };
    // Asten is not involved in the casus (P14): for it the betrokkene does not exist.
    expect(await errorOf(() => callerFor(s.deps, s.u.asten).subjects.setInformed(input))).toMatchObject({ code: 'NOT_FOUND' });
    // Senzer sees the person (a task on the casus) but is not the informing partner.
    expect(await errorOf(() => callerFor(s.deps, s.u.senzer).subjects.setInformed(input))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'subjects.informNotYours',
    });
    await callerFor(s.deps, s.u.helmond).subjects.setInformed(input);
    await callerFor(s.deps, s.u.coordinator).subjects.setInformed({ ...input, informedOn: '2026-11-25' });
  });

  it('a BIT member cannot record it (BIT names no informing partner: the coordinator does)', async () => {
    const s = await setup();
    const bitMember = await makeUser(s.deps, s.bit, 'member', 'hilversum');
    expect(
      await errorOf(() =>
        callerFor(s.deps, bitMember).subjects.setInformed({ subjectId: s.bitSubject, informedOn: '2026-11-24', postponedReason: null }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.informNotYours' });
    await callerFor(s.deps, s.u.bitCoordinator).subjects.setInformed({
      subjectId: s.bitSubject,
      informedOn: '2026-11-24',
      postponedReason: null,
    });
  });

  it('refuses a date in the future', async () => {
    const s = await setup();
    const err = await errorOf(() =>
      callerFor(s.deps, s.u.helmond).subjects.setInformed({ subjectId: s.subjectId, informedOn: '2026-11-26', postponedReason: null }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', key: 'subjects.informedInFuture' });
  });

  it('keeps the history instead of overwriting it', async () => {
    const s = await setup();
    const helmond = callerFor(s.deps, s.u.helmond);
    await helmond.subjects.setInformed({ subjectId: s.subjectId, informedOn: null, postponedReason: 'Lopend onderzoek' });
    await helmond.subjects.setInformed({ subjectId: s.subjectId, informedOn: '2026-11-24', postponedReason: null });
    const events = s.deps.db.select().from(subjectInformEvents).all();
    expect(events.map((e) => [e.informedOn, e.postponedReason, e.recordedByUserId, e.recordedByPartnerId])).toEqual([
      [null, 'Lopend onderzoek', s.u.helmond.id, s.pit.partnerIds.helmond],
      ['2026-11-24', null, s.u.helmond.id, s.pit.partnerIds.helmond],
    ]);
  });

  it('lists who is not informed yet, without betrokkenen known only from police data (26.3), who cannot be recorded either', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.u.fg);
    expect((await fg.dsr.notInformed()).map((r) => r.subjectId)).toEqual([s.subjectId, s.otherId]);
    await callerFor(s.deps, s.u.coordinator).subjects.setInformed({
      subjectId: s.otherId,
      informedOn: '2026-11-25',
      postponedReason: null,
    });
    expect(await fg.dsr.notInformed()).toEqual([{ subjectId: s.subjectId, caseId: s.caseId, caseCode: s.caseCode, since: '2026-11-25' }]);
    const police = await errorOf(() =>
      callerFor(s.deps, s.u.coordinator).subjects.setInformed({
        subjectId: s.policeOnlyId,
        informedOn: '2026-11-25',
        postponedReason: null,
      }),
    );
    expect(police).toMatchObject({ code: 'BAD_REQUEST', key: 'subjects.informPoliceOnly' });
    expect(await callerFor(s.deps, s.u.bitFg).dsr.notInformed()).toEqual([
      { subjectId: s.bitSubject, caseId: s.bitCase, caseCode: s.bitCode, since: '2026-11-25' },
    ]);
  });
});
