// The sharing matrix of art. 20.3–20.7, enumerated: every source partner kind × category × reader,
// through the real procedures. The expectation is written from the covenant table (SPEC §4 P2),
// independently of the visibility module.
import { beforeAll, describe, expect, it } from 'vitest';
import { itemCategories, type ItemCategory, type PartnerKind } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { joinApproved } from '../helpers/partners';
import { exampleValues, makeCase } from '../helpers/cases';
import type { SessionUser } from '../../server/auth/sessions';

const covenantTable: Record<PartnerKind, { provides: ItemCategory[]; visibleTo: 'all' | 'gemeenten' }> = {
  politie: { provides: [...itemCategories], visibleTo: 'gemeenten' },
  gemeente: { provides: [...itemCategories], visibleTo: 'all' },
  sociale_dienst: { provides: ['naw', 'geboortedatum', 'naleving'], visibleTo: 'all' },
  veiligheidsregio: { provides: ['naw', 'naleving'], visibleTo: 'all' },
  belastingen: { provides: ['naw', 'naleving'], visibleTo: 'all' },
  overig: { provides: [], visibleTo: 'all' },
};

// One source partner per kind; a second gemeente reads as "another gemeente".
const sources: Record<PartnerKind, string> = {
  gemeente: 'helmond',
  politie: 'politie',
  sociale_dienst: 'senzer',
  veiligheidsregio: 'vrbzo',
  belastingen: 'bsob',
  overig: 'stichting',
};

type ReaderCase = { label: string; role: SessionUser['role']; partner: string | null; kind: PartnerKind | null };
const readers: ReaderCase[] = [
  { label: 'coordinator', role: 'coordinator', partner: 'deurne', kind: 'gemeente' },
  { label: 'gemeente member (source)', role: 'member', partner: 'helmond', kind: 'gemeente' },
  { label: 'gemeente member (other)', role: 'member', partner: 'asten', kind: 'gemeente' },
  { label: 'politie member', role: 'member', partner: 'politie', kind: 'politie' },
  { label: 'veiligheidsregio member', role: 'member', partner: 'vrbzo', kind: 'veiligheidsregio' },
  { label: 'sociale dienst member', role: 'member', partner: 'senzer', kind: 'sociale_dienst' },
  { label: 'belastingen member', role: 'member', partner: 'bsob', kind: 'belastingen' },
  { label: 'overig member', role: 'member', partner: 'stichting', kind: 'overig' },
  { label: 'admin', role: 'admin', partner: null, kind: null },
  { label: 'privacy', role: 'privacy', partner: null, kind: null },
  { label: 'viewer', role: 'viewer', partner: 'helmond', kind: 'gemeente' },
];

function expectedVisible(reader: ReaderCase, sourceKind: PartnerKind): boolean {
  if (reader.role === 'coordinator') return true;
  if (reader.role !== 'member') return false;
  if (reader.partner === sources[sourceKind]) return true;
  // A kind the covenant does not name sees nothing until an annex gives it categories (art. 12.2).
  if (reader.kind === 'overig') return false;
  const rule = covenantTable[sourceKind];
  return rule.visibleTo === 'all' || reader.kind === 'gemeente';
}

let deps: TestDeps;
let team: TestTeam;
let caseId: number;
/** subject id → the (kind, category) it was recorded with */
const recorded = new Map<string, { kind: PartnerKind; category: ItemCategory }>();

beforeAll(async () => {
  deps = createTestDeps();
  team = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, team, 'coordinator', 'deurne');
  team.partnerIds.stichting = await joinApproved(deps, team, {
    name: 'Stichting Voorbeeld',
    shortName: 'Stichting',
    kind: 'overig',
    joinedOn: '2026-01-01',
  });
  caseId = (await makeCase(deps, team, coordinator)).id;
  // P14: "another gemeente" and the overig partner (which provides nothing) take part through a
  // task, so what they see is decided by the matrix alone; the other member readers provide data
  // and are involved anyway.
  for (const partner of ['asten', 'stichting']) {
    await callerFor(deps, coordinator).tasks.create({
      title: 'Meekijken',
      assigneePartnerId: team.partnerIds[partner]!,
      dueDate: '2026-12-10',
      caseId,
    });
  }
});

describe('P2: a partner records only the categories its kind may provide', () => {
  for (const kind of Object.keys(sources) as PartnerKind[]) {
    for (const category of itemCategories) {
      const allowed = covenantTable[kind].provides.includes(category);
      it(`${kind} ${allowed ? 'may' : 'may not'} provide ${category}`, async () => {
        const member = await makeUser(deps, team, 'member', sources[kind]);
        const item = {
          category,
          value: exampleValues[category],
          legalGround: category === 'bsn' ? 'art. 20.3c convenant, Wet SUWI' : undefined,
        };
        const call = () => callerFor(deps, member).subjects.add({ caseId, kind: 'person', items: [item] });
        if (allowed) {
          const { id } = await call();
          recorded.set(id, { kind, category });
        } else {
          // A kind the covenant does not name is refused by its standing first: no annex, no categories (art. 12.2).
          const refusal =
            kind === 'overig'
              ? { code: 'FORBIDDEN', key: 'subjects.partnerWithoutAnnex' }
              : { code: 'BAD_REQUEST', key: 'subjects.categoryNotAllowed' };
          expect(await errorOf(call)).toMatchObject(refusal);
        }
      });
    }
  }
});

describe('P2: a reader sees an item only from their own partner or as the matrix allows', () => {
  for (const reader of readers) {
    it(`${reader.label}`, async () => {
      const user = await makeUser(deps, team, reader.role, reader.partner);
      const call = () => callerFor(deps, user).cases.get({ id: caseId });
      if (reader.role === 'admin' || reader.role === 'viewer') {
        expect((await errorOf(call)).code).toBe('FORBIDDEN');
        return;
      }
      const c = await call();
      const seen = new Set(c.subjects.map((s) => s.id));
      expect(recorded.size).toBe(19); // 6 + 6 + 3 + 2 + 2 allowed pairs (geslacht is not recorded, art. 20.9)
      for (const [subjectId, origin] of recorded) {
        expect(seen.has(subjectId), `${reader.label} / ${origin.kind} / ${origin.category}`).toBe(expectedVisible(reader, origin.kind));
      }
      // Nothing else (no placeholders or counts) reveals what was hidden.
      expect(c.subjects.length).toBe([...recorded.values()].filter((o) => expectedVisible(reader, o.kind)).length);
      for (const subject of c.subjects) {
        for (const item of subject.items)
          expect(Object.keys(item).sort()).toEqual([
            'category',
            'createdAt',
            'erased',
            'id',
            'legalGround',
            'masked',
            'restricted',
            'sourcePartnerId',
            'value',
          ]);
      }
    });
  }
});
