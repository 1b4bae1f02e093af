import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { parseJson } from '../helpers/json';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const senzer2 = await makeUser(deps, pit, 'member', 'senzer');
  const bsob = await makeUser(deps, pit, 'member', 'bsob');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  const { id: agreementId } = await callerFor(deps, coordinator).agreements.create({
    caseId,
    text: 'Gezamenlijke controle in december',
    responsiblePartnerId: pit.partnerIds.helmond!,
  });
  return { deps, pit, coordinator, senzer, senzer2, bsob, caseId, agreementId };
}

describe('werkafspraken', () => {
  it('name the responsible partner and appear on the casus; only the coordinator records them', async () => {
    const { deps, pit, coordinator, senzer, caseId } = await setup();
    const c = await callerFor(deps, senzer).cases.get({ id: caseId });
    expect(c.agreements).toMatchObject([
      { text: 'Gezamenlijke controle in december', responsiblePartnerId: pit.partnerIds.helmond, status: 'open' },
    ]);
    expect(
      (await errorOf(() => callerFor(deps, senzer).agreements.create({ caseId, text: 'x', responsiblePartnerId: pit.partnerIds.senzer! })))
        .code,
    ).toBe('FORBIDDEN');
    const bit = makeTeam(deps, 'bit');
    expect(
      (
        await errorOf(() =>
          callerFor(deps, coordinator).agreements.create({ caseId, text: 'x', responsiblePartnerId: bit.partnerIds.laren! }),
        )
      ).code,
    ).toBe('NOT_FOUND');
  });
});

