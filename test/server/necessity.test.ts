// Necessity (PIT art. 20.1, 20.9, 20.11; SPEC P1, P14): geslacht is not recorded, free text holds
// no personal data, and a partner sees a casus' betrokkenen only when involved — or after asking
// access with a reason, which the FG sees.
import { describe, expect, it } from 'vitest';
import { auditLog, caseAccessRequests } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { insertMeeting } from '../helpers/meetings';
import { match } from '../helpers/matchers';
import { detectPersonalData } from '../../server/privacy/free-text';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const asten = await makeUser(deps, pit, 'member', 'asten');
  const deurne = await makeUser(deps, pit, 'member', 'deurne');
  const fg = await makeUser(deps, pit, 'privacy');
  const { id: caseId } = await makeCase(deps, pit, coordinator); // a pand in Helmond
  await callerFor(deps, coordinator).subjects.add({
    caseId,
    kind: 'person',
    sourcePartnerId: pit.partnerIds.helmond,
    items: [{ category: 'naw', value: 'J. Zeldzaamhuis, Voorbeeldlaan 3, Helmond' }],
  });
  return { deps, pit, coordinator, asten, deurne, fg, caseId };
}

describe('art. 20.9: geslacht is not recorded', () => {
  it('subjects.add refuses the category', async () => {
    const { deps, asten, caseId } = await setup();
    const error = await errorOf(() =>
      callerFor(deps, asten).subjects.add({ caseId, kind: 'person', items: [{ category: 'geslacht' as never, value: 'vrouw' }] }),
    );
    expect(error.code).toBe('BAD_REQUEST');
  });
});

describe('P1: free text holds no personal data', () => {
  it('the detector finds a BSN, a date of birth, a phone number, a kenteken and a name, and lets casus language through', () => {
    const now = new Date('2026-11-25T09:00:00Z');
    expect(detectPersonalData('BSN 111.222.333 bekend', now)).toBe('bsn');
    expect(detectPersonalData('geboren 17-05-1980', now)).toBe('geboortedatum');
    expect(detectPersonalData('geboren 17 mei 1980', now)).toBe('geboortedatum');
    expect(detectPersonalData('bel 06-12345678', now)).toBe('telefoon');
    expect(detectPersonalData('auto XX-99-XX voor de deur', now)).toBe('kenteken');
    expect(detectPersonalData('auto 12ABC3 gezien', now)).toBe('kenteken');
    expect(detectPersonalData('Zeldzaamhuis woont er', now, ['J. Zeldzaamhuis, Voorbeeldlaan 3'])).toBe('naam');
    expect(detectPersonalData('Controle op 12-01-2027 met 3 partners; dossier 2026-0041; postcode 5701AB; € 12.500 boete', now)).toBeNull();
  });

  it('a werkafspraak naming the betrokkene is refused, naming the field', async () => {
    const { deps, pit, coordinator, caseId } = await setup();
    const fields = await fieldErrorsOf(() =>
      callerFor(deps, coordinator).agreements.create({
        caseId,
        text: 'Gesprek met Zeldzaamhuis over bewoning',
        responsiblePartnerId: pit.partnerIds.helmond!,
      }),
    );
    expect(fields.text).toBe(
      'Het veld ‘Werkafspraak’ lijkt de naam van een betrokkene te bevatten. Vrije tekst is niet voor persoonsgegevens (art. 20.9): leg ze vast als gegeven bij de betrokkene.',
    );
    await callerFor(deps, coordinator).agreements.create({
      caseId,
      text: 'Gesprek met bewoner over bewoning',
      responsiblePartnerId: pit.partnerIds.helmond!,
    });
  });

  it('a task result with a phone number and a casus description with a BSN are refused', async () => {
    const { deps, pit, coordinator, asten, caseId } = await setup();
    const { id } = await callerFor(deps, coordinator).tasks.create({
      title: 'Huisbezoek',
      assigneePartnerId: pit.partnerIds.asten!,
      dueDate: '2026-12-10',
      caseId,
    });
    const result = await fieldErrorsOf(() => callerFor(deps, asten).tasks.complete({ id, resultNote: 'Bewoner gebeld op 0612345678' }));
    expect(result.resultNote).toBe(
      'Het veld ‘Resultaat’ lijkt een telefoonnummer te bevatten. Vrije tekst is niet voor persoonsgegevens (art. 20.9): leg ze vast als gegeven bij de betrokkene.',
    );
    const c = await callerFor(deps, coordinator).cases.get({ id: caseId });
    const update = await fieldErrorsOf(() =>
      callerFor(deps, coordinator).cases.update({
        id: caseId,
        version: c.version,
        gemeentePartnerId: c.gemeentePartnerId,
        street: c.street,
        houseNumber: c.houseNumber,
        postcode: c.postcode,
        city: c.city,
        theme: c.themeId,
        description: 'Eigenaar met BSN 111222333',
      }),
    );
    expect(update.description).toContain('een BSN');
  });

  it('agenda notes naming the betrokkene of the casus on the agenda are refused', async () => {
    const { deps, pit, coordinator, caseId } = await setup();
    const meeting = insertMeeting(deps, pit, {
      status: 'bezig',
      items: [{ section: 'lopende_casussen', title: 'Bespreking pand', caseId }],
    });
    const fields = await fieldErrorsOf(() =>
      callerFor(deps, coordinator).agenda.saveNotes({
        id: meeting.itemIds[0]!,
        notes: 'De heer Zeldzaamhuis was niet thuis',
        decisions: '',
        version: 1,
      }),
    );
    expect(fields.notes).toContain('de naam van een betrokkene');
  });
});

