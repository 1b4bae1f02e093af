// Issue 8 items 1, 9 and 10: ids of another team answer exactly like ids that do not exist, ids
// in responses say nothing about hidden rows, and account creation never confirms another team's
// accounts.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountActivations, auditLog, policeSubjectItems, subjectItems, subjects, users } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { minutesScenario } from '../helpers/minutes';
import { match } from '../helpers/matchers';

const MISSING = 'AAAAAAAAAAAAAAAAAAAAAA';
const itemCount = (deps: ReturnType<typeof createTestDeps>) =>
  deps.db.select().from(subjectItems).all().length + deps.db.select().from(policeSubjectItems).all().length;

async function twoTeams() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const bit = makeTeam(deps, 'bit');
  const pitCoordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const pitGemeente = await makeUser(deps, pit, 'member', 'helmond');
  const pitPolitie = await makeUser(deps, pit, 'member', 'politie');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  const bitGemeente = await makeUser(deps, bit, 'member', 'laren');
  const bitPolitie = await makeUser(deps, bit, 'member', 'politie');
  const { id: caseId } = await makeCase(deps, pit, pitCoordinator);
  const { id: subjectId } = await callerFor(deps, pitGemeente).subjects.add({
    caseId,
    kind: 'person',
    items: [{ category: 'naw', value: 'A. Pit-Betrokkene, Markt 1' }],
  });
  return { deps, pit, bit, pitCoordinator, pitGemeente, pitPolitie, bitCoordinator, bitGemeente, bitPolitie, caseId, subjectId };
}

describe('item 1: a betrokkene of another team is NOT_FOUND, exactly like a missing one', () => {
  it('a BIT member or coordinator writes no items (police items neither) into a PIT betrokkene', async () => {
    const s = await twoTeams();
    const before = itemCount(s.deps);
    const auditBefore = s.deps.db.select().from(auditLog).all().length;
    for (const [user, sourcePartnerId] of [
      [s.bitGemeente, null],
      [s.bitPolitie, null],
      [s.bitCoordinator, s.bit.partnerIds.politie!],
    ] as const) {
      const add = (subjectId: string) =>
        errorOf(() =>
          callerFor(s.deps, user).subjects.addItems({
            subjectId,
            sourcePartnerId,
            items: [{ category: 'naw', value: 'Ingeschoven, Elders 9' }],
          }),
        );
      const other = await add(s.subjectId);
      expect(other).toEqual({ code: 'NOT_FOUND', message: 'notFound', key: 'notFound' });
      expect(other).toEqual(await add(MISSING));
    }
    expect(itemCount(s.deps)).toBe(before);
    // No audit row for the PIT FG (or anyone's) about a write that did not happen.
    expect(s.deps.db.select().from(auditLog).all().length).toBe(auditBefore);
  });

  it("setInformed and revealBsn on another team's betrokkene are NOT_FOUND like a missing id", async () => {
    const s = await twoTeams();
    await callerFor(s.deps, s.pitGemeente).subjects.add({
      caseId: s.caseId,
      kind: 'person',
      items: [{ category: 'bsn', value: '111222333', legalGround: 'art. 20.3c' }],
    });
    const pitView = await callerFor(s.deps, s.pitCoordinator).cases.get({ id: s.caseId });
    const bsnItem = pitView.subjects.flatMap((x) => x.items).find((i) => i.category === 'bsn')!;
    const bit = callerFor(s.deps, s.bitCoordinator);
    const informed = (subjectId: string) =>
      errorOf(() => bit.subjects.setInformed({ subjectId, informedOn: '2026-11-20', postponedReason: null }));
    expect(await informed(s.subjectId)).toEqual(await informed(MISSING));
    expect((await informed(s.subjectId)).code).toBe('NOT_FOUND');
    const reveal = (itemId: string) => errorOf(() => bit.subjects.revealBsn({ itemId }));
    expect(await reveal(bsnItem.id)).toEqual(await reveal(MISSING));
    expect((await reveal(bsnItem.id)).code).toBe('NOT_FOUND');
    expect(s.deps.db.select({ informedOn: subjects.informedOn }).from(subjects).all()).toEqual([
      { informedOn: null },
      { informedOn: null },
    ]);
  });
});

