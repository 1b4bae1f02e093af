// The verslag's carried-over actions come a page at a time to the screen (issue 12): at years of
// history hundreds stay open, and minutes.get must not grow with them. The exports hold every one
// (the verslag is the record of the follow-up, PIT art. 5.2), and a page reaches no one who may not
// read the verslag itself.
import { describe, expect, it } from 'vitest';
import { tasks } from '../../db/schema';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { GEMEENTE_NALEVING, minutesScenario, POLICE_KENTEKEN, POLICE_NAW } from '../helpers/minutes';
import { renderMinutesMarkdown } from '../../server/exports/minutes-markdown';
import { renderMinutesHtml } from '../../server/exports/minutes-html';

/** The scenario plus 60 more actions of the previous overleg still open when this one began. */
async function manyCarried() {
  const s = await minutesScenario();
  const base = {
    teamId: s.pit.teamId,
    assigneePartnerId: s.pit.partnerIds.politie!,
    meetingId: s.previous.id,
    createdAt: '2026-11-10T09:00:00.000Z',
    updatedAt: '2026-11-10T09:00:00.000Z',
  };
  // Three actions a day, so the order needs the id after the due date too.
  const rows = Array.from({ length: 60 }, (_, i) => ({
    ...base,
    title: `Actie ${String(i + 1).padStart(2, '0')}`,
    dueDate: `2026-12-${String(1 + Math.floor(i / 3)).padStart(2, '0')}`,
  }));
  // One done after this overleg began still counts (it was open then); one done before does not.
  rows.push({
    ...base,
    title: 'Gereed na aanvang',
    dueDate: '2026-12-01',
    status: 'gereed',
    completedAt: '2026-11-24T12:00:00.000Z',
  } as never);
  rows.push({
    ...base,
    title: 'Gereed voor aanvang',
    dueDate: '2026-12-01',
    status: 'gereed',
    completedAt: '2026-11-20T12:00:00.000Z',
  } as never);
  s.deps.db.insert(tasks).values(rows).run();
  // Every carried-over action in the verslag's order: due date, then id.
  const expected = [
    'Eigenaar aanschrijven',
    'Actie 01',
    'Actie 02',
    'Actie 03',
    'Gereed na aanvang',
    ...Array.from({ length: 57 }, (_, i) => `Actie ${String(i + 4).padStart(2, '0')}`),
  ];
  return { ...s, expected };
}

async function allPages(caller: ReturnType<typeof callerFor>, meetingId: number) {
  const first = await caller.minutes.get({ meetingId });
  const titles = first.carriedOver.map((a) => a.title);
  const payloads: unknown[] = [first];
  let cursor = first.carriedOverNextCursor;
  while (cursor !== null) {
    const page = await caller.minutes.carriedOver({ meetingId, cursor });
    payloads.push(page);
    titles.push(...page.actions.map((a) => a.title));
    cursor = page.nextCursor;
  }
  return { first, titles, payloads };
}

describe('the verslag pages its carried-over actions', () => {
  it('minutes.get holds the first 25 with the total; the pages bring the rest, none lost or doubled (concept)', async () => {
    const s = await manyCarried();
    const coord = callerFor(s.deps, s.coordinator);
    const { first, titles } = await allPages(coord, s.meeting.id);
    expect(first.carriedOver.map((a) => a.title)).toEqual(s.expected.slice(0, 25));
    expect(first.carriedOverTotal).toBe(62);
    const last = first.carriedOver[24]!;
    expect(first.carriedOverNextCursor).toBe(`${last.dueDate}.${last.id}`);
    expect(titles).toEqual(s.expected);
    // The other parts are whole as before.
    expect(first.actions.map((a) => a.title)).toEqual(['Controle uitvoeren met handhaving', 'Uitkering toetsen']);
    const page = await coord.minutes.carriedOver({ meetingId: s.meeting.id, cursor: first.carriedOverNextCursor!, limit: 10 });
    expect(page.actions.map((a) => a.title)).toEqual(s.expected.slice(25, 35));
    expect(page.total).toBe(62);
  });

  it('a finalised verslag pages its snapshot the same way and a member reads the same pages', async () => {
    const s = await manyCarried();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    const member = await allPages(callerFor(s.deps, s.gemeente), s.meeting.id);
    expect(member.first.carriedOver.map((a) => a.title)).toEqual(s.expected.slice(0, 25));
    expect(member.first.carriedOverTotal).toBe(62);
    expect(member.titles).toEqual(s.expected);
    // The further pages carry actions only: no betrokkene's data (leak scan over whole payloads).
    for (const p of member.payloads.slice(1)) {
      for (const secret of [POLICE_NAW, POLICE_KENTEKEN, GEMEENTE_NALEVING]) expect(JSON.stringify(p)).not.toContain(secret);
    }
  });

  it('the export holds every carried-over action', async () => {
    const s = await manyCarried();
    const coord = callerFor(s.deps, s.coordinator);
    for (const finalised of [false, true]) {
      if (finalised) await coord.minutes.finalise({ meetingId: s.meeting.id });
      const view = await coord.minutes.export({ meetingId: s.meeting.id, format: 'md' });
      expect(view.carriedOver.map((a) => a.title)).toEqual(s.expected);
      expect(view.carriedOverNextCursor).toBeNull();
      const ctx = { locale: 'nl' as const, readerName: 'Marieke Verbeek', generatedAt: new Date('2026-11-25T09:00:00Z') };
      const markdown = renderMinutesMarkdown(view, ctx);
      const html = renderMinutesHtml(view, ctx);
      for (const title of s.expected) {
        expect(markdown).toContain(title);
        expect(html).toContain(title);
      }
      expect(markdown).not.toContain('Gereed voor aanvang');
    }
  });

  it('a page is behind the verslag gate; a bad cursor is refused', async () => {
    const s = await manyCarried();
    const first = await callerFor(s.deps, s.coordinator).minutes.get({ meetingId: s.meeting.id });
    const cursor = first.carriedOverNextCursor!;
    // A member may not read the concept, so no page of it either; nor a viewer, nor another team.
    expect((await errorOf(() => callerFor(s.deps, s.politie).minutes.carriedOver({ meetingId: s.meeting.id, cursor }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(() => callerFor(s.deps, s.viewer).minutes.carriedOver({ meetingId: s.meeting.id, cursor }))).code).toBe(
      'FORBIDDEN',
    );
    const bit = makeTeam(s.deps, 'bit');
    const other = await makeUser(s.deps, bit, 'coordinator', 'hilversum');
    expect((await errorOf(() => callerFor(s.deps, other).minutes.carriedOver({ meetingId: s.meeting.id, cursor }))).code).toBe('NOT_FOUND');
    for (const bad of ['25', '2026-12-01', '2026-12-01.x', "2026-12-01.1' or 1=1"]) {
      expect(
        (await errorOf(() => callerFor(s.deps, s.coordinator).minutes.carriedOver({ meetingId: s.meeting.id, cursor: bad }))).code,
      ).toBe('BAD_REQUEST');
    }
  });
});
