import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { runDueJobs, type DailyJob } from '../../server/jobs';

describe('daily jobs', () => {
  it('run once per Amsterdam day, again the next day, and a failing job neither stops the others nor counts as run', async () => {
    const deps = createTestDeps({ now: '2026-11-25T22:30:00Z' }); // 23:30 in Amsterdam
    const runs: string[] = [];
    let fail = true;
    const jobs: DailyJob[] = [
      { name: 'a', run: (_d, today) => void runs.push(`a ${today}`) },
      {
        name: 'b',
        run: () => {
          if (fail) throw new Error('boom');
          runs.push('b');
        },
      },
    ];
    const quiet = console.error;
    console.error = () => {};
    try {
      expect(await runDueJobs(deps, jobs)).toEqual(['a']);
      expect(await runDueJobs(deps, jobs)).toEqual([]);
      fail = false;
      expect(await runDueJobs(deps, jobs)).toEqual(['b']);
      deps.clock.advanceMinutes(45); // 00:15 the next day in Amsterdam
      expect(await runDueJobs(deps, jobs)).toEqual(['a', 'b']);
    } finally {
      console.error = quiet;
    }
    expect(runs).toEqual(['a 2026-11-25', 'b', 'a 2026-11-26', 'b']);
  });
});
