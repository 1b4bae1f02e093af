// Password attempts (issue 8, items 4, 5, 8): reserved before the hash, growing delays per
// account-and-address, a lock only at 50 failures a day, and what the administrator sees.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { count, eq, isNull } from 'drizzle-orm';
import { auditLog, sessions } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { startSmtpSink } from '../helpers/smtp-sink';
import { closeMailTransports } from '../../server/mail';
import { attemptFailed, reserveAttempt, ACCOUNT_LOCK_FAILURES } from '../../server/auth/throttle';

async function setup(config: Partial<TestDeps['config']> = {}) {
  const deps = createTestDeps({ config });
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond', 'Carla Coördinator');
  const admin = await makeUser(deps, pit, 'admin', null, 'Anton Beheer');
  const bitAdmin = await makeUser(deps, bit, 'admin', null, 'Bea Beheer');
  return { deps, pit, bit, coordinator, admin, bitAdmin };
}

const login = (deps: TestDeps, email: string, password: string, ip: string) =>
  callerFor(deps, null, { ip }).auth.login({ email, password });
/** A login that opens a session at once (the account has no second factor: no challenge). */
const SESSION_OPENED = { ok: true, secondFactor: null };
const auditCount = (deps: TestDeps, action: string) =>
  deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)).get()!.n;

/** Failures recorded through the throttle's own path (without 49 slow hashes), each from its own address. */
function priorFailures(deps: TestDeps, email: string, n: number) {
  for (let i = 0; i < n; i++) {
    const outcome = reserveAttempt(deps.db, email, `198.51.100.${i}`, deps.now());
    if (!('reservation' in outcome)) throw new Error('unexpected refusal');
    attemptFailed(deps.db, outcome.reservation, deps.now(), null);
  }
}

describe('attempts are reserved before the password is verified (item 4)', () => {
  it('of 40 parallel wrong passwords from one address only five are verified', async () => {
    const { deps, coordinator } = await setup();
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, () => login(deps, coordinator.email, 'geraden-wachtwoord', '203.0.113.9')),
    );
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'OK'));
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(35);
    expect(auditCount(deps, 'auth.login.failed')).toBe(5);
  });

  it('49 parallel wrong passwords and the right one after them never log in', async () => {
    const { deps, coordinator } = await setup();
    const attempts = [...Array<string>(49).fill('geraden-wachtwoord'), TEST_PASSWORD].map((password) =>
      login(deps, coordinator.email, password, '203.0.113.9'),
    );
    const results = await Promise.allSettled(attempts);
    expect(results.at(-1)!.status).toBe('rejected');
    expect(((results.at(-1) as PromiseRejectedResult).reason as { code: string }).code).toBe('TOO_MANY_REQUESTS');
    expect(deps.db.select({ n: count() }).from(sessions).get()!.n).toBe(0);
  });
});

describe('growing delays per account and address, not a lock from anywhere (item 8)', () => {
  it('after five failures from one address that address waits 30 s, then 60 s; the owner elsewhere logs in at once', async () => {
    const { deps, coordinator } = await setup();
    for (let i = 0; i < 5; i++) await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '203.0.113.9'));
    const waiting = await errorOf(() => login(deps, coordinator.email, TEST_PASSWORD, '203.0.113.9'));
    expect(waiting).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'auth.retryInSeconds', key: 'auth.retryInSeconds' });
    const nl = await callerFor(deps, null, { ip: '203.0.113.9' })
      .auth.login({ email: coordinator.email, password: 'x' })
      .catch((e: Error) => e);
    expect(nl).toMatchObject({ params: { seconds: 30 } });
    // The coordinator at the office is not locked out by someone guessing elsewhere.
    await expect(login(deps, coordinator.email, TEST_PASSWORD, '192.0.2.44')).resolves.toEqual(SESSION_OPENED);
    deps.clock.advanceMinutes(0.5);
    expect((await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '203.0.113.9'))).code).toBe('UNAUTHORIZED');
    deps.clock.advanceMinutes(0.5);
    expect(await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '203.0.113.9'))).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
    });
    deps.clock.advanceMinutes(0.5);
    await expect(login(deps, coordinator.email, TEST_PASSWORD, '203.0.113.9')).resolves.toEqual(SESSION_OPENED);
  });

  it('the waiting message is translated and names the seconds', async () => {
    const { deps, coordinator } = await setup();
    for (let i = 0; i < 5; i++) await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '203.0.113.9'));
    const { describeError } = await import('../../server/trpc');
    const error = await login(deps, coordinator.email, TEST_PASSWORD, '203.0.113.9').catch((e: unknown) => e);
    expect(describeError(error as never, 'nl').message).toBe('Te veel mislukte pogingen. Wacht 30 seconden en probeer het dan opnieuw.');
    expect(describeError(error as never, 'en').message).toBe('Too many failed attempts. Wait 30 seconds and try again.');
  });
});

