import { describe, expect, it } from 'vitest';
import { auditLog, policeSubjectItems, subjectItems } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';

async function setup(endsOn: string | null = '2030-01-01') {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const gemeente = await makeUser(deps, pit, 'member', 'asten');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  // P14: Asten (another gemeente than the pand's) and Senzer take part through a task, so what they
  // see is decided by the sharing matrix alone.
  if (endsOn === null || endsOn > '2026-11-25') {
    for (const partner of ['asten', 'senzer']) {
      await callerFor(deps, coordinator).tasks.create({
        title: 'Meekijken',
        assigneePartnerId: pit.partnerIds[partner]!,
        dueDate: '2026-12-10',
        caseId,
      });
    }
  }
  return { deps, pit, coordinator, gemeente, politie, senzer, caseId };
}

describe('subjects.add', () => {
  it('P3: a BSN needs a legal ground and passes the 11-proef; all zeros is refused', async () => {
    const { deps, gemeente, caseId } = await setup();
    const add = (value: string, legalGround?: string) =>
      callerFor(deps, gemeente).subjects.add({ caseId, kind: 'person', items: [{ category: 'bsn', value, legalGround }] });
    expect((await errorOf(() => add('111222333'))).key).toBe('subjects.bsnNeedsLegalGround');
    expect((await errorOf(() => add('111222334', 'art. 20.3c'))).key).toBe('subjects.invalidBsn');
    expect((await errorOf(() => add('000000000', 'art. 20.3c'))).key).toBe('subjects.invalidBsn');
    await add('111222333', 'art. 20.3c');
  });

  it('P3: the BSN is masked until revealed, and the reveal is audited', async () => {
    const { deps, gemeente, coordinator, caseId } = await setup();
    await callerFor(deps, gemeente).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'bsn', value: '111222333', legalGround: 'art. 20.3c' }],
    });
    const c = await callerFor(deps, coordinator).cases.get({ id: caseId });
    const item = c.subjects[0]!.items[0]!;
    expect(item).toMatchObject({ category: 'bsn', value: '••••••333', masked: true });
    expect(JSON.stringify(c)).not.toContain('111222333');
    expect(await callerFor(deps, coordinator).subjects.revealBsn({ itemId: item.id })).toEqual({ value: '111222333' });
    const actions = deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.action);
    expect(actions).toContain('personal_data.bsn_revealed');
    expect(actions).toContain('personal_data.read');
  });

  it('P4: police items are stored apart from the others', async () => {
    const { deps, gemeente, politie, caseId } = await setup();
    await callerFor(deps, politie).subjects.add({ caseId, kind: 'person', items: [{ category: 'kenteken', value: '12-ABC-3' }] });
    await callerFor(deps, gemeente).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Onrechtmatige bewoning' }],
    });
    expect(deps.db.select().from(policeSubjectItems).all()).toHaveLength(1);
    expect(deps.db.select().from(subjectItems).all()).toHaveLength(1);
  });

  it('a Senzer member never sees police items; a gemeente member does', async () => {
    const { deps, gemeente, politie, senzer, caseId } = await setup();
    await callerFor(deps, politie).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naw', value: 'P. Politiebekend, Steeg 1' }],
    });
    const forSenzer = await callerFor(deps, senzer).cases.get({ id: caseId });
    expect(forSenzer.subjects).toEqual([]);
    expect(JSON.stringify(forSenzer)).not.toContain('Politiebekend');
    const forGemeente = await callerFor(deps, gemeente).cases.get({ id: caseId });
    expect(forGemeente.subjects[0]!.items[0]!.value).toBe('P. Politiebekend, Steeg 1');
  });

  it('the coordinator records on behalf of a named partner; a member only for their own', async () => {
    const { deps, pit, coordinator, senzer, caseId } = await setup();
    const items = [{ category: 'naw' as const, value: 'Bedrijf B.V., Industrieweg 4' }];
    expect((await errorOf(() => callerFor(deps, coordinator).subjects.add({ caseId, kind: 'company', items }))).key).toBe(
      'subjects.sourceRequired',
    );
    await callerFor(deps, coordinator).subjects.add({ caseId, kind: 'company', items, sourcePartnerId: pit.partnerIds.bsob });
    expect(
      (await errorOf(() => callerFor(deps, senzer).subjects.add({ caseId, kind: 'company', items, sourcePartnerId: pit.partnerIds.bsob })))
        .key,
    ).toBe('subjects.ownPartnerOnly');
    const c = await callerFor(deps, senzer).cases.get({ id: caseId });
    expect(c.subjects[0]!.items[0]!.sourcePartnerId).toBe(pit.partnerIds.bsob);
  });

  it('validates phone numbers and warns on foreign plates', async () => {
    const { deps, gemeente, coordinator, caseId } = await setup();
    const add = (category: 'telefoon' | 'kenteken', value: string) =>
      callerFor(deps, gemeente).subjects.add({ caseId, kind: 'person', items: [{ category, value }] });
    expect((await errorOf(() => add('telefoon', '12345'))).key).toBe('subjects.invalidPhone');
    expect((await add('telefoon', '0612345678')).warnings).toEqual([]);
    expect((await add('kenteken', 'ab123c')).warnings).toEqual([]);
    expect((await add('kenteken', 'B-XY 1234')).warnings).toEqual([{ index: 0, key: 'subjects.foreignKenteken' }]);
    const values = (await callerFor(deps, coordinator).cases.get({ id: caseId })).subjects.flatMap((s) => s.items.map((i) => i.value));
    expect(values).toEqual(['06 12345678', 'AB-123-C', 'BXY1234']);
  });

  it('after the covenant has ended no new personal data can be recorded, and the answer says why', async () => {
    // The casus came in while the covenant ran; the next day it has ended (no successor).
    const { deps, gemeente, caseId } = await setup('2026-11-26');
    deps.clock.set('2026-11-26T09:00:00Z');
    const err = await errorOf(() =>
      callerFor(deps, gemeente).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'X' }] }),
    );
    expect(err).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.covenantEnded' });
  });

  it('another team cannot add to or read a casus', async () => {
    const { deps, caseId } = await setup();
    const bit = makeTeam(deps, 'bit');
    const bitMember = await makeUser(deps, bit, 'member', 'laren');
    const err = await errorOf(() =>
      callerFor(deps, bitMember).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'X' }] }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });

  it('P11: informed on a date or a reason to postpone, exactly one of them', async () => {
    const { deps, gemeente, coordinator, caseId } = await setup();
    const { id } = await callerFor(deps, gemeente).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'Y' }] });
    expect(
      (await errorOf(() => callerFor(deps, gemeente).subjects.setInformed({ subjectId: id, informedOn: null, postponedReason: null }))).key,
    ).toBe('subjects.informNeedsOne');
    // art. 26.4: the coordinator (or Helmond, the informing partner) records it.
    await callerFor(deps, coordinator).subjects.setInformed({
      subjectId: id,
      informedOn: null,
      postponedReason: 'Lopend onderzoek, art. 26.4',
    });
    const c = await callerFor(deps, gemeente).cases.get({ id: caseId });
    expect(c.subjects[0]!.informPostponedReason).toBe('Lopend onderzoek, art. 26.4');
  });
});
