// Covenant changes through their four-eyes path (art. 12, 13): a partner joins, or the sharing
// matrix changes, only after the FG approves. Tests that need the result use these.
import { partnerJoinings, type Audience, type ItemCategory, type PartnerKind } from '../../db/schema';
import { eq } from 'drizzle-orm';
import type { TestDeps } from './deps';
import { callerFor, makeUser, type TestTeam } from './factories';

/** The coordinator requests, every partner consents, the annex is recorded, the FG approves. */
export async function joinApproved(
  deps: TestDeps,
  team: TestTeam,
  input: { name: string; shortName: string; kind: PartnerKind; joinedOn: string },
): Promise<number> {
  const coordinator = callerFor(deps, await makeUser(deps, team, 'coordinator', Object.keys(team.partnerIds)[0]));
  const fg = callerFor(deps, await makeUser(deps, team, 'privacy'));
  const { joiningId } = await coordinator.partners.join(input);
  for (const p of (await coordinator.partners.list()).filter((x) => x.active)) {
    await coordinator.partners.recordConsent({
      joiningId,
      partnerId: p.id,
      consentedOn: '2026-11-20',
      consentedBy: `Directeur ${p.shortName}`,
      reference: `INST-${p.id}`,
    });
  }
  const version = () =>
    deps.db.select({ v: partnerJoinings.version }).from(partnerJoinings).where(eq(partnerJoinings.id, joiningId)).get()!.v;
  await coordinator.partners.recordAnnex({ joiningId, annexRef: `Bijlage toetreding ${input.shortName}`, version: version() });
  const { partnerId } = await fg.partners.decideJoining({ joiningId, approve: true, reason: '', version: version() });
  return partnerId!;
}

export type Cell = { sourceKind: PartnerKind; category: ItemCategory; audience: Audience | null };

/** The admin proposes under an addendum, the FG approves: the change takes effect. */
export async function shareApproved(deps: TestDeps, team: TestTeam, changes: Cell[], addendumRef = 'Addendum 1') {
  const admin = callerFor(deps, await makeUser(deps, team, 'admin'));
  const fg = callerFor(deps, await makeUser(deps, team, 'privacy'));
  const proposal = await admin.sharing.propose({ addendumRef, changes });
  await fg.sharing.decide({ id: proposal.id, approve: true, reason: '', version: 1 });
  return proposal;
}
