import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { verifyAuditChain } from '../../server/audit-chain';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const deurne = await makeUser(deps, pit, 'member', 'deurne');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  return {
    deps,
    pit,
    bit,
    coordinator,
    senzer,
    deurne,
    c: callerFor(deps, coordinator),
    s: callerFor(deps, senzer),
    d: callerFor(deps, deurne),
    b: callerFor(deps, bitCoordinator),
  };
}

type S = Awaited<ReturnType<typeof setup>>;

async function heldMeeting(t: S, startsAt: string) {
  const m = await t.c.meetings.create({ startsAt, confirmPast: true });
  await t.c.meetings.publish(m);
  await t.c.meetings.start(m);
  return m;
}

describe('agenda.prefill', () => {
  it('picks template, verslag approval, carry-over, new signals (AVO first) and casussen with open tasks, in that order', async () => {
    const t = await setup();
    // The previous overleg (closed) with one open and one finished action.
    const previousCase = await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' });
    const previous = await heldMeeting(t, '2026-11-10T09:00:00Z');
    await t.c.agenda.add({ meetingId: previous.id, section: 'lopende_casussen', title: 'Eerdere casus', caseId: previousCase.id });
    await t.c.tasks.create({
      title: 'Controle brandveiligheid plannen',
      assigneePartnerId: t.pit.partnerIds.vrbzo!,
      dueDate: '2026-12-01',
      meetingId: previous.id,
      caseId: previousCase.id,
    });
    const done = await t.c.tasks.create({
      title: 'Uitkering controleren',
      assigneePartnerId: t.pit.partnerIds.senzer!,
      dueDate: '2026-11-20',
      meetingId: previous.id,
      confirmPast: true,
    });
    await t.s.tasks.complete({ id: done.id, resultNote: 'Gecontroleerd, geen bijzonderheden.' });
    // A signal already discussed in the previous overleg does not come back as new.
    const signalSeen = await makeCase(t.deps, t.pit, t.deurne, { gemeentePartnerId: t.pit.partnerIds.deurne!, city: 'Deurne' });
    await t.c.agenda.add({ meetingId: previous.id, section: 'nieuwe_casussen', title: 'Signaal', caseId: signalSeen.id });
    await t.c.meetings.close(previous);

    t.deps.clock.advanceMinutes(60);
    const signal = await makeCase(t.deps, t.pit, t.deurne, {
      gemeentePartnerId: t.pit.partnerIds.deurne!,
      city: 'Deurne',
      theme: 'Drugs / hennep',
    });
    t.deps.clock.advanceMinutes(60);
    const avo = await makeCase(t.deps, t.pit, t.coordinator, { origin: 'avo_verzoek', theme: 'Ondermijning' });
    const overdue = await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' });
    await t.c.tasks.create({
      title: 'Dossier opvragen',
      assigneePartnerId: t.pit.partnerIds.bsob!,
      dueDate: '2026-11-20',
      caseId: overdue.id,
      confirmPast: true,
    });
    const open = await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' });
    await t.c.tasks.create({
      title: 'Eigenaar aanschrijven',
      assigneePartnerId: t.pit.partnerIds.helmond!,
      dueDate: '2026-12-20',
      caseId: open.id,
    });
    await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' }); // no tasks: not on the agenda
    // Another team's signal never appears.
    const bitUser = await makeUser(t.deps, t.bit, 'coordinator', 'hilversum');
    await makeCase(t.deps, t.bit, bitUser);

    const next = await t.c.meetings.create({ startsAt: '2026-11-24T09:00:00Z', confirmPast: true });
    const res = await t.c.agenda.prefill({ meetingId: next.id });
    const agenda = (await t.c.meetings.get(next)).agenda;
    expect(res.added).toBe(agenda.length);
    const codes = await Promise.all([signal, avo, overdue, open, previousCase].map(async (c) => (await t.c.cases.get({ id: c.id })).code));
    const [signalCode, avoCode, overdueCode, openCode, previousCode] = codes;

    expect(agenda.map((i) => [i.section, i.source, i.caseId])).toEqual([
      ['opening', 'template', null],
      ['verslag', 'minutes', null],
      ['verslag', 'carryover', previousCase.id],
      ['nieuwe_casussen', 'avo', avo.id],
      ['nieuwe_casussen', 'signal', signal.id],
      ['lopende_casussen', 'case', overdue.id],
      ['lopende_casussen', 'case', open.id],
      ['controles', 'template', null],
      ['themas', 'template', null],
      ['rondvraag', 'template', null],
      ['sluiting', 'template', null],
    ]);
    expect(agenda.map((i) => i.position)).toEqual(agenda.map((_, i) => i + 1));
    expect(agenda[1]!.title).toBe('Vaststellen verslag en actielijst overleg 10 november 2026');
    expect(agenda[2]!.title).toBe('Actie: Controle brandveiligheid plannen (VRBZO)');
    expect(agenda[2]!.presenterPartnerId).toBe(t.pit.partnerIds.vrbzo);
    expect(agenda[3]!.title).toBe(`AVO-verzoek: ${avoCode} · Ondermijning · Helmond`);
    expect(agenda[4]!.title).toBe(`${signalCode} · Drugs / hennep · Deurne`);
    // A signal is presented by the partner that reported it.
    expect(agenda[4]!.presenterPartnerId).toBe(t.pit.partnerIds.deurne);
    expect(agenda[5]!.caseCode).toBe(overdueCode);
    expect(agenda[5]!.caseAddress).toMatch(/^Kerkstraat \d+, Helmond$/);
    expect(agenda[6]!.caseCode).toBe(openCode);
    expect(agenda.some((i) => i.caseCode === previousCode && i.source === 'case')).toBe(false);
  });

  it('writes its items and their audit rows in one transaction: the same agenda and one audit row per item', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    const manual = await t.c.agenda.add({ meetingId: m.id, section: 'rondvraag', title: 'Eigen punt' });
    const signals = [];
    for (let i = 0; i < 3; i++) signals.push(await makeCase(t.deps, t.pit, t.senzer));
    const running = [];
    for (let i = 0; i < 3; i++) {
      const c = await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' });
      await t.c.tasks.create({ title: `Taak ${i}`, assigneePartnerId: t.pit.partnerIds.helmond!, dueDate: '2026-12-20', caseId: c.id });
      running.push(c);
    }
    const sqlite = t.deps.db.$client;
    const lastAudit = (sqlite.prepare('select max(id) n from audit_log').get() as { n: number }).n;
    // Every transaction and savepoint better-sqlite3 opens goes through Database#transaction.
    const transaction = sqlite.transaction.bind(sqlite);
    let transactions = 0;
    sqlite.transaction = ((fn: Parameters<typeof transaction>[0]) => (transactions++, transaction(fn))) as typeof sqlite.transaction;
    let res;
    try {
      res = await t.c.agenda.prefill({ meetingId: m.id });
    } finally {
      sqlite.transaction = transaction;
    }
    expect(res.added).toBe(12); // 6 template items, 3 signals, 3 casussen with open tasks
    // One transaction for the items, one (a savepoint in it) for their audit rows — not one per item.
    expect(transactions).toBe(2);

    const agenda = (await t.c.meetings.get(m)).agenda;
    expect(agenda.map((i) => [i.section, i.source, i.caseId])).toEqual([
      ['opening', 'template', null],
      ['verslag', 'template', null],
      ...signals.map((c) => ['nieuwe_casussen', 'signal', c.id]),
      ...running.map((c) => ['lopende_casussen', 'case', c.id]).sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
      ['controles', 'template', null],
      ['themas', 'template', null],
      ['rondvraag', 'manual', null],
      ['rondvraag', 'template', null],
      ['sluiting', 'template', null],
    ]);
    expect(agenda.map((i) => i.position)).toEqual(agenda.map((_, i) => i + 1));
    expect(agenda.find((i) => i.source === 'manual')!.id).toBe(manual.id);

    // One audit row per item, in the order of the returned ids, chained without a break.
    const rows = sqlite
      .prepare('select id, team_id, actor_id, action, entity, entity_id, case_id, detail from audit_log where id > ? order by id')
      .all(lastAudit) as {
      id: number;
      team_id: number;
      actor_id: number;
      action: string;
      entity: string;
      entity_id: number;
      case_id: number | null;
      detail: string;
    }[];
    const byId = new Map(agenda.map((i) => [i.id, i]));
    expect(rows.map((r) => r.entity_id)).toEqual(res.ids);
    expect(rows.map((r) => [r.team_id, r.actor_id, r.action, r.entity, r.case_id, JSON.parse(r.detail) as unknown])).toEqual(
      res.ids.map((id) => [
        t.pit.teamId,
        t.coordinator.id,
        'agenda.item_added',
        'agenda_item',
        byId.get(id)!.caseId,
        { meetingId: m.id, source: byId.get(id)!.source },
      ]),
    );
    expect(sqlite.prepare('select count(*) n from audit_subjects where audit_id > ?').get(lastAudit)).toEqual({ n: 0 });
    expect(verifyAuditChain(t.deps.db)).toBeNull();
  });

  it('is idempotent: a second prefill adds only what is new', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    const first = await t.c.agenda.prefill({ meetingId: m.id });
    expect(first.added).toBe(6); // the template only: opening, verslag, controles, thema's, rondvraag, sluiting
    expect((await t.c.agenda.prefill({ meetingId: m.id })).added).toBe(0);
    const signal = await makeCase(t.deps, t.pit, t.senzer);
    const again = await t.c.agenda.prefill({ meetingId: m.id });
    expect(again.added).toBe(1);
    const agenda = (await t.c.meetings.get(m)).agenda;
    expect(agenda.filter((i) => i.caseId === signal.id)).toHaveLength(1);
    expect(agenda.find((i) => i.caseId === signal.id)!.section).toBe('nieuwe_casussen');
    expect(agenda.map((i) => i.position)).toEqual(agenda.map((_, i) => i + 1));
    expect((await t.c.agenda.prefill({ meetingId: m.id })).added).toBe(0);
    expect((await errorOf(() => t.s.agenda.prefill({ meetingId: m.id }))).code).toBe('FORBIDDEN');
  });

  it('carry-over: every open action of earlier overleggen comes back, older and overdue ones too, until done or vervallen', async () => {
    const t = await setup();
    const older = await heldMeeting(t, '2026-10-27T09:00:00Z');
    // Two overleggen back, overdue (today is 25 November) and still open: it must not vanish.
    await t.c.tasks.create({
      title: 'Oude actie',
      assigneePartnerId: t.pit.partnerIds.asten!,
      dueDate: '2026-11-06',
      meetingId: older.id,
      confirmPast: true,
    });
    const olderDone = await t.c.tasks.create({
      title: 'Oude afgeronde actie',
      assigneePartnerId: t.pit.partnerIds.asten!,
      dueDate: '2026-11-06',
      meetingId: older.id,
      confirmPast: true,
    });
    await t.c.tasks.complete({ id: olderDone.id, resultNote: 'Gedaan.' });
    await t.c.meetings.close(older);
    const previous = await heldMeeting(t, '2026-11-10T09:00:00Z');
    await t.c.tasks.create({
      title: 'Pand bezoeken',
      assigneePartnerId: t.pit.partnerIds.helmond!,
      dueDate: '2026-11-30',
      meetingId: previous.id,
    });
    await t.c.tasks.create({
      title: 'Gegevens uitwisselen',
      assigneePartnerId: t.pit.partnerIds.politie!,
      dueDate: '2026-11-20',
      meetingId: previous.id,
      confirmPast: true,
    });
    const lapsed = await t.c.tasks.create({
      title: 'Vervallen actie',
      assigneePartnerId: t.pit.partnerIds.laarbeek!,
      dueDate: '2026-11-20',
      meetingId: previous.id,
      confirmPast: true,
    });
    await t.c.tasks.lapse({ id: lapsed.id, version: 1, reason: 'Niet meer nodig.' });
    await t.c.meetings.close(previous);
    const next = await t.c.meetings.create({ startsAt: '2026-11-24T09:00:00Z', confirmPast: true });
    await t.c.agenda.prefill({ meetingId: next.id });
    const carried = (await t.c.meetings.get(next)).agenda
      .filter((i) => i.source === 'carryover')
      .map((i) => [i.title, i.taskDueDate, i.taskPartner]);
    // Earliest due date first.
    expect(carried).toEqual([
      ['Actie: Oude actie (Asten)', '2026-11-06', 'Asten'],
      ['Actie: Gegevens uitwisselen (Politie)', '2026-11-20', 'Politie'],
      ['Actie: Pand bezoeken (Helmond)', '2026-11-30', 'Helmond'],
    ]);
  });

  it('carry-over: the same action on three panden stays three lines, each linked to its own pand, partner and due date', async () => {
    const t = await setup();
    const previous = await heldMeeting(t, '2026-11-10T09:00:00Z');
    const panden = [
      await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' }),
      await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' }),
      await makeCase(t.deps, t.pit, t.coordinator, { status: 'actief' }),
    ];
    const title = 'Eigen registraties raadplegen en terugkoppelen';
    const ids: number[] = [];
    for (const [i, pand] of panden.entries()) {
      ids.push(
        (
          await t.c.tasks.create({
            title,
            assigneePartnerId: t.pit.partnerIds.politie!,
            dueDate: `2026-12-0${i + 1}`,
            meetingId: previous.id,
            caseId: pand.id,
          })
        ).id,
      );
    }
    await t.c.meetings.close(previous);
    const next = await t.c.meetings.create({ startsAt: '2026-11-24T09:00:00Z', confirmPast: true });
    await t.c.agenda.prefill({ meetingId: next.id });
    const carried = (await t.c.meetings.get(next)).agenda.filter((i) => i.source === 'carryover');
    expect(carried.map((i) => [i.taskId, i.caseId, i.taskPartner, i.taskDueDate, i.title])).toEqual(
      panden.map((p, i) => [ids[i], p.id, 'Politie', `2026-12-0${i + 1}`, `Actie: ${title} (Politie)`]),
    );
    expect(carried.map((i) => i.caseCode)).toEqual(panden.map((p) => p.code));
    // Idempotent per action: prefilling again adds nothing.
    expect((await t.c.agenda.prefill({ meetingId: next.id })).added).toBe(0);
  });
});