describe('an account locks only after 50 failures in 24 hours (item 8)', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    closeMailTransports();
    await sink.close();
  });

  it('the 50th failure locks it: the user is told, even with the right password, from a new address', async () => {
    const { deps, coordinator } = await setup();
    priorFailures(deps, coordinator.email, ACCOUNT_LOCK_FAILURES - 2);
    expect((await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '192.0.2.1'))).code).toBe('UNAUTHORIZED');
    await expect(login(deps, coordinator.email, TEST_PASSWORD, '192.0.2.2')).resolves.toEqual(SESSION_OPENED);
    expect((await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '192.0.2.3'))).code).toBe('UNAUTHORIZED');
    const locked = await errorOf(() => login(deps, coordinator.email, TEST_PASSWORD, '192.0.2.4'));
    expect(locked).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'auth.accountLocked', key: 'auth.accountLocked' });
    expect(auditCount(deps, 'auth.account.locked')).toBe(1);
    // A day later the lock has ended.
    deps.clock.advanceMinutes(24 * 60 + 1);
    await expect(login(deps, coordinator.email, TEST_PASSWORD, '192.0.2.4')).resolves.toEqual(SESSION_OPENED);
  });

  it('an unknown address locks the same way, so the answer does not reveal whether an account exists', async () => {
    const { deps } = await setup();
    priorFailures(deps, 'niemand@pit.test', ACCOUNT_LOCK_FAILURES - 1);
    expect((await errorOf(() => login(deps, 'niemand@pit.test', 'fout-wachtwoord', '192.0.2.1'))).key).toBe('auth.invalidCredentials');
    expect((await errorOf(() => login(deps, 'niemand@pit.test', 'fout-wachtwoord', '192.0.2.2'))).key).toBe('auth.accountLocked');
  });

  it('the administrator sees the lock, is mailed a link without personal data, and can unlock it', async () => {
    const { deps, coordinator, admin, bitAdmin } = await setup({ smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl' });
    priorFailures(deps, coordinator.email, ACCOUNT_LOCK_FAILURES - 1);
    await errorOf(() => login(deps, coordinator.email, 'fout-wachtwoord', '192.0.2.1'));
    const asAdmin = callerFor(deps, admin, { ip: '10.1.1.1' });
    expect(await asAdmin.security.lockedAccounts()).toEqual([
      {
        userId: coordinator.id,
        name: 'Carla Coördinator',
        email: coordinator.email,
        lockedAt: '2026-11-25T09:00:00.000Z',
        until: '2026-11-26T09:00:00.000Z',
      },
    ]);
    expect((await asAdmin.security.events()).map(({ kind, count: n, ip, accountName }) => ({ kind, n, ip, accountName }))).toEqual([
      { kind: 'account.locked', n: 1, ip: '192.0.2.1', accountName: 'Carla Coördinator' },
      { kind: 'login.failed', n: 1, ip: '192.0.2.1', accountName: 'Carla Coördinator' },
    ]);
    // The other team's administrator sees nothing of it.
    expect(await callerFor(deps, bitAdmin).security.lockedAccounts()).toEqual([]);
    expect(await callerFor(deps, bitAdmin).security.events()).toEqual([]);
    await vi.waitFor(() => expect(sink.messages).toHaveLength(1), { timeout: 5_000 });
    expect(sink.messages[0]!.to).toEqual([admin.email]);
    const mail = sink.messages[0]!.raw.replace(/=\r?\n/g, '');
    expect(mail).toContain('https://overleg.example.nl/team');
    for (const personal of [coordinator.email, 'Carla', '192.0.2.1']) expect(mail).not.toContain(personal);

    await asAdmin.security.unlock({ userId: coordinator.id });
    expect(await asAdmin.security.lockedAccounts()).toEqual([]);
    expect(auditCount(deps, 'auth.account.unlocked')).toBe(1);
    await expect(login(deps, coordinator.email, TEST_PASSWORD, '192.0.2.9')).resolves.toEqual(SESSION_OPENED);
    expect((await errorOf(() => asAdmin.security.unlock({ userId: coordinator.id }))).key).toBe('security.notLocked');
    expect((await errorOf(() => asAdmin.security.unlock({ userId: bitAdmin.id }))).key).toBe('notFound');
  });

  it('only the administrator reads security events', async () => {
    const { deps, pit, coordinator } = await setup();
    const fg = await makeUser(deps, pit, 'privacy');
    for (const user of [coordinator, fg]) {
      expect((await errorOf(() => callerFor(deps, user).security.events())).code).toBe('FORBIDDEN');
      expect((await errorOf(() => callerFor(deps, user).security.unlock({ userId: coordinator.id }))).code).toBe('FORBIDDEN');
    }
  });
});

describe('failed logins for unknown addresses (item 5)', () => {
  it('are one event per address and hour that every team administrator sees, never audit rows under no team', async () => {
    const { deps, admin, bitAdmin } = await setup();
    for (let i = 0; i < 25; i++) await errorOf(() => login(deps, `poging${i}@pit.test`, 'fout-wachtwoord', '203.0.113.50'));
    expect(deps.db.select({ n: count() }).from(auditLog).where(isNull(auditLog.teamId)).get()!.n).toBe(0);
    for (const reader of [admin, bitAdmin]) {
      const events = (await callerFor(deps, reader).security.events()).map(({ kind, count: n, ip, installationWide, accountName }) => ({
        kind,
        n,
        ip,
        installationWide,
        accountName,
      }));
      expect(events).toEqual([
        { kind: 'login.refused', n: 5, ip: '203.0.113.50', installationWide: true, accountName: null },
        { kind: 'login.unknownAccount', n: 20, ip: '203.0.113.50', installationWide: true, accountName: null },
      ]);
    }
  });
});

describe('auth.changePassword is throttled like login (item 11)', () => {
  it('five wrong current passwords, then the session must wait', async () => {
    const { deps, coordinator } = await setup();
    const caller = callerFor(deps, coordinator, { ip: '203.0.113.9' });
    for (let i = 0; i < 5; i++) {
      expect(
        (await errorOf(() => caller.auth.changePassword({ currentPassword: 'geraden', newPassword: 'paard-batterij-nietje-correct' }))).key,
      ).toBe('auth.wrongPassword');
    }
    const refused = await errorOf(() =>
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'paard-batterij-nietje-correct' }),
    );
    expect(refused).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'auth.retryInSeconds', key: 'auth.retryInSeconds' });
  });
});
