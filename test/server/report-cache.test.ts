// The progress report keeps the figures of a closed period (issue 12): asked again, they are not
// counted again while nothing they count has changed; any write to a counted table (a casus, a
// controle recorded afterwards, a withdrawal) makes the next report count afresh.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { rateLimits } from '../../server/rate-limit';
import type { ProgressReport } from '../../server/domain/reports';
import { statementsRun } from '../helpers/statements';

const opened = (r: ProgressReport) => r.headline.find((h) => h.key === 'casesOpened')!;

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: null });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const viewer = callerFor(deps, await makeUser(deps, pit, 'viewer'));
  // k = 1: every count shown, so the test reads the figures themselves (suppression: reports.test.ts).
  await callerFor(deps, coordinator).reports.setThreshold({ threshold: 1 });
  const today = deps.now().toISOString();
  deps.clock.set('2025-03-10T10:00:00Z');
  const first = await makeCase(deps, pit, coordinator);
  deps.clock.set(today);
  const report = async (from: string, to: string) => {
    deps.clock.advanceMinutes(rateLimits.reports.refillSeconds / 60);
    return viewer.reports.progress({ from, to });
  };
  return { deps, pit, coordinator, first, today, report };
}

describe('reports.progress: closed periods', () => {
  it('a closed period asked again is not counted again', async () => {
    const s = await setup();
    const once = await s.report('2025-01-01', '2025-12-31');
    expect(opened(once).current).toBe(1);
    const sql = await statementsRun(s.deps, async () => {
      const again = await s.report('2025-01-01', '2025-12-31');
      expect({ ...again, generatedAt: '' }).toEqual({ ...once, generatedAt: '' });
    });
    expect(sql.filter((q) => /from "(cases|tasks|case_events|agreements|meetings|controls|escalations)"/.test(q))).toEqual([]);
  });

  it('a period still running is counted afresh every time', async () => {
    const s = await setup();
    await s.report('2026-01-01', '2026-12-31');
    const sql = await statementsRun(s.deps, () => s.report('2026-01-01', '2026-12-31'));
    expect(sql.some((q) => /from "tasks"/.test(q))).toBe(true);
  });

  it('a casus recorded afterwards in a closed period, or withdrawn from it, shows in the next report', async () => {
    const s = await setup();
    expect(opened(await s.report('2025-01-01', '2025-12-31')).current).toBe(1);
    s.deps.clock.set('2025-05-01T10:00:00Z');
    await makeCase(s.deps, s.pit, s.coordinator);
    s.deps.clock.set(s.today);
    expect(opened(await s.report('2025-01-01', '2025-12-31')).current).toBe(2);
    await callerFor(s.deps, s.coordinator).cases.withdraw({ id: s.first.id, reason: 'Per abuis aangemaakt', version: 1 });
    expect(opened(await s.report('2025-01-01', '2025-12-31')).current).toBe(1);
  });
});
