import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { agreements, minutes, tasks } from '../../db/schema';
import { seedDemoTeams } from '../../db/seed/demo';
import { seedDemoMeetings } from '../../db/seed/demo-meetings';
import { createTestDeps } from '../helpers/deps';
import { callerFor, reloadUser } from '../helpers/factories';
import { getMeeting, listMeetings } from '../../server/domain/meetings';

const fakeHash = () => Promise.resolve('not-a-real-hash');

describe('demo overleggen', () => {
  it('per team a closed overleg with captured work and drafted verslag, and a published one prefilled with carry-over', async () => {
    const deps = createTestDeps();
    const { ids } = await seedDemoTeams(deps.db, fakeHash, deps.now());
    // With a demo casus in PIT (the casussen seeder may or may not have run).
    const pitCoordinator = reloadUser(deps, ids.teams.pit.userIds.coordinator!);
    const casus = await callerFor(deps, pitCoordinator).cases.create({
      gemeentePartnerId: ids.teams.pit.partnerIds.helmond!,
      street: 'Voorbeeldstraat',
      houseNumber: 12,
      postcode: '5701 AB',
      city: 'Helmond',
      theme: 'Woonoverlast',
      status: 'actief',
    });
    await callerFor(deps, pitCoordinator).tasks.create({
      title: 'Pand schouwen',
      assigneePartnerId: ids.teams.pit.partnerIds.helmond!,
      dueDate: '2026-12-01',
      caseId: casus.id,
    });
    const seeded = seedDemoMeetings({ db: deps.db, keys: deps.keys, now: deps.now() }, ids);

    for (const slug of ['pit', 'bit'] as const) {
      const coordinator = reloadUser(deps, ids.teams[slug].userIds.coordinator!);
      const { pastMeetingId, upcomingMeetingId } = seeded[slug];
      const past = getMeeting(deps, coordinator, pastMeetingId);
      expect(past.status).toBe('gesloten');
      expect(new Date(past.startsAt).getTime()).toBeLessThan(deps.now().getTime());
      expect(past.attendance.filter((a) => a.status === 'aanwezig').length).toBeGreaterThan(3);
      expect(past.attendance.some((a) => a.status === 'afgemeld')).toBe(true);
      expect(past.agenda.filter((i) => i.notes).length).toBeGreaterThan(3);
      expect(deps.db.select().from(minutes).where(eq(minutes.meetingId, pastMeetingId)).get()?.status).toBe('concept');
      const pastTasks = deps.db.select().from(tasks).where(eq(tasks.meetingId, pastMeetingId)).all();
      expect(pastTasks.length).toBeGreaterThanOrEqual(2);
      expect(pastTasks.some((t) => t.status === 'gereed')).toBe(true);

      const upcoming = getMeeting(deps, coordinator, upcomingMeetingId);
      expect(upcoming.status).toBe('gepubliceerd');
      expect(new Date(upcoming.startsAt).getTime()).toBeGreaterThan(deps.now().getTime());
      expect(upcoming.agenda[0]!.section).toBe('opening');
      expect(upcoming.agenda.some((i) => i.source === 'minutes')).toBe(true);
      expect(upcoming.agenda.filter((i) => i.source === 'carryover').length).toBe(pastTasks.filter((t) => t.status === 'open').length);
      expect(upcoming.agenda.some((i) => i.state === 'voorgesteld')).toBe(true);
      const list = listMeetings(deps, coordinator);
      expect(list.upcoming.map((m) => m.id)).toEqual([upcomingMeetingId]);
      expect(list.past.map((m) => m.id)).toEqual([pastMeetingId]);
    }
    // The PIT casus was discussed: a werkafspraak was made in the past overleg.
    expect(deps.db.select().from(agreements).where(eq(agreements.caseId, casus.id)).all()).toHaveLength(1);
  });
});