describe('P14: a partner sees betrokkenen only when involved', () => {
  it('a partner without any part in the casus sees none, and cases.get says so', async () => {
    const { deps, deurne, caseId } = await setup();
    const c = await callerFor(deps, deurne).cases.get({ id: caseId });
    expect(c.subjects).toEqual([]);
    expect(c.involved).toBe(false);
    expect(JSON.stringify(c)).not.toContain('Zeldzaamhuis');
  });

  it('a task on the casus makes the partner involved', async () => {
    const { deps, pit, coordinator, asten, caseId } = await setup();
    expect((await callerFor(deps, asten).cases.get({ id: caseId })).subjects).toEqual([]);
    await callerFor(deps, coordinator).tasks.create({
      title: 'Huisbezoek',
      assigneePartnerId: pit.partnerIds.asten!,
      dueDate: '2026-12-10',
      caseId,
    });
    const c = await callerFor(deps, asten).cases.get({ id: caseId });
    expect(c.involved).toBe(true);
    expect(c.subjects[0]!.items[0]!.value).toBe('J. Zeldzaamhuis, Voorbeeldlaan 3, Helmond');
  });

  it('attending an overleg that had the casus on its agenda makes the partner involved; being absent does not', async () => {
    const { deps, pit, asten, deurne, caseId } = await setup();
    insertMeeting(deps, pit, {
      status: 'gesloten',
      items: [{ section: 'lopende_casussen', title: 'Bespreking pand', caseId }],
      attendance: [
        { partnerId: pit.partnerIds.asten!, status: 'aanwezig' },
        { partnerId: pit.partnerIds.deurne!, status: 'afwezig' },
      ],
    });
    expect((await callerFor(deps, asten).cases.get({ id: caseId })).subjects).toHaveLength(1);
    expect((await callerFor(deps, deurne).cases.get({ id: caseId })).subjects).toEqual([]);
  });

  it('asking access with a reason grants it, is audited, and the FG sees the request', async () => {
    const { deps, deurne, fg, caseId } = await setup();
    expect((await errorOf(() => callerFor(deps, deurne).access.request({ caseId, reason: 'nodig' }))).key).toBe('access.reasonTooShort');
    expect(deps.db.select().from(caseAccessRequests).all()).toEqual([]);
    expect(await callerFor(deps, deurne).access.request({ caseId, reason: 'Handhavingsverzoek ontvangen over dit pand' })).toEqual({
      granted: true,
    });
    expect((await callerFor(deps, deurne).cases.get({ id: caseId })).subjects).toHaveLength(1);
    const list = await callerFor(deps, fg).access.list();
    expect(list).toEqual([
      {
        id: match.any(Number),
        caseId,
        caseCode: match.any(String),
        partner: match.any(String),
        user: deurne.name,
        reason: 'Handhavingsverzoek ontvangen over dit pand',
        requestedAt: '2026-11-25T09:00:00.000Z',
      },
    ]);
    expect(
      deps.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .all()
        .map((a) => a.action),
    ).toContain('personal_data.access_requested');
  });
});
