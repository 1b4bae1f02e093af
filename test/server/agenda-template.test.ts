// The team-editable agenda template (SPEC §2 step 2) and approving the previous verslag in the
// next overleg (agenda item 2).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agendaTemplates, defaultAgendaTemplate } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const admin = await makeUser(deps, pit, 'admin');
  const member = await makeUser(deps, pit, 'member', 'senzer');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  return {
    deps,
    pit,
    bit,
    c: callerFor(deps, coordinator),
    a: callerFor(deps, admin),
    m: callerFor(deps, member),
    b: callerFor(deps, bitCoordinator),
  };
}

type Template = Awaited<ReturnType<ReturnType<typeof callerFor>['agenda']['template']>>;
const edit = (tpl: Template, change: (s: Template['sections'][number]) => Partial<Template['sections'][number]>) => ({
  version: tpl.version,
  sections: tpl.sections.map((s) => ({ ...s, ...change(s) })),
});

describe('the agenda template', () => {
  it('every new team starts with the SPEC §2 template, all sections in order', async () => {
    const t = await setup();
    const tpl = await t.c.agenda.template();
    expect(tpl.version).toBe(1);
    expect(tpl.sections.map((s) => s.section)).toEqual([
      'opening',
      'verslag',
      'nieuwe_casussen',
      'lopende_casussen',
      'controles',
      'themas',
      'rondvraag',
      'sluiting',
    ]);
    expect(tpl.sections).toEqual(defaultAgendaTemplate);
    expect(await t.b.agenda.template()).toEqual(tpl);
  });

  it("prefill uses the team's edited template; the other team's template is untouched", async () => {
    const t = await setup();
    const tpl = await t.c.agenda.template();
    const saved = await t.c.agenda.setTemplate(
      edit(tpl, (s) =>
        s.section === 'opening'
          ? { title: 'Welkom en mededelingen', durationMinutes: 7 }
          : s.section === 'themas'
            ? { enabled: false }
            : s.section === 'sluiting'
              ? { durationMinutes: 3 }
              : {},
      ),
    );
    expect(saved.version).toBe(2);

    const meeting = await t.c.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: meeting.id });
    const agenda = (await t.c.meetings.get(meeting)).agenda;
    expect(agenda.map((i) => [i.section, i.title, i.durationMinutes])).toEqual([
      ['opening', 'Welkom en mededelingen', 7],
      ['verslag', 'Verslag en actielijst vorig overleg', 10],
      ['controles', 'Integrale controles: planning en terugkoppeling', 10],
      ['rondvraag', 'Rondvraag', 5],
      ['sluiting', 'Sluiting', 3],
    ]);

    // BIT still has the default and its prefill gives all six template items.
    expect((await t.b.agenda.template()).sections).toEqual(defaultAgendaTemplate);
    const bitMeeting = await t.b.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    expect((await t.b.agenda.prefill({ meetingId: bitMeeting.id })).added).toBe(6);
    const bitAgenda = (await t.b.meetings.get(bitMeeting)).agenda;
    expect(bitAgenda[0]).toMatchObject({ title: 'Opening en mededelingen', durationMinutes: 5 });
    expect(bitAgenda.some((i) => i.section === 'themas')).toBe(true);
  });

  it('a switched-off data section brings no casussen; durations of data sections come from the template', async () => {
    const t = await setup();
    const { makeCase } = await import('../helpers/cases');
    const coordinatorUser = await makeUser(t.deps, t.pit, 'coordinator', 'helmond');
    await makeCase(t.deps, t.pit, coordinatorUser); // a new signal
    const tpl = await t.a.agenda.template(); // the admin edits as well
    await t.a.agenda.setTemplate(edit(tpl, (s) => (s.section === 'nieuwe_casussen' ? { durationMinutes: 15 } : {})));
    const first = await t.c.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: first.id });
    expect((await t.c.meetings.get(first)).agenda.filter((i) => i.section === 'nieuwe_casussen').map((i) => i.durationMinutes)).toEqual([
      15,
    ]);

    const tpl2 = await t.c.agenda.template();
    expect(tpl2.version).toBe(2);
    await t.c.agenda.setTemplate(edit(tpl2, (s) => (s.section === 'nieuwe_casussen' ? { enabled: false } : {})));
    await makeCase(t.deps, t.pit, coordinatorUser); // another signal, not on any agenda yet
    const second = await t.c.meetings.create({ startsAt: '2026-12-15T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: second.id });
    expect((await t.c.meetings.get(second)).agenda.filter((i) => i.section === 'nieuwe_casussen')).toEqual([]);
  });

  it('refuses bad templates and changes nothing', async () => {
    const t = await setup();
    const tpl = await t.c.agenda.template();
    const missing = { version: 1, sections: tpl.sections.filter((s) => s.section !== 'rondvraag') };
    expect(await errorOf(() => t.c.agenda.setTemplate(missing))).toMatchObject({ code: 'BAD_REQUEST', key: 'agenda.templateSections' });
    const twice = { version: 1, sections: [...tpl.sections.slice(0, 7), { ...tpl.sections[0]! }] };
    expect(await errorOf(() => t.c.agenda.setTemplate(twice))).toMatchObject({ code: 'BAD_REQUEST', key: 'agenda.templateSections' });
    expect(await errorOf(() => t.c.agenda.setTemplate(edit(tpl, (s) => (s.section === 'opening' ? { title: '   ' } : {}))))).toMatchObject({
      code: 'BAD_REQUEST',
      key: 'agenda.templateTitleRequired',
    });
    expect(
      await errorOf(() => t.c.agenda.setTemplate(edit(tpl, (s) => (s.section === 'sluiting' ? { durationMinutes: 0 } : {})))),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await errorOf(() => t.c.agenda.setTemplate(edit(tpl, (s) => (s.section === 'sluiting' ? { durationMinutes: 241 } : {})))),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    expect(
      await errorOf(() => t.c.agenda.setTemplate(edit(tpl, (s) => (s.section === 'rondvraag' ? { title: 'x'.repeat(201) } : {})))),
    ).toMatchObject({ code: 'BAD_REQUEST' });
    const unknown = { version: 1, sections: tpl.sections.map((s, i) => (i === 0 ? { ...s, section: 'pauze' as 'opening' } : s)) };
    expect(await errorOf(() => t.c.agenda.setTemplate(unknown))).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await t.c.agenda.template()).toEqual(tpl);
  });

  it('a stale version is a CONFLICT; data sections keep no title', async () => {
    const t = await setup();
    const tpl = await t.c.agenda.template();
    const saved = await t.c.agenda.setTemplate(
      edit(tpl, (s) =>
        s.section === 'lopende_casussen' ? { title: 'Lopend' } : s.section === 'rondvraag' ? { title: 'Wat verder ter tafel komt' } : {},
      ),
    );
    expect(saved.sections.find((s) => s.section === 'lopende_casussen')!.title).toBeNull();
    expect(await errorOf(() => t.a.agenda.setTemplate(edit(tpl, () => ({}))))).toMatchObject({ code: 'CONFLICT' });
    expect((await t.c.agenda.template()).sections.find((s) => s.section === 'rondvraag')!.title).toBe('Wat verder ter tafel komt');
  });

  it('members may neither read nor edit it', async () => {
    const t = await setup();
    const tpl = await t.c.agenda.template();
    expect(await errorOf(() => t.m.agenda.template())).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(() => t.m.agenda.setTemplate(edit(tpl, () => ({ enabled: false }))))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.c.agenda.template()).toEqual(tpl);
  });

  it('a database from before the template table gets the default, and the first save stores it', async () => {
    const t = await setup();
    t.deps.db.delete(agendaTemplates).where(eq(agendaTemplates.teamId, t.pit.teamId)).run();
    const tpl = await t.c.agenda.template();
    expect(tpl).toMatchObject({ version: 1, updatedAt: null, sections: defaultAgendaTemplate });
    const meeting = await t.c.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    expect((await t.c.agenda.prefill({ meetingId: meeting.id })).added).toBe(6);
    await t.c.agenda.setTemplate(edit(tpl, (s) => (s.section === 'opening' ? { title: 'Opening' } : {})));
    expect((await t.c.agenda.template()).sections[0]!.title).toBe('Opening');
  });
});

