// P6 (issue 11 item 7, issue 12): the live view counts the mass reads of all subscribers of one
// change in one statement (noteMassReads). Each account must be counted exactly as noteMassRead
// counts it alone: its own distinct betrokkenen within the team's window, its own alert.
import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditLog, securityEvents, teams } from '../../db/schema';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { appendAudit } from '../../server/audit';
import { noteMassRead, noteMassReads } from '../../server/privacy/mass-read';

/** A read of `subjectIds` by `userId` at `at`, as readSubjects audits it. */
function auditRead(deps: TestDeps, team: TestTeam, userId: number, at: Date, subjectIds: number[]) {
  appendAudit(deps.db, at, {
    teamId: team.teamId,
    actorId: userId,
    action: 'personal_data.read',
    entity: 'case',
    detail: { purpose: 'live' },
    subjects: subjectIds.map((id) => ({ id, police: false })),
  });
}

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  // Alert above 2 distinct betrokkenen within 10 minutes.
  deps.db.update(teams).set({ massReadSubjects: 2, massReadMinutes: 10 }).where(eq(teams.id, pit.teamId)).run();
  const [a, b, c, d] = [
    await makeUser(deps, pit, 'member', 'helmond'),
    await makeUser(deps, pit, 'member', 'politie'),
    await makeUser(deps, pit, 'member', 'senzer'),
    await makeUser(deps, pit, 'member', 'asten'),
  ];
  const now = deps.now();
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  auditRead(deps, pit, a.id, minutesAgo(1), [1, 2, 3]); // 3 within the window: alert
  auditRead(deps, pit, b.id, minutesAgo(1), [1, 2]); // 2: no alert
  auditRead(deps, pit, b.id, minutesAgo(2), [2]); // the same betrokkene again: still 2
  auditRead(deps, pit, c.id, minutesAgo(20), [4, 5, 6]); // outside the window
  auditRead(deps, pit, c.id, minutesAgo(1), [4]);
  auditRead(deps, pit, d.id, minutesAgo(1), [1, 2, 3, 4]); // 4: alert
  return { deps, pit, users: [a, b, c, d], now };
}

const alerts = (deps: TestDeps) => ({
  events: deps.db
    .select({ userId: securityEvents.userId, count: securityEvents.count })
    .from(securityEvents)
    .where(eq(securityEvents.kind, 'reads.mass'))
    .orderBy(asc(securityEvents.userId))
    .all(),
  logged: deps.db
    .select({ actorId: auditLog.actorId, detail: auditLog.detail })
    .from(auditLog)
    .where(eq(auditLog.action, 'security.mass_read'))
    .orderBy(asc(auditLog.actorId))
    .all(),
});

describe('noteMassReads: the mass-read alert for the subscribers of one live change', () => {
  it('alerts exactly the accounts noteMassRead alerts one by one, with the same counts, and counts up on a second crossing', async () => {
    const one = await setup();
    for (const u of one.users) noteMassRead(one.deps.db, one.now, u);
    const batch = await setup();
    noteMassReads(
      batch.deps.db,
      batch.now,
      batch.pit.teamId,
      batch.users.map((u) => u.id),
    );
    const [a, , , d] = batch.users;
    expect(alerts(batch.deps)).toEqual({
      events: [
        { userId: a!.id, count: 1 },
        { userId: d!.id, count: 1 },
      ],
      logged: [
        { actorId: a!.id, detail: JSON.stringify({ subjects: 3, minutes: 10, threshold: 2 }) },
        { actorId: d!.id, detail: JSON.stringify({ subjects: 4, minutes: 10, threshold: 2 }) },
      ],
    });
    // The same as one by one (user ids differ per database only by creation order, which is equal).
    expect(alerts(batch.deps)).toEqual(alerts(one.deps));
    // Within the hour a further crossing counts up on the same event; no second Logboek row.
    noteMassReads(batch.deps.db, batch.now, batch.pit.teamId, [a!.id, a!.id]);
    expect(alerts(batch.deps).events).toEqual([
      { userId: a!.id, count: 2 },
      { userId: d!.id, count: 1 },
    ]);
    expect(alerts(batch.deps).logged).toHaveLength(2);
  });

  it('reads nothing and alerts nobody for no accounts', async () => {
    const s = await setup();
    noteMassReads(s.deps.db, s.now, s.pit.teamId, []);
    expect(alerts(s.deps)).toEqual({ events: [], logged: [] });
  });
});
