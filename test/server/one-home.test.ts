// Issue 12: each repeated rule has one home, tested here once — overdue (SQL and TypeScript
// agree), the pand's address in SQL, HH:MM, escaping HTML and the Amsterdam calendar shared with
// the client (server/shared/).
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { cases, tasks } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { isOverdue, overdueTask, overdueTaskCount } from '../../server/domain/overdue';
import { caseAddress, fullCaseAddress, optionalCaseAddress, streetAndNumber } from '../../server/domain/case-address';
import { escapeHtml } from '../../server/exports/escape-html';
import { isTimeOfDay } from '../../server/shared/time-of-day';
import { addDays, addMonths, amsterdamDate, amsterdamTime, amsterdamToUtc, amsterdamWallClock } from '../../server/shared/amsterdam';

describe('overdue', () => {
  it('is open with a due day before today — the same in SQL as in TypeScript', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const { id: caseId } = await makeCase(deps, pit, coordinator);
    const caller = callerFor(deps, coordinator);
    const due = ['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-01'];
    for (const dueDate of due)
      await caller.tasks.create({
        title: `Taak ${dueDate}`,
        assigneePartnerId: pit.partnerIds.senzer!,
        dueDate,
        caseId,
        confirmPast: true,
      });
    const last = deps.db.select({ id: tasks.id }).from(tasks).orderBy(asc(tasks.id)).all().at(-1)!;
    deps.db.update(tasks).set({ status: 'gereed' }).where(eq(tasks.id, last.id)).run(); // done: never overdue
    const today = '2026-11-25';
    const rows = deps.db
      .select({ status: tasks.status, dueDate: tasks.dueDate, sql: overdueTask(today) })
      .from(tasks)
      .orderBy(asc(tasks.id))
      .all();
    expect(rows.map((r) => isOverdue(r, today))).toEqual([true, false, false, false]);
    expect(rows.map((r) => Boolean(r.sql))).toEqual([true, false, false, false]);
    expect(
      deps.db
        .select({ n: overdueTaskCount(today) })
        .from(cases)
        .where(eq(cases.id, caseId))
        .get(),
    ).toEqual({ n: 1 });
  });
});

describe("the pand's address in SQL", () => {
  it('reads street, number, addition and city, with the postcode where the verslag wants it', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const { id } = await makeCase(deps, pit, coordinator, { houseNumber: 12, houseNumberAddition: 'a' });
    expect(
      deps.db
        .select({ street: streetAndNumber, short: caseAddress, full: fullCaseAddress, optional: optionalCaseAddress })
        .from(cases)
        .where(eq(cases.id, id))
        .get(),
    ).toEqual({
      street: 'Kerkstraat 12A',
      short: 'Kerkstraat 12A, Helmond',
      full: 'Kerkstraat 12A, 5701 AB Helmond',
      optional: 'Kerkstraat 12A, Helmond',
    });
  });
});

describe('HH:MM', () => {
  it('accepts 00:00 to 23:59 only', () => {
    expect(['00:00', '09:30', '23:59'].map(isTimeOfDay)).toEqual([true, true, true]);
    expect(['24:00', '9:30', '09:60', '09:30:00', ' 09:30', ''].map(isTimeOfDay)).toEqual([false, false, false, false, false, false]);
  });
});

describe('escapeHtml', () => {
  it('escapes the five markup characters and prints nothing for null', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(12)).toBe('12');
  });
});

describe("server/shared/amsterdam (also the client's)", () => {
  it("days and wall-clock times are Amsterdam's, across summer time", () => {
    expect(amsterdamDate(new Date('2026-11-24T23:30:00Z'))).toBe('2026-11-25');
    expect(amsterdamTime(new Date('2026-07-01T07:05:00Z'))).toBe('09:05');
    expect(amsterdamWallClock(new Date('2026-11-25T09:00:00Z'))).toEqual({ date: '2026-11-25', time: '10:00' });
    expect(amsterdamToUtc('2026-03-31', '09:30').toISOString()).toBe('2026-03-31T07:30:00.000Z');
    expect(amsterdamToUtc('2026-03-28', '09:30').toISOString()).toBe('2026-03-28T08:30:00.000Z');
  });

  it("adds days and months on calendar days, clamping to the month's end", () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-25', -12)).toBe('2025-11-25');
  });
});
