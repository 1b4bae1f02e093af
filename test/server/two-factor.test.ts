// Two-factor authentication (BIO 23.1a, issue 8 item 16): enrolment, the two-step login and its
// throttling, recovery codes, the team requirement enforced by the middleware, sessions.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { auditLog, loginChallenges, recoveryCodes, sessions, teams, userTotp } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, reloadUser, TEST_PASSWORD } from '../helpers/factories';
import { createSession, hashToken, resolveSession, type SessionUser } from '../../server/auth/sessions';
import { purgeExpiredAuth } from '../../server/auth/active-sessions';
import { CODE_LOCK_MINUTES, MAX_CHALLENGE_ATTEMPTS } from '../../server/auth/two-factor';
import { appRouter } from '../../server/routers';
import { verifyAuditChain } from '../../server/audit';

const codeAt = (secret: string, deps: TestDeps) => TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: deps.now().getTime() });
const tokenFrom = (cookies: string[]) => cookies.at(-1)!.split(';')[0]!.split('=')[1]!;
const actions = (deps: TestDeps) =>
  deps.db
    .select({ action: auditLog.action })
    .from(auditLog)
    .all()
    .map((r) => r.action);

async function setup(options: { required?: boolean } = {}) {
  const deps = createTestDeps();
  const team = makeTeam(deps, 'pit', {}, { twoFactorRequired: options.required ?? false });
  const user = await makeUser(deps, team, 'member', 'helmond');
  return { deps, team, user };
}

/** Logs in with the password only (no second factor yet); returns the session token. */
async function passwordSession(deps: TestDeps, user: SessionUser) {
  const cookies: string[] = [];
  const result = await callerFor(deps, null, { cookies }).auth.login({ email: user.email, password: TEST_PASSWORD });
  expect(result.ok).toBe(true);
  return tokenFrom(cookies);
}

/** Enrols the user from a session; returns the secret and the recovery codes. */
async function enrol(deps: TestDeps, user: SessionUser, sessionToken: string | null = null) {
  const caller = callerFor(deps, user, { sessionToken });
  const { secret } = await caller.twoFactor.begin();
  const { recoveryCodes: codes } = await caller.twoFactor.confirm({ code: codeAt(secret, deps) });
  return { secret, codes };
}

async function passwordStep(deps: TestDeps, user: SessionUser, ip = '10.0.0.1') {
  const cookies: string[] = [];
  const result = await callerFor(deps, null, { cookies, ip }).auth.login({ email: user.email, password: TEST_PASSWORD });
  return { result, cookies };
}

