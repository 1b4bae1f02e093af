// Issue 11 item 7: the mass-read alert's thresholds are the FG's setting — validated and audited.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, teams } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const fg = await makeUser(deps, pit, 'privacy');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const bit = makeTeam(deps, 'bit', { endsOn: '2030-01-01' });
  return { deps, pit, bit, fg, coordinator };
}

describe('audit.setMassReadSettings', () => {
  it('the FG reads and sets the thresholds of its own team; the change is audited with old and new values', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.fg);
    expect(await fg.audit.massReadSettings()).toEqual({ subjects: 30, minutes: 10 });
    expect(await fg.audit.setMassReadSettings({ subjects: 50, minutes: 20 })).toEqual({ subjects: 50, minutes: 20 });
    expect(await fg.audit.massReadSettings()).toEqual({ subjects: 50, minutes: 20 });
    const rows = s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'audit.mass_read_settings')).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: s.fg.id, teamId: s.pit.teamId });
    expect(JSON.parse(rows[0]!.detail!)).toEqual({ from: { subjects: 30, minutes: 10 }, to: { subjects: 50, minutes: 20 } });
    // The other team keeps its own thresholds.
    expect(s.deps.db.select({ n: teams.massReadSubjects }).from(teams).where(eq(teams.id, s.bit.teamId)).get()).toEqual({ n: 30 });
    // Setting the same values again writes nothing.
    await fg.audit.setMassReadSettings({ subjects: 50, minutes: 20 });
    expect(s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'audit.mass_read_settings')).all()).toHaveLength(1);
  });

  it('out-of-range values are refused and change nothing; only the FG may set them', async () => {
    const s = await setup();
    const fg = callerFor(s.deps, s.fg);
    for (const input of [
      { subjects: 0, minutes: 10 },
      { subjects: 4, minutes: 10 },
      { subjects: 30, minutes: 0 },
      { subjects: 30, minutes: 1441 },
      { subjects: 1.5, minutes: 10 },
    ]) {
      expect((await errorOf(() => fg.audit.setMassReadSettings(input))).code).toBe('BAD_REQUEST');
    }
    expect((await errorOf(() => callerFor(s.deps, s.coordinator).audit.setMassReadSettings({ subjects: 1000, minutes: 1 }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await fg.audit.massReadSettings()).toEqual({ subjects: 30, minutes: 10 });
  });
});
