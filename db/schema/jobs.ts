import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

// The last Amsterdam day each daily job ran, so a restart does not run a job twice on one day
// (or skip it): server/jobs.ts checks this before running.
export const jobRuns = sqliteTable('job_runs', {
  name: text('name').primaryKey(),
  lastRunOn: text('last_run_on').notNull(),
});
