// P11 (art. 26): the casus page offers the informatieplicht form only to whom the server lets
// record it — the coordinator and the members of the team's informing partner (PIT: Helmond;
// BIT names none, so there the coordinator alone). cases.get carries that as `mayRecordInforming`.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import type { SessionUser } from '../../server/auth/sessions';

describe('whom the casus page offers the informing form', () => {
  it("the coordinator and the informing partner's members only", async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const bit = makeTeam(deps, 'bit');
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const { id: caseId } = await makeCase(deps, pit, coordinator);
    const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    const { id: bitCase } = await makeCase(deps, bit, bitCoordinator);
    const offered = async (user: SessionUser, id: number) => (await callerFor(deps, user).cases.get({ id })).mayRecordInforming;
    const pitUsers = [
      coordinator,
      await makeUser(deps, pit, 'member', 'helmond'),
      await makeUser(deps, pit, 'member', 'asten'),
      await makeUser(deps, pit, 'member', 'senzer'),
      await makeUser(deps, pit, 'privacy'),
    ];
    const pitOffers: boolean[] = [];
    for (const u of pitUsers) pitOffers.push(await offered(u, caseId));
    expect(pitOffers).toEqual([true, true, false, false, false]);
    expect([await offered(bitCoordinator, bitCase), await offered(await makeUser(deps, bit, 'member', 'hilversum'), bitCase)]).toEqual([
      true,
      false,
    ]);
  });
});
