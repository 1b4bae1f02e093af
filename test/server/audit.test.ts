// P6 (art. 20.2, 23): the FG reviews the team's audit log and checks the hash chain.
import { describe, expect, it } from 'vitest';
import { and, desc, eq, ne } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import type { SessionUser } from '../../server/auth/sessions';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: null });
  const bit = makeTeam(deps, 'bit');
  const pitFg = await makeUser(deps, pit, 'privacy', null, 'FG Peelland');
  const pitCoordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const bitFg = await makeUser(deps, bit, 'privacy', null, 'FG Gooi');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum', 'Coördinator BIT');
  const hilversum = await makeUser(deps, bit, 'member', 'hilversum', 'Lid Hilversum');
  return { deps, pit, bit, pitFg, pitCoordinator, bitFg, bitCoordinator, hilversum };
}

/** Every page of the FG's list, following the cursor. */
async function allPages(deps: TestDeps, fg: SessionUser, filter: Record<string, unknown> = {}, limit = 100) {
  const items = [];
  let cursor: number | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await callerFor(deps, fg).audit.list({ ...filter, limit, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === null) break;
  }
  return items;
}

// The FG's own page views (audit.listed) are logged but not listed by default.
const teamIds = (deps: TestDeps, teamId: number) =>
  deps.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(and(eq(auditLog.teamId, teamId), ne(auditLog.action, 'audit.listed')))
    .orderBy(desc(auditLog.id))
    .all()
    .map((r) => r.id);

