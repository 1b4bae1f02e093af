// Issue 9 item 8: an overleg or a due date in the past is refused at its field unless the
// coordinator confirms it; an overleg started long before its time needs a confirmation; an old
// overleg that was never closed is not "upcoming".
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { insertMeeting } from '../helpers/meetings';
import { amsterdamDate } from '../../server/shared/amsterdam';

async function setup() {
  const deps = createTestDeps(); // now: 2026-11-25T09:00Z, 10:00 in Amsterdam
  const pit = makeTeam(deps, 'pit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  return { deps, pit, coordinator, c: callerFor(deps, coordinator) };
}

describe('planning in the past', () => {
  it('a new overleg in 2020 is refused at its date, and accepted when confirmed', async () => {
    const { c } = await setup();
    expect(await fieldErrorsOf(() => c.meetings.create({ startsAt: '2020-12-08T09:30:00+01:00' }))).toEqual({
      startsAt: 'Dit tijdstip ligt in het verleden. Kies een later tijdstip.',
    });
    expect((await c.meetings.list()).upcoming).toEqual([]);
    const { id } = await c.meetings.create({ startsAt: '2020-12-08T09:30:00+01:00', confirmPast: true });
    expect((await c.meetings.get({ id })).startsAt).toBe('2020-12-08T08:30:00.000Z');
    await c.meetings.create({ startsAt: '2026-11-25T11:30:00+01:00' }); // later today is fine
  });

  it('a series from a past date and moving an overleg into the past need the same confirmation', async () => {
    const { c } = await setup();
    expect(
      await fieldErrorsOf(() =>
        c.meetings.createSeries({ weekday: 2, time: '09:30', intervalWeeks: 2, from: '2020-01-01', until: '2020-03-01' }),
      ),
    ).toEqual({ from: 'Deze datum ligt in het verleden. Kies een datum vanaf vandaag.' });
    const { id } = await c.meetings.create({ startsAt: '2026-12-08T09:30:00+01:00' });
    expect(await fieldErrorsOf(() => c.meetings.update({ id, version: 1, startsAt: '2020-12-08T09:30:00+01:00' }))).toEqual({
      startsAt: 'Dit tijdstip ligt in het verleden. Kies een later tijdstip.',
    });
    await c.meetings.update({ id, version: 1, title: 'Zelfde tijd, andere titel' });
  });

  it('a due date before today is refused at its field unless confirmed; today is fine', async () => {
    const { c, pit } = await setup();
    const task = (dueDate: string, confirmPast?: boolean) =>
      c.tasks.create({ title: 'Eigenaar aanschrijven', assigneePartnerId: pit.partnerIds.helmond!, dueDate, confirmPast });
    expect(await fieldErrorsOf(() => task('2020-11-24'))).toEqual({
      dueDate: 'Deze datum ligt in het verleden. Kies een datum vanaf vandaag.',
    });
    expect(await fieldErrorsOf(() => task('2026-11-24'))).toEqual({
      dueDate: 'Deze datum ligt in het verleden. Kies een datum vanaf vandaag.',
    });
    await task('2026-11-25');
    await task('2026-11-24', true);
    expect((await c.tasks.list()).map((t) => t.dueDate).sort()).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('an overleg of an earlier day that was never closed is listed as past, not upcoming', async () => {
    const { deps, pit, c } = await setup();
    const old = insertMeeting(deps, pit, { startsAt: '2020-03-03T08:30:00.000Z', status: 'gepubliceerd' });
    const soon = insertMeeting(deps, pit, { startsAt: '2026-12-01T08:30:00.000Z', status: 'gepubliceerd' });
    const running = insertMeeting(deps, pit, { startsAt: '2026-11-24T08:30:00.000Z', status: 'bezig' });
    const list = await c.meetings.list();
    expect(list.upcoming.map((m) => m.id)).toEqual([running.id, soon.id]);
    expect(list.past.map((m) => m.id)).toEqual([old.id]);
  });
});

describe('starting early', () => {
  it('starting three days before the planned time needs a confirmation; within the hour it does not', async () => {
    const { deps, pit, c } = await setup();
    const later = insertMeeting(deps, pit, { startsAt: '2026-11-28T08:30:00.000Z', status: 'gepubliceerd' });
    const error = await errorOf(() => c.meetings.start({ id: later.id }));
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', key: 'meetings.startEarly' });
    expect((await c.meetings.get({ id: later.id })).status).toBe('gepubliceerd');
    await c.meetings.start({ id: later.id, confirmEarly: true });
    expect((await c.meetings.get({ id: later.id })).status).toBe('bezig');

    const soon = insertMeeting(deps, pit, { startsAt: '2026-11-25T09:45:00.000Z', status: 'gepubliceerd' });
    await c.meetings.start({ id: soon.id });
    expect((await c.meetings.get({ id: soon.id })).status).toBe('bezig');
  });

  it('the question names the planned day and time in Amsterdam', async () => {
    const { deps, pit, coordinator } = await setup();
    const later = insertMeeting(deps, pit, { startsAt: '2026-11-28T08:30:00.000Z', status: 'gepubliceerd' });
    const error = await errorOf(() => callerFor(deps, coordinator).meetings.start({ id: later.id }));
    expect(error.message).toBe('meetings.startEarly');
    const { describeError } = await import('../../server/trpc');
    try {
      await callerFor(deps, coordinator).meetings.start({ id: later.id });
    } catch (e) {
      expect(describeError(e as never, 'nl').message).toBe(
        'Dit overleg staat gepland op 28-11-2026 om 09:30. Weet u zeker dat u het nu al wilt starten?',
      );
    }
  });
});

describe('amsterdamDate', () => {
  it('gives the Amsterdam day of every instant around the DST changes, cached per UTC hour or not', () => {
    const direct = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
    // Both changes of 2026 (29 March and 25 October, at 01:00 UTC) and New Year, every 7 minutes over two days.
    for (const start of ['2026-03-28T00:00:00Z', '2026-10-24T00:00:00Z', '2025-12-31T00:00:00Z']) {
      for (let m = 0; m < 48 * 60; m += 7) {
        const at = new Date(Date.parse(start) + m * 60_000);
        expect(amsterdamDate(at)).toBe(direct.format(at));
        expect(amsterdamDate(new Date(at.getTime() + 59 * 60_000))).toBe(direct.format(new Date(at.getTime() + 59 * 60_000)));
      }
    }
    expect(amsterdamDate(new Date('2026-10-24T21:59:59.999Z'))).toBe('2026-10-24');
    expect(amsterdamDate(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(amsterdamDate(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(amsterdamDate(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
    expect(amsterdamDate(new Date('1930-06-30T23:50:00Z'))).toBe(direct.format(new Date('1930-06-30T23:50:00Z')));
    expect(() => amsterdamDate(new Date('not a date'))).toThrow(RangeError);
  });
});