describe('enrolment', () => {
  it('shows a QR code and the secret, stores the secret encrypted, and confirms with a code from the app', async () => {
    const { deps, user } = await setup();
    const caller = callerFor(deps, user);
    const begun = await caller.twoFactor.begin();
    expect(begun.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(begun.uri).toBe(
      `otpauth://totp/Overleg:${encodeURIComponent(user.email)}?issuer=Overleg&secret=${begun.secret}&algorithm=SHA1&digits=6&period=30`,
    );
    expect(begun.qrSvg.startsWith('<svg')).toBe(true);
    const stored = deps.db.select().from(userTotp).where(eq(userTotp.userId, user.id)).get()!;
    expect(stored.confirmedAt).toBeNull();
    expect(stored.secret.startsWith('v1:')).toBe(true);
    expect(JSON.stringify(deps.db.select().from(userTotp).all())).not.toContain(begun.secret);
    // Not yet on: the status says so and login is still one step.
    expect((await caller.twoFactor.status()).enabled).toBe(false);

    expect((await errorOf(() => caller.twoFactor.confirm({ code: '000000' }))).key).toBe('twoFactor.invalidCode');
    const { recoveryCodes: codes } = await caller.twoFactor.confirm({ code: codeAt(begun.secret, deps) });
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(new Set(codes).size).toBe(10);
    const hashes = JSON.stringify(deps.db.select().from(recoveryCodes).all());
    for (const c of codes) {
      expect(hashes).not.toContain(c);
      expect(hashes).not.toContain(c.replace('-', ''));
    }
    expect(await caller.twoFactor.status()).toEqual({ enabled: true, required: false, applies: true, recoveryCodesLeft: 10 });
    expect((await errorOf(() => caller.twoFactor.begin())).key).toBe('twoFactor.alreadyEnabled');
    expect(actions(deps)).toContain('auth.two_factor.enabled');
  });

  it('confirming ends every other session of the account, the current one stays', async () => {
    const { deps, user } = await setup();
    const current = await passwordSession(deps, user);
    const other = await passwordSession(deps, user);
    await enrol(deps, user, current);
    expect(resolveSession(deps.db, deps.config, current, deps.now())?.id).toBe(user.id);
    expect(resolveSession(deps.db, deps.config, other, deps.now())).toBeNull();
  });
});

describe('login with a second factor', () => {
  it('the password step creates no session and no cookie; the code step does', async () => {
    const { deps, user } = await setup();
    const { secret } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    const { result, cookies } = await passwordStep(deps, user);
    expect(result.ok).toBe(false);
    expect(cookies).toEqual([]);
    expect(deps.db.select().from(sessions).all()).toEqual([]);
    const challenge = result.secondFactor!.challenge;
    expect(challenge).toMatch(/^[\w-]{43}$/);
    // Only the hash of the challenge is stored.
    expect(
      deps.db
        .select()
        .from(loginChallenges)
        .all()
        .map((c) => c.tokenHash),
    ).toEqual([hashToken(challenge)]);

    const codeCookies: string[] = [];
    await callerFor(deps, null, { cookies: codeCookies }).auth.loginCode({ challenge, code: codeAt(secret, deps) });
    expect(codeCookies[0]).toMatch(/^overleg_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(resolveSession(deps.db, deps.config, tokenFrom(codeCookies), deps.now())?.id).toBe(user.id);
    expect(deps.db.select().from(loginChallenges).all()).toEqual([]);
    const login = deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login')).all().at(-1)!;
    expect(JSON.parse(login.detail!)).toEqual({ ip: '127.0.0.1', secondFactor: 'totp' });
    expect(verifyAuditChain(deps.db)).toBeNull();
  });

  it('a code is accepted once: the same code does not log in twice', async () => {
    const { deps, user } = await setup();
    const { secret } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    const code = codeAt(secret, deps);
    const first = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    await callerFor(deps, null).auth.loginCode({ challenge: first, code });
    const second = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    expect((await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge: second, code }))).key).toBe('twoFactor.invalidCode');
    // The next 30-second step's code works.
    deps.clock.advanceMinutes(1);
    await callerFor(deps, null).auth.loginCode({ challenge: second, code: codeAt(secret, deps) });
  });

  it('a recovery code logs in once and is then used up; the count goes down', async () => {
    const { deps, user } = await setup();
    const { codes } = await enrol(deps, user);
    const first = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    const cookies: string[] = [];
    await callerFor(deps, null, { cookies }).auth.loginCode({ challenge: first, code: codes[3]!.toUpperCase() });
    expect(cookies).toHaveLength(1);
    const second = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    expect((await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge: second, code: codes[3]! }))).key).toBe(
      'twoFactor.invalidCode',
    );
    expect((await callerFor(deps, user).twoFactor.status()).recoveryCodesLeft).toBe(9);
    expect(actions(deps)).toContain('auth.two_factor.recovery_used');
  });

  it('a challenge allows five attempts, counted before the code is checked, even when they arrive in parallel', async () => {
    const { deps, user } = await setup();
    const { secret } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    const wrong = Array.from({ length: 12 }, (_, i) => String(100000 + i));
    const results = await Promise.allSettled(wrong.map((code) => callerFor(deps, null).auth.loginCode({ challenge, code })));
    expect(results.every((r) => r.status === 'rejected')).toBe(true);
    // The right code no longer helps: the challenge is void, and no session was created.
    const err = await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: codeAt(secret, deps) }));
    expect(err.code).toBe('UNAUTHORIZED');
    expect(deps.db.select().from(sessions).all()).toEqual([]);
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'auth.two_factor.failed')).all()).toHaveLength(MAX_CHALLENGE_ATTEMPTS);
  });

  it('five wrong codes lock the second step for 15 minutes, across new challenges', async () => {
    const { deps, user } = await setup();
    const { secret } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    for (let i = 0; i < 5; i++) {
      const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
      await errorOf(() =>
        callerFor(deps, null).auth.loginCode({ challenge, code: '123456' === codeAt(secret, deps) ? '654321' : '123456' }),
      );
    }
    const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    const locked = await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: codeAt(secret, deps) }));
    expect(locked.code).toBe('TOO_MANY_REQUESTS');
    expect(deps.db.select().from(sessions).all()).toEqual([]);
    deps.clock.advanceMinutes(CODE_LOCK_MINUTES + 1);
    const later = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    await callerFor(deps, null).auth.loginCode({ challenge: later, code: codeAt(secret, deps) });
    expect(deps.db.select().from(sessions).all()).toHaveLength(1);
  });

  it('each further series of five wrong codes locks twice as long; a correct code resets the count', async () => {
    const { deps, user } = await setup();
    const { secret } = await enrol(deps, user);
    const wrongCodes = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
        const wrong = codeAt(secret, deps) === '123456' ? '654321' : '123456';
        await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: wrong }));
      }
    };
    const tryRight = async () => {
      const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
      return errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: codeAt(secret, deps) })).catch(() => null);
    };
    await wrongCodes(5);
    deps.clock.advanceMinutes(16);
    await wrongCodes(5);
    deps.clock.advanceMinutes(16);
    expect((await tryRight())?.code).toBe('TOO_MANY_REQUESTS');
    deps.clock.advanceMinutes(15);
    expect(await tryRight()).toBeNull();
    expect(deps.db.select({ f: userTotp.failures }).from(userTotp).get()!.f).toBe(0);
  });

  it('a challenge expires after 5 minutes, and ends when the account is disabled meanwhile', async () => {
    const { deps, team, user } = await setup();
    const { secret } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    deps.clock.advanceMinutes(6);
    expect((await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: codeAt(secret, deps) }))).key).toBe(
      'twoFactor.challengeExpired',
    );

    const admin = await makeUser(deps, team, 'admin');
    const next = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    await callerFor(deps, admin).users.setDisabled({ userId: user.id, disabled: true });
    expect((await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge: next, code: codeAt(secret, deps) }))).key).toBe(
      'twoFactor.challengeExpired',
    );
    expect(deps.db.select().from(sessions).all()).toEqual([]);
  });

  it('an unknown challenge answers like an expired one', async () => {
    const { deps } = await setup();
    const err = await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge: 'x'.repeat(43), code: '123456' }));
    expect(err).toMatchObject({ code: 'UNAUTHORIZED', key: 'twoFactor.challengeExpired' });
  });
});