describe('agenda editing', () => {
  it('adds, edits, moves up/down and to a position within a section, and removes', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: m.id });
    const a = await t.c.agenda.add({
      meetingId: m.id,
      section: 'themas',
      title: 'Pilot A',
      durationMinutes: 15,
      presenterPartnerId: t.pit.partnerIds.vrbzo,
    });
    const b = await t.c.agenda.add({ meetingId: m.id, section: 'themas', title: 'Pilot B' });
    const themas = async () => (await t.c.meetings.get(m)).agenda.filter((i) => i.section === 'themas').map((i) => i.title);
    expect(await themas()).toEqual(["Thema's en pilots", 'Pilot A', 'Pilot B']);
    await t.c.agenda.reorder({ id: b.id, direction: 'up' });
    expect(await themas()).toEqual(["Thema's en pilots", 'Pilot B', 'Pilot A']);
    await t.c.agenda.reorder({ id: b.id, toPosition: 1 });
    expect(await themas()).toEqual(['Pilot B', "Thema's en pilots", 'Pilot A']);
    await t.c.agenda.reorder({ id: a.id, direction: 'down' }); // already last: no change
    expect(await themas()).toEqual(['Pilot B', "Thema's en pilots", 'Pilot A']);
    expect((await errorOf(() => t.c.agenda.reorder({ id: a.id, toPosition: 9 }))).key).toBe('agenda.badPosition');

    // Moving to another section puts it at the end of that section; positions stay one sequence.
    const item = (await t.c.meetings.get(m)).agenda.find((i) => i.id === a.id)!;
    expect(item.presenter).toBe('VRBZO');
    expect(item.durationMinutes).toBe(15);
    const { version } = await t.c.agenda.update({
      id: a.id,
      version: item.version,
      section: 'rondvraag',
      title: 'Pilot A (rondvraag)',
      durationMinutes: 5,
    });
    expect((await errorOf(() => t.c.agenda.update({ id: a.id, version: item.version, title: 'Oud' }))).code).toBe('CONFLICT');
    let agenda = (await t.c.meetings.get(m)).agenda;
    expect(agenda.filter((i) => i.section === 'rondvraag').map((i) => i.title)).toEqual(['Rondvraag', 'Pilot A (rondvraag)']);
    expect(agenda.map((i) => i.position)).toEqual(agenda.map((_, i) => i + 1));
    expect(version).toBe(item.version + 1);

    await t.c.agenda.remove({ id: b.id });
    agenda = (await t.c.meetings.get(m)).agenda;
    expect(agenda.some((i) => i.id === b.id)).toBe(false);
    expect(agenda.map((i) => i.position)).toEqual(agenda.map((_, i) => i + 1));
  });

  it('links a casus of the own team only; an item with captured tasks cannot be removed', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    const bitUser = await makeUser(t.deps, t.bit, 'coordinator', 'hilversum');
    const foreign = await makeCase(t.deps, t.bit, bitUser);
    expect(
      (await errorOf(() => t.c.agenda.add({ meetingId: m.id, section: 'lopende_casussen', title: 'x', caseId: foreign.id }))).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await errorOf(() =>
          t.c.agenda.add({ meetingId: m.id, section: 'lopende_casussen', title: 'x', presenterPartnerId: t.bit.partnerIds.hilversum }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await errorOf(() => t.c.agenda.add({ meetingId: m.id, section: 'lopende_casussen', title: ' ' }))).code).toBe('BAD_REQUEST');
    const own = await makeCase(t.deps, t.pit, t.coordinator);
    const item = await t.c.agenda.add({ meetingId: m.id, section: 'lopende_casussen', title: 'Casus bespreken', caseId: own.id });
    await t.c.tasks.create({
      title: 'Actie',
      assigneePartnerId: t.pit.partnerIds.helmond!,
      dueDate: '2026-12-22',
      meetingId: m.id,
      agendaItemId: item.id,
    });
    expect((await errorOf(() => t.c.agenda.remove(item))).key).toBe('agenda.hasCaptured');
    expect((await errorOf(() => t.b.agenda.remove(item))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => t.s.agenda.remove(item))).code).toBe('FORBIDDEN');
  });
});

