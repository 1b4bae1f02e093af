// Issue 8 item 18: four checks that could be deleted without any test failing. Each test here
// fails when its check is removed (verified by deleting the check).
import { describe, expect, it } from 'vitest';
import { auditLog, policeSubjectItems, sharingRules, subjectItems, subjects } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';

const MISSING = 'AAAAAAAAAAAAAAAAAAAAAA';

/** A PIT casus with a police-only betrokkene (with a BSN), which Senzer may not see (art. 20.5). */
async function policeOnlyBetrokkene() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  const { id: subjectId } = await callerFor(deps, politie).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: 'P. Olitiebekend, Steeg 4' },
      { category: 'bsn', value: '111222333', legalGround: 'art. 20.3c' },
    ],
  });
  const bsnItem = (await callerFor(deps, coordinator).cases.get({ id: caseId })).subjects[0]!.items.find((i) => i.category === 'bsn')!;
  return { deps, pit, coordinator, politie, senzer, caseId, subjectId, bsnItemId: bsnItem.id };
}

const snapshot = (deps: ReturnType<typeof createTestDeps>) =>
  JSON.stringify([
    deps.db.select().from(subjects).all(),
    deps.db.select().from(subjectItems).all(),
    deps.db.select().from(policeSubjectItems).all(),
    deps.db.select().from(auditLog).all().length,
  ]);

describe('checks that must hold', () => {
  it('subjects.revealBsn: Senzer never reveals a police BSN; the answer is that of a missing item', async () => {
    const s = await policeOnlyBetrokkene();
    const before = snapshot(s.deps);
    const reveal = (itemId: string) => errorOf(() => callerFor(s.deps, s.senzer).subjects.revealBsn({ itemId }));
    expect(await reveal(s.bsnItemId)).toEqual({ code: 'NOT_FOUND', message: 'notFound', key: 'notFound' });
    expect(await reveal(s.bsnItemId)).toEqual(await reveal(MISSING));
    expect(snapshot(s.deps)).toBe(before); // no reveal audited, nothing changed
  });

  it('subjects.addItems: a member adds nothing to a betrokkene they cannot see', async () => {
    const s = await policeOnlyBetrokkene();
    const before = snapshot(s.deps);
    const add = (subjectId: string) =>
      errorOf(() =>
        callerFor(s.deps, s.senzer).subjects.addItems({ subjectId, items: [{ category: 'naleving', value: 'Uitkering op dit adres' }] }),
      );
    expect(await add(s.subjectId)).toEqual({ code: 'NOT_FOUND', message: 'notFound', key: 'notFound' });
    expect(await add(s.subjectId)).toEqual(await add(MISSING));
    expect(snapshot(s.deps)).toBe(before);
  });

  it('subjects.setInformed: a member cannot record informing for a hidden betrokkene', async () => {
    const s = await policeOnlyBetrokkene();
    const before = snapshot(s.deps);
    const inform = (subjectId: string) =>
      errorOf(() => callerFor(s.deps, s.senzer).subjects.setInformed({ subjectId, informedOn: '2026-11-20', postponedReason: null }));
    expect(await inform(s.subjectId)).toEqual({ code: 'NOT_FOUND', message: 'notFound', key: 'notFound' });
    expect(await inform(s.subjectId)).toEqual(await inform(MISSING));
    expect(snapshot(s.deps)).toBe(before);
  });

  it('sharing.propose: only the admin proposes a matrix change, and only the FG makes it take effect', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const matrix = () => JSON.stringify(deps.db.select().from(sharingRules).all());
    const before = matrix();
    const change = { addendumRef: 'Addendum 1', changes: [{ sourceKind: 'politie' as const, category: 'naw' as const, audience: null }] };
    for (const [role, partner] of [
      ['coordinator', 'helmond'],
      ['member', 'helmond'],
      ['member', 'politie'],
      ['privacy', null],
      ['viewer', 'helmond'],
    ] as const) {
      const user = await makeUser(deps, pit, role, partner);
      expect(await errorOf(() => callerFor(deps, user).sharing.propose(change)), role).toEqual({
        code: 'FORBIDDEN',
        message: 'auth.forbidden',
        key: 'auth.forbidden',
      });
    }
    expect(matrix()).toBe(before);
    const admin = await makeUser(deps, pit, 'admin');
    const { id } = await callerFor(deps, admin).sharing.propose(change);
    expect(matrix()).toBe(before);
    expect(await errorOf(() => callerFor(deps, admin).sharing.decide({ id, approve: true, reason: '', version: 1 }))).toEqual({
      code: 'FORBIDDEN',
      message: 'auth.forbidden',
      key: 'auth.forbidden',
    });
    expect(matrix()).toBe(before);
    await callerFor(deps, await makeUser(deps, pit, 'privacy')).sharing.decide({ id, approve: true, reason: '', version: 1 });
    expect(matrix()).not.toBe(before);
  });
});
