// Issue 9 item 17 (P6, art. 20.2 and 23): the FG reads the Logboek in plain words — audit.list
// resolves every internal id into a name, casus code or overleg title, and never names a betrokkene.
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { partners } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { match } from '../helpers/matchers';

describe('audit.list display fields', () => {
  it('names actors with their partner, partners, casussen and overleggen instead of ids; no betrokkene, no raw id', async () => {
    const deps = createTestDeps();
    const bit = makeTeam(deps, 'bit');
    const fg = await makeUser(deps, bit, 'privacy', null, 'FG Gooi');
    const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum', 'Coördinator BIT');
    const member = await makeUser(deps, bit, 'member', 'hilversum', 'Lid Hilversum');
    const hilversum = deps.db.select({ shortName: partners.shortName }).from(partners).where(eq(partners.id, member.partnerId!)).get()!
      .shortName;
    const c = await makeCase(deps, bit, coordinator);
    await callerFor(deps, member).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [
        { category: 'naw', value: 'Jolanda Zeldzaamnaam, Testlaan 99, Hilversum' },
        { category: 'geboortedatum', value: '1971-03-09' },
      ],
    });
    await callerFor(deps, coordinator).cases.get({ id: c.id });
    const meeting = await callerFor(deps, coordinator).meetings.create({ startsAt: '2026-12-01T09:00:00Z', title: 'BIT-overleg' });
    await callerFor(deps, coordinator).agenda.add({ meetingId: meeting.id, section: 'lopende_casussen', title: 'Casus', caseId: c.id });

    const { items } = await callerFor(deps, fg).audit.list({});
    const byAction = (a: string) => items.find((i) => i.action === a)!;

    expect(byAction('personal_data.created')).toMatchObject({
      caseCode: c.code,
      subject: null,
      actor: { name: 'Lid Hilversum', role: 'member', partner: hilversum },
      facts: [
        { key: 'sourcePartner', type: 'name', value: hilversum },
        { key: 'categories', type: 'categories', value: ['naw', 'geboortedatum'] },
      ],
    });
    expect(byAction('personal_data.read').facts).toEqual([
      { key: 'purpose', type: 'code', value: 'screen' },
      { key: 'items', type: 'count', value: 2 },
      { key: 'categories', type: 'categories', value: ['geboortedatum', 'naw'] },
      { key: 'subjects', type: 'count', value: 1 },
      { key: 'police', type: 'yesNo', value: false },
    ]);
    expect(byAction('meeting.created')).toMatchObject({ entity: 'meeting', subject: 'BIT-overleg (1 december 2026)', facts: [] });
    expect(byAction('agenda.item_added')).toMatchObject({
      caseCode: c.code,
      subject: null,
      facts: [
        { key: 'meeting', type: 'name', value: 'BIT-overleg (1 december 2026)' },
        { key: 'source', type: 'code', value: match.stringMatching(/^[a-z]+$/) },
      ],
    });

    // The display fields carry no internal number and no value of a betrokkene.
    const display = JSON.stringify(items.map((i) => ({ subject: i.subject, facts: i.facts, partner: i.actor?.partner })));
    expect(display).not.toMatch(/Id"/);
    for (const f of items.flatMap((i) => i.facts)) {
      expect(f.key, f.key).not.toMatch(/Id$/);
      if (f.type !== 'count') expect(JSON.stringify(f.value), f.key).not.toMatch(/^\[?\d+(,\d+)*\]?$/);
    }
    for (const needle of ['Zeldzaamnaam', 'Testlaan', '1971']) expect(JSON.stringify(items)).not.toContain(needle);
  });
});
