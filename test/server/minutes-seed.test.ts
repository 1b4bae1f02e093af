import { describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { meetings, minutes } from '../../db/schema';
import { seedDemo } from '../../db/seed';
import { createTestDeps } from '../helpers/deps';
import { callerFor, reloadUser } from '../helpers/factories';

describe('demo verslagen', () => {
  it("each team's closed overleg has a definitief verslag that its members can read", async () => {
    const deps = createTestDeps();
    const { ids } = await seedDemo(deps, () => Promise.resolve('demo-hash'), deps.now());
    for (const [slug, member] of [
      ['pit', 'senzer'],
      ['bit', 'hilversum'],
    ] as const) {
      const team = ids.teams[slug];
      // The most recent closed overleg is the demo overleg with captured work (demo-meetings.ts);
      // the ones before it are history (demo-history.ts), with verslagen already vastgesteld.
      const closed = deps.db
        .select({ id: meetings.id })
        .from(meetings)
        .where(and(eq(meetings.teamId, team.teamId), eq(meetings.status, 'gesloten')))
        .orderBy(desc(meetings.startsAt))
        .all();
      expect(closed.length).toBeGreaterThan(0);
      for (const meeting of closed.slice(0, 1)) {
        const row = deps.db.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).get()!;
        expect(row).toMatchObject({ status: 'definitief', currentVersion: 2 });
        const view = await callerFor(deps, reloadUser(deps, team.userIds[member]!)).minutes.get({ meetingId: meeting.id });
        expect(view.status).toBe('definitief');
        expect(view.items.length).toBeGreaterThan(0);
        expect(view.intro).toContain('Verslag van het reguliere overleg');
        expect(view.attendance.some((a) => a.status === 'aanwezig')).toBe(true);
      }
    }
  });
});
