// Issue 8, item 5: expensive procedures are rate-limited per user with a translated answer, so one
// account cannot hold the server (150 batched progress reports stopped it for 13.8 s).
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { describeError } from '../../server/trpc';
import { rateLimits } from '../../server/rate-limit';

const year = { from: '2026-01-01', to: '2026-12-31' };

describe('reports.progress', () => {
  it('answers a burst of five, then one call per two seconds; other users are not affected', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    expect(rateLimits.reports).toEqual({ capacity: 5, refillSeconds: 2 });
    for (let i = 0; i < 5; i++) await callerFor(deps, viewer).reports.progress(year);
    const refused = await callerFor(deps, viewer)
      .reports.progress(year)
      .catch((e: unknown) => e);
    expect(describeError(refused as never, 'nl')).toEqual({
      key: 'rateLimited',
      message: 'U vraagt dit te vaak op. Probeer het over 2 seconden opnieuw.',
    });
    expect(describeError(refused as never, 'en').message).toBe('You are requesting this too often. Try again in 2 seconds.');
    expect((refused as { code: string }).code).toBe('TOO_MANY_REQUESTS');
    await expect(callerFor(deps, coordinator).reports.progress(year)).resolves.toMatchObject({ period: year });
    deps.clock.advanceMinutes(2 / 60);
    await expect(callerFor(deps, viewer).reports.progress(year)).resolves.toMatchObject({ period: year });
    expect((await errorOf(() => callerFor(deps, viewer).reports.progress(year))).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('audit.verify', () => {
  it('the FG checks the whole chain five times in a row, then once per ten seconds', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const fg = await makeUser(deps, pit, 'privacy');
    for (let i = 0; i < 5; i++) await callerFor(deps, fg).audit.verify({ full: true });
    expect((await errorOf(() => callerFor(deps, fg).audit.verify({ full: true }))).key).toBe('rateLimited');
    deps.clock.advanceMinutes(10 / 60);
    await expect(callerFor(deps, fg).audit.verify({ full: true })).resolves.toMatchObject({ ok: true, mode: 'full' });
  });

  it('the incremental check on every visit of the Logboek spends no token: the full check stays available', async () => {
    // Found in the browser: an FG who opened the Logboek a few times and exported a CSV had the
    // full check refused, because each visit's cheap incremental check took a token of its bucket.
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const fg = await makeUser(deps, pit, 'privacy');
    for (let i = 0; i < 12; i++) await expect(callerFor(deps, fg).audit.verify()).resolves.toMatchObject({ ok: true, mode: 'incremental' });
    await expect(callerFor(deps, fg).audit.verify({ full: true })).resolves.toMatchObject({ ok: true, mode: 'full' });
  });
});
