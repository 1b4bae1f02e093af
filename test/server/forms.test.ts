// Issue 9 item 7: every rule of a form lives in the schema (or the domain) with a field path, so the
// screen shows every message at its field, in plain Dutch, all at once.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const gemeente = await makeUser(deps, pit, 'member', 'asten');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  return { deps, pit, coordinator, gemeente, caseId };
}

describe('the casus form', () => {
  it('a house number with a letter or an addition is a house number: 12a and 12-2', async () => {
    const { deps, pit, coordinator } = await setup();
    const a = await makeCase(deps, pit, coordinator, { houseNumber: '12a' });
    const b = await makeCase(deps, pit, coordinator, { houseNumber: '12-2' });
    const c = await makeCase(deps, pit, coordinator, { houseNumber: '7', houseNumberAddition: 'bis' });
    const read = async (id: number) => {
      const got = await callerFor(deps, coordinator).cases.get({ id });
      return [got.houseNumber, got.houseNumberAddition];
    };
    expect(await read(a.id)).toEqual([12, 'A']);
    expect(await read(b.id)).toEqual([12, '2']);
    expect(await read(c.id)).toEqual([7, 'BIS']);
  });

  it('an empty form gets every message at its own field at once, none about "tekens" for a choice', async () => {
    const { deps, coordinator } = await setup();
    const errors = await fieldErrorsOf(() =>
      callerFor(deps, coordinator).cases.create({
        gemeentePartnerId: 0,
        street: '',
        houseNumber: '',
        houseNumberAddition: '',
        postcode: '',
        city: '',
        bagId: '',
        theme: 0,
      }),
    );
    expect(errors).toEqual({
      gemeentePartnerId: 'Dit veld is verplicht.',
      street: 'Dit veld is verplicht.',
      houseNumber: 'Dit veld is verplicht.',
      postcode: 'Dit veld is verplicht.',
      city: 'Dit veld is verplicht.',
      theme: 'Dit veld is verplicht.',
    });
  });

  it('wrong Dutch formats are named at their fields together', async () => {
    const { deps, pit, coordinator } = await setup();
    const errors = await fieldErrorsOf(() =>
      makeCase(deps, pit, coordinator, { houseNumber: '12 a b c d e', postcode: '1234 SA', bagId: '123', houseNumberAddition: 'a-b-c' }),
    );
    expect(errors).toEqual({
      houseNumber: 'Vul een huisnummer in, eventueel met toevoeging, zoals 12, 12a of 12-2.',
      houseNumberAddition: 'Een toevoeging is hoogstens vier letters of cijfers, zoals A of 2.',
      postcode: 'Vul een geldige postcode in, zoals 5701 AB.',
      bagId: 'Een BAG-id heeft 16 cijfers en is van een pand (objecttype 10) of verblijfsobject (01).',
    });
    expect(await fieldErrorsOf(() => makeCase(deps, pit, coordinator, { houseNumber: '12a', houseNumberAddition: 'b' }))).toEqual({
      houseNumberAddition: 'De toevoeging staat al in het huisnummer; laat dit veld leeg.',
    });
  });

  it("the team's own rules (gemeente, theme) are reported at their fields, together", async () => {
    const { deps, pit, coordinator } = await setup();
    const errors = await fieldErrorsOf(() =>
      makeCase(deps, pit, coordinator, { gemeentePartnerId: pit.partnerIds.politie, theme: 'Onbekend thema' }),
    );
    expect(errors).toEqual({
      gemeentePartnerId: 'Kies een gemeente die partner is van het team.',
      theme: 'Kies een thema uit de lijst van het team.',
    });
  });
});

describe('the betrokkene form', () => {
  it("every item's problem comes back at once, each at its own field", async () => {
    const { deps, gemeente, caseId } = await setup();
    const errors = await fieldErrorsOf(() =>
      callerFor(deps, gemeente).subjects.add({
        caseId,
        kind: 'person',
        items: [
          { category: 'naw', value: 'J. de Vries, Voorbeeldlaan 3' },
          { category: 'bsn', value: '111222334' },
          { category: 'telefoon', value: '12345' },
          { category: 'geboortedatum', value: '31-02-1990' },
          { category: 'naw', value: '   ' },
        ],
      }),
    );
    expect(errors).toEqual({
      'items.1.value': 'Gegeven 2: dit is geen geldig BSN (11-proef).',
      'items.1.legalGround': 'Gegeven 2: een BSN mag alleen worden vastgelegd met de wettelijke grondslag (art. 20.3c).',
      'items.2.value': 'Gegeven 3: dit is geen geldig telefoonnummer.',
      'items.3.value': 'Gegeven 4: vul een geldige geboortedatum in.',
      'items.4.value': 'Dit veld is verplicht.',
    });
    expect((await callerFor(deps, gemeente).cases.get({ id: caseId })).subjects).toEqual([]);
  });

  it('a category the partner may not provide is named at that item', async () => {
    const { deps, pit, coordinator, caseId } = await setup();
    const errors = await fieldErrorsOf(() =>
      callerFor(deps, coordinator).subjects.add({
        caseId,
        kind: 'person',
        sourcePartnerId: pit.partnerIds.senzer,
        items: [
          { category: 'naw', value: 'X' },
          { category: 'kenteken', value: 'AB-123-C' },
        ],
      }),
    );
    expect(Object.keys(errors)).toEqual(['items.1.category']);
  });
});
