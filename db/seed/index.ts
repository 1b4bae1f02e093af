import type { Db } from '../client';
import type { DataKeys } from '../../server/privacy/crypto';
import { seedDemoTeams } from './demo';
import { seedDemoMeetings } from './demo-meetings';
import { seedDemoMinutes } from './demo-minutes';

/**
 * The whole demo (SPEC §6): teams and accounts, then each domain's fictitious content.
 * Domain seeders get the ids of what came before and a fixed "now" so the demo is reproducible.
 */
export async function seedDemo(db: Db, keys: DataKeys, hash: (password: string) => Promise<string>, now: Date) {
  const { accounts, ids } = await seedDemoTeams(db, hash, now);
  // Overleggen come after the casussen (they are prefilled from them).
  const meetings = seedDemoMeetings({ db, keys, now }, ids);
  // Their closed overleggen get a definitief verslag.
  seedDemoMinutes({ db, now }, ids);
  return { accounts, ids: { ...ids, meetings } };
}
