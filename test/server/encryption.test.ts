// P5: the database file holds no plaintext personal data values.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';

describe('encryption at rest', () => {
  it('no value of any category appears in the database files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'overleg-enc-'));
    const deps = createTestDeps({ file: join(dir, 'overleg.db') });
    const team = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
    const gemeente = await makeUser(deps, team, 'member', 'helmond');
    const politie = await makeUser(deps, team, 'member', 'politie');
    const { id: caseId } = await makeCase(deps, team, gemeente);
    const items = Object.entries(exampleValues).map(([category, value]) => ({
      category: category as keyof typeof exampleValues,
      value,
      legalGround: category === 'bsn' ? 'art. 20.3c' : undefined,
    }));
    await callerFor(deps, gemeente).subjects.add({ caseId, kind: 'person', items });
    await callerFor(deps, politie).subjects.add({
      caseId,
      kind: 'person',
      items: items.map((i) => ({ ...i, value: i.category === 'naw' ? 'Q. Politieregister, Laan 9' : i.value })),
    });
    // The values are readable through the API...
    const seen = await callerFor(deps, gemeente).cases.get({ id: caseId });
    expect(seen.subjects.flatMap((s) => s.items).length).toBe(12); // 6 categories each (geslacht is not recorded, art. 20.9)
    deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    deps.db.$client.close();
    // ...but not in any file on disk.
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    expect(bytes).toContain('Kerkstraat'); // sanity: the file is readable and holds non-personal data
    for (const value of [...Object.values(exampleValues), 'Politieregister', '111222333', '0612345678', '06 12345678']) {
      expect(bytes.includes(value), value).toBe(false);
    }
  });
});
