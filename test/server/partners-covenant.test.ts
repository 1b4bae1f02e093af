// Issue 10 items 5–7: joining (PIT art. 12), leaving (PIT 14.3, BIT 14.2), suspending (BIT 6.6)
// and sharing-matrix changes (art. 13) are covenant changes that take effect only after the FG
// approves; the privacy gate applies a partner's joining date, suspension and annex.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, partners, sharingRules } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { shareApproved } from '../helpers/partners';
import { parseJson } from '../helpers/json';
import { createSession, resolveSession } from '../../server/auth/sessions';
import { calendarFeed, userForFeedToken } from '../../server/domain/calendar';
import { assertLiveAccess } from '../../server/domain/live-access';
import { loadActor } from '../../server/auth/actor';
import type { SessionUser } from '../../server/auth/sessions';

const audits = (deps: TestDeps, action: string) => deps.db.select().from(auditLog).where(eq(auditLog.action, action)).all();

/** A casus with a betrokkene from a gemeente: naw and a BSN (shared with all partners by the seeded matrix). */
async function caseWithPerson(deps: TestDeps, team: TestTeam, gemeente: string) {
  const coordinator = await makeUser(deps, team, 'coordinator', gemeente);
  const member = await makeUser(deps, team, 'member', gemeente);
  const { id: caseId } = await makeCase(deps, team, coordinator);
  await callerFor(deps, member).subjects.add({
    caseId,
    kind: 'person',
    items: [
      { category: 'naw', value: exampleValues.naw },
      { category: 'bsn', value: exampleValues.bsn, legalGround: 'art. 20.3c convenant' },
    ],
  });
  return { caseId, coordinator, member };
}

/** A partner row as the FG's approval leaves it: joined on `joinedOn`. */
function insertPartner(deps: TestDeps, team: TestTeam, slug: string, kind: 'gemeente' | 'overig', joinedOn: string) {
  const row = deps.db
    .insert(partners)
    .values({ teamId: team.teamId, name: `Partner ${slug}`, shortName: slug, kind, joinedOn })
    .returning({ id: partners.id })
    .get();
  team.partnerIds[slug] = row.id;
  return row.id;
}

/** P14: a partner sees a casus' betrokkenen only when involved — here through a task on the casus. */
async function involve(deps: TestDeps, team: TestTeam, coordinator: SessionUser, caseId: number, slug: string) {
  await callerFor(deps, coordinator).tasks.create({
    title: 'Meekijken bij de casus',
    assigneePartnerId: team.partnerIds[slug]!,
    dueDate: '2026-12-20',
    caseId,
  });
}

async function sees(deps: TestDeps, user: SessionUser, caseId: number) {
  const c = await callerFor(deps, user).cases.get({ id: caseId });
  return c.subjects.flatMap((s) => s.items.map((i) => i.category)).sort();
}