describe('proposals', () => {
  it('members propose until the meeting starts; they see their own proposals, others only accepted items', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: m.id });
    // A concept overleg is invisible to members, so they cannot propose to it.
    expect((await errorOf(() => t.s.agenda.propose({ meetingId: m.id, title: 'Voorstel' }))).code).toBe('NOT_FOUND');
    await t.c.meetings.publish(m);
    const p1 = await t.s.agenda.propose({ meetingId: m.id, title: 'Signaal arbeidsmigranten Someren' });
    const p2 = await t.s.agenda.propose({ meetingId: m.id, section: 'themas', title: 'Themasessie uitkeringsfraude' });
    const mine = (await t.s.meetings.get(m)).agenda.filter((i) => i.source === 'proposal');
    expect(mine.map((i) => [i.title, i.state, i.section, i.presenterPartnerId])).toEqual([
      ['Themasessie uitkeringsfraude', 'voorgesteld', 'themas', t.pit.partnerIds.senzer],
      ['Signaal arbeidsmigranten Someren', 'voorgesteld', 'rondvraag', t.pit.partnerIds.senzer],
    ]);
    expect((await t.d.meetings.get(m)).agenda.some((i) => i.source === 'proposal')).toBe(false);
    expect((await t.c.meetings.list()).upcoming[0]!.openProposals).toBe(2);

    expect((await errorOf(() => t.s.agenda.accept(p1))).code).toBe('FORBIDDEN');
    await t.c.agenda.accept(p1);
    await t.c.agenda.decline(p2);
    expect((await errorOf(() => t.c.agenda.decline(p2))).key).toBe('agenda.notProposed');
    const seen = (await t.d.meetings.get(m)).agenda.filter((i) => i.source === 'proposal');
    expect(seen.map((i) => [i.id, i.state, i.proposedBy])).toEqual([[p1.id, 'geaccepteerd', t.senzer.name]]);
    expect((await t.s.meetings.get(m)).agenda.find((i) => i.id === p2.id)!.state).toBe('afgewezen');

    await t.c.meetings.start({ ...m, confirmEarly: true });
    expect((await errorOf(() => t.s.agenda.propose({ meetingId: m.id, title: 'Te laat' }))).key).toBe('agenda.proposalsClosed');
    expect((await errorOf(() => t.b.agenda.propose({ meetingId: m.id, title: 'Ander team' }))).code).toBe('NOT_FOUND');
  });
});