describe('the team requirement (enforced by the middleware)', () => {
  it('an account without 2FA can only enrol: every other procedure answers twoFactor.enrolRequired', async () => {
    const { deps, user } = await setup({ required: true });
    const caller = callerFor(deps, user) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const allowed = new Set(['auth.me', 'auth.logout', 'auth.setLocale', 'twoFactor.status', 'twoFactor.begin', 'twoFactor.confirm']);
    const publicOnes = new Set(['auth.login', 'auth.loginCode', 'auth.activation', 'auth.activate']);
    const paths = Object.keys(appRouter._def.procedures);
    expect(paths.length).toBeGreaterThan(60);
    for (const path of paths) {
      if (allowed.has(path) || publicOnes.has(path)) continue;
      const [group, name] = path.split('.') as [string, string];
      const outcome = await errorOf(async () => {
        const result = await caller[group]![name]!({});
        // A subscription only runs its middleware when iterated.
        if (result && typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
          for await (const _ of result as AsyncIterable<unknown>) break;
        }
      }).catch(() => ({ code: 'SUCCEEDED', key: undefined, message: '' }));
      expect({ path, key: outcome.key }).toEqual({ path, key: 'twoFactor.enrolRequired' });
    }
    // What stays possible: who am I (with the reason), enrol.
    expect((await callerFor(deps, user).auth.me()).twoFactor).toEqual({
      enabled: false,
      required: true,
      applies: true,
      recoveryCodesLeft: 0,
    });
    await enrol(deps, user);
    const team = await callerFor(deps, user).team.get();
    expect(team.twoFactorRequired).toBe(true);
  });

  it('applies to every role that reads personal data and the admin, not to the viewer', async () => {
    const { deps, team } = await setup({ required: true });
    for (const [role, partner] of [
      ['coordinator', 'helmond'],
      ['privacy', null],
      ['admin', null],
      ['member', 'politie'],
    ] as const) {
      const user = await makeUser(deps, team, role, partner);
      expect((await errorOf(() => callerFor(deps, user).team.get())).key).toBe('twoFactor.enrolRequired');
    }
    const viewer = await makeUser(deps, team, 'viewer', 'helmond');
    expect((await callerFor(deps, viewer).team.get()).id).toBe(team.teamId);
  });

  it('holds a session that was opened before the team turned the requirement on', async () => {
    const { deps, team, user } = await setup();
    const token = await passwordSession(deps, user);
    const admin = await makeUser(deps, team, 'admin');
    await enrol(deps, admin);
    await callerFor(deps, admin).team.setTwoFactorRequired({ required: true });
    const sessionUser = resolveSession(deps.db, deps.config, token, deps.now())!;
    expect((await errorOf(() => callerFor(deps, sessionUser, { sessionToken: token }).cases.list({}))).key).toBe('twoFactor.enrolRequired');
  });

  it('only the admin changes the setting; it is audited', async () => {
    const { deps, team } = await setup();
    const coordinator = await makeUser(deps, team, 'coordinator', 'helmond');
    const admin = await makeUser(deps, team, 'admin');
    expect((await errorOf(() => callerFor(deps, coordinator).team.setTwoFactorRequired({ required: true }))).code).toBe('FORBIDDEN');
    await callerFor(deps, admin).team.setTwoFactorRequired({ required: true });
    expect(deps.db.select({ r: teams.twoFactorRequired }).from(teams).where(eq(teams.id, team.teamId)).get()!.r).toBe(true);
    const row = deps.db.select().from(auditLog).where(eq(auditLog.action, 'team.two_factor_required')).get()!;
    expect([row.actorId, JSON.parse(row.detail!)]).toEqual([admin.id, { required: true }]);
  });

  it('a new team requires 2FA unless it is changed (production default)', async () => {
    const deps = createTestDeps();
    const { createTeamFromCovenant } = await import('../../db/seed/teams');
    const { teamDefs } = await import('../../db/seed/covenants');
    const { teamId } = createTeamFromCovenant(deps.db, teamDefs[0]!, deps.now());
    expect(deps.db.select({ r: teams.twoFactorRequired }).from(teams).where(eq(teams.id, teamId)).get()!.r).toBe(true);
  });
});

