// Issue 12: one rule for the FG rejecting a proposal with a reason (server/domain/rejection.ts) —
// a covenant renewal, an addendum, a partner's joining (art. 12), a change of the sharing matrix
// (art. 13) and a suspension (BIT art. 6.6). An empty reason is refused the same way for each, at
// the reason field, and changes nothing; a reason is stored trimmed with who and when, and audited.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, covenantChanges, covenants, partnerJoinings, partnerSuspensions, sharingProposals } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { fingerprint } from '../helpers/db-fingerprint';

async function proposals() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = callerFor(deps, await makeUser(deps, pit, 'coordinator', 'helmond'));
  const admin = callerFor(deps, await makeUser(deps, pit, 'admin'));
  const fgUser = await makeUser(deps, pit, 'privacy');
  const fg = callerFor(deps, fgUser);
  const covenantId = (await admin.covenants.list())[0]!.id;
  const { id: renewal } = await admin.covenants.propose({
    title: 'PIT convenant 2030 - 2034',
    citation: 'PIT convenant 2030 - 2034',
    documentRef: 'Z/29/0001',
    signedOn: '2026-11-20',
    startsOn: '2030-01-01',
    endsOn: '2034-01-01',
    initialTermMonths: null,
    tacitRenewalMonths: null,
    evaluationCallsForChange: false,
    reportingCadence: 'yearly',
    reportRecipient: 'Stuurgroep PIT',
    changes: 'Verlenging.',
  });
  const { id: addendum } = await coordinator.covenants.proposeAddendum({
    covenantId,
    reference: 'Addendum 1',
    changedOn: '2026-11-20',
    description: 'Looptijd verlengd',
    newEndsOn: '2031-01-01',
  });
  const { joiningId } = await coordinator.partners.join({ name: 'Stichting X', shortName: 'X', kind: 'overig', joinedOn: '2026-12-01' });
  const { id: sharingId } = await admin.sharing.propose({
    addendumRef: 'Addendum 2',
    changes: [{ sourceKind: 'gemeente', category: 'telefoon', audience: 'gemeenten' }],
  });
  const { id: suspensionId } = await coordinator.partners.suspend({ partnerId: pit.partnerIds.politie!, reason: 'Art. 6.6' });
  const rejections = {
    covenant: (reason: string) => fg.covenants.decide({ kind: 'covenant', id: renewal, approve: false, reason }),
    addendum: (reason: string) => fg.covenants.decide({ kind: 'addendum', id: addendum, approve: false, reason }),
    joining: (reason: string) => fg.partners.decideJoining({ joiningId, approve: false, reason, version: 1 }),
    sharing: (reason: string) => fg.sharing.decide({ id: sharingId, approve: false, reason, version: 1 }),
    suspension: (reason: string) => fg.partners.decideSuspension({ id: suspensionId, approve: false, reason, version: 1 }),
  };
  const decided = () => ({
    covenant: deps.db.select().from(covenants).where(eq(covenants.id, renewal)).get()!,
    addendum: deps.db.select().from(covenantChanges).where(eq(covenantChanges.id, addendum)).get()!,
    joining: deps.db.select().from(partnerJoinings).where(eq(partnerJoinings.id, joiningId)).get()!,
    sharing: deps.db.select().from(sharingProposals).where(eq(sharingProposals.id, sharingId)).get()!,
    suspension: deps.db.select().from(partnerSuspensions).where(eq(partnerSuspensions.id, suspensionId)).get()!,
  });
  return { deps, fgUser, rejections, decided };
}

describe('rejecting a proposal with a reason (issue 12)', () => {
  it('refuses an empty reason with the same translated message at the reason field for every kind, changing nothing', async () => {
    const { deps, rejections } = await proposals();
    const before = fingerprint(deps.db.$client);
    for (const [kind, reject] of Object.entries(rejections)) {
      for (const reason of ['', '   \n ']) {
        expect(await fieldErrorsOf(() => reject(reason)), kind).toEqual({ reason: 'Geef een reden voor de afwijzing.' });
        expect(await fieldErrorsOf(() => reject(reason), 'en'), kind).toEqual({ reason: 'Give a reason for the rejection.' });
      }
    }
    expect(fingerprint(deps.db.$client)).toEqual(before);
  });

  it('stores the reason trimmed with who and when, and audits the rejection without the free text (P7)', async () => {
    const { deps, fgUser, rejections, decided } = await proposals();
    const auditBefore = deps.db.select().from(auditLog).all().length;
    for (const reject of Object.values(rejections)) await reject('  Geen ondertekende bijlage  ');
    for (const [kind, row] of Object.entries(decided())) {
      const status = 'approval' in row ? row.approval : row.status;
      expect([kind, status, row.decisionReason, row.decidedByUserId, row.decidedAt]).toEqual([
        kind,
        'rejected',
        'Geen ondertekende bijlage',
        fgUser.id,
        '2026-11-25T09:00:00.000Z',
      ]);
    }
    const audited = deps.db.select().from(auditLog).all().slice(auditBefore);
    expect(audited.map((a) => [a.action, a.actorId])).toEqual([
      ['covenant.rejected', fgUser.id],
      ['covenant.addendum_rejected', fgUser.id],
      ['partner.join_rejected', fgUser.id],
      ['sharing.rejected', fgUser.id],
      ['partner.suspension_rejected', fgUser.id],
    ]);
    expect(audited.map((a) => a.detail ?? '').join()).not.toContain('bijlage');
  });

  it('keeps the free-text reasons of proposing, approving and lifting a suspension out of the audit detail (P7)', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
    const coordinatorUser = await makeUser(deps, pit, 'coordinator', 'helmond');
    const coordinator = callerFor(deps, coordinatorUser);
    const fgUser = await makeUser(deps, pit, 'privacy');
    const fg = callerFor(deps, fgUser);
    const auditBefore = deps.db.select().from(auditLog).all().length;
    const { id } = await coordinator.partners.suspend({ partnerId: pit.partnerIds.politie!, reason: 'Melding over mevrouw Jansen' });
    await fg.partners.decideSuspension({ id, approve: true, reason: 'Gesprek met de heer Pietersen', version: 1 });
    await fg.partners.liftSuspension({ id, reason: 'Afgerond na bezoek Dorpsstraat 3', version: 2 });
    const audited = deps.db.select().from(auditLog).all().slice(auditBefore);
    expect(audited.map((a) => [a.action, a.entityId, a.detail])).toEqual([
      ['partner.suspension_proposed', pit.partnerIds.politie, JSON.stringify({ suspensionId: id })],
      ['partner.suspended', pit.partnerIds.politie, JSON.stringify({ suspensionId: id })],
      ['partner.suspension_lifted', pit.partnerIds.politie, JSON.stringify({ suspensionId: id })],
    ]);
    // The reasons themselves stay in the suspension's own row.
    const row = deps.db.select().from(partnerSuspensions).where(eq(partnerSuspensions.id, id)).get()!;
    expect([row.reason, row.decisionReason, row.liftReason]).toEqual([
      'Melding over mevrouw Jansen',
      'Gesprek met de heer Pietersen',
      'Afgerond na bezoek Dorpsstraat 3',
    ]);
    // The history names who proposed, decided and lifted it.
    expect(await fg.partners.suspensions()).toMatchObject([
      { id, status: 'lifted', proposedBy: coordinatorUser.name, decidedBy: fgUser.name, liftedBy: fgUser.name },
    ]);
  });
});
