// The live view's read memo (issue 12, ../../server/privacy/read-memo.ts): the team's betrokkenen
// and items are loaded and decrypted once per change for every visibility class, while the gate
// still decides per reader. Every reader must get exactly what it gets without the memo — whole
// payloads, audit entries and disclosures compared — and a memo must never serve another team,
// nor mix a police item (P4, its own table and key) with a general item of the same row id.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { joinApproved } from '../helpers/partners';
import { itemDisclosures, policeSubjectItems, subjectItems } from '../../db/schema';
import { readSubjects, type Disclose } from '../../server/privacy/personal-data';
import { createReadMemo, type ReadMemo } from '../../server/privacy/read-memo';
import { encryptValue } from '../../server/privacy/crypto';
import type { AuditEntry } from '../../server/audit';
import type { Actor } from '../../server/auth/actor';

let deps: TestDeps;
let pit: TestTeam;
let bit: TestTeam;
let caseId: number;
let bitCaseId: number;
const readers: Record<string, Actor> = {};
let bitCoordinator: Actor;

/** One read as the live view makes it: the payload, the audit entry and the disclosures it would record. */
function read(reader: Actor, memo?: ReadMemo, ids = [caseId]) {
  let audited: AuditEntry | null = null;
  let disclosure: Disclose | null = null;
  const subjects = readSubjects(
    deps,
    reader,
    ids,
    'live',
    (entry, disclose) => {
      audited = entry;
      disclosure = disclose;
    },
    undefined,
    memo,
  );
  return { subjects: [...subjects], audited, disclosures: disclosure ? recorded(disclosure) : null };
}

/** The item_disclosures rows a read's disclose would write (P12), rolled back afterwards. */
function recorded(disclose: Disclose) {
  let rows: (typeof itemDisclosures.$inferSelect)[] = [];
  try {
    deps.db.transaction((tx) => {
      disclose(tx);
      rows = tx.select().from(itemDisclosures).all();
      throw new Error('rollback');
    });
  } catch {
    // rolled back: the read is only looked at
  }
  return rows;
}

const values = (r: ReturnType<typeof read>) =>
  r.subjects.flatMap(([, list]) => list.flatMap((s) => s.items.map((i) => i.value))).sort((a, b) => a.localeCompare(b));

beforeAll(async () => {
  deps = createTestDeps();
  pit = makeTeam(deps, 'pit');
  bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'deurne');
  const police = await makeUser(deps, pit, 'member', 'politie');
  const helmond = await makeUser(deps, pit, 'member', 'helmond');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const asten = await makeUser(deps, pit, 'member', 'asten');
  pit.partnerIds.stichting = await joinApproved(deps, pit, {
    name: 'Stichting Voorbeeld',
    shortName: 'Stichting',
    kind: 'overig',
    joinedOn: '2026-01-01',
  });
  const stichting = await makeUser(deps, pit, 'member', 'stichting');
  const casus = await makeCase(deps, pit, coordinator, { status: 'actief' });
  caseId = casus.id;
  // Stichting takes part through a task (P14), so its standing alone hides the items from it.
  await callerFor(deps, coordinator).tasks.create({
    title: 'Meekijken',
    assigneePartnerId: pit.partnerIds.stichting,
    dueDate: '2026-12-10',
    caseId,
  });
  // The first item of each table: the police item and the general item share row id 1 (P4).
  await callerFor(deps, police).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: 'P. Politiebron, Geheimweg 7, Helmond' },
      { category: 'bsn', value: exampleValues.bsn, legalGround: 'Wpg art. 16' },
    ],
  });
  await callerFor(deps, helmond).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: 'G. Gemeentebron, Marktstraat 2, Helmond' },
      { category: 'telefoon', value: exampleValues.telefoon },
    ],
  });
  await callerFor(deps, senzer).subjects.add({
    caseId,
    kind: 'person',
    items: [{ category: 'naleving', value: 'Zorgmelding van Senzer' }],
  });
  // Senzer restricts its own item (AVG art. 18): only Senzer still sees it.
  await callerFor(deps, senzer).subjects.addItems({
    subjectId: read(coordinator).subjects[0]![1].find((s) => s.items.some((i) => i.value === 'Zorgmelding van Senzer'))!.id,
    items: [{ category: 'geboortedatum', value: exampleValues.geboortedatum }],
  });
  const senzerBirth = read(coordinator)
    .subjects[0]![1].flatMap((s) => s.items)
    .find((i) => i.value === exampleValues.geboortedatum)!;
  await callerFor(deps, senzer).subjects.restrictItem({ itemId: senzerBirth.id, reason: 'Bezwaar in behandeling' });

  const bitCoord = await makeUser(deps, bit, 'coordinator', 'hilversum');
  bitCoordinator = bitCoord;
  const bitCase = await makeCase(deps, bit, bitCoord, { status: 'actief' });
  bitCaseId = bitCase.id;
  await callerFor(deps, bitCoord).subjects.add({
    caseId: bitCaseId,
    kind: 'person',
    items: [{ category: 'naw', value: 'B. Bitbron, Dorpsstraat 1, Hilversum' }],
    sourcePartnerId: bit.partnerIds.hilversum!,
  });

  Object.assign(readers, {
    coordinator,
    police,
    helmond,
    senzer,
    asten, // another gemeente, not involved in the casus (P14): sees nothing
    stichting, // a kind the covenant does not name, without an annex: no standing (art. 12.2)
    suspendedHelmond: { ...helmond, partnerSuspended: true }, // BIT art. 6.6
    lateSenzer: { ...senzer, partnerJoinedOn: '2030-01-01' }, // joined after the items were recorded (art. 12)
  });
});

