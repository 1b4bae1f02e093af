import type { AppDeps } from '../../server/deps';
import { seedDemoTeams } from './demo';
import { demoAccountsSince, seedDemoCases } from './demo-cases';
import { seedDemoHistory } from './demo-history';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoMinutes } from './demo-minutes';

/**
 * The whole demo (SPEC §6): teams and accounts, then each domain's fictitious content.
 * Domain seeders get the deps (they write through the domain functions), the ids of what came
 * before and a fixed "now" so the demo is reproducible.
 */
export async function seedDemo(deps: AppDeps, hash: (password: string) => Promise<string>, now: Date) {
  const { accounts, ids } = await seedDemoTeams(deps.db, hash, demoAccountsSince(now));
  const cases = seedDemoCases(deps, ids, now);
  // A year of history (closed overleggen, controles, escalaties) for the reports.
  seedDemoHistory({ db: deps.db, now }, ids);
  // Overleggen come after the casussen (they are prefilled from them).
  const meetings = seedDemoMeetings({ db: deps.db, keys: deps.keys, now }, ids);
  // Their closed overleggen get a definitief verslag.
  seedDemoMinutes({ ...deps, now: () => now }, ids);
  return { accounts, ids, cases, meetings };
}