describe('audit.list', () => {
  it('shows the FG the entries of their own team only, newest first, with actor and case code', async () => {
    const { deps, pit, bit, pitFg, pitCoordinator, bitFg, bitCoordinator } = await setup();
    const bitCase = await makeCase(deps, bit, bitCoordinator);
    deps.clock.advanceMinutes(5);
    const pitCase = await makeCase(deps, pit, pitCoordinator);
    deps.clock.advanceMinutes(5);
    await callerFor(deps, bitCoordinator).cases.setStatus({ id: bitCase.id, status: 'actief', version: 1 });

    const page = await callerFor(deps, bitFg).audit.list();
    expect(page.items.map((i) => i.id)).toEqual(teamIds(deps, bit.teamId));
    expect(page.nextCursor).toBeNull();
    expect(page.items.map((i) => i.action)).toEqual(['case.status', 'case.created']);
    expect(page.items[0]).toMatchObject({
      action: 'case.status',
      entity: 'case',
      entityId: bitCase.id,
      caseId: bitCase.id,
      caseCode: bitCase.code,
      actor: { id: bitCoordinator.id, name: 'Coördinator BIT', role: 'coordinator' },
      detail: { to: 'actief' },
    });
    expect(page.items[0]!.at > page.items[1]!.at).toBe(true);
    expect(JSON.stringify(page)).not.toContain(pitCase.code);
    // Another team's casus code finds nothing, not even by filter.
    expect((await callerFor(deps, bitFg).audit.list({ caseCode: pitCase.code })).items).toEqual([]);

    const pitPage = await callerFor(deps, pitFg).audit.list({});
    expect(pitPage.items.map((i) => i.id)).toEqual(teamIds(deps, pit.teamId));
    expect(pitPage.items.map((i) => i.caseCode)).toEqual([pitCase.code]);
    // The people for the actor filter are the team's own.
    const actors = await callerFor(deps, bitFg).audit.actors();
    expect(actors.map((a) => a.name).sort()).toEqual(['Coördinator BIT', 'FG Gooi', 'Lid Hilversum']);
  });

  it('pages with a cursor (at most 100 per page) without gaps or repeats', async () => {
    const { deps, bit, bitFg, bitCoordinator } = await setup();
    for (let i = 0; i < 7; i++) {
      await makeCase(deps, bit, bitCoordinator);
      deps.clock.advanceMinutes(1);
    }
    const first = await callerFor(deps, bitFg).audit.list({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items[2]!.id);
    const all = await allPages(deps, bitFg, {}, 3);
    const ids = all.map((i) => i.id);
    expect(ids).toEqual(teamIds(deps, bit.teamId));
    expect(ids).toHaveLength(7);
    expect(new Set(ids).size).toBe(ids.length);
    expect((await errorOf(() => callerFor(deps, bitFg).audit.list({ limit: 101 }))).code).toBe('BAD_REQUEST');
    // Without a limit a page holds at most 50 (and never more than 100).
    expect((await callerFor(deps, bitFg).audit.list({ cursor: null })).items.length).toBeLessThanOrEqual(50);
  });

  it('filters on action prefix, actor, case code and Amsterdam date range', async () => {
    const { deps, bit, bitFg, bitCoordinator, hilversum } = await setup();
    deps.clock.set('2026-11-20T10:00:00Z');
    const early = await makeCase(deps, bit, bitCoordinator);
    // 23:30 UTC on the 24th is 00:30 on the 25th in Amsterdam.
    deps.clock.set('2026-11-24T23:30:00Z');
    const late = await makeCase(deps, bit, hilversum);
    deps.clock.set('2026-11-25T09:00:00Z');
    await callerFor(deps, null).auth.login({ email: hilversum.email, password: TEST_PASSWORD });
    await callerFor(deps, bitCoordinator).cases.get({ id: late.id });
    const fg = callerFor(deps, bitFg);

    const caseActions = (await fg.audit.list({ action: 'case' })).items;
    expect(caseActions.map((i) => i.action)).toEqual(['case.created', 'case.created']);
    expect((await fg.audit.list({ action: 'auth.login' })).items.map((i) => i.action)).toEqual(['auth.login']);
    expect((await fg.audit.list({ action: 'cas' })).items).toEqual([]);

    const byMember = (await fg.audit.list({ actorId: hilversum.id })).items;
    expect(byMember.map((i) => i.action)).toEqual(['auth.login', 'case.created']);
    expect(byMember.every((i) => i.actor?.id === hilversum.id)).toBe(true);

    const byCase = (await fg.audit.list({ caseCode: early.code.toLowerCase() })).items;
    expect(byCase.map((i) => [i.action, i.caseCode])).toEqual([['case.created', early.code]]);
    expect((await fg.audit.list({ caseCode: 'BIT-1999-9999' })).items).toEqual([]);

    const onThe25th = (await fg.audit.list({ from: '2026-11-25', to: '2026-11-25' })).items;
    expect(onThe25th.map((i) => i.action)).toEqual(['auth.login', 'case.created']);
    expect(onThe25th.at(-1)!.caseCode).toBe(late.code);
    const upToThe24th = (await fg.audit.list({ to: '2026-11-24' })).items;
    expect(upToThe24th.map((i) => i.caseCode)).toEqual([early.code]);
    expect((await fg.audit.list({ from: '2026-11-21', to: '2026-11-24' })).items).toEqual([]);

    expect((await errorOf(() => fg.audit.list({ action: "case'; drop table audit_log; --" }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => fg.audit.list({ from: '2026-13-01' }))).code).toBe('BAD_REQUEST');
  });

  it('is for the privacy role only: every other role gets FORBIDDEN, nobody logged in UNAUTHORIZED', async () => {
    const { deps, bit, bitCoordinator, hilversum } = await setup();
    const others = [
      bitCoordinator,
      hilversum,
      await makeUser(deps, bit, 'admin'),
      await makeUser(deps, bit, 'viewer'),
      await makeUser(deps, bit, 'member', 'politie'),
    ];
    for (const user of others) {
      const caller = callerFor(deps, user);
      expect((await errorOf(() => caller.audit.list({}))).code).toBe('FORBIDDEN');
      expect((await errorOf(() => caller.audit.verify())).code).toBe('FORBIDDEN');
      expect((await errorOf(() => caller.audit.actors())).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(() => callerFor(deps, null).audit.list())).code).toBe('UNAUTHORIZED');
  });

  it('never contains personal data values (P7), even after they were added, read and revealed', async () => {
    const { deps, bit, bitFg, bitCoordinator, hilversum } = await setup();
    const c = await makeCase(deps, bit, bitCoordinator);
    const values = {
      naw: 'Jolanda Zeldzaamnaam, Testlaan 99, Hilversum',
      geboortedatum: '1971-03-09',
      bsn: exampleValues.bsn,
      telefoon: '06 23456789',
      kenteken: exampleValues.kenteken,
      naleving: 'Vermoedelijk onderverhuur zolderverdieping',
    };
    await callerFor(deps, hilversum).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: Object.entries(values).map(([category, value]) => ({
        category: category as keyof typeof values,
        value,
        legalGround: category === 'bsn' ? 'art. 20.3c' : undefined,
      })),
    });
    const casus = await callerFor(deps, bitCoordinator).cases.get({ id: c.id });
    const bsnItem = casus.subjects[0]!.items.find((i) => i.category === 'bsn')!;
    await callerFor(deps, bitCoordinator).subjects.revealBsn({ itemId: bsnItem.id });

    const list = await callerFor(deps, bitFg).audit.list({});
    const actions = list.items.map((i) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['personal_data.created', 'personal_data.read', 'personal_data.bsn_revealed']));
    const read = list.items.find((i) => i.action === 'personal_data.read')!;
    expect(read).toMatchObject({ caseCode: c.code, detail: { items: 6 } }); // geslacht is not recorded (art. 20.9)
    const json = JSON.stringify(list);
    const needles = [
      ...Object.values(values),
      'Zeldzaamnaam',
      'Testlaan',
      '1971',
      '23456789',
      exampleValues.kenteken.replace(/-/g, ''),
      'onderverhuur',
      exampleValues.bsn,
      exampleValues.bsn.slice(-4),
    ];
    for (const needle of needles) expect(json, needle).not.toContain(needle);
    expect(json).not.toContain(bsnItem.value); // not even the masked form
  });
});