describe('notes and decisions (chair mode autosave)', () => {
  it('saves with a version check and returns the new version', async () => {
    const t = await setup();
    const m = await t.c.meetings.create({ startsAt: '2026-11-25T09:00:00Z' });
    await t.c.agenda.prefill({ meetingId: m.id });
    const item = (await t.c.meetings.get(m)).agenda[0]!;
    const first = await t.c.agenda.saveNotes({ id: item.id, notes: 'Eerste', decisions: '', version: item.version });
    const second = await t.c.agenda.saveNotes({ id: item.id, notes: 'Eerste aanvulling', decisions: 'Besluit A', version: first.version });
    expect(second.version).toBe(item.version + 2);
    expect(
      (await errorOf(() => t.c.agenda.saveNotes({ id: item.id, notes: 'Verouderd', decisions: '', version: first.version }))).code,
    ).toBe('CONFLICT');
    expect((await errorOf(() => t.s.agenda.saveNotes({ id: item.id, notes: 'x', decisions: '', version: second.version }))).code).toBe(
      'FORBIDDEN',
    );
    const saved = (await t.c.meetings.get(m)).agenda[0]!;
    expect([saved.notes, saved.decisions, saved.version]).toEqual(['Eerste aanvulling', 'Besluit A', second.version]);
  });
});