describe('joining (art. 12)', () => {
  it('reproduction: after the end date the coordinator alone cannot add a housing corporation that then reads the data', async () => {
    const deps = createTestDeps({ now: '2025-11-01T09:00:00Z' });
    const pit = makeTeam(deps, 'pit', { endsOn: '2026-01-01' }); // covenant ended 2026-01-01, no successor
    const { caseId, coordinator } = await caseWithPerson(deps, pit, 'helmond');
    deps.clock.set('2026-11-25T09:00:00Z');
    const coord = callerFor(deps, coordinator);
    const attempt = await coord.partners
      .join({ name: 'Woningcorporatie Peelland', shortName: 'Woco', kind: 'overig', joinedOn: '2026-11-25' })
      .catch((e: { code: string; key: string }) => ({ code: e.code, key: e.key }));
    expect(attempt).toEqual({ code: 'FORBIDDEN', key: 'subjects.covenantEnded' });
    const added = (await coord.partners.list()).find((p) => p.name === 'Woningcorporatie Peelland');
    expect(added).toBeUndefined();
    // Had it been added (today's code: at once), its new account would read the casus and reveal the BSN.
    if (added) {
      const { activationLink } = await coord.users.create({
        name: 'Woco medewerker',
        email: 'w@woco.test',
        role: 'member',
        partnerId: added.id,
      });
      expect(activationLink).toBeNull();
    }
    expect(await sees(deps, coordinator, caseId)).toEqual(['bsn', 'naw']);
  });

  it("a request is no partner: approval needs every partner's consent, the signed annex and the FG", async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = callerFor(deps, await makeUser(deps, bit, 'coordinator', 'hilversum'));
    const fgUser = await makeUser(deps, bit, 'privacy');
    const fg = callerFor(deps, fgUser);
    const { joiningId } = await coordinator.partners.join({
      name: 'Gemeente Weesp',
      shortName: 'Weesp',
      kind: 'gemeente',
      joinedOn: '2026-11-01',
    });
    expect((await coordinator.partners.list()).map((p) => p.shortName)).not.toContain('Weesp');
    // No account can be made for it: there is no partner yet.
    const version = async () => (await fg.partners.joinings()).find((j) => j.id === joiningId)!.version;
    expect(
      await errorOf(async () => fg.partners.decideJoining({ joiningId, approve: true, reason: '', version: await version() })),
    ).toMatchObject({ key: 'partners.annexMissing' });
    await coordinator.partners.recordAnnex({ joiningId, annexRef: 'Bijlage 4 toetreding Weesp', version: await version() });
    expect(
      await errorOf(async () => fg.partners.decideJoining({ joiningId, approve: true, reason: '', version: await version() })),
    ).toMatchObject({ key: 'partners.consentsMissing' });
    const existing = (await coordinator.partners.list()).filter((p) => p.active);
    expect(existing).toHaveLength(7);
    for (const p of existing) {
      await coordinator.partners.recordConsent({
        joiningId,
        partnerId: p.id,
        consentedOn: '2026-11-20',
        consentedBy: `Burgemeester ${p.shortName}`,
        reference: `BIT-INST-${p.id}`,
      });
    }
    expect(
      await errorOf(() =>
        coordinator.partners.recordConsent({
          joiningId,
          partnerId: existing[0]!.id,
          consentedOn: '2026-11-20',
          consentedBy: 'x',
          reference: 'y',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', key: 'partners.consentRecorded' });
    // The coordinator cannot approve its own request.
    expect(
      (await errorOf(async () => coordinator.partners.decideJoining({ joiningId, approve: true, reason: '', version: await version() })))
        .code,
    ).toBe('FORBIDDEN');
    const { partnerId } = await fg.partners.decideJoining({ joiningId, approve: true, reason: 'Akkoord', version: await version() });
    // Never retroactive: the requested date lies in the past, so it joins on the day of approval.
    expect((await coordinator.partners.list()).find((p) => p.id === partnerId)).toMatchObject({
      name: 'Gemeente Weesp',
      kind: 'gemeente',
      joinedOn: '2026-11-25',
      active: true,
    });
    const joining = (await fg.partners.joinings()).find((j) => j.id === joiningId)!;
    expect(joining).toMatchObject({
      status: 'approved',
      annexRef: 'Bijlage 4 toetreding Weesp',
      decidedBy: fgUser.name,
      partnerId,
      missingConsents: [],
    });
    expect(joining.consents).toHaveLength(7);
    expect(audits(deps, 'partner.joined').map((a) => parseJson(a.detail!))).toEqual([
      { kind: 'gemeente', joinedOn: '2026-11-25', annexRef: 'Bijlage 4 toetreding Weesp', joiningId },
    ]);
    expect(audits(deps, 'partner.join_consent')).toHaveLength(7);
  });

  it('the FG rejects a request with a reason; it never becomes a partner', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = callerFor(deps, await makeUser(deps, bit, 'coordinator', 'hilversum'));
    const fg = callerFor(deps, await makeUser(deps, bit, 'privacy'));
    const { joiningId } = await coordinator.partners.join({ name: 'Stichting X', shortName: 'X', kind: 'overig', joinedOn: '2026-12-01' });
    expect(await errorOf(() => fg.partners.decideJoining({ joiningId, approve: false, reason: '', version: 1 }))).toMatchObject({
      key: 'covenants.reasonRequired',
    });
    await fg.partners.decideJoining({ joiningId, approve: false, reason: 'Geen grondslag', version: 1 });
    expect((await fg.partners.joinings())[0]).toMatchObject({ status: 'rejected', decisionReason: 'Geen grondslag', partnerId: null });
    expect((await coordinator.partners.list()).map((p) => p.shortName)).not.toContain('X');
    expect(await errorOf(() => fg.partners.decideJoining({ joiningId, approve: true, reason: '', version: 2 }))).toMatchObject({
      code: 'CONFLICT',
      key: 'partners.joiningDecided',
    });
  });

  it('a partner that joined later sees only personal data recorded on or after its joining date', async () => {
    const deps = createTestDeps({ now: '2026-10-01T09:00:00Z' });
    const bit = makeTeam(deps, 'bit');
    const { caseId, member: hilversum, coordinator } = await caseWithPerson(deps, bit, 'hilversum');
    deps.clock.set('2026-11-25T09:00:00Z');
    insertPartner(deps, bit, 'weesp', 'gemeente', '2026-11-25');
    const weesp = await makeUser(deps, bit, 'member', 'weesp');
    await involve(deps, bit, coordinator, caseId, 'weesp');
    expect(await sees(deps, weesp, caseId)).toEqual([]);
    const before = (await callerFor(deps, hilversum).cases.get({ id: caseId })).subjects[0]!;
    const bsnId = before.items.find((i) => i.category === 'bsn')!.id;
    expect((await errorOf(() => callerFor(deps, weesp).subjects.revealBsn({ itemId: bsnId }))).code).toBe('NOT_FOUND');
    // Recorded today, on the joining date: visible.
    await callerFor(deps, hilversum).subjects.addItems({
      subjectId: before.id,
      items: [{ category: 'telefoon', value: exampleValues.telefoon }],
    });
    expect(await sees(deps, weesp, caseId)).toEqual(['telefoon']);
  });

  it('an overig partner sees and provides no personal data until an approved annex gives it categories', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    insertPartner(deps, bit, 'woco', 'overig', '2026-11-01');
    const { caseId, member: hilversum, coordinator } = await caseWithPerson(deps, bit, 'hilversum');
    const woco = await makeUser(deps, bit, 'member', 'woco');
    await involve(deps, bit, coordinator, caseId, 'woco');
    // Recorded after its joining date, shared with all by the matrix: still nothing for overig.
    expect(await sees(deps, woco, caseId)).toEqual([]);
    const add = () =>
      callerFor(deps, woco).subjects.add({ caseId, kind: 'person', items: [{ category: 'naleving', value: exampleValues.naleving }] });
    expect(await errorOf(add)).toMatchObject({ key: 'subjects.partnerWithoutAnnex' });
    await shareApproved(
      deps,
      bit,
      [{ sourceKind: 'overig', category: 'naleving', audience: 'gemeenten' }],
      'Bijlage 5: woningcorporatie, naleving',
    );
    expect(
      deps.db
        .select({ annexRef: sharingRules.annexRef })
        .from(sharingRules)
        .where(and(eq(sharingRules.teamId, bit.teamId), eq(sharingRules.sourceKind, 'overig')))
        .all(),
    ).toEqual([{ annexRef: 'Bijlage 5: woningcorporatie, naleving' }]);
    await add();
    expect(await sees(deps, woco, caseId)).toEqual(['bsn', 'naleving', 'naw']);
    // Its naleving reaches the gemeenten (and the coordinator), no further.
    expect(await sees(deps, hilversum, caseId)).toEqual(['bsn', 'naleving', 'naw']);
    const politie = await makeUser(deps, bit, 'member', 'politie');
    await involve(deps, bit, coordinator, caseId, 'politie');
    expect(await sees(deps, politie, caseId)).toEqual(['bsn', 'naw']);
  });
});

describe('leaving (PIT art. 14.3, BIT art. 14.2)', () => {
  it('BIT asks written notice without a minimum term; PIT two months', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const pit = makeTeam(deps, 'pit');
    const bitAdmin = callerFor(deps, await makeUser(deps, bit, 'admin'));
    await bitAdmin.partners.leave({ partnerId: bit.partnerIds.laren!, noticeGivenOn: '2026-11-25', leftOn: '2026-11-26', version: 1 });
    expect((await bitAdmin.partners.list()).find((p) => p.id === bit.partnerIds.laren)).toMatchObject({
      noticeGivenOn: '2026-11-25',
      leftOn: '2026-11-26',
    });
    expect(
      await errorOf(() =>
        bitAdmin.partners.leave({ partnerId: bit.partnerIds.huizen!, noticeGivenOn: '2026-11-25', leftOn: '2026-11-24', version: 1 }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', key: 'partners.leaveBeforeNotice' });
    const pitAdmin = callerFor(deps, await makeUser(deps, pit, 'admin'));
    const tooSoon = await errorOf(() =>
      pitAdmin.partners.leave({ partnerId: pit.partnerIds.bsob!, noticeGivenOn: '2026-11-25', leftOn: '2027-01-24', version: 1 }),
    );
    expect(tooSoon).toMatchObject({ code: 'BAD_REQUEST', key: 'partners.noticeTooShort' });
    expect((await callerFor(deps, await makeUser(deps, pit, 'coordinator', 'helmond')).team.get()).covenant.leaveNoticeMonths).toBe(2);
  });

  it('on the leaving date logins, sessions, calendar feeds and live streams end', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const admin = callerFor(deps, await makeUser(deps, bit, 'admin'));
    const member = await makeUser(deps, bit, 'member', 'laren');
    const { token } = createSession(deps.db, deps.config, member.id, deps.now());
    const feed = calendarFeed(deps, member)
      .path.split('/')
      .pop()!
      .replace(/\.ics$/, '');
    const reader = loadActor(deps.db, member);
    await admin.partners.leave({ partnerId: bit.partnerIds.laren!, noticeGivenOn: '2026-11-25', leftOn: '2026-11-26', version: 1 });
    // The day before: all still works.
    expect(resolveSession(deps.db, deps.config, token, deps.now())?.id).toBe(member.id);
    expect(userForFeedToken(deps, feed)?.id).toBe(member.id);
    expect(() => assertLiveAccess(deps, token, reader)).not.toThrow();
    deps.clock.set('2026-11-26T00:30:00Z'); // 01:30 in Amsterdam on the leaving date
    expect(userForFeedToken(deps, feed)).toBeNull();
    expect(() => assertLiveAccess(deps, token, reader)).toThrow('auth.required');
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
    expect((await errorOf(() => callerFor(deps, null).auth.login({ email: member.email, password: TEST_PASSWORD }))).code).toBe(
      'UNAUTHORIZED',
    );
  });

  it('the open tasks of a leaving partner are listed for reassignment, and leave the list once reassigned', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const coordinator = callerFor(deps, await makeUser(deps, bit, 'coordinator', 'hilversum'));
    const { id: taskId } = await coordinator.tasks.create({
      title: 'Controle pand',
      assigneePartnerId: bit.partnerIds.laren!,
      dueDate: '2026-12-10',
    });
    await coordinator.tasks.create({ title: 'Andere taak', assigneePartnerId: bit.partnerIds.huizen!, dueDate: '2026-12-10' });
    expect(await coordinator.partners.openTasks()).toEqual([]);
    await coordinator.partners.leave({ partnerId: bit.partnerIds.laren!, noticeGivenOn: '2026-11-25', leftOn: '2026-12-01', version: 1 });
    const open = await coordinator.partners.openTasks();
    expect(open.map((t) => ({ id: t.id, title: t.title, partner: t.partner, partnerLeftOn: t.partnerLeftOn }))).toEqual([
      { id: taskId, title: 'Controle pand', partner: 'Laren', partnerLeftOn: '2026-12-01' },
    ]);
    await coordinator.tasks.update({ id: taskId, version: open[0]!.version, assigneePartnerId: bit.partnerIds.huizen! });
    expect(await coordinator.partners.openTasks()).toEqual([]);
  });
});

describe('suspension (BIT art. 6.6)', () => {
  it('coordinator proposes, the FG approves: its users lose access at once, and regain it when the FG lifts it', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const { caseId, coordinator } = await caseWithPerson(deps, bit, 'hilversum');
    const laren = await makeUser(deps, bit, 'member', 'laren');
    await involve(deps, bit, coordinator, caseId, 'laren');
    const { token } = createSession(deps.db, deps.config, laren.id, deps.now());
    const liveReader = loadActor(deps.db, laren);
    const fg = callerFor(deps, await makeUser(deps, bit, 'privacy'));
    const coord = callerFor(deps, coordinator);
    expect(await sees(deps, laren, caseId)).toEqual(['bsn', 'naw']);
    const { id } = await coord.partners.suspend({ partnerId: bit.partnerIds.laren!, reason: 'Besluit stuurgroep: onderzoek datalek' });
    expect(await sees(deps, laren, caseId)).toEqual(['bsn', 'naw']); // a proposal changes nothing yet
    expect((await errorOf(() => coord.partners.decideSuspension({ id, approve: true, reason: '', version: 1 }))).code).toBe('FORBIDDEN');
    await fg.partners.decideSuspension({ id, approve: true, reason: '', version: 1 });
    expect(await sees(deps, laren, caseId)).toEqual([]);
    expect(() => assertLiveAccess(deps, token, liveReader)).toThrow('live.accessChanged');
    expect((await errorOf(() => coord.partners.liftSuspension({ id, reason: 'Afgerond', version: 2 }))).code).toBe('FORBIDDEN');
    await fg.partners.liftSuspension({ id, reason: 'Onderzoek afgerond', version: 2 });
    expect(await sees(deps, laren, caseId)).toEqual(['bsn', 'naw']);
    expect((await fg.partners.suspensions())[0]).toMatchObject({
      status: 'lifted',
      reason: 'Besluit stuurgroep: onderzoek datalek',
      liftReason: 'Onderzoek afgerond',
    });
    expect(['partner.suspension_proposed', 'partner.suspended', 'partner.suspension_lifted'].map((a) => audits(deps, a).length)).toEqual([
      1, 1, 1,
    ]);
  });
});

