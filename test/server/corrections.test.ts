// P12 (BIT art. 6.7, AVG art. 16–19): a provider corrects, erases or restricts an item; every
// partner whose users saw it gets a notice; the FG sees the history.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, correctionNotices, itemChanges, itemDisclosures, policeSubjectItems, subjectItems } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { match } from '../helpers/matchers';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const helmond = await makeUser(deps, pit, 'member', 'helmond'); // the pand's gemeente: involved
  const asten = await makeUser(deps, pit, 'member', 'asten');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const fg = await makeUser(deps, pit, 'privacy');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  // Asten and Senzer take part through a task on the casus (P14), so they may see betrokkenen.
  for (const partner of ['asten', 'senzer']) {
    await callerFor(deps, coordinator).tasks.create({
      title: 'Controle uitvoeren',
      assigneePartnerId: pit.partnerIds[partner]!,
      dueDate: '2026-12-20',
      caseId,
    });
  }
  return { deps, pit, coordinator, helmond, asten, politie, senzer, fg, caseId };
}

async function policePlate(s: Awaited<ReturnType<typeof setup>>) {
  await callerFor(s.deps, s.politie).subjects.add({
    caseId: s.caseId,
    kind: 'person',
    items: [{ category: 'kenteken', value: 'XX-99-XX' }],
  });
  const own = await callerFor(s.deps, s.politie).cases.get({ id: s.caseId });
  return own.subjects[0]!.items[0]!.id;
}

describe('P12 disclosures', () => {
  it('every read that shows a value to a partner records which partner saw which item, once', async () => {
    const s = await setup();
    await policePlate(s);
    expect(s.deps.db.select().from(itemDisclosures).all()).toEqual([]); // the provider's own read is no disclosure
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    await callerFor(s.deps, s.senzer).cases.get({ id: s.caseId }); // police data: not for Senzer (art. 20.3)
    const rows = s.deps.db.select({ police: itemDisclosures.police, partnerId: itemDisclosures.partnerId }).from(itemDisclosures).all();
    expect(rows).toEqual([{ police: true, partnerId: s.pit.partnerIds.helmond }]);
  });
});

describe('subjects.correctItem', () => {
  it('the provider corrects a kenteken stored wrongly; the partners that saw it get a notice, the others none', async () => {
    const s = await setup();
    const itemId = await policePlate(s);
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    const result = await callerFor(s.deps, s.politie).subjects.correctItem({
      itemId,
      value: 'xx99xy',
      reason: 'Typefout bij overnemen uit BVH',
    });
    expect(result).toEqual({ notified: 1 });
    const after = await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    expect(after.subjects[0]!.items[0]).toMatchObject({ id: itemId, value: 'XX-99-XY', erased: false, restricted: false });
    const helmondNotices = await callerFor(s.deps, s.helmond).notices.mine();
    expect(helmondNotices).toEqual([
      {
        id: match.any(Number),
        kind: 'correctie',
        caseId: s.caseId,
        category: 'kenteken',
        createdAt: '2026-11-25T09:00:00.000Z',
        acknowledgedAt: null,
      },
    ]);
    expect(JSON.stringify(helmondNotices)).not.toContain('XX-99');
    expect(await callerFor(s.deps, s.asten).notices.mine()).toEqual([]); // never saw it
    expect(await callerFor(s.deps, s.politie).notices.mine()).toEqual([]); // the one correcting
    // The FG's search finds the corrected kenteken, no longer the wrong one (issue 11 item 1).
    const fg = callerFor(s.deps, s.fg);
    expect((await fg.dsr.search({ query: 'XX-99-XY' })).map((h) => h.caseId)).toEqual([s.caseId]);
    expect(await fg.dsr.search({ query: 'XX-99-XX' })).toEqual([]);
  });

  it('keeps the old value encrypted in the history, with who, when and why, for the FG', async () => {
    const s = await setup();
    const itemId = await policePlate(s);
    await callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: 'XX-99-XY', reason: 'Typefout' });
    const raw = s.deps.db.select().from(itemChanges).get()!;
    expect(raw.oldValueEnc).not.toContain('XX-99-XX');
    const history = await callerFor(s.deps, s.fg).corrections.history();
    expect(history).toEqual([
      {
        id: raw.id,
        police: true,
        caseId: s.caseId,
        caseCode: match.any(String),
        category: 'kenteken',
        kind: 'correctie',
        oldValue: 'XX-99-XX',
        reason: 'Typefout',
        sourcePartner: match.any(String),
        actor: s.politie.name,
        at: '2026-11-25T09:00:00.000Z',
        notified: [],
      },
    ]);
    const actions = s.deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((a) => a.action);
    expect(actions).toContain('personal_data.corrected');
  });

  it('only the provider or the coordinator corrects: another partner that sees the item is refused, one that does not gets NOT_FOUND', async () => {
    const s = await setup();
    await callerFor(s.deps, s.asten).subjects.add({
      caseId: s.caseId,
      kind: 'person',
      items: [{ category: 'telefoon', value: '0612345678' }],
    });
    const itemId = (await callerFor(s.deps, s.asten).cases.get({ id: s.caseId })).subjects[0]!.items[0]!.id;
    expect(
      (await errorOf(() => callerFor(s.deps, s.helmond).subjects.correctItem({ itemId, value: '0687654321', reason: 'Nieuw nummer' }))).key,
    ).toBe('corrections.providerOnly');
    const outsider = await makeUser(s.deps, s.pit, 'member', 'deurne'); // not involved: sees nothing
    expect(
      (await errorOf(() => callerFor(s.deps, outsider).subjects.correctItem({ itemId, value: '0687654321', reason: 'Nieuw nummer' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      await callerFor(s.deps, s.coordinator).subjects.correctItem({ itemId, value: '0687654321', reason: 'Namens Asten gecorrigeerd' }),
    ).toEqual({ notified: 0 });
  });

  it('validates the new value by its category and refuses a reason with personal data; bad input changes nothing', async () => {
    const s = await setup();
    const itemId = await policePlate(s);
    expect((await errorOf(() => callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: '!!', reason: 'Typefout' }))).key).toBe(
      'subjects.invalidKenteken',
    );
    const withPhone = await fieldErrorsOf(() =>
      callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: 'XX-99-XY', reason: 'Gebeld met 06-12345678' }),
    );
    expect(withPhone.reason).toBe(
      'Het veld ‘Reden’ lijkt een telefoonnummer te bevatten. Vrije tekst is niet voor persoonsgegevens (art. 20.9): leg ze vast als gegeven bij de betrokkene.',
    );
    expect(s.deps.db.select().from(itemChanges).all()).toEqual([]);
  });
});

