// cases.list `search` through the FTS5 trigram index (issue 12) gives exactly what the substring
// search gave before: code, address ("straat nummer toevoeging"), postcode without spaces and city,
// ASCII case folded, diacritics as typed, parts of words anywhere; short searches too. The index
// follows every change of an address.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import type { SessionUser } from '../../server/auth/sessions';
import { trigramCandidates } from '../../server/domain/cases';

let deps: TestDeps;
let pit: TestTeam;
let coordinator: SessionUser;
const made: { id: number; code: string; address: string; postcode: string; city: string }[] = [];

const addresses = [
  { street: 'Kerkstraat', houseNumber: '12', postcode: '5701 AB', city: 'Helmond' },
  { street: 'Kerkstraat', houseNumber: '120', postcode: '5701 AC', city: 'Helmond' },
  { street: 'Oude Kerkstraat', houseNumber: '3a', postcode: '5721 AA', city: 'Asten' },
  { street: 'Île de Ça', houseNumber: '7', postcode: '5702 BC', city: "'s-Hertogenbosch" },
  { street: 'Église-laan', houseNumber: '100', postcode: '5703 ZZ', city: 'Helmond' },
  { street: 'Havenweg', houseNumber: '1', postcode: '5711 XY', city: 'Deurne' },
  // Shares the first and last trigram of "Kerkstraat 12" (the index's candidates), not the text.
  { street: 'Kerkweg', houseNumber: '12', postcode: '5704 KW', city: 'Helmond' },
];

beforeAll(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const api = callerFor(deps, coordinator);
  for (const a of addresses) {
    const c = await api.cases.create({ gemeentePartnerId: pit.partnerIds.helmond!, ...a, theme: 'Woonoverlast' });
    const row = await api.cases.get({ id: c.id });
    made.push({
      id: c.id,
      code: row.code,
      address: `${row.street} ${row.houseNumber}${row.houseNumberAddition ?? ''}`,
      postcode: row.postcode.replace(/\s/g, ''),
      city: row.city,
    });
  }
});

/** The rule of the substring search before the index: SQLite LIKE, which folds ASCII letters only. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
function expected(search: string) {
  const q = fold(search.trim());
  const compact = fold(search.trim().replace(/\s/g, '').toUpperCase());
  return made
    .filter(
      (c) => fold(c.code).includes(q) || fold(c.address).includes(q) || fold(c.postcode).includes(compact) || fold(c.city).includes(q),
    )
    .map((c) => c.id)
    .sort((a, b) => b - a);
}
const found = async (search: string) => (await callerFor(deps, coordinator).cases.list({ search })).items.map((c) => c.id);

describe('cases.list search', () => {
  const searches = [
    'Kerkstraat 12',
    'kerkstraat',
    'KERK',
    'straat 1',
    'rkstr',
    'Oude Kerkstraat 3a',
    'straat 3A',
    'Île',
    'île',
    'ÎLE',
    'ile',
    'Église',
    'église',
    'ÉGLISE',
    'Ça 7',
    'ca 7',
    '5701 AB',
    '5701ab',
    '5701 a',
    '701',
    'PIT-',
    'pit-20',
    'helm',
    'HELMOND',
    "'s-Her",
    's-her',
    'e',
    '12',
    'Ç',
    '"straat',
    '100%',
    'a_b',
    'Havenweg 1',
    'Kerkweg 12',
    'Kerk 12',
    'Kerkstraat Helmond',
    'Ça',
    'Helmond 5701',
    'geen treffer',
  ];
  it.each(searches)('"%s" finds what the substring search found', async (search) => {
    expect(await found(search)).toEqual(expected(search));
  });

  it('finds a casus by its new address after a change, not by its old one', async () => {
    const api = callerFor(deps, coordinator);
    const target = made.find((c) => c.address === 'Havenweg 1')!;
    await api.cases.update({
      id: target.id,
      version: 1,
      gemeentePartnerId: pit.partnerIds.helmond!,
      street: 'Molenstraat',
      houseNumber: '9',
      postcode: '5712 QQ',
      city: 'Deurne',
      theme: 'Woonoverlast',
    });
    expect(await found('Havenweg')).toEqual([]);
    expect(await found('Molenstraat 9')).toEqual([target.id]);
    expect(await found('5712qq')).toEqual([target.id]);
    target.address = 'Molenstraat 9';
    target.postcode = '5712QQ';
  });
});

describe('the index query of a search', () => {
  it('asks for its first and last trigram, not the phrase of every trigram', () => {
    // A phrase reads the position lists of every trigram, the common ones ("str", "aat") with most
    // of the history in them; the LIKE keeps the result exact (the searches above).
    expect(trigramCandidates('Kerkstraat 12')).toBe('"Ker" AND " 12"');
    expect(trigramCandidates('PIT-2026-0003')).toBe('"PIT" AND "003"');
    expect(trigramCandidates('abc')).toBe('"abc"');
    // Under three characters (counted as characters, not UTF-16 units) the index cannot answer:
    // the LIKE alone does.
    expect(trigramCandidates('ab')).toBeNull();
    expect(trigramCandidates('🏠🏠')).toBeNull();
    expect(trigramCandidates('"straat')).toBe('"""st" AND "aat"');
    expect(trigramCandidates('Ça 7')).toBe('"Ça " AND "a 7"');
    expect(trigramCandidates('🏠 12a')).toBe('"🏠 1" AND "12a"');
  });
});
