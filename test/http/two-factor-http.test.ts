// 2FA over real HTTP (issue 8 item 16): the password step sets no cookie, the code step does, and
// an account that must still enrol gets no export either (downloads bypass the tRPC middleware).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { teams } from '../../db/schema';
import { callerFor, TEST_PASSWORD } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { minutesScenario } from '../helpers/minutes';
import { match } from '../helpers/matchers';

let s: Awaited<ReturnType<typeof minutesScenario>>;
let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  s = await minutesScenario();
  await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
  server = await startTestServer(s.deps);
});
afterAll(() => server.close());

describe('2FA over HTTP', () => {
  it('an account that must enrol gets neither procedures nor exports, only enrolment', async () => {
    s.deps.db.update(teams).set({ twoFactorRequired: true }).where(eq(teams.id, s.pit.teamId)).run();
    try {
      const client = trpcHttp(server.origin);
      expect((await client.mutation('auth.login', { email: s.gemeente.email, password: TEST_PASSWORD })).status).toBe(200);
      const exported = await fetch(`${server.origin}/export/minutes/${s.meeting.id}.html`, { headers: { cookie: client.cookie } });
      expect(exported.status).toBe(403);
      expect(await exported.text()).toBe('Stel eerst tweestapsverificatie in; daarna kunt u verder.');
      const tasks = await client.query('tasks.mine');
      expect([tasks.status, tasks.body.error!.data.key]).toEqual([403, 'twoFactor.enrolRequired']);
      expect((await client.query('auth.me')).body.result!.data.twoFactor).toEqual({
        enabled: false,
        required: true,
        applies: true,
        recoveryCodesLeft: 0,
      });
    } finally {
      s.deps.db.update(teams).set({ twoFactorRequired: false }).where(eq(teams.id, s.pit.teamId)).run();
    }
  });

  it('the password step sets no cookie; the code step sets the session cookie', async () => {
    const { secret } = await callerFor(s.deps, s.politie).twoFactor.begin();
    await callerFor(s.deps, s.politie).twoFactor.confirm({
      code: TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: s.deps.now().getTime() }),
    });
    s.deps.clock.advanceMinutes(1);
    const client = trpcHttp(server.origin);
    const first = await client.mutation('auth.login', { email: s.politie.email, password: TEST_PASSWORD });
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie()).toEqual([]);
    expect(first.body.result!.data).toMatchObject({ ok: false, secondFactor: { challenge: match.stringMatching(/^[\w-]{43}$/) } });
    expect((await client.query('auth.me')).status).toBe(401);
    const code = TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: s.deps.now().getTime() });
    const second = await client.mutation('auth.loginCode', { challenge: first.body.result!.data.secondFactor!.challenge, code });
    expect(second.status).toBe(200);
    expect(second.headers.getSetCookie()[0]).toMatch(/^overleg_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/);
    expect((await client.query('auth.me')).body.result!.data.id).toBe(s.politie.id);
  });
});
