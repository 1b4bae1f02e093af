// Statements prepared once (issue 12): drizzle builds and better-sqlite3 prepares a query again on
// every call unless it is prepared once per connection (server/prepared.ts). The hot reads of the
// HTTP bench must prepare nothing once they have run.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { partners } from '../../db/schema';
import { preparedPerDb, preparedSql } from '../../server/prepared';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam } from '../helpers/factories';
import { minutesScenario } from '../helpers/minutes';
import type { Database } from 'better-sqlite3';

/** The SQL of every statement `run` prepares on this connection. */
async function preparedDuring(sqlite: Database, run: () => unknown): Promise<string[]> {
  const prepare = sqlite.prepare.bind(sqlite);
  const sources: string[] = [];
  sqlite.prepare = (source: string) => {
    sources.push(source);
    return prepare(source);
  };
  try {
    await run();
  } finally {
    sqlite.prepare = prepare;
  }
  return sources;
}

describe('statements prepared once per connection', () => {
  it('a statement used through a transaction is prepared once, and answers inside it', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    let built = 0;
    const partnerName = preparedPerDb((db) => {
      built++;
      return db
        .select({ name: partners.shortName })
        .from(partners)
        .where(eq(partners.id, sql.placeholder('id')))
        .prepare();
    });
    const plain = preparedSql('SELECT short_name AS name FROM partners WHERE id = ?');
    const id = pit.partnerIds.politie!;
    const expected = partnerName(deps.db).get({ id });
    const sources = await preparedDuring(deps.db.$client, () => {
      for (let i = 0; i < 3; i++) {
        deps.db.transaction((tx) => {
          expect(partnerName(tx).get({ id })).toEqual(expected);
          expect(plain(tx).get(id)).toEqual(expected);
          // A change inside the transaction is seen by the statement prepared outside it.
          tx.update(partners)
            .set({ shortName: `Politie ${i}` })
            .where(eq(partners.id, id))
            .run();
          expect(partnerName(tx).get({ id })).toEqual({ name: `Politie ${i}` });
          tx.update(partners).set({ shortName: expected!.name }).where(eq(partners.id, id)).run();
        });
      }
    });
    expect(built).toBe(1);
    expect(sources.filter((s) => /from "?partners"? where "?(partners"?\."?)?id"? = \?/i.test(s) && !/^update/i.test(s))).toEqual([
      'SELECT short_name AS name FROM partners WHERE id = ?',
    ]);
  });

  it('the hot reads (cases.list, tasks.mine, meetings.get, minutes.get, auth.me) prepare nothing on their second call', async () => {
    const s = await minutesScenario();
    const coordinator = callerFor(s.deps, s.coordinator);
    const politie = callerFor(s.deps, s.politie);
    const prepared: Record<string, string[]> = {};
    const secondCall = async (name: string, call: () => Promise<unknown>) => {
      await call();
      prepared[name] = await preparedDuring(s.deps.db.$client, call);
    };
    // A concept verslag is assembled from the live rows on every read.
    await secondCall('minutes.get (concept)', () => coordinator.minutes.get({ meetingId: s.meeting.id }));
    await coordinator.minutes.finalise({ meetingId: s.meeting.id });
    const calls = {
      'auth.me': () => coordinator.auth.me(),
      'cases.list': () => coordinator.cases.list({}),
      'tasks.mine': () => politie.tasks.mine(),
      'meetings.get': () => coordinator.meetings.get({ id: s.meeting.id }),
      'meetings.get (member)': () => politie.meetings.get({ id: s.meeting.id }),
      'minutes.get': () => coordinator.minutes.get({ meetingId: s.meeting.id }),
      'minutes.get (member)': () => politie.minutes.get({ meetingId: s.meeting.id }),
    };
    for (const [name, call] of Object.entries(calls)) await secondCall(name, call);
    expect(prepared).toEqual(Object.fromEntries(Object.keys(prepared).map((name) => [name, []])));
    expect(Object.keys(prepared)).toHaveLength(8);
  });
});
