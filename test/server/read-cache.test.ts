// Issue 12: the case list and "Mijn taken" are answered once per change of the database
// (server/read-cache.ts). Each test shows the answer kept (the very same object again) and then
// the one thing that must end it: a write through the app, a write by another connection, the
// next day, a rollback, another partner.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { minutesScenario } from '../helpers/minutes';
import { auditLog } from '../../db/schema';
import { cachedRead, keptAnswers } from '../../server/read-cache';
import { listCases } from '../../server/domain/cases';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function setup(deps: TestDeps = createTestDeps()) {
  const pit = makeTeam(deps, 'pit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const senzer2 = await makeUser(deps, pit, 'member', 'senzer');
  const bsob = await makeUser(deps, pit, 'member', 'bsob');
  const { id: caseId } = await makeCase(deps, pit, coordinator);
  const task = (title: string, partner: string, dueDate: string) =>
    callerFor(deps, coordinator).tasks.create({ title, assigneePartnerId: pit.partnerIds[partner]!, dueDate, caseId });
  return { deps, pit, coordinator, senzer, senzer2, bsob, caseId, task };
}

describe('the read cache (issue 12)', () => {
  it('keeps the case list while nothing changes, for the whole team, and a write through the app ends it', async () => {
    const { deps, coordinator, senzer, task } = await setup();
    const first = await callerFor(deps, coordinator).cases.list({});
    expect(await callerFor(deps, coordinator).cases.list({})).toBe(first);
    // Another reader of the same team asks the same question: the same answer (it has no reader in it).
    expect(await callerFor(deps, senzer).cases.list({})).toBe(first);
    // Another question is another answer.
    expect(await callerFor(deps, coordinator).cases.list({ limit: 5 })).not.toBe(first);
    expect(first.items.map((c) => c.openTasks)).toEqual([0]);

    await task('Uitkering toetsen', 'senzer', '2026-12-10');
    const after = await callerFor(deps, coordinator).cases.list({});
    expect(after).not.toBe(first);
    expect(after.items.map((c) => c.openTasks)).toEqual([1]);
  });

  it("keeps a partner's tasks for all its people, apart from another partner's", async () => {
    const { deps, senzer, senzer2, bsob, task } = await setup();
    await task('Uitkering toetsen', 'senzer', '2026-12-10');
    await task('Aanslag opleggen', 'bsob', '2026-12-11');
    const mine = await callerFor(deps, senzer).tasks.mine();
    expect(mine.map((t) => t.title)).toEqual(['Uitkering toetsen']);
    expect(await callerFor(deps, senzer2).tasks.mine()).toBe(mine);
    const theirs = await callerFor(deps, bsob).tasks.mine();
    expect(theirs.map((t) => t.title)).toEqual(['Aanslag opleggen']);
    expect(await callerFor(deps, senzer).tasks.mine({ limit: 1 })).not.toBe(mine);
    expect(await callerFor(deps, senzer).tasks.mine({ includeDone: true })).not.toBe(mine);

    // Ticking a task off is a write: the list answers anew without it.
    await callerFor(deps, senzer).tasks.complete({ id: mine[0]!.id, version: mine[0]!.version, resultNote: 'Getoetst' });
    expect(await callerFor(deps, senzer).tasks.mine()).toEqual([]);
  });

  it('answers anew on the next day: overdue is counted against today', async () => {
    const { deps, coordinator, senzer, task } = await setup();
    await task('Uitkering toetsen', 'senzer', '2026-11-26');
    const today = await callerFor(deps, coordinator).cases.list({});
    expect(today.items[0]!.overdueTasks).toBe(0);
    expect((await callerFor(deps, senzer).tasks.mine())[0]!.overdue).toBe(false);
    deps.clock.set('2026-11-27T08:00:00Z');
    expect((await callerFor(deps, coordinator).cases.list({})).items[0]!.overdueTasks).toBe(1);
    expect((await callerFor(deps, senzer).tasks.mine())[0]!.overdue).toBe(true);
  });

  it('sees a write by another connection to the same file (a command-line job, a restore)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overleg-read-cache-'));
    dirs.push(dir);
    const file = join(dir, 'overleg.db');
    const { deps, coordinator } = await setup(createTestDeps({ file }));
    const first = await callerFor(deps, coordinator).cases.list({});
    expect(first.items[0]!.city).not.toBe('Deurne');
    const other = new Database(file);
    try {
      other.prepare("update cases set city = 'Deurne'").run();
    } finally {
      other.close();
    }
    expect((await callerFor(deps, coordinator).cases.list({})).items[0]!.city).toBe('Deurne');
    deps.db.$client.close();
  });

  it('keeps nothing seen inside a transaction: a rollback takes rows back without moving the count', async () => {
    const { deps, coordinator, caseId } = await setup();
    const before = await callerFor(deps, coordinator).cases.list({});
    expect(() =>
      deps.db.transaction((tx) => {
        tx.run(sql`update cases set city = 'Deurne' where id = ${caseId}`);
        // The list read inside the transaction sees its own write…
        expect(listCases(deps, coordinator, {}).items[0]!.city).toBe('Deurne');
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    // …and after the rollback nobody does.
    const after = await callerFor(deps, coordinator).cases.list({});
    expect(after.items[0]!.city).toBe(before.items[0]!.city);
  });

  it('does not keep an answer whose read wrote to the database', () => {
    const deps = createTestDeps();
    deps.db.run(sql`create table scratch (n integer)`);
    const read = () => {
      deps.db.run(sql`insert into scratch values (1)`);
      return { rows: deps.db.get<{ n: number }>(sql`select count(*) as n from scratch`).n };
    };
    const first = cachedRead(deps.db, 'scratch', read);
    const second = cachedRead(deps.db, 'scratch', read);
    expect([first.rows, second.rows]).toEqual([1, 2]);
    expect(second).not.toBe(first);
  });

  it('keeps an overleg per reader, and a change (its verslag finalised) ends it', async () => {
    const s = await minutesScenario();
    const coordinator = callerFor(s.deps, s.coordinator);
    const first = await coordinator.meetings.get({ id: s.meeting.id });
    expect(await coordinator.meetings.get({ id: s.meeting.id })).toBe(first);
    // Another reader is another answer, even where it reads the same.
    const senzer = await callerFor(s.deps, s.senzer).meetings.get({ id: s.meeting.id });
    expect(senzer).not.toBe(first);
    expect(await callerFor(s.deps, s.senzer).meetings.get({ id: s.meeting.id })).toBe(senzer);
    expect(first.minutesStatus).toBe('concept');
    await coordinator.minutes.finalise({ meetingId: s.meeting.id });
    expect((await coordinator.meetings.get({ id: s.meeting.id })).minutesStatus).toBe('definitief');
    expect((await callerFor(s.deps, s.senzer).meetings.get({ id: s.meeting.id })).minutesStatus).toBe('definitief');
  });

  it('keeps a verslag without betrokkenen, but never skips the audit of one that shows them (P12)', async () => {
    const s = await minutesScenario();
    const coordinator = callerFor(s.deps, s.coordinator);
    await coordinator.minutes.finalise({ meetingId: s.meeting.id });
    // The previous overleg's verslag names no betrokkenen: asked again, the same answer.
    const plain = await coordinator.minutes.get({ meetingId: s.previous.id });
    expect(await coordinator.minutes.get({ meetingId: s.previous.id })).toBe(plain);
    expect(keptAnswers(s.deps.db)).toBe(1);

    const reads = () =>
      s.deps.db
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'personal_data.read'), eq(auditLog.actorId, s.senzer.id)))
        .all().length;
    const senzer = callerFor(s.deps, s.senzer);
    const views = [];
    for (let i = 0; i < 3; i++) {
      views.push(await senzer.minutes.get({ meetingId: s.meeting.id }));
      // An answer with betrokkenen is not even held, the read wrote its audit row: only the
      // coordinator's plain verslag is, until the first write empties the cache.
      expect(keptAnswers(s.deps.db)).toBe(i === 0 ? 1 : 0);
    }
    // Each read showed the gemeente's item and wrote its own audit row; none came from the cache.
    expect(reads()).toBe(3);
    expect(views.map((v) => v.panden[0]!.subjects.flatMap((x) => x.items.map((i) => i.category)))).toEqual([
      ['naleving'],
      ['naleving'],
      ['naleving'],
    ]);
    expect(views[1]).not.toBe(views[0]);
  });

  it("answers a verslag anew on the next day: its open actions' overdue mark is counted against today", async () => {
    const s = await minutesScenario();
    const coordinator = callerFor(s.deps, s.coordinator);
    // The previous overleg's action 'Eigenaar aanschrijven' is due on 20 November and still open.
    const overdue = async () =>
      (await coordinator.minutes.get({ meetingId: s.previous.id })).actions.find((a) => a.title === 'Eigenaar aanschrijven')!.overdue;
    s.deps.clock.set('2026-11-20T10:00:00Z');
    expect(await overdue()).toBe(false);
    s.deps.clock.set('2026-11-21T10:00:00Z');
    expect(await overdue()).toBe(true);
  });
});