describe('turning 2FA off and resetting it', () => {
  it('the user turns it off with the password, not while the team requires it', async () => {
    const { deps, team, user } = await setup();
    await enrol(deps, user);
    const caller = callerFor(deps, user);
    expect((await errorOf(() => caller.twoFactor.disable({ password: 'verkeerd-wachtwoord' }))).key).toBe('auth.wrongPassword');
    deps.db.update(teams).set({ twoFactorRequired: true }).where(eq(teams.id, team.teamId)).run();
    expect((await errorOf(() => caller.twoFactor.disable({ password: TEST_PASSWORD }))).key).toBe('twoFactor.requiredByTeam');
    deps.db.update(teams).set({ twoFactorRequired: false }).where(eq(teams.id, team.teamId)).run();
    await caller.twoFactor.disable({ password: TEST_PASSWORD });
    expect(deps.db.select().from(userTotp).all()).toEqual([]);
    expect(deps.db.select().from(recoveryCodes).all()).toEqual([]);
    expect((await passwordStep(deps, user)).result.ok).toBe(true);
    expect(actions(deps)).toContain('auth.two_factor.disabled');
  });

  it('new recovery codes replace the old ones after a current code', async () => {
    const { deps, user } = await setup();
    const { secret, codes } = await enrol(deps, user);
    deps.clock.advanceMinutes(1);
    const { recoveryCodes: fresh } = await callerFor(deps, user).twoFactor.regenerateRecoveryCodes({ code: codeAt(secret, deps) });
    expect(fresh).toHaveLength(10);
    const challenge = (await passwordStep(deps, user)).result.secondFactor!.challenge;
    expect((await errorOf(() => callerFor(deps, null).auth.loginCode({ challenge, code: codes[0]! }))).key).toBe('twoFactor.invalidCode');
    await callerFor(deps, null).auth.loginCode({ challenge, code: fresh[0]! });
  });

  it('the admin resets a lost second factor of the own team only; the account’s sessions end', async () => {
    const { deps, team, user } = await setup();
    await enrol(deps, user);
    const token = createSession(deps.db, deps.config, user.id, deps.now()).token;
    const admin = await makeUser(deps, team, 'admin');
    const coordinator = await makeUser(deps, team, 'coordinator', 'helmond');
    const otherTeam = makeTeam(deps, 'bit');
    const otherAdmin = await makeUser(deps, otherTeam, 'admin');
    expect((await errorOf(() => callerFor(deps, coordinator).users.resetTwoFactor({ userId: user.id }))).code).toBe('FORBIDDEN');
    const foreign = await errorOf(() => callerFor(deps, otherAdmin).users.resetTwoFactor({ userId: user.id }));
    const missing = await errorOf(() => callerFor(deps, otherAdmin).users.resetTwoFactor({ userId: 999_999 }));
    expect(foreign).toEqual(missing);
    await callerFor(deps, admin).users.resetTwoFactor({ userId: user.id });
    expect(resolveSession(deps.db, deps.config, token, deps.now())).toBeNull();
    expect((await callerFor(deps, reloadUser(deps, user.id)).twoFactor.status()).enabled).toBe(false);
    expect(actions(deps)).toContain('auth.two_factor.reset');
  });
});