describe('tasks', () => {
  it("Mijn taken lists the own partner's open tasks, overdue first and marked", async () => {
    const { deps, pit, coordinator, senzer, agreementId } = await setup();
    const caller = callerFor(deps, coordinator);
    await caller.tasks.create({
      title: 'Uitkering toetsen',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    await caller.tasks.create({
      title: 'Dossier aanleveren',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-11-20',
      agreementId,
      confirmPast: true,
    });
    await caller.tasks.create({
      title: 'Aanslag opleggen',
      assigneePartnerId: pit.partnerIds.bsob!,
      dueDate: '2026-11-01',
      agreementId,
      confirmPast: true,
    });
    const mine = await callerFor(deps, senzer).tasks.mine();
    expect(mine.map((t) => [t.title, t.overdue])).toEqual([
      ['Dossier aanleveren', true],
      ['Uitkering toetsen', false],
    ]);
    expect(mine[0]!.caseCode).toBe('PIT-2026-0001');
  });

  it('Mijn taken carries what the page shows of each task, no assignment or partner columns (issue 12: payload)', async () => {
    const { deps, pit, coordinator, senzer, agreementId, caseId } = await setup();
    const { id } = await callerFor(deps, coordinator).tasks.create({
      title: 'Uitkering toetsen',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    expect(await callerFor(deps, senzer).tasks.mine()).toEqual([
      {
        id,
        title: 'Uitkering toetsen',
        dueDate: '2026-12-10',
        status: 'open',
        resultNote: null,
        blockerNote: null,
        blockedAt: null,
        lapseReason: null,
        completedAt: null,
        caseId,
        version: 1,
        caseCode: 'PIT-2026-0001',
        caseAddress: expect.any(String) as string,
        completedBy: null,
        overdue: false,
        changes: [],
      },
    ]);
  });

  it('Mijn taken answers one page of 50; the cursor (tasks received) gives the next, none twice or lost (issue 12)', async () => {
    const { deps, pit, coordinator, senzer, agreementId } = await setup();
    const c = callerFor(deps, coordinator);
    // 53 open tasks: due dates repeat (ties are broken by the id, newest first), three overdue.
    const created: { id: number; dueDate: string }[] = [];
    for (let i = 0; i < 53; i++) {
      const dueDate = i < 3 ? `2026-11-0${i + 1}` : `2026-12-${String(10 + (i % 7)).padStart(2, '0')}`;
      const { id } = await c.tasks.create({
        title: `Taak ${i}`,
        assigneePartnerId: pit.partnerIds.senzer!,
        dueDate,
        agreementId,
        confirmPast: true,
      });
      created.push({ id, dueDate });
    }
    const expected = [...created.slice(0, 3), ...created.slice(3).sort((a, b) => a.dueDate.localeCompare(b.dueDate) || b.id - a.id)].map(
      (t) => t.id,
    );
    const me = callerFor(deps, senzer);
    const first = await me.tasks.mine();
    expect(first.map((t) => t.id)).toEqual(expected.slice(0, 50));
    expect(first.slice(0, 3).map((t) => t.overdue)).toEqual([true, true, true]);
    expect((await me.tasks.mine({ cursor: 0 })).map((t) => t.id)).toEqual(expected.slice(0, 50));
    const second = await me.tasks.mine({ cursor: 50 });
    expect(second.map((t) => t.id)).toEqual(expected.slice(50));
    expect(await me.tasks.mine({ cursor: 53 })).toEqual([]);
    expect(new Set([...first, ...second].map((t) => t.id)).size).toBe(53);
    // With the done ones: a completed task comes after every open one, on the second page.
    await me.tasks.complete({ id: expected[0]!, resultNote: 'Gedaan' });
    expect((await me.tasks.mine({ includeDone: true, cursor: 50 })).map((t) => t.id)).toEqual([...expected.slice(51), expected[0]]);
    expect((await errorOf(() => me.tasks.mine({ cursor: -1 }))).code).toBe('BAD_REQUEST');
    // The home page asks for its first eight only: the same order, cut short; never more than a page.
    expect((await me.tasks.mine({ limit: 8 })).map((t) => t.id)).toEqual(expected.slice(1, 9));
    expect((await me.tasks.mine({ limit: 8, cursor: 8 })).map((t) => t.id)).toEqual(expected.slice(9, 17));
    for (const limit of [0, 51]) expect((await errorOf(() => me.tasks.mine({ limit }))).code).toBe('BAD_REQUEST');
  });

  it('a member ticks off a task with a result; another partner cannot', async () => {
    const { deps, pit, coordinator, senzer, bsob, agreementId } = await setup();
    const { id } = await callerFor(deps, coordinator).tasks.create({
      title: 'Uitkering toetsen',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    expect((await errorOf(() => callerFor(deps, bsob).tasks.complete({ id, resultNote: 'Gedaan' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(deps, senzer).tasks.complete({ id, resultNote: '  ' }))).key).toBe('tasks.resultRequired');
    await callerFor(deps, senzer).tasks.complete({ id, resultNote: 'Uitkering herzien per 1 december' });
    const done = await callerFor(deps, senzer).tasks.mine({ includeDone: true });
    expect(done[0]).toMatchObject({
      status: 'gereed',
      resultNote: 'Uitkering herzien per 1 december',
      completedBy: senzer.name,
      completedAt: deps.now().toISOString(),
    });
    expect(await callerFor(deps, senzer).tasks.mine()).toEqual([]);
  });

  it('two people completing the same task cannot overwrite each other', async () => {
    const { deps, pit, coordinator, senzer, senzer2, agreementId } = await setup();
    const { id } = await callerFor(deps, coordinator).tasks.create({
      title: 'T',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    await callerFor(deps, senzer).tasks.complete({ id, resultNote: 'Eerste', version: 1 });
    const second = await errorOf(() => callerFor(deps, senzer2).tasks.complete({ id, resultNote: 'Tweede', version: 1 }));
    expect(second).toMatchObject({ code: 'CONFLICT', key: 'tasks.alreadyDone' });
    const stale = await errorOf(() => callerFor(deps, senzer2).tasks.reopen({ id, version: 1 }));
    expect(stale.code).toBe('CONFLICT');
    await callerFor(deps, senzer2).tasks.reopen({ id, version: 2 });
    const reopened = await callerFor(deps, senzer).tasks.mine();
    expect(reopened).toMatchObject([{ id, status: 'open', resultNote: 'Eerste', version: 3 }]);
  });

  it('the coordinator overview filters by partner, status and overdue', async () => {
    const { deps, pit, coordinator, senzer, agreementId } = await setup();
    const caller = callerFor(deps, coordinator);
    const a = await caller.tasks.create({
      title: 'A',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-11-01',
      agreementId,
      confirmPast: true,
    });
    await caller.tasks.create({ title: 'B', assigneePartnerId: pit.partnerIds.bsob!, dueDate: '2026-12-01', agreementId });
    await caller.tasks.create({
      title: 'C',
      assigneePartnerId: pit.partnerIds.politie!,
      dueDate: '2026-11-02',
      agreementId,
      confirmPast: true,
    });
    await callerFor(deps, senzer).tasks.complete({ id: a.id, resultNote: 'ok' });
    expect((await caller.tasks.list({ overdue: true })).map((t) => t.title)).toEqual(['C']);
    expect((await caller.tasks.list({ partnerId: pit.partnerIds.senzer })).map((t) => t.title)).toEqual(['A']);
    expect((await caller.tasks.list({ status: 'open' })).map((t) => t.title)).toEqual(['C', 'B']);
    expect((await caller.tasks.list({ gemeentePartnerId: pit.partnerIds.helmond })).length).toBe(3);
    expect((await errorOf(() => callerFor(deps, senzer).tasks.list())).code).toBe('FORBIDDEN');
  });

  it('validates due dates and refuses tasks for partners that left', async () => {
    const { deps, pit, coordinator, agreementId } = await setup();
    const caller = callerFor(deps, coordinator);
    expect(
      (
        await errorOf(() =>
          caller.tasks.create({
            title: 'X',
            assigneePartnerId: pit.partnerIds.senzer!,
            dueDate: '2026-02-30',
            agreementId,
            confirmPast: true,
          }),
        )
      ).code,
    ).toBe('BAD_REQUEST');
    await caller.partners.leave({ partnerId: pit.partnerIds.bsob!, noticeGivenOn: '2026-08-01', leftOn: '2026-10-01', version: 1 });
    expect(
      (
        await errorOf(() =>
          caller.tasks.create({ title: 'X', assigneePartnerId: pit.partnerIds.bsob!, dueDate: '2026-12-30', agreementId }),
        )
      ).key,
    ).toBe('tasks.partnerInactive');
  });
});

describe('correcting tasks and werkafspraken (issue 9.3)', () => {
  it('the coordinator sets a new deadline and fixes a typo; stale versions change nothing; the assignee sees what changed', async () => {
    const { deps, pit, coordinator, senzer, agreementId } = await setup();
    const c = callerFor(deps, coordinator);
    const { id } = await c.tasks.create({
      title: 'Uitkering toetsn',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    expect(await c.tasks.update({ id, version: 1, title: 'Uitkering toetsen', dueDate: '2027-01-15', reason: 'Meer tijd nodig.' })).toEqual(
      { version: 2 },
    );
    const stale = await errorOf(() => c.tasks.update({ id, version: 1, dueDate: '2027-02-01' }));
    expect(stale.code).toBe('CONFLICT');
    const [task] = await callerFor(deps, senzer).tasks.mine();
    expect(task).toMatchObject({ id, title: 'Uitkering toetsen', dueDate: '2027-01-15', version: 2 });
    expect(task!.changes).toEqual([
      {
        at: deps.now().toISOString(),
        kind: 'updated',
        actor: coordinator.name,
        reason: 'Meer tijd nodig.',
        changes: { title: { from: 'Uitkering toetsn', to: 'Uitkering toetsen' }, dueDate: { from: '2026-12-10', to: '2027-01-15' } },
      },
    ]);
    const audit = deps.db.select().from(auditLog).where(eq(auditLog.action, 'task.updated')).all();
    expect(audit.map((a) => [a.entityId, parseJson(a.detail!)])).toEqual([[id, { fields: ['title', 'dueDate'] }]]);
    // Members cannot edit; validation errors change nothing.
    expect((await errorOf(() => callerFor(deps, senzer).tasks.update({ id, version: 2, title: 'x' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => c.tasks.update({ id, version: 2, dueDate: '2027-02-30' }))).code).toBe('BAD_REQUEST');
    expect((await callerFor(deps, senzer).tasks.mine())[0]!.version).toBe(2);
  });

  it("reassignment moves the task from the old partner's Mijn taken to the new one's, with the change shown", async () => {
    const { deps, pit, coordinator, senzer, bsob, agreementId } = await setup();
    const c = callerFor(deps, coordinator);
    const { id } = await c.tasks.create({
      title: 'Aanslag opleggen',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    await c.tasks.update({ id, version: 1, assigneePartnerId: pit.partnerIds.bsob! });
    expect(await callerFor(deps, senzer).tasks.mine()).toEqual([]);
    const [moved] = await callerFor(deps, bsob).tasks.mine();
    expect(moved!.id).toBe(id);
    expect(moved!.changes.map((x) => x.changes)).toEqual([{ assigneePartnerId: { from: 'Senzer', to: 'BSOB' } }]);
    // The old partner can no longer touch it.
    expect((await errorOf(() => callerFor(deps, senzer).tasks.complete({ id, resultNote: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('vervallen needs a reason, leaves Mijn taken, keeps the reason in the history and can be reopened', async () => {
    const { deps, pit, coordinator, senzer, agreementId } = await setup();
    const c = callerFor(deps, coordinator);
    const { id } = await c.tasks.create({
      title: 'Dossier aanleveren',
      assigneePartnerId: pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      agreementId,
    });
    expect((await errorOf(() => c.tasks.lapse({ id, version: 1, reason: '   ' }))).code).toBe('BAD_REQUEST');
    await c.tasks.lapse({ id, version: 1, reason: 'Pand is verkocht.' });
    expect(await callerFor(deps, senzer).tasks.mine()).toEqual([]);
    const [lapsed] = await callerFor(deps, senzer).tasks.mine({ includeDone: true });
    expect(lapsed).toMatchObject({ status: 'vervallen', lapseReason: 'Pand is verkocht.' });
    expect(lapsed!.changes.map((x) => [x.kind, x.reason])).toEqual([['lapsed', 'Pand is verkocht.']]);
    expect((await errorOf(() => c.tasks.update({ id, version: 2, title: 'Nieuw' }))).key).toBe('tasks.notOpen');
    await c.tasks.reopen({ id, version: 2 });
    expect((await callerFor(deps, senzer).tasks.mine()).map((x) => [x.status, x.lapseReason])).toEqual([['open', null]]);
  });

  it('a werkafspraak is corrected (text, responsible partner) and lapses with a reason; history is kept', async () => {
    const { deps, pit, coordinator, senzer, caseId, agreementId } = await setup();
    const c = callerFor(deps, coordinator);
    expect(
      await c.agreements.update({
        id: agreementId,
        version: 1,
        text: 'Gezamenlijke controle in januari',
        responsiblePartnerId: pit.partnerIds.deurne!,
      }),
    ).toEqual({ version: 2 });
    expect((await errorOf(() => c.agreements.update({ id: agreementId, version: 1, text: 'Oud' }))).code).toBe('CONFLICT');
    expect((await errorOf(() => callerFor(deps, senzer).agreements.update({ id: agreementId, version: 2, text: 'x' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(() => c.agreements.lapse({ id: agreementId, version: 2, reason: '' }))).code).toBe('BAD_REQUEST');
    await c.agreements.lapse({ id: agreementId, version: 2, reason: 'Controle niet meer nodig.' });
    const casus = await c.cases.get({ id: caseId });
    expect(casus.agreements).toMatchObject([
      {
        id: agreementId,
        text: 'Gezamenlijke controle in januari',
        responsiblePartnerId: pit.partnerIds.deurne,
        status: 'vervallen',
        lapseReason: 'Controle niet meer nodig.',
        version: 3,
      },
    ]);
    expect(casus.agreements[0]!.changes.map((x) => [x.kind, x.changes, x.reason])).toEqual([
      [
        'updated',
        {
          text: { from: 'Gezamenlijke controle in december', to: 'Gezamenlijke controle in januari' },
          responsiblePartnerId: { from: 'Helmond', to: 'Deurne' },
        },
        null,
      ],
      ['lapsed', { status: { from: 'open', to: 'vervallen' } }, 'Controle niet meer nodig.'],
    ]);
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'agreement.updated')).all()).toHaveLength(1);
  });
});
