// Issue 9.4: a signal recorded by mistake is withdrawn by the coordinator with a reason. It leaves
// the lists, the agenda and the figures; its betrokkenen are erased; the anonymous fact stays.
import { describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { auditLog, policeSubjectItems, subjectItems, subjects } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { parseJson } from '../helpers/json';

async function setup() {
  const deps = createTestDeps();
  // A covenant in force: personal data may be recorded.
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const helmond = await makeUser(deps, pit, 'member', 'helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const c = callerFor(deps, coordinator);
  // The test signal of the issue: a script tag as street, a tulip as city.
  const mistake = await makeCase(deps, pit, helmond, { street: '<script>', city: '🌷' });
  const real = await makeCase(deps, pit, helmond);
  await callerFor(deps, helmond).subjects.add({
    caseId: mistake.id,
    kind: 'person',
    items: [{ category: 'naw', value: exampleValues.naw }],
  });
  await callerFor(deps, politie).subjects.add({
    caseId: mistake.id,
    kind: 'person',
    items: [{ category: 'kenteken', value: exampleValues.kenteken }],
  });
  const task = await c.tasks.create({
    title: 'Adres controleren',
    assigneePartnerId: pit.partnerIds.helmond!,
    dueDate: '2026-12-10',
    caseId: mistake.id,
  });
  return { deps, pit, coordinator, helmond, c, mistake, real, task };
}

describe('cases.withdraw', () => {
  it('takes the signal off the lists, the coming agenda and the figures, lapses its work and erases its betrokkenen', async () => {
    const { deps, c, helmond, mistake, real, task } = await setup();
    const coming = await c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    await c.agenda.prefill({ meetingId: coming.id });
    expect((await c.meetings.get(coming)).agenda.some((i) => i.caseId === mistake.id)).toBe(true);
    const subjectIds = deps.db
      .select({ id: subjects.id })
      .from(subjects)
      .where(eq(subjects.caseId, mistake.id))
      .all()
      .map((s) => s.id);
    expect(subjectIds).toHaveLength(2);

    const version = (await c.cases.get({ id: mistake.id })).version;
    await c.cases.withdraw({ id: mistake.id, version, reason: 'Testmelding, aangemaakt bij de training.' });

    expect((await c.cases.list()).items.map((x) => x.id)).toEqual([real.id]);
    expect((await callerFor(deps, helmond).cases.list()).items.map((x) => x.id)).toEqual([real.id]);
    expect((await c.cases.list({ status: 'ingetrokken' })).items.map((x) => x.id)).toEqual([mistake.id]);
    // Off the coming agenda, and a fresh prefill does not bring it back.
    expect((await c.meetings.get(coming)).agenda.some((i) => i.caseId === mistake.id)).toBe(false);
    await c.agenda.prefill({ meetingId: coming.id });
    const next = await c.meetings.create({ startsAt: '2026-12-22T09:00:00Z' });
    await c.agenda.prefill({ meetingId: next.id });
    for (const m of [coming, next]) expect((await c.meetings.get(m)).agenda.some((i) => i.caseId === mistake.id)).toBe(false);
    // Its open work lapsed with the reason.
    const casus = await c.cases.get({ id: mistake.id });
    expect(casus).toMatchObject({
      status: 'ingetrokken',
      withdrawReason: 'Testmelding, aangemaakt bij de training.',
      withdrawnAt: deps.now().toISOString(),
      subjects: [],
    });
    expect(casus.tasks.map((t) => [t.id, t.status])).toEqual([[task.id, 'vervallen']]);
    expect(await callerFor(deps, helmond).tasks.mine()).toEqual([]);
    // Betrokkenen erased from both item tables (police apart, P4).
    expect(deps.db.select().from(subjects).where(eq(subjects.caseId, mistake.id)).all()).toEqual([]);
    expect(deps.db.select().from(subjectItems).where(inArray(subjectItems.subjectId, subjectIds)).all()).toEqual([]);
    expect(deps.db.select().from(policeSubjectItems).where(inArray(policeSubjectItems.subjectId, subjectIds)).all()).toEqual([]);
    // Audited, with counts only.
    const audit = (action: string) =>
      deps.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, action), eq(auditLog.caseId, mistake.id)))
        .all();
    expect(audit('case.withdrawn')).toHaveLength(1);
    expect(audit('personal_data.erased').map((a) => parseJson(a.detail!))).toEqual([{ reason: 'withdrawn', subjects: 2, items: 2 }]);
    // No new personal data or work on a withdrawn casus.
    expect(
      (
        await errorOf(() =>
          callerFor(deps, helmond).subjects.add({ caseId: mistake.id, kind: 'person', items: [{ category: 'naw', value: 'X' }] }),
        )
      ).key,
    ).toBe('cases.withdrawn');
    expect(
      (
        await errorOf(() =>
          c.tasks.create({ title: 'x', assigneePartnerId: casus.gemeentePartnerId, dueDate: '2026-12-10', caseId: mistake.id }),
        )
      ).key,
    ).toBe('cases.withdrawn');
  });

  it("a withdrawn signal is no part of the report's counts", async () => {
    const { c, mistake } = await setup();
    // Threshold 1: the exact counts are shown (the default threshold hides counts under 5 as "< 5").
    await c.reports.setThreshold({ threshold: 1 });
    const before = await c.reports.progress({ from: '2026-01-01', to: '2026-12-31' });
    const value = (r: typeof before, key: string) => r.headline.find((h) => h.key === key)!.current;
    expect([value(before, 'casesOpened'), value(before, 'tasksCreated')]).toEqual([2, 1]);
    await c.cases.withdraw({ id: mistake.id, version: (await c.cases.get({ id: mistake.id })).version, reason: 'Dubbel gemeld.' });
    const after = await c.reports.progress({ from: '2026-01-01', to: '2026-12-31' });
    expect([value(after, 'casesOpened'), value(after, 'tasksCreated')]).toEqual([1, 0]);
  });

  it('only the coordinator withdraws, with a reason and the current version; a rejected call changes nothing', async () => {
    const { deps, c, helmond, mistake } = await setup();
    const version = (await c.cases.get({ id: mistake.id })).version;
    expect((await errorOf(() => callerFor(deps, helmond).cases.withdraw({ id: mistake.id, version, reason: 'Fout' }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(() => c.cases.withdraw({ id: mistake.id, version, reason: '  ' }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => c.cases.withdraw({ id: mistake.id, version: version + 5, reason: 'Fout' }))).code).toBe('CONFLICT');
    const bit = makeTeam(deps, 'bit');
    const other = await makeUser(deps, bit, 'coordinator', 'hilversum');
    expect((await errorOf(() => callerFor(deps, other).cases.withdraw({ id: mistake.id, version, reason: 'Fout' }))).code).toBe(
      'NOT_FOUND',
    );
    const casus = await c.cases.get({ id: mistake.id });
    expect(casus.status).toBe('signaal');
    expect(casus.subjects).toHaveLength(2);
    expect(casus.tasks.map((t) => t.status)).toEqual(['open']);
    // A closed casus is not withdrawn (it was no mistake), nor can a withdrawn one be reopened.
    await c.cases.setStatus({ id: mistake.id, status: 'afgerond', version });
    expect((await errorOf(() => c.cases.withdraw({ id: mistake.id, version: version + 1, reason: 'Fout' }))).key).toBe(
      'cases.withdrawOnlySignal',
    );
  });
});
