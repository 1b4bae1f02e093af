// Issue 10 items 1–4: covenant records with history, renewal and addenda under four-eyes, the
// demo's fictitious successor, expiry warnings and the wind-down of a team without a covenant.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, covenantWarnings, subjectItems, users, windDownCaseDecisions } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, reloadUser, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { computedEndsOn } from '../../server/privacy/covenant-gate';
import { handbackExport } from '../../server/domain/wind-down';
import { runDueJobs } from '../../server/jobs';
import { closeMailTransports } from '../../server/mail';
import { startSmtpSink } from '../helpers/smtp-sink';
import { match } from '../helpers/matchers';
import type { SessionUser } from '../../server/auth/sessions';
import { translate } from '../../server/i18n/messages';

const renewal = {
  title: 'PIT convenant 2026 - 2029',
  citation: 'PIT convenant 2026 - 2029',
  documentRef: 'Z/26/0001',
  signedOn: '2025-12-20',
  startsOn: '2026-01-01',
  endsOn: '2030-01-01',
  initialTermMonths: null,
  tacitRenewalMonths: null,
  evaluationCallsForChange: false,
  reportingCadence: 'yearly' as const,
  reportRecipient: 'Stuurgroep PIT',
  changes: 'Verlenging met vier jaar; verder ongewijzigd.',
};

const actions = (deps: TestDeps, teamId: number) =>
  deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .where(eq(auditLog.teamId, teamId))
    .all()
    .map((r) => r.action);

async function people(deps: TestDeps, team: TestTeam) {
  return {
    coordinator: await makeUser(deps, team, 'coordinator', 'helmond'),
    admin: await makeUser(deps, team, 'admin'),
    fg: await makeUser(deps, team, 'privacy'),
    asten: await makeUser(deps, team, 'member', 'asten'),
    senzer: await makeUser(deps, team, 'member', 'senzer'),
    viewer: await makeUser(deps, team, 'viewer', 'helmond'),
  };
}

describe('covenant records with history (item 1)', () => {
  it('covenants.list: the demo PIT team has its real covenant (ended) and the fictitious successor (in force)', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
    const list = await callerFor(deps, viewer).covenants.list();
    expect(list.map(({ id: _id, ...c }) => c)).toEqual([
      {
        title: 'Convenant betreffende integrale overheidshandhaving — Peelland Interventieteam',
        documentRef: 'PIT convenant 2022 - 2025 (art. 16.2)',
        startsOn: '2022-01-01',
        endsOn: '2026-01-01',
        status: 'ended',
      },
      {
        title: 'Fictief vervolgconvenant PIT Peelland 2026–2029 (demo, geen echt convenant)',
        documentRef: 'DEMO-FICTIEF-PIT-2026',
        startsOn: '2026-01-01',
        endsOn: '2030-01-01',
        status: 'in_force',
      },
    ]);
    const team = await callerFor(deps, viewer).team.get();
    expect(team.covenant).toMatchObject({ citation: 'Fictief vervolgconvenant (demo)', endsOn: '2030-01-01', active: true });
  });

  it('BIT art. 14.1: one year, then tacitly five more unless the first-year evaluation calls for change — the end date is computed', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const member = await makeUser(deps, bit, 'member', 'hilversum');
    expect((await callerFor(deps, member).covenants.list()).map((c) => [c.startsOn, c.endsOn, c.status])).toEqual([
      ['2022-01-01', '2028-01-01', 'in_force'],
    ]);
    const rule = { startsOn: '2022-01-01', endsOn: null, initialTermMonths: 12, tacitRenewalMonths: 60 };
    expect(computedEndsOn({ ...rule, evaluationCallsForChange: false })).toBe('2028-01-01');
    expect(computedEndsOn({ ...rule, evaluationCallsForChange: true })).toBe('2023-01-01');
    const overview = await callerFor(deps, member).covenants.overview();
    expect(overview.covenants[0]).toMatchObject({ fixedEndsOn: null, endsOn: '2028-01-01', initialTermMonths: 12, tacitRenewalMonths: 60 });
  });
});

