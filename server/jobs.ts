// Daily jobs of the server (digests, expiry warnings, retention, …). Each job runs at most once per
// Amsterdam calendar day: the day it last ran is kept in `job_runs`, so restarts neither repeat nor
// skip a day. Jobs are plain functions of the app's deps; they register here in one line each.
import { eq } from 'drizzle-orm';
import { jobRuns } from '../db/schema';
import { amsterdamDate } from './clock';
import type { AppDeps } from './deps';
import { runRetention } from './domain/retention';
import { sendCovenantExpiryWarnings } from './domain/covenant-expiry';
import { sendTaskDigests } from './domain/task-digest';

export type DailyJob = {
  name: string;
  run(deps: AppDeps, today: string): void | Promise<void>;
};

/** Every daily job of the server, in the order they run. */
export const dailyJobs: DailyJob[] = [
  { name: 'covenant-expiry-warnings', run: sendCovenantExpiryWarnings },
  { name: 'retention', run: async (deps) => void (await runRetention(deps)) },
  { name: 'task-digest', run: async (deps, today) => void (await sendTaskDigests(deps, today)) },
];

/** Runs each job that has not yet run today; a failing job is logged and does not stop the others. */
export async function runDueJobs(deps: AppDeps, jobs: DailyJob[] = dailyJobs): Promise<string[]> {
  const today = amsterdamDate(deps.now());
  const ran: string[] = [];
  for (const job of jobs) {
    const last = deps.db.select().from(jobRuns).where(eq(jobRuns.name, job.name)).get();
    if (last && last.lastRunOn >= today) continue;
    try {
      await job.run(deps, today);
      deps.db
        .insert(jobRuns)
        .values({ name: job.name, lastRunOn: today })
        .onConflictDoUpdate({ target: jobRuns.name, set: { lastRunOn: today } })
        .run();
      ran.push(job.name);
    } catch (err) {
      // Logged for the operator; the job is retried on the next tick.
      console.error(`Dagelijkse taak ${job.name} mislukt:`, err instanceof Error ? err.message : err);
    }
  }
  return ran;
}

/** Checks every quarter of an hour (and at start) which jobs are due. */
export function scheduleDailyJobs(deps: AppDeps, jobs: DailyJob[] = dailyJobs): () => void {
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    void runDueJobs(deps, jobs).finally(() => {
      running = false;
    });
  };
  const timer = setInterval(tick, 15 * 60_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
