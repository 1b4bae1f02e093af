// The covenant's hard limits on the sharing matrix (art. 20.3–20.7, SPEC §4 P2/P13): the admin
// can narrow the matrix but never widen it, and a row beyond the limits that is already in the
// database (however it got there) widens nothing on any read or write path.
import { beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import {
  audiences,
  auditLog,
  itemCategories,
  partnerKinds,
  sharingProposals,
  sharingRules,
  type Audience,
  type ItemCategory,
  type PartnerKind,
} from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { joinApproved } from '../helpers/partners';
import type { SessionUser } from '../../server/auth/sessions';
import type { AppError } from '../../server/errors';
import { translate } from '../../server/i18n/messages';

// Written from the covenant text, independently of the visibility module.
const covenant: Record<PartnerKind, { provides: ItemCategory[]; widest: Audience | null }> = {
  politie: { provides: [...itemCategories], widest: 'gemeenten' }, // art. 20.3: "alleen aan de gemeenten"
  gemeente: { provides: [...itemCategories], widest: 'all' }, // art. 20.4
  sociale_dienst: { provides: ['naw', 'geboortedatum', 'naleving'], widest: 'all' }, // art. 20.5
  veiligheidsregio: { provides: ['naw', 'naleving'], widest: 'all' }, // art. 20.6
  belastingen: { provides: ['naw', 'naleving'], widest: 'all' }, // art. 20.7
  overig: { provides: [], widest: null }, // not named in the covenant: provides nothing
};

let deps: TestDeps;
let team: TestTeam;
let admin: SessionUser;
let coordinator: SessionUser;

beforeEach(async () => {
  deps = createTestDeps();
  team = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  admin = await makeUser(deps, team, 'admin');
  coordinator = await makeUser(deps, team, 'coordinator', 'deurne');
  team.partnerIds.stichting = await joinApproved(deps, team, {
    name: 'Stichting Voorbeeld',
    shortName: 'Stichting',
    kind: 'overig',
    joinedOn: '2026-01-01',
  });
});

const cell = (kind: PartnerKind, category: ItemCategory) =>
  deps.db
    .select({ audience: sharingRules.audience })
    .from(sharingRules)
    .where(and(eq(sharingRules.teamId, team.teamId), eq(sharingRules.sourceKind, kind), eq(sharingRules.category, category)))
    .get()?.audience ?? null;

/** Puts a row into the database directly, past sharing.propose/decide — as an old database or a bad import might. */
function forceCell(kind: PartnerKind, category: ItemCategory, audience: Audience) {
  deps.db
    .delete(sharingRules)
    .where(and(eq(sharingRules.teamId, team.teamId), eq(sharingRules.sourceKind, kind), eq(sharingRules.category, category)))
    .run();
  deps.db.insert(sharingRules).values({ teamId: team.teamId, sourceKind: kind, category, audience }).run();
}

/** The refusal as its reader gets it: code, key and the message in Dutch and English. */
async function refusal(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    const e = error as AppError;
    return { code: e.code, key: e.key, nl: translate(e.key, 'nl', e.params), en: translate(e.key, 'en', e.params) };
  }
  throw new Error('expected the call to be refused');
}

const proposals = () =>
  deps.db.select({ id: sharingProposals.id }).from(sharingProposals).where(eq(sharingProposals.proposedByUserId, admin.id)).all().length;
const auditCount = () => deps.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, 'sharing.changed')).all().length;

const propose = (cell: { sourceKind: PartnerKind; category: ItemCategory; audience: Audience | null }) =>
  callerFor(deps, admin).sharing.propose({ addendumRef: 'Addendum 1', changes: [cell] });