describe('renewal and addenda, four-eyes (item 2)', () => {
  it('a team whose covenant ended: the coordinator proposes a renewal, the FG approves, and personal data can be recorded again', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-01-01' });
    const p = await people(deps, pit);
    // A casus from before the end (its signal came in while the covenant ran).
    deps.clock.set('2025-12-01T09:00:00Z');
    const { id: caseId } = await makeCase(deps, pit, p.coordinator);
    deps.clock.set('2026-11-25T09:00:00Z');
    const add = () =>
      callerFor(deps, p.asten).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'A. Bewoner, Kerkstraat 1' }] });
    expect(await errorOf(add)).toMatchObject({ code: 'FORBIDDEN', key: 'subjects.covenantEnded' });

    const { id } = await callerFor(deps, p.coordinator).covenants.propose(renewal);
    expect((await callerFor(deps, p.viewer).covenants.list()).map((c) => [c.id, c.status])).toEqual([
      [expect.any(Number), 'ended'],
      [id, 'proposed'],
    ]);
    // A proposal alone changes nothing.
    expect(await errorOf(add)).toMatchObject({ key: 'subjects.covenantEnded' });
    // The admin cannot approve (not the FG); the FG can.
    expect(
      await errorOf(() => callerFor(deps, p.admin).covenants.decide({ kind: 'covenant', id, approve: true, reason: '' })),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'auth.forbidden' });
    await callerFor(deps, p.fg).covenants.decide({ kind: 'covenant', id, approve: true, reason: 'Getekende versie gecontroleerd' });
    expect((await callerFor(deps, p.viewer).covenants.list()).find((c) => c.id === id)?.status).toBe('in_force');
    await add();
    expect(actions(deps, pit.teamId)).toEqual(expect.arrayContaining(['covenant.proposed', 'covenant.approved', 'personal_data.created']));
    // Decided once: a second decision is refused.
    expect(
      await errorOf(() => callerFor(deps, p.fg).covenants.decide({ kind: 'covenant', id, approve: false, reason: 'x' })),
    ).toMatchObject({ code: 'CONFLICT', key: 'covenants.notProposed' });
  });

  it('the proposer can never decide on its own proposal, even holding the FG role', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-01-01' });
    const p = await people(deps, pit);
    const { id } = await callerFor(deps, p.coordinator).covenants.propose(renewal);
    deps.db.update(users).set({ role: 'privacy', partnerId: null }).where(eq(users.id, p.coordinator.id)).run();
    const sameperson = reloadUser(deps, p.coordinator.id);
    expect(
      await errorOf(() => callerFor(deps, sameperson).covenants.decide({ kind: 'covenant', id, approve: true, reason: '' })),
    ).toMatchObject({ code: 'FORBIDDEN', key: 'covenants.fourEyes' });
    expect((await callerFor(deps, p.viewer).covenants.list()).find((c) => c.id === id)?.status).toBe('proposed');
  });

  it('a rejection needs a reason and takes nothing into effect', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-01-01' });
    const p = await people(deps, pit);
    const { id } = await callerFor(deps, p.admin).covenants.propose(renewal);
    expect(
      await errorOf(() => callerFor(deps, p.fg).covenants.decide({ kind: 'covenant', id, approve: false, reason: '  ' })),
    ).toMatchObject({ code: 'BAD_REQUEST', key: 'covenants.reasonRequired' });
    await callerFor(deps, p.fg).covenants.decide({ kind: 'covenant', id, approve: false, reason: 'Handtekening Someren ontbreekt' });
    expect((await callerFor(deps, p.viewer).covenants.list()).map((c) => c.status)).toEqual(['ended']);
    const overview = await callerFor(deps, p.coordinator).covenants.overview();
    expect(overview.covenants.find((c) => c.id === id)).toMatchObject({
      status: 'rejected',
      decisionReason: 'Handtekening Someren ontbreekt',
    });
    expect(overview.windDown).toBe(true);
    expect(actions(deps, pit.teamId)).toContain('covenant.rejected');
  });

  it('an addendum moves the end date only once the FG approved it, and shows what it changed', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-12-01' });
    const p = await people(deps, pit);
    const covenantId = (await callerFor(deps, p.viewer).covenants.list())[0]!.id;
    const { id } = await callerFor(deps, p.coordinator).covenants.proposeAddendum({
      covenantId,
      reference: 'Addendum 1',
      changedOn: '2026-11-20',
      description: 'Looptijd verlengd tot 1 juli 2027',
      newEndsOn: '2027-07-01',
    });
    expect((await callerFor(deps, p.viewer).covenants.list())[0]!.endsOn).toBe('2026-12-01');
    await callerFor(deps, p.fg).covenants.decide({ kind: 'addendum', id, approve: true, reason: '' });
    expect((await callerFor(deps, p.viewer).covenants.list())[0]!.endsOn).toBe('2027-07-01');
    const overview = await callerFor(deps, p.viewer).covenants.overview();
    expect(overview.covenants[0]!.addenda).toMatchObject([
      { reference: 'Addendum 1', description: 'Looptijd verlengd tot 1 juli 2027', newEndsOn: '2027-07-01', approval: 'approved' },
    ]);
    expect(actions(deps, pit.teamId)).toEqual(expect.arrayContaining(['covenant.addendum_proposed', 'covenant.addendum_approved']));
  });
});

