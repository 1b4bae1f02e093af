// Issue 12: sessions and actors are cached for a few seconds per session token. Every change that
// must take effect at once still does: each test warms the cache through the HTTP context path
// (cookie → session → actor), makes the change, and asks again with the same cookie at once.
import { describe, expect, it } from 'vitest';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD, type TestTeam } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { createSession } from '../../server/auth/sessions';
import { createContextFactory } from '../../server/http/server';
import { createCallerFactory } from '../../server/trpc';
import { appRouter } from '../../server/routers';
import { SESSION_COOKIE } from '../../server/routers/auth';
import type { Actor } from '../../server/auth/actor';

const createCaller = createCallerFactory(appRouter);

/** A request as the HTTP server builds its context: the session cookie only. */
function request(deps: TestDeps, token: string) {
  const req = {
    headers: { cookie: `${SESSION_COOKIE}=${token}`, host: '127.0.0.1' },
    socket: { remoteAddress: '127.0.0.1' },
  } as unknown as IncomingMessage;
  const res = { appendHeader: () => res } as unknown as ServerResponse;
  return createCaller(createContextFactory(deps)({ req, res }));
}

const session = (deps: TestDeps, user: Actor) => createSession(deps.db, deps.config, user.id, deps.now()).token;
const codeOf = async (fn: () => Promise<unknown>) => (await errorOf(fn)).code;

/** A casus with a betrokkene from a gemeente (naw, BSN) that a member of `slug` reads via a task. */
async function caseReadBy(deps: TestDeps, team: TestTeam, gemeente: string, slug: string) {
  const coordinator = await makeUser(deps, team, 'coordinator', gemeente);
  const { id: caseId } = await makeCase(deps, team, coordinator);
  await callerFor(deps, coordinator).subjects.add({
    caseId,
    kind: 'person',
    sourcePartnerId: team.partnerIds[gemeente]!,
    items: [
      { category: 'naw', value: exampleValues.naw },
      { category: 'bsn', value: exampleValues.bsn, legalGround: 'art. 20.3c convenant' },
    ],
  });
  await callerFor(deps, coordinator).tasks.create({
    title: 'Meekijken',
    assigneePartnerId: team.partnerIds[slug]!,
    dueDate: '2026-12-20',
    caseId,
  });
  return { caseId, coordinator };
}

const categories = async (caller: ReturnType<typeof request>, caseId: number) =>
  (await caller.cases.get({ id: caseId })).subjects.flatMap((s) => s.items.map((i) => i.category)).sort();

describe('the session and actor cache (issue 12)', () => {
  it('answers repeated requests from the cache, and a logout ends the session at once', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const token = session(deps, member);
    expect((await request(deps, token).auth.me()).id).toBe(member.id);
    expect((await request(deps, token).auth.me()).id).toBe(member.id);
    await request(deps, token).auth.logout();
    expect(await codeOf(() => request(deps, token).auth.me())).toBe('UNAUTHORIZED');
  });

  it("a new password ends the account's other cached sessions at once", async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const [here, elsewhere] = [session(deps, member), session(deps, member)];
    expect((await request(deps, elsewhere).tasks.mine()).length).toBe(0);
    await request(deps, here).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'een-heel-nieuw-wachtwoord-42' });
    expect(await codeOf(() => request(deps, elsewhere).tasks.mine())).toBe('UNAUTHORIZED');
  });

  it('a disabled account loses its cached session at once', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const admin = callerFor(deps, await makeUser(deps, pit, 'admin'));
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const token = session(deps, member);
    expect((await request(deps, token).auth.me()).id).toBe(member.id);
    await admin.users.setDisabled({ userId: member.id, disabled: true });
    expect(await codeOf(() => request(deps, token).auth.me())).toBe('UNAUTHORIZED');
  });

  it("the team's 2FA requirement holds a cached session at once; turning 2FA off shows at once", async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const admin = callerFor(deps, await makeUser(deps, pit, 'admin'));
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const token = session(deps, member);
    expect(await request(deps, token).tasks.mine()).toEqual([]);
    expect((await request(deps, token).auth.me()).twoFactor).toMatchObject({ required: false, enabled: false });
    await admin.team.setTwoFactorRequired({ required: true });
    expect((await errorOf(() => request(deps, token).tasks.mine())).key).toBe('twoFactor.enrolRequired');
    expect((await request(deps, token).auth.me()).twoFactor).toMatchObject({ required: true, enabled: false });
  });

  it("a partner's suspension takes its users' personal data away at once, and lifting it gives it back at once (BIT art. 6.6)", async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const { caseId, coordinator } = await caseReadBy(deps, bit, 'hilversum', 'laren');
    const laren = await makeUser(deps, bit, 'member', 'laren');
    const fg = callerFor(deps, await makeUser(deps, bit, 'privacy'));
    const token = session(deps, laren);
    expect(await categories(request(deps, token), caseId)).toEqual(['bsn', 'naw']);
    const { id } = await callerFor(deps, coordinator).partners.suspend({ partnerId: bit.partnerIds.laren!, reason: 'Besluit stuurgroep' });
    await fg.partners.decideSuspension({ id, approve: true, reason: '', version: 1 });
    expect(await categories(request(deps, token), caseId)).toEqual([]);
    await fg.partners.liftSuspension({ id, reason: 'Afgerond', version: 2 });
    expect(await categories(request(deps, token), caseId)).toEqual(['bsn', 'naw']);
  });

  it("a partner leaving today ends its users' cached sessions at once (art. 14)", async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const admin = callerFor(deps, await makeUser(deps, bit, 'admin'));
    const laren = await makeUser(deps, bit, 'member', 'laren');
    const token = session(deps, laren);
    expect((await request(deps, token).auth.me()).id).toBe(laren.id);
    // Notice given a year ago: the partner leaves today.
    await admin.partners.leave({ partnerId: bit.partnerIds.laren!, noticeGivenOn: '2025-11-25', leftOn: '2026-11-25', version: 1 });
    expect(await codeOf(() => request(deps, token).auth.me())).toBe('UNAUTHORIZED');
  });

  it('idle expiry still applies to a cached session', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const token = session(deps, member);
    expect((await request(deps, token).auth.me()).id).toBe(member.id);
    deps.clock.advanceMinutes(deps.config.sessionIdleMinutes + 1);
    expect(await codeOf(() => request(deps, token).auth.me())).toBe('UNAUTHORIZED');
  });
});