describe('approving the previous verslag in the next overleg', () => {
  it('meetings.get names the previous overleg and its verslag status; approving there makes it vastgesteld', async () => {
    const t = await setup();
    const previous = await t.c.meetings.create({ startsAt: '2026-11-10T09:00:00Z', confirmPast: true });
    await t.c.meetings.publish(previous);
    await t.c.meetings.start(previous);
    await t.c.meetings.close(previous);
    const next = await t.c.meetings.create({ startsAt: '2026-11-24T09:00:00Z', confirmPast: true });
    await t.c.agenda.prefill({ meetingId: next.id });
    const before = await t.c.meetings.get(next);
    expect(before.previousMeeting).toMatchObject({ id: previous.id, minutesStatus: 'concept', minutesApprovedInMeetingId: null });
    const verslagItem = before.agenda.find((i) => i.section === 'verslag' && i.source === 'minutes')!;
    expect(verslagItem.title).toBe('Vaststellen verslag en actielijst overleg 10 november 2026');

    // A concept verslag cannot be approved; finalised it can, in the running next overleg.
    await t.c.meetings.publish(next);
    await t.c.meetings.start(next);
    expect(await errorOf(() => t.c.minutes.approve({ meetingId: previous.id, approvedInMeetingId: next.id }))).toMatchObject({
      code: 'CONFLICT',
    });
    await t.c.minutes.finalise({ meetingId: previous.id });
    expect((await t.c.meetings.get(next)).previousMeeting!.minutesStatus).toBe('definitief');
    expect(await errorOf(() => t.m.minutes.approve({ meetingId: previous.id, approvedInMeetingId: next.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    await t.c.minutes.approve({ meetingId: previous.id, approvedInMeetingId: next.id });
    expect((await t.c.meetings.get(next)).previousMeeting).toMatchObject({
      id: previous.id,
      minutesStatus: 'vastgesteld',
      minutesApprovedInMeetingId: next.id,
    });
    // Members following the overleg see the same.
    expect((await t.m.meetings.get(next)).previousMeeting).toMatchObject({ id: previous.id, minutesStatus: 'vastgesteld' });

    // The first overleg of a team has no previous overleg.
    expect((await t.c.meetings.get(previous)).previousMeeting).toBeNull();
    // Another team's overleg is never the previous one.
    const bitMeeting = await t.b.meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    expect((await t.b.meetings.get(bitMeeting)).previousMeeting).toBeNull();
  });
});
