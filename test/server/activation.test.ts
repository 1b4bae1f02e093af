// Activation links (issue 8 item 12): a new account gets a one-time, expiring link and its user
// sets their own password; the manager never knows it. Raising a role is shown to the FG.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountActivations, auditLog, users } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { hashToken } from '../../server/auth/sessions';
import { ACTIVATION_HOURS } from '../../server/auth/activation';
import { startSmtpSink } from '../helpers/smtp-sink';
import { parseJson } from '../helpers/json';
import { match } from '../helpers/matchers';
import { closeMailTransports } from '../../server/mail';

const NEW_PASSWORD = 'mijn-eigen-lange-wachtwoord';
const tokenOf = (link: string) => link.split('#')[1]!;

async function setup(config: Parameters<typeof createTestDeps>[0] = {}) {
  const deps = createTestDeps(config);
  const pit = makeTeam(deps, 'pit');
  const admin = await makeUser(deps, pit, 'admin');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  return { deps, pit, admin, coordinator };
}

type CreateInput = Parameters<ReturnType<typeof callerFor>['users']['create']>[0];
/** users.create names no id (another team's address must answer the same, issue 8 item 10): look it up. */
async function createAccount(deps: TestDeps, manager: Awaited<ReturnType<typeof makeUser>>, input: CreateInput) {
  const created = await callerFor(deps, manager).users.create(input);
  return { ...created, id: deps.db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get()!.id };
}

async function newMember(deps: TestDeps, pit: TestTeam, manager: Awaited<ReturnType<typeof makeUser>>, email = 'nieuw@deurne.test') {
  return createAccount(deps, manager, { name: 'Nieuwe Collega', email, role: 'member', partnerId: pit.partnerIds.deurne });
}