describe('sharing-matrix changes (art. 13)', () => {
  it('one admin cannot change the matrix: a narrowing proposal takes effect only on FG approval, and the history shows it', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const { caseId, coordinator } = await caseWithPerson(deps, bit, 'hilversum');
    const politie = await makeUser(deps, bit, 'member', 'politie');
    await involve(deps, bit, coordinator, caseId, 'politie');
    const adminUser = await makeUser(deps, bit, 'admin');
    const fgUser = await makeUser(deps, bit, 'privacy');
    const admin = callerFor(deps, adminUser);
    expect(await sees(deps, politie, caseId)).toEqual(['bsn', 'naw']);
    const proposal = await admin.sharing.propose({
      addendumRef: 'Addendum 2026-1',
      changes: [{ sourceKind: 'gemeente', category: 'bsn', audience: 'gemeenten' }],
    });
    expect(proposal).toEqual({
      id: proposal.id,
      status: 'proposed',
      addendumRef: 'Addendum 2026-1',
      changes: [{ sourceKind: 'gemeente', category: 'bsn', audience: 'gemeenten' }],
    });
    expect(await sees(deps, politie, caseId)).toEqual(['bsn', 'naw']);
    await callerFor(deps, fgUser).sharing.decide({ id: proposal.id, approve: true, reason: 'Dataminimalisatie', version: 1 });
    expect(await sees(deps, politie, caseId)).toEqual(['naw']);
    const [latest, seeded] = await admin.sharing.history();
    expect(latest).toMatchObject({
      addendumRef: 'Addendum 2026-1',
      status: 'approved',
      proposedBy: adminUser.name,
      decidedBy: fgUser.name,
      decisionReason: 'Dataminimalisatie',
      changes: [{ sourceKind: 'gemeente', category: 'bsn', from: 'all', audience: 'gemeenten' }],
    });
    // BIT's covenant names no categories: its matrix is its own configuration, labelled so.
    expect(seeded).toMatchObject({ addendumRef: 'Eigen configuratie van het team (demo-standaard)', status: 'approved', proposedBy: null });
  });

  it('widening stays within the hard limits of art. 20.3–20.7, at proposal and at approval', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const admin = callerFor(deps, await makeUser(deps, bit, 'admin'));
    expect(
      await errorOf(() =>
        admin.sharing.propose({ addendumRef: 'A', changes: [{ sourceKind: 'politie', category: 'naw', audience: 'all' }] }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', key: 'sharing.audienceBeyondCovenant' });
    expect(
      await errorOf(() =>
        admin.sharing.propose({
          addendumRef: 'A',
          changes: [
            { sourceKind: 'gemeente', category: 'naw', audience: null },
            { sourceKind: 'gemeente', category: 'naw', audience: 'all' },
          ],
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', key: 'sharing.duplicateCell' });
    expect(await admin.sharing.history()).toHaveLength(1);
    const fg = callerFor(deps, await makeUser(deps, bit, 'privacy'));
    const { id } = await admin.sharing.propose({
      addendumRef: 'A',
      changes: [{ sourceKind: 'gemeente', category: 'telefoon', audience: null }],
    });
    await fg.sharing.decide({ id, approve: false, reason: 'Niet nodig', version: 1 });
    expect((await admin.sharing.history())[0]).toMatchObject({ status: 'rejected', decisionReason: 'Niet nodig' });
    expect((await admin.sharing.matrix()).some((r) => r.sourceKind === 'gemeente' && r.category === 'telefoon')).toBe(true);
  });

  it("PIT's seeded matrix is labelled as its covenant's table", async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const history = await callerFor(deps, await makeUser(deps, pit, 'privacy')).sharing.history();
    expect(history.map((h) => h.addendumRef)).toEqual(['PIT convenant art. 20.3–20.7']);
  });
});