describe('subjects.eraseItem', () => {
  it('removes the value itself and every old value, leaves "[verwijderd]", and tells the partners that saw it', async () => {
    const s = await setup();
    const itemId = await policePlate(s);
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    await callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: 'XX-99-XY', reason: 'Typefout' });
    expect(await callerFor(s.deps, s.politie).subjects.eraseItem({ itemId, reason: 'Onjuist verstrekt' })).toEqual({ notified: 1 });
    const row = s.deps.db.select().from(policeSubjectItems).get()!;
    expect(row.valueEnc).toBe('');
    expect(row.erasedAt).toBe('2026-11-25T09:00:00.000Z');
    expect(s.deps.db.select({ old: itemChanges.oldValueEnc }).from(itemChanges).all()).toEqual([{ old: null }, { old: null }]);
    const seen = await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    expect(seen.subjects[0]!.items[0]).toMatchObject({ value: '[verwijderd]', erased: true });
    expect((await callerFor(s.deps, s.helmond).notices.mine()).map((n) => n.kind)).toEqual(['verwijdering', 'correctie']);
    expect(
      (await errorOf(() => callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: 'XX-99-XZ', reason: 'Toch' }))).key,
    ).toBe('corrections.erased');
    // An erased value leaves the blind index: the FG's search no longer finds it.
    expect(await callerFor(s.deps, s.fg).dsr.search({ query: 'XX-99-XY' })).toEqual([]);
  });
});

describe('restriction (AVG art. 18)', () => {
  it('a restricted item is visible only to its provider (marked) and the FG; lifting brings it back', async () => {
    const s = await setup();
    await callerFor(s.deps, s.asten).subjects.add({
      caseId: s.caseId,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Onderverhuur zolder' }],
    });
    const itemId = (await callerFor(s.deps, s.asten).cases.get({ id: s.caseId })).subjects[0]!.items[0]!.id;
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    expect(await callerFor(s.deps, s.asten).subjects.restrictItem({ itemId, reason: 'Betwist door betrokkene' })).toEqual({ notified: 1 });
    expect((await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId })).subjects).toEqual([]);
    expect((await callerFor(s.deps, s.coordinator).cases.get({ id: s.caseId })).subjects).toEqual([]);
    expect((await callerFor(s.deps, s.asten).cases.get({ id: s.caseId })).subjects[0]!.items[0]).toMatchObject({
      value: 'Onderverhuur zolder',
      restricted: true,
    });
    expect(await callerFor(s.deps, s.fg).corrections.restricted()).toEqual([
      {
        id: itemId,
        caseId: s.caseId,
        caseCode: match.any(String),
        category: 'naleving',
        police: false,
        value: 'Onderverhuur zolder',
        sourcePartnerId: s.pit.partnerIds.asten,
        restrictedAt: '2026-11-25T09:00:00.000Z',
      },
    ]);
    await callerFor(s.deps, s.asten).subjects.liftRestriction({ itemId, reason: 'Bezwaar afgewezen' });
    expect((await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId })).subjects[0]!.items[0]!.restricted).toBe(false);
  });
});

describe('notices.acknowledge', () => {
  it('a member of the notified partner acknowledges once; another partner gets NOT_FOUND', async () => {
    const s = await setup();
    const itemId = await policePlate(s);
    await callerFor(s.deps, s.helmond).cases.get({ id: s.caseId });
    await callerFor(s.deps, s.politie).subjects.correctItem({ itemId, value: 'XX-99-XY', reason: 'Typefout' });
    const [notice] = await callerFor(s.deps, s.helmond).notices.mine();
    expect((await errorOf(() => callerFor(s.deps, s.asten).notices.acknowledge({ id: notice!.id }))).code).toBe('NOT_FOUND');
    s.deps.clock.advanceMinutes(5);
    expect(await callerFor(s.deps, s.helmond).notices.acknowledge({ id: notice!.id })).toEqual({
      acknowledgedAt: '2026-11-25T09:05:00.000Z',
    });
    s.deps.clock.advanceMinutes(5);
    expect(await callerFor(s.deps, s.helmond).notices.acknowledge({ id: notice!.id })).toEqual({
      acknowledgedAt: '2026-11-25T09:05:00.000Z',
    });
    const stored = s.deps.db
      .select({ by: correctionNotices.acknowledgedByUserId })
      .from(correctionNotices)
      .where(and(eq(correctionNotices.id, notice!.id)))
      .get();
    expect(stored).toEqual({ by: s.helmond.id });
    expect(s.deps.db.select().from(subjectItems).all()).toEqual([]);
  });
});