describe('expiry warnings (item 4)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    closeMailTransports();
    await sink.close();
  });

  it('90, 30 and 7 days before the end: banner for coordinator, admin and FG, and one mail per threshold', async () => {
    sink.messages.length = 0;
    const deps = createTestDeps({ config: { smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl' } });
    // 2026-11-25 + 87 days = 2027-02-20.
    const pit = makeTeam(deps, 'pit', { endsOn: '2027-02-20' });
    const p = await people(deps, pit);
    expect((await callerFor(deps, p.coordinator).covenants.overview()).warning).toMatchObject({
      endsOn: '2027-02-20',
      daysLeft: 87,
      threshold: 90,
    });
    expect((await callerFor(deps, p.fg).covenants.overview()).warning?.threshold).toBe(90);
    expect((await callerFor(deps, p.asten).covenants.overview()).warning).toBeNull();
    await runDueJobs(deps);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([p.coordinator.email, p.admin.email, p.fg.email].sort());
    expect(sink.messages[0]!.raw.replace(/=\r?\n/g, '')).toContain('https://overleg.example.nl/team/convenant');
    // The next day: the 90-day threshold is not mailed again.
    deps.clock.set('2026-11-26T09:00:00Z');
    await runDueJobs(deps);
    expect(sink.messages).toHaveLength(3);
    // 30 days before: mailed once more.
    deps.clock.set('2027-01-21T09:00:00Z');
    await runDueJobs(deps);
    expect(sink.messages).toHaveLength(6);
    expect(
      deps.db
        .select({ t: covenantWarnings.thresholdDays })
        .from(covenantWarnings)
        .all()
        .map((r) => r.t)
        .sort((a, b) => b - a),
    ).toEqual([90, 30]);
  });

  it('no warning when an approved successor takes over on the end date', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2027-02-20' });
    const p = await people(deps, pit);
    const { id } = await callerFor(deps, p.admin).covenants.propose({
      ...renewal,
      startsOn: '2027-02-20',
      endsOn: '2031-01-01',
      signedOn: '2026-11-20',
    });
    await callerFor(deps, p.fg).covenants.decide({ kind: 'covenant', id, approve: true, reason: '' });
    expect((await callerFor(deps, p.coordinator).covenants.overview()).warning).toBeNull();
    await runDueJobs(deps);
    expect(deps.db.select().from(covenantWarnings).all()).toEqual([]);
  });
});

