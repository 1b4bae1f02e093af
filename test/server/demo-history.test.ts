// The demo history gives the reports meaningful figures, deterministically.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { seedDemoTeams } from '../../db/seed/demo';
import { seedDemoHistory } from '../../db/seed/demo-history';
import { demoAccountsSince } from '../../db/seed/demo-cases';
import { buildProgressReport, rawProgressReport } from '../../server/domain/reports';
import { dashboard } from '../../server/domain/dashboard';
import { loadActor } from '../../server/auth/actor';

async function seeded() {
  const deps = createTestDeps();
  const { ids } = await seedDemoTeams(deps.db, () => Promise.resolve('not-a-real-hash'), demoAccountsSince(deps.now()));
  seedDemoHistory({ db: deps.db, now: deps.now() }, ids);
  return { deps, ids };
}

describe('demo history', () => {
  it('fills the PIT year and BIT half-year reports, the same way every time', async () => {
    const { deps, ids } = await seeded();
    // The demo data fills every figure (unsuppressed: small ones are hidden in what readers get).
    const pit = rawProgressReport(deps, ids.teams.pit.teamId, { from: '2025-01-01', to: '2025-12-31' });
    // PIT 2026 (the covenant has ended, the team winds down) compares with the full year 2025.
    const pit2026 = rawProgressReport(deps, ids.teams.pit.teamId, { from: '2026-01-01', to: '2026-12-31' });
    const bit = rawProgressReport(deps, ids.teams.bit.teamId, { from: '2026-01-01', to: '2026-06-30' });
    for (const r of [pit2026, bit]) {
      for (const key of [
        'casesOpened',
        'casesClosed',
        'agreements',
        'tasksDone',
        'tasksOverdue',
        'meetingsHeld',
        'controlsHeld',
        'findings',
      ]) {
        expect(r.headline.find((h) => h.key === key)!.current, `${r.team.code} ${key}`).toBeGreaterThan(0);
        expect(r.headline.find((h) => h.key === key)!.previous, `${r.team.code} ${key} previous`).toBeGreaterThan(0);
      }
    }
    expect(pit.headline.find((h) => h.key === 'casesOpened')!.current).toBeGreaterThan(40);
    expect(bit.headline.find((h) => h.key === 'escalationsRaised')!.current).toBeGreaterThan(0);
    const again = await seeded();
    const pitAgain = buildProgressReport(again.deps, again.ids.teams.pit.teamId, { from: '2025-01-01', to: '2025-12-31' });
    expect({ ...pitAgain, generatedAt: '' }).toEqual({
      ...buildProgressReport(deps, ids.teams.pit.teamId, { from: '2025-01-01', to: '2025-12-31' }),
      generatedAt: '',
    });
    // The coordinator's dashboard has controles coming up.
    const d = dashboard(
      deps,
      loadActor(deps.db, {
        id: ids.teams.bit.userIds.coordinator!,
        role: 'coordinator',
        teamId: ids.teams.bit.teamId,
        partnerId: ids.teams.bit.partnerIds.blaricum!,
        name: 'Coördinator',
        email: 'c@bit.test',
        locale: 'nl',
      }),
    );
    expect(d.kind === 'coordinator' && d.controls.length).toBeGreaterThan(0);
  });
});
