import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const member = await makeUser(deps, pit, 'member', 'senzer');
  return { deps, pit, bit, coordinator, member };
}

describe('cases.create', () => {
  it('a member reports a signal; codes run per team and year', async () => {
    const { deps, pit, member, coordinator } = await setup();
    const first = await makeCase(deps, pit, member);
    const second = await makeCase(deps, pit, coordinator, { origin: 'avo_verzoek' });
    expect(first.code).toBe('PIT-2026-0001');
    expect(second.code).toBe('PIT-2026-0002');
    const c = await callerFor(deps, coordinator).cases.get({ id: second.id });
    expect(c).toMatchObject({
      status: 'signaal',
      origin: 'avo_verzoek',
      priority: 'hoog',
      postcode: '5701 AB',
      gemeente: 'Helmond',
      theme: 'Woonoverlast',
    });
    deps.clock.set('2027-01-02T10:00:00Z');
    expect((await makeCase(deps, pit, member)).code).toBe('PIT-2027-0001');
  });

  it('validates postcode, BAG id, gemeente and theme, and changes nothing on bad input', async () => {
    const { deps, pit, bit, member, coordinator } = await setup();
    const bad = async (overrides: Record<string, unknown>) => errorOf(() => makeCase(deps, pit, member, overrides));
    const fields = (overrides: Record<string, unknown>) => fieldErrorsOf(() => makeCase(deps, pit, member, overrides));
    expect(await fields({ postcode: '5701 SA' })).toEqual({ postcode: 'Vul een geldige postcode in, zoals 5701 AB.' });
    expect(await fields({ postcode: '0701 AB' })).toEqual({ postcode: 'Vul een geldige postcode in, zoals 5701 AB.' });
    expect(Object.keys(await fields({ bagId: '0794200000012345' }))).toEqual(['bagId']);
    expect((await bad({ gemeentePartnerId: pit.partnerIds.politie })).key).toBe('cases.notAGemeente');
    expect((await bad({ gemeentePartnerId: bit.partnerIds.laren })).key).toBe('cases.notAGemeente');
    expect((await bad({ theme: 'Onbekend thema' })).key).toBe('cases.unknownTheme');
    expect((await bad({ street: '' })).code).toBe('BAD_REQUEST');
    expect((await callerFor(deps, coordinator).cases.list()).items).toHaveLength(0);
    const ok = await makeCase(deps, pit, member, { postcode: '5701ab', bagId: '0794100000012345', houseNumberAddition: 'a' });
    expect(await callerFor(deps, coordinator).cases.get({ id: ok.id })).toMatchObject({
      postcode: '5701 AB',
      bagId: '0794100000012345',
      houseNumberAddition: 'A',
    });
  });
});

describe('status', () => {
  it('only the coordinator activates and closes; a stale version is a conflict', async () => {
    const { deps, pit, member, coordinator } = await setup();
    const { id } = await makeCase(deps, pit, member);
    expect((await errorOf(() => callerFor(deps, member).cases.setStatus({ id, status: 'actief', version: 1 }))).code).toBe('FORBIDDEN');
    await callerFor(deps, coordinator).cases.setStatus({ id, status: 'actief', version: 1 });
    expect((await errorOf(() => callerFor(deps, coordinator).cases.setStatus({ id, status: 'afgerond', version: 1 }))).code).toBe(
      'CONFLICT',
    );
    await callerFor(deps, coordinator).cases.setStatus({ id, status: 'afgerond', version: 2 });
    const c = await callerFor(deps, coordinator).cases.get({ id });
    expect(c.status).toBe('afgerond');
    expect(c.closedAt).toBe(deps.now().toISOString());
    expect(c.history.map((h) => h.kind)).toEqual(['status', 'status', 'created']);
    expect((await errorOf(() => callerFor(deps, coordinator).cases.setStatus({ id, status: 'signaal', version: 3 }))).key).toBe(
      'cases.invalidTransition',
    );
  });
});

describe('cases.list', () => {
  it('searches by address and code, filters, and pages with a cursor', async () => {
    const { deps, pit, member, coordinator } = await setup();
    for (let i = 0; i < 5; i++) await makeCase(deps, pit, member, { street: i % 2 ? 'Markt' : 'Kerkstraat' });
    await makeCase(deps, pit, member, { gemeentePartnerId: pit.partnerIds.asten, city: 'Asten', postcode: '5721 AA' });
    const caller = callerFor(deps, coordinator);
    expect((await caller.cases.list({ search: 'markt' })).items).toHaveLength(2);
    expect((await caller.cases.list({ search: 'PIT-2026-0003' })).items.map((c) => c.code)).toEqual(['PIT-2026-0003']);
    expect((await caller.cases.list({ search: '5721aa' })).items).toHaveLength(1);
    expect((await caller.cases.list({ gemeentePartnerId: pit.partnerIds.asten })).items.map((c) => c.gemeente)).toEqual(['Asten']);
    const page1 = await caller.cases.list({ limit: 4 });
    expect(page1.items).toHaveLength(4);
    const page2 = await caller.cases.list({ limit: 4, cursor: page1.nextCursor });
    expect(page2.items).toHaveLength(2);
    expect(page2.nextCursor).toBeNull();
    expect(new Set([...page1.items, ...page2.items].map((c) => c.id)).size).toBe(6);
  });

  it('carries exactly what the case list and the casus pickers show of a row (issue 12: payload)', async () => {
    const { deps, pit, member, coordinator } = await setup();
    const { id, code } = await makeCase(deps, pit, member, { houseNumberAddition: 'A' });
    expect((await callerFor(deps, coordinator).cases.list()).items).toEqual([
      {
        id,
        code,
        street: 'Kerkstraat',
        houseNumber: expect.any(Number) as number,
        houseNumberAddition: 'A',
        postcode: '5701 AB',
        city: 'Helmond',
        gemeente: 'Helmond',
        theme: 'Woonoverlast',
        status: 'signaal',
        priority: 'normaal',
        createdAt: deps.now().toISOString(),
        openTasks: 0,
        overdueTasks: 0,
      },
    ]);
  });

  it('filters casussen with overdue tasks', async () => {
    const { deps, pit, member, coordinator } = await setup();
    const late = await makeCase(deps, pit, member);
    await makeCase(deps, pit, member);
    await callerFor(deps, coordinator).tasks.create({
      title: 'Controle plannen',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-11-01',
      caseId: late.id,
      confirmPast: true,
    });
    const list = await callerFor(deps, coordinator).cases.list({ hasOverdueTasks: true });
    expect(list.items.map((c) => [c.id, c.overdueTasks])).toEqual([[late.id, 1]]);
  });

  it('is team-isolated and closed to viewers and admins', async () => {
    const { deps, pit, bit, member } = await setup();
    const { id } = await makeCase(deps, pit, member);
    const bitMember = await makeUser(deps, bit, 'member', 'laren');
    expect((await callerFor(deps, bitMember).cases.list()).items).toHaveLength(0);
    expect((await errorOf(() => callerFor(deps, bitMember).cases.get({ id }))).code).toBe('NOT_FOUND');
    for (const role of ['viewer', 'admin'] as const) {
      const user = await makeUser(deps, pit, role, role === 'viewer' ? 'helmond' : null);
      expect((await errorOf(() => callerFor(deps, user).cases.list())).code).toBe('FORBIDDEN');
    }
  });
});