describe('wind-down without a covenant in force (item 4)', () => {
  /** PIT with a covenant ending 2026-12-01 and personal data from Helmond, Asten and Senzer; then the clock passes the end. */
  async function windingDown() {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-12-01' });
    const p = await people(deps, pit);
    const { id: caseId } = await makeCase(deps, pit, p.coordinator);
    await callerFor(deps, p.coordinator).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naw', value: 'H. Elmond, Markt 1' }],
      sourcePartnerId: pit.partnerIds.helmond!,
    });
    await callerFor(deps, p.asten).subjects.add({
      caseId,
      kind: 'person',
      items: [
        { category: 'naw', value: 'A. Sten, Markt 2' },
        { category: 'bsn', value: '111222333', legalGround: 'art. 20.4c' },
      ],
    });
    await callerFor(deps, p.senzer).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'S. Enzer, Markt 3' }] });
    const { id: controlId } = await callerFor(deps, p.coordinator).controls.plan({
      plannedOn: '2026-12-03',
      caseIds: [caseId],
      partnerIds: [pit.partnerIds.asten!, pit.partnerIds.senzer!],
    });
    const values = async (u: SessionUser) =>
      (await callerFor(deps, u).cases.get({ id: caseId })).subjects.flatMap((s) => s.items.map((i) => i.value)).sort();
    // While the covenant runs, the sharing matrix applies: Asten (gemeente) sees all three.
    expect(await values(p.asten)).toEqual(['A. Sten, Markt 2', 'H. Elmond, Markt 1', 'S. Enzer, Markt 3', '••••••333'].sort());
    const bsnItem = (await callerFor(deps, p.asten).cases.get({ id: caseId })).subjects
      .flatMap((s) => s.items)
      .find((i) => i.category === 'bsn')!.id;
    deps.clock.set('2026-12-01T09:00:00Z');
    return { deps, pit, p, caseId, controlId, values, bsnItem };
  }

  it('each partner sees only the personal data it provided itself — the coordinator too', async () => {
    const { p, values } = await windingDown();
    expect(await values(p.asten)).toEqual(['A. Sten, Markt 2', '••••••333']);
    expect(await values(p.senzer)).toEqual(['S. Enzer, Markt 3']);
    expect(await values(p.coordinator)).toEqual(['H. Elmond, Markt 1']);
  });

  it('no new personal data, casussen or partners, no BSN reveal — each with the wind-down message', async () => {
    const { deps, pit, p, caseId, bsnItem } = await windingDown();
    const ended = { code: 'FORBIDDEN', key: 'subjects.covenantEnded' };
    expect(
      await errorOf(() => callerFor(deps, p.asten).subjects.add({ caseId, kind: 'person', items: [{ category: 'naw', value: 'X' }] })),
    ).toMatchObject(ended);
    expect(await errorOf(() => makeCase(deps, pit, p.coordinator))).toMatchObject(ended);
    expect(
      await errorOf(() =>
        callerFor(deps, p.coordinator).partners.join({
          name: 'Woningcorporatie',
          shortName: 'Woco',
          kind: 'overig',
          joinedOn: '2026-12-01',
        }),
      ),
    ).toMatchObject(ended);
    const reveal = await errorOf(() => callerFor(deps, p.asten).subjects.revealBsn({ itemId: bsnItem }));
    expect(reveal).toMatchObject(ended);
    expect(translate('subjects.covenantEnded', 'nl', { date: '2026-12-01' })).toBe(
      'Het convenant is op 01-12-2026 geëindigd en er is geen vervolgconvenant van kracht: het team is in afbouw. Nieuwe persoonsgegevens, casussen en partners en het tonen van een BSN zijn niet toegestaan, want daarvoor is geen grondslag meer.',
    );
    expect(actions(deps, pit.teamId)).not.toContain('personal_data.bsn_revealed');
  });

  it('exports carry no personal data (briefing), while overleggen, the anonymous report and the audit log go on', async () => {
    const { deps, pit, p, controlId } = await windingDown();
    const briefing = await callerFor(deps, p.asten).controls.briefing({ id: controlId, partnerId: null });
    expect(briefing.cases.map((c) => c.subjects)).toEqual([[]]);
    expect(JSON.stringify(briefing)).not.toContain('Markt');
    const { id: meetingId } = await callerFor(deps, p.coordinator).meetings.create({ startsAt: '2026-12-08T09:00:00Z' });
    expect(meetingId).toEqual(expect.any(Number));
    const report = await callerFor(deps, p.viewer).reports.progress({ from: '2026-01-01', to: '2026-12-31' });
    expect(report.team.code).toBe('PIT');
    // Art. 14.5: confidentiality keeps running — reads in wind-down are still audited.
    const before = actions(deps, pit.teamId).filter((a) => a === 'personal_data.read').length;
    await callerFor(deps, p.senzer).cases.get({ id: briefing.cases[0]!.id });
    expect(actions(deps, pit.teamId).filter((a) => a === 'personal_data.read').length).toBe(before + 1);
  });

  it('the FG decides per casus: hand back (each partner gets only its own items) or erase; recorded and audited', async () => {
    const { deps, pit, p, caseId } = await windingDown();
    const fg = callerFor(deps, p.fg);
    expect((await fg.covenants.windDown()).cases).toEqual([
      {
        caseId,
        code: match.any(String),
        decision: null,
        partners: [
          { id: pit.partnerIds.helmond, name: 'Helmond' },
          { id: pit.partnerIds.asten, name: 'Asten' },
          { id: pit.partnerIds.senzer, name: 'Senzer' },
        ],
      },
    ]);
    // Nothing to hand back before the decision.
    expect(await errorOf(() => handbackExport(deps, p.senzer, caseId, null))).toMatchObject({ key: 'covenants.handbackNotDecided' });
    await fg.covenants.decideCase({ caseId, decision: 'hand_back', note: 'Terug naar de bronnen' });
    const senzerCopy = handbackExport(deps, p.senzer, caseId, null);
    expect(senzerCopy.subjects.flatMap((s) => s.items.map((i) => i.value))).toEqual(['S. Enzer, Markt 3']);
    const viaFg = handbackExport(deps, p.fg, caseId, pit.partnerIds.asten!);
    // The hand-back returns Asten's own data to Asten: in full, BSN unmasked (art. 14.5).
    expect(viaFg.subjects.flatMap((s) => s.items.map((i) => i.value))).toEqual(['A. Sten, Markt 2', '111222333']);
    // Another partner's copy is not for Asten.
    expect(await errorOf(() => handbackExport(deps, p.asten, caseId, pit.partnerIds.senzer!))).toMatchObject({
      code: 'FORBIDDEN',
      key: 'covenants.handbackOwnPartner',
    });
    expect(await errorOf(() => fg.covenants.decideCase({ caseId, decision: 'erase', note: '' }))).toMatchObject({
      code: 'CONFLICT',
      key: 'covenants.caseDecided',
    });
    expect((await fg.covenants.windDown()).cases[0]!.decision).toMatchObject({ decision: 'hand_back', note: 'Terug naar de bronnen' });
    expect(actions(deps, pit.teamId)).toEqual(expect.arrayContaining(['covenant.case_hand_back', 'covenant.handback_exported']));
  });

  it('erase: the casus loses its personal data, the decision stays on record', async () => {
    const { deps, pit, p, caseId } = await windingDown();
    await callerFor(deps, p.fg).covenants.decideCase({ caseId, decision: 'erase', note: '' });
    expect(deps.db.select().from(subjectItems).all()).toEqual([]);
    expect(
      deps.db
        .select({ d: windDownCaseDecisions.decision })
        .from(windDownCaseDecisions)
        .where(and(eq(windDownCaseDecisions.caseId, caseId)))
        .all(),
    ).toEqual([{ d: 'erase' }]);
    expect((await callerFor(deps, p.coordinator).covenants.windDown()).cases).toMatchObject([
      { caseId, partners: [], decision: { decision: 'erase' } },
    ]);
    expect(actions(deps, pit.teamId)).toEqual(expect.arrayContaining(['covenant.case_erase', 'personal_data.erased']));
  });

  it('a decision needs the wind-down: with a covenant in force it is refused', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const p = await people(deps, pit);
    const { id: caseId } = await makeCase(deps, pit, p.coordinator);
    expect(await errorOf(() => callerFor(deps, p.fg).covenants.decideCase({ caseId, decision: 'erase', note: '' }))).toMatchObject({
      code: 'CONFLICT',
      key: 'covenants.notInWindDown',
    });
  });
});
