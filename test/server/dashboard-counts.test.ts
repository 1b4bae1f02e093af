// The home page's casussen per status (issue 12): the closed ones are the team's whole history, so
// the counts are kept while nothing in `cases` changed, and counted again after any change.
import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';

describe('dashboard casussen per status', () => {
  it('counts once while nothing changed, and again after a new casus or a status change', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit');
    const bit = makeTeam(deps, 'bit');
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
    const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    await makeCase(deps, pit, coordinator);
    const active = await makeCase(deps, pit, coordinator, { status: 'actief' });
    await makeCase(deps, bit, bitCoordinator, { status: 'actief' });
    const v = callerFor(deps, viewer);
    const counts = async () => {
      const home = await v.dashboard.get();
      if (home.kind !== 'figures') throw new Error(home.kind);
      return home.figures.casesByStatus;
    };

    // Which statements a call prepares: a count over `cases` is prepared afresh each time it runs.
    const sqlite = deps.db.$client;
    const prepare = sqlite.prepare.bind(sqlite);
    const caseCounts = async () => {
      let counted = 0;
      sqlite.prepare = (source: string) => {
        if (/from "cases"/.test(source) && /group by/i.test(source)) counted++;
        return prepare(source);
      };
      try {
        return { figures: await counts(), counted };
      } finally {
        sqlite.prepare = prepare;
      }
    };

    expect(await caseCounts()).toEqual({ figures: { signaal: 1, actief: 1, afgerond: 0 }, counted: 1 });
    expect(await caseCounts()).toEqual({ figures: { signaal: 1, actief: 1, afgerond: 0 }, counted: 0 });
    await makeCase(deps, pit, coordinator);
    expect(await caseCounts()).toEqual({ figures: { signaal: 2, actief: 1, afgerond: 0 }, counted: 1 });
    await callerFor(deps, coordinator).cases.setStatus({ id: active.id, status: 'afgerond', version: 1 });
    expect(await caseCounts()).toEqual({ figures: { signaal: 2, actief: 0, afgerond: 1 }, counted: 1 });
    // Another team's change counts again too, and never mixes in.
    await makeCase(deps, bit, bitCoordinator);
    expect(await caseCounts()).toEqual({ figures: { signaal: 2, actief: 0, afgerond: 1 }, counted: 1 });
    expect(await caseCounts()).toEqual({ figures: { signaal: 2, actief: 0, afgerond: 1 }, counted: 0 });
  });
});