describe('item 9: ids in responses do not reveal hidden rows', () => {
  it('betrokkenen and items have opaque ids: the same for every reader of the team, no row numbers, no police mark', async () => {
    const s = await twoTeams();
    // A police-only betrokkene between two others: a Senzer member must not see a gap.
    await callerFor(s.deps, s.pitPolitie).subjects.add({
      caseId: s.caseId,
      kind: 'person',
      items: [{ category: 'kenteken', value: '12-ABC-3' }],
    });
    await callerFor(s.deps, s.pitGemeente).subjects.add({
      caseId: s.caseId,
      kind: 'company',
      items: [{ category: 'naleving', value: 'Vermoedelijk bewoning' }],
    });
    const senzer = await makeUser(s.deps, s.pit, 'member', 'senzer');
    // P14: Senzer takes part through a task, so only the matrix hides the police betrokkene.
    await callerFor(s.deps, s.pitCoordinator).tasks.create({
      title: 'Meekijken',
      assigneePartnerId: s.pit.partnerIds.senzer!,
      dueDate: '2026-12-10',
      caseId: s.caseId,
    });
    const forCoordinator = await callerFor(s.deps, s.pitCoordinator).cases.get({ id: s.caseId });
    const forSenzer = await callerFor(s.deps, senzer).cases.get({ id: s.caseId });
    const rows = s.deps.db
      .select({ id: subjects.id })
      .from(subjects)
      .all()
      .map((r) => String(r.id));
    expect(forCoordinator.subjects).toHaveLength(3);
    expect(forSenzer.subjects).toHaveLength(2);
    const ids = forCoordinator.subjects.flatMap((x) => [x.id, ...x.items.map((i) => i.id)]);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(rows).not.toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    // The same betrokkene has the same id for both readers (links and the BSN reveal keep working).
    expect(forSenzer.subjects.map((x) => x.id)).toEqual([forCoordinator.subjects[0]!.id, forCoordinator.subjects[2]!.id]);
    // The id a team's reader got does not work in the other team.
    const err = await errorOf(() =>
      callerFor(s.deps, s.bitCoordinator).subjects.setInformed({
        subjectId: forCoordinator.subjects[0]!.id,
        informedOn: '2026-11-20',
        postponedReason: null,
      }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });

  it("minutes.get answers a hidden concept, a meeting without verslag, another team's and a missing meeting the same", async () => {
    const s = await minutesScenario();
    const bit = makeTeam(s.deps, 'bit');
    const bitCoordinator = await makeUser(s.deps, bit, 'coordinator', 'hilversum');
    const { id: bitMeeting } = await callerFor(s.deps, bitCoordinator).meetings.create({ startsAt: '2026-12-01T09:00:00Z' });
    const get = (meetingId: number) => errorOf(() => callerFor(s.deps, s.gemeente).minutes.get({ meetingId }));
    const hiddenConcept = await get(s.meeting.id); // the verslag is still a concept
    expect(hiddenConcept).toEqual({ code: 'NOT_FOUND', message: 'minutes.notAvailable', key: 'minutes.notAvailable' });
    expect(await get(999_999)).toEqual(hiddenConcept);
    expect(await get(bitMeeting)).toEqual(hiddenConcept);
  });
});

describe("item 10: creating an account never confirms another team's account", () => {
  it("an address of another team answers like a new one, creates nothing and is logged for that team's FG", async () => {
    const s = await twoTeams();
    const admin = await makeUser(s.deps, s.pit, 'admin');
    const base = { name: 'Nieuwe Collega', role: 'member' as const, partnerId: s.pit.partnerIds.helmond };
    const usersBefore = s.deps.db.select().from(users).all().length;
    const activationsBefore = s.deps.db.select().from(accountActivations).all().length;
    const fresh = await callerFor(s.deps, admin).users.create({ ...base, email: 'nieuw@helmond.test' });
    const other = await callerFor(s.deps, admin).users.create({ ...base, email: s.bitGemeente.email.toUpperCase() });
    // Both answers have exactly the same shape: keys, values where they are not per account, and a
    // link of the same form (the other team's link is fresh and activates nothing).
    const link = /^\S+\/activeren#[\w-]{43}$/;
    expect(Object.keys(other).sort()).toEqual(Object.keys(fresh).sort());
    expect(Object.keys(fresh).sort()).toEqual(['activationLink', 'expiresAt', 'mailed', 'ok']);
    expect(fresh).toEqual({ ok: true, mailed: false, activationLink: match.stringMatching(link), expiresAt: fresh.expiresAt });
    expect(other).toEqual({ ok: true, mailed: false, activationLink: match.stringMatching(link), expiresAt: fresh.expiresAt });
    expect(other.activationLink!.split('#')[0]).toBe(fresh.activationLink!.split('#')[0]);
    expect(other.activationLink).not.toBe(fresh.activationLink);
    const token = other.activationLink!.split('#')[1]!;
    expect(await errorOf(() => callerFor(s.deps, null).auth.activation({ token }))).toMatchObject({
      code: 'NOT_FOUND',
      key: 'activation.invalid',
    });
    // Only the new account was created.
    expect(s.deps.db.select().from(users).all().length).toBe(usersBefore + 1);
    expect(s.deps.db.select().from(accountActivations).all().length).toBe(activationsBefore + 1);
    const owners = s.deps.db.select({ teamId: users.teamId }).from(users).where(eq(users.email, s.bitGemeente.email)).all();
    expect(owners).toEqual([{ teamId: s.bit.teamId }]);
    const refused = s.deps.db
      .select({ teamId: auditLog.teamId, entityId: auditLog.entityId })
      .from(auditLog)
      .where(eq(auditLog.action, 'user.create_refused'))
      .all();
    expect(refused).toEqual([{ teamId: s.bit.teamId, entityId: s.bitGemeente.id }]);
    // The own team's accounts are known to its managers: there "taken" is said.
    expect(await errorOf(() => callerFor(s.deps, admin).users.create({ ...base, email: s.pitGemeente.email }))).toMatchObject({
      code: 'CONFLICT',
      key: 'users.emailTaken',
    });
  });
});
