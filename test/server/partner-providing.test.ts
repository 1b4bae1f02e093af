// Issue 10 gaps: a partner's standing governs providing personal data as well as reading it —
// suspended (BIT art. 6.6), not yet joined (art. 12), left (art. 14), or an `overig` partner
// without annex categories (art. 12.2, 13) adds nothing, whoever records it for the partner.
import { describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { partners, subjectItems } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { translate } from '../../server/i18n/messages';

const itemCount = (deps: TestDeps) => deps.db.select({ n: count() }).from(subjectItems).get()!.n;
const naw = [{ category: 'naw' as const, value: exampleValues.naw }];

describe("providing personal data by a partner's standing", () => {
  it('a suspended partner cannot add betrokkenen or items — not itself, not through the coordinator — until the FG lifts the suspension', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const laren = await makeUser(deps, bit, 'member', 'laren');
    const coord = callerFor(deps, coordinator);
    const member = callerFor(deps, laren);
    const fg = callerFor(deps, await makeUser(deps, bit, 'privacy'));
    const { id: caseId } = await makeCase(deps, bit, coordinator);
    const { id: subjectId } = await member.subjects.add({ caseId, kind: 'person', items: naw });
    const { id } = await coord.partners.suspend({ partnerId: bit.partnerIds.laren!, reason: 'Besluit stuurgroep' });
    await fg.partners.decideSuspension({ id, approve: true, reason: '', version: 1 });
    const before = itemCount(deps);
    expect(await errorOf(() => member.subjects.add({ caseId, kind: 'person', items: naw }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'subjects.partnerSuspended',
    });
    const viaCoordinator = await errorOf(() =>
      coord.subjects.addItems({
        subjectId,
        items: [{ category: 'naleving', value: 'Geen vergunning' }],
        sourcePartnerId: bit.partnerIds.laren!,
      }),
    );
    expect(viaCoordinator).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.partnerSuspended' });
    expect(translate('subjects.partnerSuspended', 'nl', { partner: 'Gemeente Laren' })).toContain('geschorst (BIT art. 6.6)');
    expect(
      await errorOf(() => coord.subjects.add({ caseId, kind: 'person', items: naw, sourcePartnerId: bit.partnerIds.laren! })),
    ).toMatchObject({ key: 'subjects.partnerSuspended' });
    expect(itemCount(deps)).toBe(before);
    await fg.partners.liftSuspension({ id, reason: 'Afgerond', version: 2 });
    await member.subjects.addItems({ subjectId, items: [{ category: 'naleving', value: 'Geen vergunning' }] });
    expect(itemCount(deps)).toBe(before + 1);
  });

  it('a partner not yet joined, or one that has left, provides nothing', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const coord = callerFor(deps, coordinator);
    const { id: caseId } = await makeCase(deps, bit, coordinator);
    const future = deps.db
      .insert(partners)
      .values({ teamId: bit.teamId, name: 'Gemeente Weesp', shortName: 'Weesp', kind: 'gemeente', joinedOn: '2026-12-01' })
      .returning({ id: partners.id })
      .get().id;
    const gone = deps.db
      .insert(partners)
      .values({
        teamId: bit.teamId,
        name: 'Gemeente Oud',
        shortName: 'Oud',
        kind: 'gemeente',
        joinedOn: '2024-01-01',
        leftOn: '2026-11-01',
      })
      .returning({ id: partners.id })
      .get().id;
    expect(await errorOf(() => coord.subjects.add({ caseId, kind: 'person', items: naw, sourcePartnerId: future }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'subjects.partnerNotJoined',
    });
    expect(await errorOf(() => coord.subjects.add({ caseId, kind: 'person', items: naw, sourcePartnerId: gone }))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'subjects.partnerLeft',
    });
    expect(itemCount(deps)).toBe(0);
  });

  it('an overig partner without annex categories is told so, not given a per-category error', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const { id: caseId } = await makeCase(deps, bit, coordinator);
    const woco = deps.db
      .insert(partners)
      .values({ teamId: bit.teamId, name: 'Woningcorporatie', shortName: 'Woco', kind: 'overig', joinedOn: '2026-11-01' })
      .returning({ id: partners.id })
      .get().id;
    const error = await errorOf(() =>
      callerFor(deps, coordinator).subjects.add({ caseId, kind: 'person', items: naw, sourcePartnerId: woco }),
    );
    expect(error).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.partnerWithoutAnnex' });
    expect(itemCount(deps)).toBe(0);
  });
});