describe('sessions', () => {
  function threeSessions(deps: TestDeps, user: SessionUser) {
    const a = createSession(deps.db, deps.config, user.id, deps.now()).token;
    deps.clock.advanceMinutes(5);
    const b = createSession(deps.db, deps.config, user.id, deps.now()).token;
    const c = createSession(deps.db, deps.config, user.id, deps.now()).token;
    return [a, b, c] as const;
  }

  it('the user sees the own active sessions, the current one marked, without tokens or ids', async () => {
    const { deps, team, user } = await setup();
    const other = await makeUser(deps, team, 'member', 'deurne');
    createSession(deps.db, deps.config, other.id, deps.now());
    const [a, b] = threeSessions(deps, user);
    const list = await callerFor(deps, user, { sessionToken: b }).sessions.list();
    expect(list).toEqual([
      {
        createdAt: '2026-11-25T09:00:00.000Z',
        lastSeenAt: '2026-11-25T09:00:00.000Z',
        expiresAt: '2026-11-25T21:00:00.000Z',
        current: false,
      },
      {
        createdAt: '2026-11-25T09:05:00.000Z',
        lastSeenAt: '2026-11-25T09:05:00.000Z',
        expiresAt: '2026-11-25T21:05:00.000Z',
        current: true,
      },
      {
        createdAt: '2026-11-25T09:05:00.000Z',
        lastSeenAt: '2026-11-25T09:05:00.000Z',
        expiresAt: '2026-11-25T21:05:00.000Z',
        current: false,
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(hashToken(a));
  });

  it('"end all other sessions" ends every other session of the user only', async () => {
    const { deps, team, user } = await setup();
    const other = await makeUser(deps, team, 'member', 'deurne');
    const otherToken = createSession(deps.db, deps.config, other.id, deps.now()).token;
    const [a, b, c] = threeSessions(deps, user);
    expect(await callerFor(deps, user, { sessionToken: b }).sessions.endOthers()).toEqual({ ended: 2 });
    expect([a, b, c].map((t) => resolveSession(deps.db, deps.config, t, deps.now())?.id ?? null)).toEqual([null, user.id, null]);
    expect(resolveSession(deps.db, deps.config, otherToken, deps.now())?.id).toBe(other.id);
    expect(actions(deps)).toContain('auth.sessions_ended');
  });

  it('expired sessions (absolute and idle) and challenges are purged, also on every login', async () => {
    const { deps, user } = await setup();
    const other = await makeUser(deps, makeTeam(deps, 'bit'), 'member', 'laren');
    createSession(deps.db, deps.config, other.id, deps.now());
    deps.clock.advanceMinutes(deps.config.sessionIdleMinutes + 1);
    // The idle session of the other user goes when anyone logs in.
    await passwordSession(deps, user);
    expect(deps.db.select({ userId: sessions.userId }).from(sessions).all()).toEqual([{ userId: user.id }]);

    await enrol(deps, user);
    await passwordStep(deps, user);
    expect(deps.db.select().from(loginChallenges).all()).toHaveLength(1);
    deps.clock.advanceMinutes(13 * 60);
    purgeExpiredAuth(deps.db, deps.config, deps.now());
    expect(deps.db.select().from(loginChallenges).all()).toEqual([]);
    expect(deps.db.select().from(sessions).all()).toEqual([]);
  });
});