describe('sharing.propose refuses anything beyond the covenant', () => {
  it('police naleving to all partners is refused, naming art. 20.3, and changes nothing', async () => {
    const error = await refusal(() => propose({ sourceKind: 'politie', category: 'naleving', audience: 'all' }));
    expect(error).toEqual({
      code: 'BAD_REQUEST',
      key: 'sharing.audienceBeyondCovenant',
      nl: 'Het convenant (art. 20.3) staat niet toe dat "naleving" van een partner van het soort "politie" breder wordt gedeeld: politiegegevens gaan alleen naar de gemeenten. De deelmatrix kan dat niet verruimen.',
      en: 'The covenant (art. 20.3) does not allow "naleving" from a partner of kind "politie" to be shared more widely: police data go to the municipalities only. The sharing matrix cannot widen that.',
    });
    expect(cell('politie', 'naleving')).toBe('gemeenten');
    expect(auditCount()).toBe(0);
  });

  it('an overig partner gets a category only through an annex, and never beyond the gemeenten', async () => {
    const error = await refusal(() => propose({ sourceKind: 'overig', category: 'bsn', audience: 'all' }));
    expect(error).toMatchObject({ code: 'BAD_REQUEST', key: 'sharing.audienceBeyondCovenant' });
    expect(cell('overig', 'bsn')).toBe(null);
    expect(proposals()).toBe(0);
  });

  it('every cell: a proposal is accepted exactly when the covenant allows it, and takes effect only on FG approval', async () => {
    const caller = callerFor(deps, admin);
    const fg = callerFor(deps, await makeUser(deps, team, 'privacy'));
    const approve = async (id: number) => fg.sharing.decide({ id, approve: true, reason: '', version: 1 });
    for (const kind of partnerKinds) {
      for (const category of itemCategories) {
        const rule = covenant[kind];
        for (const audience of audiences) {
          // A kind the covenant does not name gets categories only by an annex, up to the gemeenten.
          const allowed =
            kind === 'overig'
              ? audience === 'gemeenten'
              : rule.provides.includes(category) && (rule.widest === 'all' || audience === 'gemeenten');
          const before = cell(kind, category);
          const call = () => caller.sharing.propose({ addendumRef: 'Addendum 1', changes: [{ sourceKind: kind, category, audience }] });
          if (allowed) {
            const { id } = await call();
            expect(cell(kind, category), `${kind}/${category}/${audience} before approval`).toBe(before);
            await approve(id);
            expect(cell(kind, category), `${kind}/${category}/${audience}`).toBe(audience);
          } else {
            expect((await errorOf(call)).code, `${kind}/${category}/${audience}`).toBe('BAD_REQUEST');
            expect(cell(kind, category)).toBe(before);
          }
        }
        await approve(
          (await caller.sharing.propose({ addendumRef: 'Addendum 2', changes: [{ sourceKind: kind, category, audience: null }] })).id,
        );
        expect(cell(kind, category)).toBe(null);
      }
    }
  });

  it('sharing.limits tells the Team page exactly the covenant table', async () => {
    const limits = await callerFor(deps, coordinator).sharing.limits();
    expect(limits.map((l) => l.sourceKind)).toEqual([...partnerKinds]);
    for (const limit of limits) {
      const rule = covenant[limit.sourceKind];
      expect(limit.categories).toEqual(
        rule.provides.map((category) => ({ category, audiences: rule.widest === 'all' ? ['all', 'gemeenten'] : ['gemeenten'] })),
      );
    }
  });

  it('the seeded matrix is the covenant at its widest', () => {
    for (const kind of partnerKinds) {
      for (const category of itemCategories) {
        const rule = covenant[kind];
        expect(cell(kind, category), `${kind}/${category}`).toBe(rule.provides.includes(category) ? rule.widest : null);
      }
    }
  });
});

describe('a row beyond the covenant in the database widens nothing', () => {
  it('police naleving forced to all: an overig or sociale dienst member still does not see it, gemeenten do', async () => {
    forceCell('politie', 'naleving', 'all');
    const police = await makeUser(deps, team, 'member', 'politie');
    const caseId = (await makeCase(deps, team, coordinator)).id;
    const { id: subjectId } = await callerFor(deps, police).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naleving', value: exampleValues.naleving }],
    });
    // P14: every reader below takes part through a task, so the matrix alone decides what it sees.
    for (const partner of ['stichting', 'senzer', 'vrbzo', 'bsob', 'asten']) {
      await callerFor(deps, coordinator).tasks.create({
        title: 'Meekijken',
        assigneePartnerId: team.partnerIds[partner]!,
        dueDate: '2026-12-10',
        caseId,
      });
    }

    for (const partner of ['stichting', 'senzer', 'vrbzo', 'bsob']) {
      const member = await makeUser(deps, team, 'member', partner);
      const c = await callerFor(deps, member).cases.get({ id: caseId });
      expect(c.subjects, partner).toEqual([]);
      expect(JSON.stringify(c), partner).not.toContain(exampleValues.naleving);
    }
    const gemeente = await makeUser(deps, team, 'member', 'asten');
    expect((await callerFor(deps, gemeente).cases.get({ id: caseId })).subjects.map((s) => s.id)).toEqual([subjectId]);
    // The Team page shows the matrix as it takes effect.
    expect(
      (await callerFor(deps, coordinator).sharing.matrix()).find((r) => r.sourceKind === 'politie' && r.category === 'naleving')?.audience,
    ).toBe('gemeenten');
  });

  it('overig forced to provide a BSN (and naw) still cannot record one', async () => {
    forceCell('overig', 'bsn', 'all');
    forceCell('overig', 'naw', 'all');
    const member = await makeUser(deps, team, 'member', 'stichting');
    const caseId = (await makeCase(deps, team, coordinator)).id;
    for (const category of ['bsn', 'naw'] as const) {
      const error = await errorOf(() =>
        callerFor(deps, member).subjects.add({
          caseId,
          kind: 'person',
          items: [{ category, value: exampleValues[category], legalGround: category === 'bsn' ? 'art. 20.3c convenant' : undefined }],
        }),
      );
      // A forced row is no annex: the partner's standing refuses it before any category (art. 12.2).
      expect(error).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.partnerWithoutAnnex' });
    }
    expect((await callerFor(deps, coordinator).cases.get({ id: caseId })).subjects).toEqual([]);
    expect((await callerFor(deps, coordinator).sharing.matrix()).filter((r) => r.sourceKind === 'overig')).toEqual([]);
  });

  it('senzer forced to provide and share a BSN still cannot record one', async () => {
    forceCell('sociale_dienst', 'bsn', 'all');
    const member = await makeUser(deps, team, 'member', 'senzer');
    const caseId = (await makeCase(deps, team, coordinator)).id;
    const error = await errorOf(() =>
      callerFor(deps, member).subjects.add({
        caseId,
        kind: 'person',
        items: [{ category: 'bsn', value: exampleValues.bsn, legalGround: 'art. 20.3c convenant' }],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_REQUEST', key: 'subjects.categoryNotAllowed' });
  });
});
