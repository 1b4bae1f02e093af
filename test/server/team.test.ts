import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { match } from '../helpers/matchers';

function twoTeams() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  return { deps, pit, bit };
}

describe('partners from the covenants', () => {
  it('the PIT coordinator sees the ten PIT partners with their kinds', async () => {
    const { deps, pit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const list = await callerFor(deps, coordinator).partners.list();
    expect(list.map((p) => [p.name, p.kind])).toEqual([
      ['Gemeente Helmond', 'gemeente'],
      ['Gemeente Asten', 'gemeente'],
      ['Gemeente Deurne', 'gemeente'],
      ['Gemeente Gemert-Bakel', 'gemeente'],
      ['Gemeente Laarbeek', 'gemeente'],
      ['Gemeente Someren', 'gemeente'],
      ['Politie Eenheid Oost-Brabant', 'politie'],
      ['Veiligheidsregio Brabant-Zuidoost', 'veiligheidsregio'],
      ['Senzer (Werkbedrijf Atlant De Peel)', 'sociale_dienst'],
      ['Belastingsamenwerking Oost-Brabant', 'belastingen'],
    ]);
  });

  it('a BIT member sees only the seven BIT partners (team isolation)', async () => {
    const { deps, bit } = twoTeams();
    const member = await makeUser(deps, bit, 'member', 'hilversum');
    const list = await callerFor(deps, member).partners.list();
    expect(list).toHaveLength(7);
    expect(list.every((p) => !p.name.includes('Oost-Brabant') && !p.name.includes('Helmond'))).toBe(true);
    const members = await callerFor(deps, member).team.members();
    expect(members.map((m) => m.id)).toEqual([member.id]);
  });

  it('the covenant records carry cadence, recipient and end date', async () => {
    const { deps, pit, bit } = twoTeams();
    const pitTeam = await callerFor(deps, await makeUser(deps, pit, 'viewer', 'helmond')).team.get();
    // The demo's PIT team works under the fictitious successor (the real covenant ended 2026-01-01).
    expect(pitTeam.covenant).toMatchObject({
      reportingCadence: 'yearly',
      citation: 'Fictief vervolgconvenant (demo)',
      endsOn: '2030-01-01',
      active: true,
    });
    const other = createTestDeps();
    const ended = makeTeam(other, 'pit', { endsOn: '2026-01-01' });
    const endedTeam = await callerFor(other, await makeUser(other, ended, 'viewer', 'helmond')).team.get();
    expect(endedTeam.covenant).toMatchObject({ reportingCadence: 'yearly', endsOn: '2026-01-01', active: false });
    const bitTeam = await callerFor(deps, await makeUser(deps, bit, 'viewer', 'hilversum')).team.get();
    expect(bitTeam.covenant).toMatchObject({ reportingCadence: 'half_yearly', endsOn: '2028-01-01', active: true });
    expect(bitTeam.covenant.reportRecipient).toContain('DVC');
  });
});

describe('partner management (art. 12, 14)', () => {
  it('only the coordinator records a request to join; it is no partner until the FG approves', async () => {
    const { deps, bit } = twoTeams();
    const input = { name: 'Gemeente Weesp', shortName: 'Weesp', kind: 'gemeente' as const, joinedOn: '2026-12-01' };
    for (const role of ['member', 'viewer', 'privacy', 'admin'] as const) {
      const user = await makeUser(deps, bit, role, role === 'privacy' || role === 'admin' ? null : 'laren');
      expect((await errorOf(() => callerFor(deps, user).partners.join(input))).code).toBe('FORBIDDEN');
    }
    const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
    expect(await callerFor(deps, coordinator).partners.join(input)).toEqual({ joiningId: match.any(Number), status: 'proposed' });
    expect((await callerFor(deps, coordinator).partners.list()).map((p) => p.name)).not.toContain('Gemeente Weesp');
    expect((await errorOf(() => callerFor(deps, coordinator).partners.join(input))).code).toBe('CONFLICT');
  });

  it('leaving needs at least two months notice, and the version must be current', async () => {
    const { deps, pit } = twoTeams();
    const admin = await makeUser(deps, pit, 'admin');
    const bsob = (await callerFor(deps, admin).partners.list()).find((p) => p.kind === 'belastingen')!;
    const tooSoon = await errorOf(() =>
      callerFor(deps, admin).partners.leave({
        partnerId: bsob.id,
        noticeGivenOn: '2026-11-25',
        leftOn: '2027-01-24',
        version: bsob.version,
      }),
    );
    expect(tooSoon).toMatchObject({ code: 'BAD_REQUEST', key: 'partners.noticeTooShort' });
    await callerFor(deps, admin).partners.leave({
      partnerId: bsob.id,
      noticeGivenOn: '2026-11-25',
      leftOn: '2027-01-25',
      version: bsob.version,
    });
    const stale = await errorOf(() =>
      callerFor(deps, admin).partners.leave({
        partnerId: bsob.id,
        noticeGivenOn: '2026-11-25',
        leftOn: '2027-02-01',
        version: bsob.version,
      }),
    );
    expect(stale.code).toBe('CONFLICT');
  });

  it('a partner that has left keeps its history but its members lose access', async () => {
    const { deps, pit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const member = await makeUser(deps, pit, 'member', 'bsob');
    await callerFor(deps, coordinator).partners.leave({
      partnerId: pit.partnerIds.bsob!,
      noticeGivenOn: '2026-09-01',
      leftOn: '2026-11-01',
      version: 1,
    });
    const err = await errorOf(() => callerFor(deps, null).auth.login({ email: member.email, password: TEST_PASSWORD }));
    expect(err.code).toBe('UNAUTHORIZED');
    expect((await callerFor(deps, coordinator).partners.list()).find((p) => p.id === pit.partnerIds.bsob)).toMatchObject({
      active: false,
      leftOn: '2026-11-01',
    });
  });

  it('a coordinator cannot manage partners of another team', async () => {
    const { deps, pit, bit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const err = await errorOf(() =>
      callerFor(deps, coordinator).partners.leave({
        partnerId: bit.partnerIds.laren!,
        noticeGivenOn: '2026-01-01',
        leftOn: '2026-06-01',
        version: 1,
      }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('accounts', () => {
  it('the coordinator adds members and viewers, not admins; the admin adds any role', async () => {
    const { deps, pit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const admin = await makeUser(deps, pit, 'admin');
    const base = { name: 'Nieuwe Collega', partnerId: pit.partnerIds.deurne };
    await callerFor(deps, coordinator).users.create({ ...base, email: 'nieuw@deurne.test', role: 'member' });
    expect((await errorOf(() => callerFor(deps, coordinator).users.create({ ...base, email: 'x@deurne.test', role: 'admin' }))).code).toBe(
      'FORBIDDEN',
    );
    await callerFor(deps, admin).users.create({ ...base, email: 'coord2@deurne.test', role: 'coordinator' });
    expect((await errorOf(() => callerFor(deps, admin).users.create({ ...base, email: 'NIEUW@deurne.test', role: 'member' }))).code).toBe(
      'CONFLICT',
    );
  });

  it('a member needs a partner of the own team, and members cannot add accounts', async () => {
    const { deps, pit, bit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const member = await makeUser(deps, pit, 'member', 'helmond');
    const input = { name: 'Iemand', email: 'iemand@test.nl', role: 'member' as const };
    expect((await errorOf(() => callerFor(deps, coordinator).users.create(input))).key).toBe('users.partnerRequired');
    expect((await errorOf(() => callerFor(deps, coordinator).users.create({ ...input, partnerId: bit.partnerIds.laren }))).code).toBe(
      'NOT_FOUND',
    );
    expect((await errorOf(() => callerFor(deps, member).users.create({ ...input, partnerId: pit.partnerIds.helmond }))).code).toBe(
      'FORBIDDEN',
    );
  });

  it('rejects bad input without changing anything', async () => {
    const { deps, pit } = twoTeams();
    const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
    const before = (await callerFor(deps, coordinator).team.members()).length;
    const err = await errorOf(() =>
      callerFor(deps, coordinator).users.create({ name: 'X', email: 'geen-adres', role: 'member', partnerId: pit.partnerIds.helmond }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    expect((await callerFor(deps, coordinator).team.members()).length).toBe(before);
  });

  it('viewers read no member list; nobody disables an account of another team', async () => {
    const { deps, pit, bit } = twoTeams();
    const viewer = await makeUser(deps, pit, 'viewer', 'helmond');
    expect((await errorOf(() => callerFor(deps, viewer).team.members())).code).toBe('FORBIDDEN');
    const bitMember = await makeUser(deps, bit, 'member', 'laren');
    const admin = await makeUser(deps, pit, 'admin');
    expect((await errorOf(() => callerFor(deps, admin).users.setDisabled({ userId: bitMember.id, disabled: true }))).code).toBe(
      'NOT_FOUND',
    );
  });
});