describe('the read memo of one live change', () => {
  it('police and general items share row id 1 in this database, as the memo test below relies on', () => {
    expect(deps.db.select({ id: policeSubjectItems.id }).from(policeSubjectItems).all()[0]!.id).toBe(1);
    expect(deps.db.select({ id: subjectItems.id }).from(subjectItems).all()[0]!.id).toBe(1);
  });

  it('gives every reader exactly the payload, audit entry and disclosures it gets without a memo, whatever the order of the builds', () => {
    const without = Object.fromEntries(Object.entries(readers).map(([name, r]) => [name, read(r)]));
    for (const order of [Object.keys(readers), Object.keys(readers).reverse()]) {
      const memo = createReadMemo(pit.teamId);
      for (const name of order) expect({ name, ...read(readers[name]!, memo) }).toEqual({ name, ...without[name] });
    }
    // The matrix of readers really differs: the same memo serves different answers.
    expect(values(without.coordinator!)).toEqual(
      [
        exampleValues.telefoon,
        'G. Gemeentebron, Marktstraat 2, Helmond',
        'P. Politiebron, Geheimweg 7, Helmond',
        '••••••333',
        'Zorgmelding van Senzer',
      ].sort((a, b) => a.localeCompare(b)),
    );
    expect(values(without.police!)).toEqual(values(without.helmond!));
    // Which partner saw which items (P12): the police member saw the other partners' items, never its own.
    expect(without.police!.disclosures!.map((d) => [d.police, d.partnerId])).toEqual([
      [false, pit.partnerIds.politie],
      [false, pit.partnerIds.politie],
      [false, pit.partnerIds.politie],
    ]);
    expect(values(without.helmond!)).toEqual(
      [
        exampleValues.telefoon,
        'G. Gemeentebron, Marktstraat 2, Helmond',
        'P. Politiebron, Geheimweg 7, Helmond',
        '••••••333',
        'Zorgmelding van Senzer',
      ].sort((a, b) => a.localeCompare(b)),
    );
    expect(values(without.senzer!)).toEqual(
      [exampleValues.telefoon, exampleValues.geboortedatum, 'G. Gemeentebron, Marktstraat 2, Helmond', 'Zorgmelding van Senzer'].sort(
        (a, b) => a.localeCompare(b),
      ),
    );
    for (const none of ['asten', 'stichting', 'suspendedHelmond', 'lateSenzer'])
      expect({ none, ...without[none]! }).toEqual({ none, subjects: [], audited: null, disclosures: null });
  });

  it('keeps a police item and a general item with the same row id apart (P4)', () => {
    const memo = createReadMemo(pit.teamId);
    const coordinator = read(readers.coordinator!, memo);
    const items = coordinator.subjects[0]![1].flatMap((s) => s.items);
    // Both rows with id 1: the police NAW and the gemeente's NAW... each with its own value and id.
    const naws = items.filter((i) => i.category === 'naw');
    expect(naws.map((i) => i.value).sort()).toEqual(['G. Gemeentebron, Marktstraat 2, Helmond', 'P. Politiebron, Geheimweg 7, Helmond']);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    // A reader served from the filled memo after the coordinator gets the same.
    expect(read(readers.helmond!, memo)).toEqual(read(readers.helmond!));
  });

  it('is loaded once per change: a memo keeps what it read, a new change starts from the database', () => {
    const memo = createReadMemo(pit.teamId);
    const before = read(readers.coordinator!, memo);
    const row = deps.db.select().from(subjectItems).where(eq(subjectItems.id, 1)).get()!;
    deps.db
      .update(subjectItems)
      .set({ valueEnc: encryptValue(deps.keys.general, 'G. Gewijzigd, Marktstraat 2, Helmond') })
      .where(eq(subjectItems.id, 1))
      .run();
    try {
      expect(read(readers.coordinator!, memo)).toEqual(before);
      expect(values(read(readers.coordinator!, createReadMemo(pit.teamId)))).toContain('G. Gewijzigd, Marktstraat 2, Helmond');
    } finally {
      deps.db.update(subjectItems).set({ valueEnc: row.valueEnc }).where(eq(subjectItems.id, 1)).run();
    }
  });

  it("never serves another team: a memo of PIT refused for BIT's reader, and each team's memo gives its own", () => {
    const memo = createReadMemo(pit.teamId);
    read(readers.coordinator!, memo);
    expect(() => read(bitCoordinator, memo, [bitCaseId])).toThrow('A read memo of one team was used for another.');
    const bitMemo = createReadMemo(bit.teamId);
    expect(read(bitCoordinator, bitMemo, [bitCaseId])).toEqual(read(bitCoordinator, undefined, [bitCaseId]));
    expect(values(read(bitCoordinator, bitMemo, [bitCaseId]))).toEqual(['B. Bitbron, Dorpsstraat 1, Hilversum']);
  });
});
