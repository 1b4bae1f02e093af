// meetings.list pages the past overleggen (issue 9 item 11): a team holds years of them, and the
// list page must not load every one. Without input (SPEC §5) the upcoming ones and the first page
// of the past ones, with the cursor for the rest (issue 12); `heldAfter` for the verslag's approval.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const member = await makeUser(deps, pit, 'member', 'senzer');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  const c = callerFor(deps, coordinator);
  // Five closed overleggen (two on the same instant, so the cursor must also order by id) and one upcoming.
  const starts = ['2026-01-06T08:30:00Z', '2026-02-03T08:30:00Z', '2026-03-03T08:30:00Z', '2026-03-03T08:30:00Z', '2026-04-07T07:30:00Z'];
  const past: number[] = [];
  for (const startsAt of starts) {
    // Recorded afterwards: past dates are deliberate here, so the input confirms them.
    const m = await c.meetings.create({ startsAt, confirmPast: true });
    await c.meetings.publish(m);
    await c.meetings.start(m);
    await c.meetings.close(m);
    past.push(m.id);
  }
  const upcoming = await c.meetings.create({ startsAt: '2027-01-12T08:30:00Z' });
  return { deps, c, m: callerFor(deps, member), b: callerFor(deps, bitCoordinator), past, upcoming: upcoming.id };
}

describe('meetings.list: past overleggen paged', () => {
  it('without input lists the upcoming ones and the first page of the past ones', async () => {
    const s = await setup();
    const list = await s.c.meetings.list();
    expect(list.upcoming.map((m) => m.id)).toEqual([s.upcoming]);
    expect(list.past.map((m) => m.id)).toEqual([s.past[4], s.past[3], s.past[2], s.past[1], s.past[0]]);
    expect(list.nextCursor).toBeNull();
  });

  it('without input stays one page at 60 past overleggen; the cursor pages the rest, none lost or doubled', async () => {
    const s = await setup();
    // 55 more closed overleggen, one a week from December 2024 to December 2025 (60 past in all).
    const more: number[] = [];
    for (let week = 0; week < 55; week++) {
      const startsAt = new Date(Date.UTC(2024, 11, 10 + 7 * week, 8, 30)).toISOString();
      const m = await s.c.meetings.create({ startsAt, confirmPast: true });
      await s.c.meetings.publish(m);
      await s.c.meetings.start(m);
      await s.c.meetings.close(m);
      more.push(m.id);
    }
    // Latest first: this year's five, then the weekly ones from the last back.
    const expected = [s.past[4], s.past[3], s.past[2], s.past[1], s.past[0], ...[...more].reverse()];
    const first = await s.c.meetings.list();
    expect(first.upcoming.map((m) => m.id)).toEqual([s.upcoming]);
    expect(first.past.map((m) => m.id)).toEqual(expected.slice(0, 20));
    expect(first.nextCursor).toBe(expected[19]);
    const seen = first.past.map((m) => m.id);
    let cursor = first.nextCursor;
    while (cursor !== null) {
      const page = await s.c.meetings.list({ past: true, cursor });
      seen.push(...page.past.map((m) => m.id));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(expected);
    // A member's first page is bounded the same way.
    expect((await s.m.meetings.list()).past.map((m) => m.id)).toEqual(expected.slice(0, 20));
  });

  it('heldAfter lists the overleggen held after that one, soonest first; not others', async () => {
    const s = await setup();
    // A later running overleg counts; a later planned or published one does not.
    const running = await s.c.meetings.create({ startsAt: '2026-11-25T09:30:00Z' });
    await s.c.meetings.publish(running);
    await s.c.meetings.start(running);
    const published = await s.c.meetings.create({ startsAt: '2026-12-01T08:30:00Z' });
    await s.c.meetings.publish(published);
    expect((await s.c.meetings.list({ heldAfter: s.past[1]! })).past.map((m) => m.id)).toEqual([
      s.past[2],
      s.past[3],
      s.past[4],
      running.id,
    ]);
    expect((await s.c.meetings.list({ heldAfter: s.past[4]!, limit: 1 })).past.map((m) => m.id)).toEqual([running.id]);
    expect(await s.c.meetings.list({ heldAfter: running.id })).toEqual({ upcoming: [], past: [], nextCursor: null });
    // Another team's overleg is not there for this caller.
    const other = await s.b.meetings.create({ startsAt: '2026-01-06T08:30:00Z', confirmPast: true });
    expect(await s.c.meetings.list({ heldAfter: other.id })).toEqual({ upcoming: [], past: [], nextCursor: null });
    expect((await s.b.meetings.list({ heldAfter: s.past[0]! })).past).toEqual([]);
  });

  it('past: false gives only the upcoming ones', async () => {
    const s = await setup();
    expect(await s.c.meetings.list({ past: false })).toEqual({
      upcoming: [expect.objectContaining({ id: s.upcoming })],
      past: [],
      nextCursor: null,
    });
  });

  it('past: true pages latest first with a cursor until the last page', async () => {
    const s = await setup();
    const first = await s.c.meetings.list({ past: true, limit: 2 });
    expect(first.upcoming).toEqual([]);
    expect(first.past.map((m) => m.id)).toEqual([s.past[4], s.past[3]]);
    expect(first.nextCursor).toBe(s.past[3]);
    const second = await s.c.meetings.list({ past: true, limit: 2, cursor: first.nextCursor });
    expect(second.past.map((m) => m.id)).toEqual([s.past[2], s.past[1]]);
    expect(second.nextCursor).toBe(s.past[1]);
    const third = await s.c.meetings.list({ past: true, limit: 2, cursor: second.nextCursor });
    expect(third.past.map((m) => m.id)).toEqual([s.past[0]]);
    expect(third.nextCursor).toBeNull();
    // The default page holds 20.
    expect((await s.c.meetings.list({ past: true })).past).toHaveLength(5);
  });

  it('a cursor from another team or an upcoming overleg gives an empty page; bad input is refused', async () => {
    const s = await setup();
    const other = await s.b.meetings.create({ startsAt: '2026-01-06T08:30:00Z', confirmPast: true });
    expect(await s.c.meetings.list({ past: true, cursor: other.id })).toEqual({ upcoming: [], past: [], nextCursor: null });
    expect(await s.c.meetings.list({ past: true, cursor: s.upcoming })).toEqual({ upcoming: [], past: [], nextCursor: null });
    expect((await errorOf(() => s.c.meetings.list({ past: true, limit: 101 }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => s.c.meetings.list({ past: true, cursor: -1 }))).code).toBe('BAD_REQUEST');
  });

  it('a member pages the same closed overleggen', async () => {
    const s = await setup();
    const page = await s.m.meetings.list({ past: true, limit: 3 });
    expect(page.past.map((m) => m.id)).toEqual([s.past[4], s.past[3], s.past[2]]);
    expect(page.past.every((m) => m.openProposals === 0)).toBe(true);
  });
});