describe('users.create with an activation link', () => {
  it('takes no password, returns a one-time link whose token is stored only as a hash', async () => {
    const { deps, pit, coordinator } = await setup({ config: { publicUrl: 'https://overleg.example.nl' } });
    const created = await newMember(deps, pit, coordinator);
    expect(created).toEqual({
      ok: true,
      id: created.id,
      mailed: false,
      activationLink: match.stringMatching(/^https:\/\/overleg\.example\.nl\/activeren#[\w-]{43}$/),
      expiresAt: '2026-11-28T09:00:00.000Z',
    });
    const token = tokenOf(created.activationLink!);
    const row = deps.db.select().from(accountActivations).where(eq(accountActivations.userId, created.id)).get()!;
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(deps.db.select().from(accountActivations).all())).not.toContain(token);
    // Nobody can log in to the account before its user chose a password.
    const members = await callerFor(deps, coordinator).team.members();
    expect(members.find((m) => m.id === created.id)).toMatchObject({
      activationPendingUntil: '2026-11-28T09:00:00.000Z',
      twoFactor: false,
    });
  });

  it('the link shows whose account it is, sets the password once, and the user logs in with it', async () => {
    const { deps, pit, coordinator } = await setup();
    const created = await newMember(deps, pit, coordinator);
    const token = tokenOf(created.activationLink!);
    const anonymous = callerFor(deps, null, { ip: '198.51.100.4' });
    expect(await anonymous.auth.activation({ token })).toEqual({ name: 'Nieuwe Collega', email: 'nieuw@deurne.test' });

    const before = deps.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, created.id)).get()!.h;
    expect((await errorOf(() => anonymous.auth.activate({ token, password: 'kort' }))).key).toBe('auth.passwordTooWeak');
    expect(deps.db.select({ h: users.passwordHash }).from(users).where(eq(users.id, created.id)).get()!.h).toBe(before);

    await anonymous.auth.activate({ token, password: NEW_PASSWORD });
    const cookies: string[] = [];
    expect(await callerFor(deps, null, { cookies }).auth.login({ email: 'nieuw@deurne.test', password: NEW_PASSWORD })).toEqual({
      ok: true,
      secondFactor: null,
    });
    expect(cookies).toHaveLength(1);

    // Single use: the same link answers like an unknown one.
    const again = await errorOf(() => anonymous.auth.activate({ token, password: 'nog-een-ander-wachtwoord' }));
    const unknown = await errorOf(() => anonymous.auth.activate({ token: 'y'.repeat(43), password: 'nog-een-ander-wachtwoord' }));
    expect(again).toEqual(unknown);
    expect(again).toMatchObject({ code: 'NOT_FOUND', key: 'activation.invalid' });
    expect((await errorOf(() => anonymous.auth.activation({ token }))).key).toBe('activation.invalid');
    const activated = deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.activated')).get()!;
    expect([activated.actorId, activated.entityId, JSON.parse(activated.detail!)]).toEqual([
      created.id,
      created.id,
      { ip: '198.51.100.4' },
    ]);
    const members = await callerFor(deps, coordinator).team.members();
    expect(members.find((m) => m.id === created.id)?.activationPendingUntil).toBeNull();
  });

  it('two parallel activations with the same link: exactly one sets the password', async () => {
    const { deps, pit, coordinator } = await setup();
    const token = tokenOf((await newMember(deps, pit, coordinator)).activationLink!);
    const results = await Promise.allSettled([
      callerFor(deps, null).auth.activate({ token, password: 'eerste-lange-wachtwoord' }),
      callerFor(deps, null).auth.activate({ token, password: 'tweede-lange-wachtwoord' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results[0].status === 'fulfilled' ? 'eerste-lange-wachtwoord' : 'tweede-lange-wachtwoord';
    expect((await callerFor(deps, null).auth.login({ email: 'nieuw@deurne.test', password: winner })).ok).toBe(true);
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.activated')).all()).toHaveLength(1);
  });

  it(`expires after ${ACTIVATION_HOURS} hours`, async () => {
    const { deps, pit, coordinator } = await setup();
    const first = tokenOf((await newMember(deps, pit, coordinator, 'een@deurne.test')).activationLink!);
    const second = tokenOf((await newMember(deps, pit, coordinator, 'twee@deurne.test')).activationLink!);
    deps.clock.advanceMinutes(ACTIVATION_HOURS * 60 - 1);
    await callerFor(deps, null).auth.activate({ token: first, password: NEW_PASSWORD });
    deps.clock.advanceMinutes(1);
    expect((await errorOf(() => callerFor(deps, null).auth.activate({ token: second, password: NEW_PASSWORD }))).key).toBe(
      'activation.invalid',
    );
  });

  it('a disabled account cannot be activated', async () => {
    const { deps, pit, coordinator } = await setup();
    const created = await newMember(deps, pit, coordinator);
    await callerFor(deps, coordinator).users.setDisabled({ userId: created.id, disabled: true });
    expect(
      (await errorOf(() => callerFor(deps, null).auth.activate({ token: tokenOf(created.activationLink!), password: NEW_PASSWORD }))).key,
    ).toBe('activation.invalid');
  });
});

describe('re-issuing the link', () => {
  it('a new link replaces the old one; only for accounts not yet activated', async () => {
    const { deps, pit, coordinator } = await setup();
    const created = await newMember(deps, pit, coordinator);
    const old = tokenOf(created.activationLink!);
    deps.clock.advanceMinutes(60);
    const reissued = await callerFor(deps, coordinator).users.reissueActivation({ userId: created.id });
    expect(reissued.expiresAt).toBe('2026-11-28T10:00:00.000Z');
    expect((await errorOf(() => callerFor(deps, null).auth.activation({ token: old }))).key).toBe('activation.invalid');
    await callerFor(deps, null).auth.activate({ token: tokenOf(reissued.activationLink!), password: NEW_PASSWORD });
    // Once the user chose a password, a manager cannot get a link to set it after all.
    expect((await errorOf(() => callerFor(deps, coordinator).users.reissueActivation({ userId: created.id }))).key).toBe(
      'activation.alreadyActive',
    );
    // Accounts that were never created with a link (demo, create-admin) are active too.
    expect((await errorOf(() => callerFor(deps, coordinator).users.reissueActivation({ userId: coordinator.id }))).code).toBe('FORBIDDEN');
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.activation_reissued')).all()).toHaveLength(1);
  });

  it('the coordinator re-issues for members and viewers only; another team’s account answers like a missing one', async () => {
    const { deps, pit, admin, coordinator } = await setup();
    const fg = await createAccount(deps, admin, { name: 'Nieuwe FG', email: 'fg2@pit.test', role: 'privacy' });
    expect((await errorOf(() => callerFor(deps, coordinator).users.reissueActivation({ userId: fg.id }))).key).toBe('users.roleNotAllowed');
    await callerFor(deps, admin).users.reissueActivation({ userId: fg.id });
    const bit = makeTeam(deps, 'bit');
    const bitAdmin = await makeUser(deps, bit, 'admin');
    const foreign = await errorOf(() => callerFor(deps, bitAdmin).users.reissueActivation({ userId: fg.id }));
    const missing = await errorOf(() => callerFor(deps, bitAdmin).users.reissueActivation({ userId: 999_999 }));
    expect(foreign).toEqual(missing);
    const member = await makeUser(deps, pit, 'member', 'helmond');
    expect((await errorOf(() => callerFor(deps, member).users.reissueActivation({ userId: fg.id }))).code).toBe('FORBIDDEN');
  });

  it('members see no account status of their colleagues', async () => {
    const { deps, pit, coordinator } = await setup();
    await newMember(deps, pit, coordinator);
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const list = await callerFor(deps, member).team.members();
    expect(list.every((m) => m.activationPendingUntil === null && m.twoFactor === null)).toBe(true);
  });
});

describe('raising an account to coordinator, FG or admin', () => {
  it('is audited as its own action and listed in the FG’s Logboek', async () => {
    const { deps, pit, admin, coordinator } = await setup();
    const coord = await createAccount(deps, admin, {
      name: 'Tweede coördinator',
      email: 'coord2@pit.test',
      role: 'coordinator',
      partnerId: pit.partnerIds.helmond,
    });
    const fg = await createAccount(deps, admin, { name: 'Tweede FG', email: 'fg2@pit.test', role: 'privacy' });
    await newMember(deps, pit, coordinator);
    const raised = deps.db.select().from(auditLog).where(eq(auditLog.action, 'user.role_raised')).all();
    expect(raised.map((r) => [r.actorId, r.entityId, parseJson(r.detail!)])).toEqual([
      [admin.id, coord.id, { role: 'coordinator' }],
      [admin.id, fg.id, { role: 'privacy' }],
    ]);
    const privacy = await makeUser(deps, pit, 'privacy');
    const page = await callerFor(deps, privacy).audit.list({ action: 'user.role_raised' });
    expect(page.items.map((i) => i.action)).toEqual(['user.role_raised', 'user.role_raised']);
  });
});

describe('the link by e-mail', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    closeMailTransports();
    await sink.close();
  });

  it('is mailed to the new user when mail is configured, and then not shown to the manager', async () => {
    const { deps, pit, coordinator } = await setup({
      config: { smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl', mailFrom: 'Overleg <overleg@example.nl>' },
    });
    const created = await newMember(deps, pit, coordinator);
    expect(created).toMatchObject({ mailed: true, activationLink: null });
    expect(sink.messages.map((m) => m.to)).toEqual([['nieuw@deurne.test']]);
    const raw = sink.messages[0]!.raw.replace(/=\r?\n/g, '');
    const link = /https:\/\/overleg\.example\.nl\/activeren#([\w-]{43})/.exec(raw);
    expect(link).not.toBeNull();
    expect(await callerFor(deps, null).auth.activation({ token: link![1]! })).toEqual({
      name: 'Nieuwe Collega',
      email: 'nieuw@deurne.test',
    });
    // The mail carries the link and the team, no personal data of anyone else (P7).
    expect(raw).not.toContain(coordinator.name);
  });
});
