import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, sessions } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { hashToken, resolveSession } from '../../server/auth/sessions';
import { verifyAuditChain } from '../../server/audit';

function tokenFrom(cookies: string[]): string {
  const last = cookies.at(-1)!;
  return last.split(';')[0]!.split('=')[1]!;
}

async function setup() {
  const deps = createTestDeps();
  const team = makeTeam(deps, 'pit');
  const user = await makeUser(deps, team, 'member', 'helmond');
  return { deps, team, user };
}

async function loginAs(deps: ReturnType<typeof createTestDeps>, email: string, password = TEST_PASSWORD, ip = '10.0.0.1') {
  const cookies: string[] = [];
  await callerFor(deps, null, { cookies, ip }).auth.login({ email, password });
  return tokenFrom(cookies);
}

describe('auth.login', () => {
  it('logs in with the right password and sets an httpOnly SameSite=Lax cookie; only the token hash is stored', async () => {
    const { deps, user } = await setup();
    const cookies: string[] = [];
    await callerFor(deps, null, { cookies }).auth.login({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(cookies[0]).toMatch(/^overleg_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const token = tokenFrom(cookies);
    const stored = deps.db.select().from(sessions).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(resolveSession(deps.db, deps.config, token, deps.now())?.id).toBe(user.id);
  });

  it('answers a wrong password and an unknown e-mail identically', async () => {
    const { deps, user } = await setup();
    const wrong = await errorOf(() => callerFor(deps, null).auth.login({ email: user.email, password: 'niet-het-wachtwoord' }));
    const unknown = await errorOf(() => callerFor(deps, null).auth.login({ email: 'niemand@pit.test', password: 'niet-het-wachtwoord' }));
    expect(wrong).toEqual({ code: 'UNAUTHORIZED', message: 'auth.invalidCredentials', key: 'auth.invalidCredentials' });
    expect(unknown).toEqual(wrong);
  });

  it('issues a new token at every login', async () => {
    const { deps, user } = await setup();
    const first = await loginAs(deps, user.email);
    const second = await loginAs(deps, user.email);
    expect(first).not.toBe(second);
  });

  it('throttles an address after twenty failures across accounts', async () => {
    const { deps, user } = await setup();
    for (let i = 0; i < 20; i++) {
      await errorOf(() => callerFor(deps, null, { ip: '192.0.2.7' }).auth.login({ email: `poging${i}@pit.test`, password: 'fout' }));
    }
    const fromThatAddress = await errorOf(() =>
      callerFor(deps, null, { ip: '192.0.2.7' }).auth.login({ email: user.email, password: TEST_PASSWORD }),
    );
    expect(fromThatAddress.code).toBe('TOO_MANY_REQUESTS');
    await expect(loginAs(deps, user.email, TEST_PASSWORD, '192.0.2.8')).resolves.toBeTypeOf('string');
  });

  it('refuses a disabled account with the same answer as a wrong password', async () => {
    const { deps, team, user } = await setup();
    const coordinator = await makeUser(deps, team, 'coordinator', 'helmond');
    await callerFor(deps, coordinator).users.setDisabled({ userId: user.id, disabled: true });
    const err = await errorOf(() => callerFor(deps, null).auth.login({ email: user.email, password: TEST_PASSWORD }));
    expect(err.key).toBe('auth.invalidCredentials');
  });
});

describe('sessions', () => {
  it('expire after the idle time', async () => {
    const { deps, user } = await setup();
    const token = await loginAs(deps, user.email);
    deps.clock.advanceMinutes(deps.config.sessionIdleMinutes - 1);
    expect(resolveSession(deps.db, deps.config, token, deps.now())).not.toBeNull();
    deps.clock.advanceMinutes(deps.config.sessionIdleMinutes + 1);
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
    expect(deps.db.select().from(sessions).all()).toHaveLength(0);
  });

  it('expire at the absolute limit even when used continuously', async () => {
    const { deps, user } = await setup();
    const token = await loginAs(deps, user.email);
    for (let minutes = 0; minutes < deps.config.sessionMaxHours * 60 - 30; minutes += 30) {
      deps.clock.advanceMinutes(30);
      expect(resolveSession(deps.db, deps.config, token, deps.now())).not.toBeNull();
    }
    deps.clock.advanceMinutes(31);
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
  });

  it('end at once when the account is disabled', async () => {
    const { deps, team, user } = await setup();
    const token = await loginAs(deps, user.email);
    const admin = await makeUser(deps, team, 'admin');
    await callerFor(deps, admin).users.setDisabled({ userId: user.id, disabled: true });
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
    expect(deps.db.select().from(sessions).where(eq(sessions.userId, user.id)).all()).toHaveLength(0);
  });

  it('end with logout', async () => {
    const { deps, user } = await setup();
    const token = await loginAs(deps, user.email);
    await callerFor(deps, user, { sessionToken: token }).auth.logout();
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
  });

  it('auth.me returns the contract shape', async () => {
    const { deps, team, user } = await setup();
    const me = await callerFor(deps, user).auth.me();
    expect(me).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
      role: 'member',
      teamId: team.teamId,
      partnerId: team.partnerIds.helmond,
      locale: 'nl',
      twoFactor: { enabled: false, required: false, applies: true, recoveryCodesLeft: 0 },
    });
    expect((await errorOf(() => callerFor(deps, null).auth.me())).code).toBe('UNAUTHORIZED');
  });

  it('a changed password ends the other sessions and the old password stops working', async () => {
    const { deps, user } = await setup();
    const token = await loginAs(deps, user.email);
    await callerFor(deps, user).auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'een-nieuw-lang-wachtwoord' });
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
    expect((await errorOf(() => loginAs(deps, user.email))).code).toBe('UNAUTHORIZED');
    await expect(loginAs(deps, user.email, 'een-nieuw-lang-wachtwoord')).resolves.toBeTypeOf('string');
  });
});

describe('audit log (P6)', () => {
  it('records logins and failed logins in a verifiable hash chain that cannot be altered', async () => {
    const { deps, user } = await setup();
    await loginAs(deps, user.email);
    await errorOf(() => callerFor(deps, null).auth.login({ email: user.email, password: 'fout' }));
    const actions = deps.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .all()
      .map((r) => r.action);
    expect(actions).toEqual(['auth.login', 'auth.login.failed']);
    expect(verifyAuditChain(deps.db)).toBeNull();
    expect(() => deps.db.$client.exec("UPDATE audit_log SET action = 'x'")).toThrow(/append-only/);
    expect(() => deps.db.$client.exec('DELETE FROM audit_log')).toThrow(/append-only/);
  });
});
