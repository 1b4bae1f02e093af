// Integrale controles and escalaties: planning, findings per participating partner, the briefing
// per partner under the visibility rules, version checks, team isolation.
import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { partnerSuspensions, partners } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import type { SessionUser } from '../../server/auth/sessions';

let deps: TestDeps;
let pit: TestTeam;
let coordinator: SessionUser;
let helmond: SessionUser;
let politie: SessionUser;
let senzer: SessionUser;
let vrbzo: SessionUser;
let viewer: SessionUser;
let caseId: number;

beforeEach(async () => {
  deps = createTestDeps();
  // The PIT covenant ended 2026-01-01; these tests record betrokkenen, so it runs on here.
  pit = makeTeam(deps, 'pit', { endsOn: null });
  coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  helmond = await makeUser(deps, pit, 'member', 'helmond');
  politie = await makeUser(deps, pit, 'member', 'politie');
  senzer = await makeUser(deps, pit, 'member', 'senzer');
  vrbzo = await makeUser(deps, pit, 'member', 'vrbzo');
  viewer = await makeUser(deps, pit, 'viewer', 'helmond');
  caseId = (await makeCase(deps, pit, coordinator)).id;
});

const plan = (over: Record<string, unknown> = {}) =>
  callerFor(deps, coordinator).controls.plan({
    plannedOn: '2026-12-02',
    startTime: '09:30',
    caseIds: [caseId],
    partnerIds: [pit.partnerIds.helmond!, pit.partnerIds.politie!, pit.partnerIds.senzer!],
    briefingNotes: 'Verzamelen bij het politiebureau.',
    ...over,
  });