describe('audit.verify', () => {
  it('reports an intact chain with the number of the team’s entries', async () => {
    const { deps, pit, bit, pitFg, pitCoordinator, bitFg, bitCoordinator } = await setup();
    await makeCase(deps, bit, bitCoordinator);
    await makeCase(deps, pit, pitCoordinator);
    await makeCase(deps, bit, bitCoordinator);
    expect(await callerFor(deps, bitFg).audit.verify()).toMatchObject({ ok: true, entries: 2, brokenAt: null, brokenElsewhere: false });
    expect(await callerFor(deps, pitFg).audit.verify()).toMatchObject({ ok: true, entries: 1, brokenAt: null, brokenElsewhere: false });
  });

  it('detects a changed entry (an attacker who got past the append-only triggers)', async () => {
    const { deps, pit, bit, pitFg, pitCoordinator, bitFg, bitCoordinator } = await setup();
    await makeCase(deps, bit, bitCoordinator);
    const target = await makeCase(deps, bit, bitCoordinator);
    await makeCase(deps, pit, pitCoordinator);
    await makeCase(deps, bit, bitCoordinator);
    const row = deps.db.select().from(auditLog).where(eq(auditLog.caseId, target.id)).get()!;

    // The triggers hold: an ordinary UPDATE is refused.
    expect(() => deps.db.update(auditLog).set({ action: 'case.updated' }).where(eq(auditLog.id, row.id)).run()).toThrow(/append-only/);
    // Simulate an attacker with direct database access: drop the triggers, then rewrite a row.
    deps.db.$client.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    deps.db.update(auditLog).set({ actorId: null }).where(eq(auditLog.id, row.id)).run();

    expect(await callerFor(deps, bitFg).audit.verify()).toMatchObject({ ok: false, entries: 3, brokenAt: row.id, brokenElsewhere: false });
    // The other team learns that the shared chain is broken, but not where in BIT's entries.
    expect(await callerFor(deps, pitFg).audit.verify()).toMatchObject({ ok: false, entries: 1, brokenAt: null, brokenElsewhere: true });
  });

  it('detects a removed entry at the entry that follows it', async () => {
    const { deps, bit, bitFg, bitCoordinator } = await setup();
    for (let i = 0; i < 3; i++) await makeCase(deps, bit, bitCoordinator);
    const ids = teamIds(deps, bit.teamId).reverse();
    deps.db.$client.exec('DROP TRIGGER audit_log_no_delete;');
    deps.db.delete(auditLog).where(eq(auditLog.id, ids[1]!)).run();
    expect(await callerFor(deps, bitFg).audit.verify()).toMatchObject({ ok: false, entries: 2, brokenAt: ids[2] });
  });
});