describe('planning a controle', () => {
  it('the coordinator plans, lists upcoming and past, and gets one with the catalogue per partner', async () => {
    const { id } = await plan();
    const upcoming = await callerFor(deps, helmond).controls.list({ when: 'upcoming' });
    expect(upcoming.map((c) => c.id)).toEqual([id]);
    expect(upcoming[0]!.partners.map((p) => p.shortName)).toEqual(['Helmond', 'Politie', 'Senzer']);
    expect(upcoming[0]!.participating).toBe(true);
    expect(await callerFor(deps, helmond).controls.list({ when: 'past' })).toEqual([]);
    const control = await callerFor(deps, senzer).controls.get({ id });
    expect(control).toMatchObject({ plannedOn: '2026-12-02', startTime: '09:30', status: 'gepland', participating: true });
    const senzerTypes = control.partners.find((p) => p.kind === 'sociale_dienst')!.findingTypes.map((f) => f.code);
    expect(senzerTypes).toContain('uitkering_onterecht');
    expect(senzerTypes).not.toContain('hennep');
    expect(control.partners.find((p) => p.kind === 'politie')!.findingTypes.map((f) => f.code)).toContain('hennep');
  });

  it('only the coordinator plans; the viewer reads no controles; bad input changes nothing', async () => {
    expect(
      (
        await errorOf(() =>
          callerFor(deps, helmond).controls.plan({ plannedOn: '2026-12-02', caseIds: [caseId], partnerIds: [pit.partnerIds.helmond!] }),
        )
      ).code,
    ).toBe('FORBIDDEN');
    expect((await errorOf(() => callerFor(deps, viewer).controls.list())).code).toBe('FORBIDDEN');
    expect((await errorOf(() => plan({ caseIds: [] }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => plan({ partnerIds: [] }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => plan({ plannedOn: '2026-02-30' }))).code).toBe('BAD_REQUEST');
    expect((await errorOf(() => plan({ startTime: '25:00' }))).code).toBe('BAD_REQUEST');
    expect(await callerFor(deps, coordinator).controls.list()).toEqual([]);
  });

  it("casussen and partners of another team are NOT_FOUND, and so is another team's controle", async () => {
    const bit = makeTeam(deps, 'bit');
    const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const bitCase = await makeCase(deps, bit, bitCoordinator);
    expect((await errorOf(() => plan({ caseIds: [bitCase.id] }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => plan({ partnerIds: [bit.partnerIds.hilversum!] }))).code).toBe('NOT_FOUND');
    const { id } = await plan();
    expect((await errorOf(() => callerFor(deps, bitCoordinator).controls.get({ id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => callerFor(deps, bitCoordinator).controls.briefing({ id }))).code).toBe('NOT_FOUND');
  });

  it('update and cancel check the version; a cancelled controle takes no findings', async () => {
    const { id } = await plan();
    const c = callerFor(deps, coordinator);
    await c.controls.update({
      id,
      version: 1,
      plannedOn: '2026-11-20',
      caseIds: [caseId],
      partnerIds: [pit.partnerIds.helmond!, pit.partnerIds.vrbzo!],
    });
    expect(
      (
        await errorOf(() =>
          c.controls.update({ id, version: 1, plannedOn: '2026-11-21', caseIds: [caseId], partnerIds: [pit.partnerIds.helmond!] }),
        )
      ).code,
    ).toBe('CONFLICT');
    const updated = await c.controls.get({ id });
    expect(updated.partners.map((p) => p.shortName)).toEqual(['Helmond', 'VRBZO']);
    expect((await errorOf(() => c.controls.cancel({ id, version: 1 }))).code).toBe('CONFLICT');
    await c.controls.cancel({ id, version: 2 });
    expect(
      (
        await errorOf(() =>
          c.controls.addFinding({ controlId: id, partnerId: pit.partnerIds.helmond!, findingType: 'bouw', measure: 'waarschuwing' }),
        )
      ).key,
    ).toBe('controls.cancelled');
  });
});

describe('findings per participating partner', () => {
  it('are recorded on or after the date, by a member for their own participating partner only', async () => {
    const { id } = await plan();
    expect(
      (await errorOf(() => callerFor(deps, helmond).controls.addFinding({ controlId: id, findingType: 'bouw', measure: 'waarschuwing' })))
        .key,
    ).toBe('controls.notYet');
    deps.clock.set('2026-12-02T14:00:00Z');
    // VRBZO did not take part.
    expect(
      (
        await errorOf(() =>
          callerFor(deps, vrbzo).controls.addFinding({ controlId: id, findingType: 'brandonveilig', measure: 'waarschuwing' }),
        )
      ).key,
    ).toBe('controls.notParticipating');
    // A member cannot record for another partner.
    expect(
      (
        await errorOf(() =>
          callerFor(deps, senzer).controls.addFinding({
            controlId: id,
            partnerId: pit.partnerIds.politie!,
            findingType: 'hennep',
            measure: 'proces_verbaal',
          }),
        )
      ).key,
    ).toBe('controls.ownPartnerOnly');
    // The type must come from the catalogue of the partner's kind.
    expect(
      (
        await errorOf(() =>
          callerFor(deps, senzer).controls.addFinding({ controlId: id, findingType: 'hennep', measure: 'proces_verbaal' }),
        )
      ).key,
    ).toBe('controls.unknownFindingType');
    await callerFor(deps, senzer).controls.addFinding({
      controlId: id,
      caseId,
      findingType: 'uitkering_onterecht',
      measure: 'uitkering_stopgezet',
    });
    await callerFor(deps, politie).controls.addFinding({ controlId: id, caseId, findingType: 'hennep', measure: 'proces_verbaal' });
    // The coordinator records for any participant, and must name it.
    expect(
      (await errorOf(() => callerFor(deps, coordinator).controls.addFinding({ controlId: id, findingType: 'bouw', measure: 'geen' }))).key,
    ).toBe('controls.partnerRequired');
    expect(
      (
        await errorOf(() =>
          callerFor(deps, coordinator).controls.addFinding({
            controlId: id,
            partnerId: pit.partnerIds.vrbzo!,
            findingType: 'brandonveilig',
            measure: 'geen',
          }),
        )
      ).key,
    ).toBe('controls.notParticipating');
    await callerFor(deps, coordinator).controls.addFinding({
      controlId: id,
      partnerId: pit.partnerIds.helmond!,
      findingType: 'bouw',
      measure: 'last_onder_dwangsom',
    });
    const control = await callerFor(deps, coordinator).controls.get({ id });
    expect(control.status).toBe('uitgevoerd');
    expect(control.findings.map((f) => [f.partner, f.findingType, f.measure])).toEqual([
      ['Senzer', 'uitkering_onterecht', 'uitkering_stopgezet'],
      ['Politie', 'hennep', 'proces_verbaal'],
      ['Helmond', 'bouw', 'last_onder_dwangsom'],
    ]);
    // Police findings reach gemeenten and the coordinator only (art. 20.5), like police data.
    const forSenzer = await callerFor(deps, senzer).controls.get({ id });
    expect(forSenzer.findings.map((f) => f.partner)).toEqual(['Senzer', 'Helmond']);
    // Opaque ids (issue 8 item 9): no gap between Senzer's two findings counts the hidden police one.
    for (const f of forSenzer.findings) expect(f.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const forHelmond = await callerFor(deps, helmond).controls.get({ id });
    expect(forHelmond.findings.map((f) => f.partner)).toEqual(['Senzer', 'Politie', 'Helmond']);
    // Counts in the list reveal no hidden findings either.
    const countFor = async (user: SessionUser) =>
      (await callerFor(deps, user).controls.list({ when: 'all' })).find((c) => c.id === id)!.findingCount;
    expect([await countFor(senzer), await countFor(helmond), await countFor(coordinator)]).toEqual([2, 3, 3]);
    // A member removes only their own partner's findings; a hidden one is simply not there.
    const policeFinding = control.findings.find((f) => f.partner === 'Politie')!;
    const helmondFinding = control.findings.find((f) => f.partner === 'Helmond')!;
    expect((await errorOf(() => callerFor(deps, senzer).controls.removeFinding({ id: policeFinding.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(() => callerFor(deps, senzer).controls.removeFinding({ id: helmondFinding.id }))).code).toBe('FORBIDDEN');
    await callerFor(deps, politie).controls.removeFinding({ id: policeFinding.id });
    expect((await callerFor(deps, coordinator).controls.get({ id })).findings).toHaveLength(2);
  });

  it('a held controle can no longer be changed', async () => {
    const { id } = await plan({ plannedOn: '2026-11-25' });
    await callerFor(deps, coordinator).controls.complete({ id, version: 1 });
    expect((await errorOf(() => callerFor(deps, coordinator).controls.cancel({ id, version: 2 }))).key).toBe('controls.alreadyHeld');
  });
});

describe('briefing per partner', () => {
  it('contains only what that partner may see: no police items for Senzer, police items for a gemeente', async () => {
    await callerFor(deps, politie).subjects.add({
      caseId,
      kind: 'person',
      items: [
        { category: 'naw', value: 'P. Olitiegegeven, Dorpsstraat 1' },
        { category: 'kenteken', value: '12-ABC-3' },
      ],
    });
    await callerFor(deps, helmond).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naw', value: 'G. Emeentegegeven, Kerkstraat 2' }],
    });
    await callerFor(deps, senzer).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Senzer-eigen waarneming' }],
    });
    const { id } = await plan();
    const text = (b: unknown) => JSON.stringify(b);

    const forSenzer = text(await callerFor(deps, senzer).controls.briefing({ id }));
    expect(forSenzer).toContain('G. Emeentegegeven');
    expect(forSenzer).toContain('Senzer-eigen waarneming');
    expect(forSenzer).not.toContain('Olitiegegeven');
    expect(forSenzer).not.toContain('12-ABC-3');

    const forHelmond = text(await callerFor(deps, helmond).controls.briefing({ id }));
    expect(forHelmond).toContain('Olitiegegeven');

    // The coordinator prints Senzer's briefing exactly as Senzer sees it, and the complete one.
    const senzerByCoordinator = await callerFor(deps, coordinator).controls.briefing({ id, partnerId: pit.partnerIds.senzer! });
    expect(senzerByCoordinator.forPartner?.name).toContain('Senzer');
    expect(text(senzerByCoordinator)).not.toContain('Olitiegegeven');
    expect(text(await callerFor(deps, coordinator).controls.briefing({ id }))).toContain('Olitiegegeven');

    // A member asks only for their own partner's briefing, and only when it takes part.
    expect((await errorOf(() => callerFor(deps, senzer).controls.briefing({ id, partnerId: pit.partnerIds.helmond! }))).code).toBe(
      'FORBIDDEN',
    );
    expect((await errorOf(() => callerFor(deps, vrbzo).controls.briefing({ id }))).key).toBe('controls.notParticipating');
    expect((await errorOf(() => callerFor(deps, viewer).controls.briefing({ id }))).code).toBe('FORBIDDEN');
  });
});

describe("a partner's briefing printed by the coordinator keeps that partner's standing", () => {
  it('a partner that joined after the item was recorded, or is suspended (BIT art. 6.6), gets none of it on its briefing', async () => {
    await callerFor(deps, helmond).subjects.add({
      caseId,
      kind: 'person',
      items: [{ category: 'naw', value: 'G. Emeentegegeven, Kerkstraat 2' }],
    });
    const { id } = await plan();
    const senzerBriefing = async () =>
      JSON.stringify(await callerFor(deps, coordinator).controls.briefing({ id, partnerId: pit.partnerIds.senzer! }));
    expect(await senzerBriefing()).toContain('G. Emeentegegeven');
    // Senzer joins the day after the item was recorded (art. 12): the earlier exchange had no basis for it.
    deps.db.update(partners).set({ joinedOn: '2026-11-26' }).where(eq(partners.id, pit.partnerIds.senzer!)).run();
    expect(await senzerBriefing()).not.toContain('G. Emeentegegeven');
    deps.db.update(partners).set({ joinedOn: '2020-01-01' }).where(eq(partners.id, pit.partnerIds.senzer!)).run();
    deps.db
      .insert(partnerSuspensions)
      .values({
        teamId: pit.teamId,
        partnerId: pit.partnerIds.senzer!,
        reason: 'Onderzoek',
        status: 'in_effect',
        proposedByUserId: coordinator.id,
        proposedAt: '2026-11-25T08:00:00Z',
      })
      .run();
    expect(await senzerBriefing()).not.toContain('G. Emeentegegeven');
    // The complete briefing of the coordinator is unaffected.
    expect(JSON.stringify(await callerFor(deps, coordinator).controls.briefing({ id }))).toContain('G. Emeentegegeven');
  });
});

describe('escalaties (BIT art. 2.6)', () => {
  it('the coordinator raises and resolves with a version check; list by period', async () => {
    const bit = makeTeam(deps, 'bit');
    const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const bitMember = await makeUser(deps, bit, 'member', 'huizen');
    const c = await makeCase(deps, bit, bitCoordinator);
    const api = callerFor(deps, bitCoordinator);
    expect(
      (await errorOf(() => callerFor(deps, bitMember).escalations.raise({ caseId: c.id, raisedOn: '2026-11-20', reason: 'Knelpunt' })))
        .code,
    ).toBe('FORBIDDEN');
    expect((await errorOf(() => api.escalations.raise({ caseId: caseId, raisedOn: '2026-11-20', reason: 'Andere casus' }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(() => api.escalations.raise({ caseId: c.id, raisedOn: '2026-12-20', reason: 'Toekomst' }))).key).toBe(
      'escalations.inFuture',
    );
    const first = await api.escalations.raise({ caseId: c.id, raisedOn: '2026-05-10', reason: 'Geen handhavingscapaciteit' });
    await api.escalations.raise({ caseId: c.id, raisedOn: '2026-08-01', reason: 'Ander knelpunt' });
    expect((await errorOf(() => api.escalations.resolve({ id: first.id, outcome: 'x', outcomeOn: '2026-05-01', version: 1 }))).key).toBe(
      'escalations.outcomeBeforeRaised',
    );
    await api.escalations.resolve({ id: first.id, outcome: 'DVC besloot tot inzet', outcomeOn: '2026-06-15', version: 1 });
    expect((await errorOf(() => api.escalations.resolve({ id: first.id, outcome: 'y', outcomeOn: '2026-06-16', version: 1 }))).code).toBe(
      'CONFLICT',
    );
    const firstHalf = await callerFor(deps, bitMember).escalations.list({ from: '2026-01-01', to: '2026-06-30' });
    expect(firstHalf.map((e) => [e.raisedOn, e.status])).toEqual([['2026-05-10', 'afgehandeld']]);
    expect(await api.escalations.list()).toHaveLength(2);
    // Another team sees none of them.
    expect(await callerFor(deps, coordinator).escalations.list()).toEqual([]);
  });
});
