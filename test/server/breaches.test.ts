// Issue 11 item 6 (PIT art. 22, P10): anyone reports a suspected breach; the FG manages it with
// the 24-hour clock for the partners and the 72-hour clock for the AP (AVG 33 / Wpg 33a).
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, breaches } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, fieldErrorsOf, makeTeam, makeUser } from '../helpers/factories';
import { openDraftIncident } from '../../server/domain/breaches';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit');
  const bit = makeTeam(deps, 'bit');
  const fg = await makeUser(deps, pit, 'privacy');
  const member = await makeUser(deps, pit, 'member', 'senzer');
  const viewer = await makeUser(deps, pit, 'viewer');
  const bitFg = await makeUser(deps, bit, 'privacy');
  return { deps, pit, bit, fg, member, viewer, bitFg };
}

const fullUpdate = (id: number, version: number, partnerIds: number[]) => ({
  id,
  version,
  status: 'in_behandeling' as const,
  policeData: false,
  nature: 'vertrouwelijkheid' as const,
  dataCategories: 'NAW, kenteken',
  personsAffected: 3,
  recordsAffected: 12,
  consequences: 'Gering',
  measuresTaken: 'Mail teruggehaald',
  measuresProposed: 'Training',
  contact: 'FG PIT, 0492-000000',
  authorityReportedAt: null,
  authorityReference: null,
  authorityNotRequiredReason: null,
  subjectsDecision: null,
  subjectsDecisionReason: null,
  consultation: '',
  consultedOn: null,
  partnerIds,
});

describe('breaches.create', () => {
  it('any role reports; the clocks run from the discovery: +24 h for the partners, +72 h for the AP', async () => {
    const { deps, fg, member, viewer } = await setup();
    const r = await callerFor(deps, member).breaches.create({
      discoveredAt: '2026-11-25T07:30:00+01:00',
      description: 'Verslag naar verkeerd adres gemaild',
    });
    expect(r).toEqual({ id: r.id, partnersBy: '2026-11-26T06:30:00.000Z', authorityBy: '2026-11-28T06:30:00.000Z' });
    await callerFor(deps, viewer).breaches.create({ discoveredAt: '2026-11-25T08:00:00Z', description: 'Laptop kwijt' });
    const [latest, first] = await callerFor(deps, fg).breaches.list();
    expect(first).toMatchObject({
      id: r.id,
      status: 'gemeld',
      discoveredAt: '2026-11-25T06:30:00.000Z',
      partnersClock: 'running',
      authorityClock: 'running',
      authorityLaw: 'avg_33',
      origin: 'report',
    });
    expect(latest!.description).toBe('Laptop kwijt');
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'breach.reported')).all()).toHaveLength(2);
  });

  it('refuses a discovery in the future and an empty description, and changes nothing', async () => {
    const { deps, member } = await setup();
    const api = callerFor(deps, member);
    expect(await fieldErrorsOf(() => api.breaches.create({ discoveredAt: '2026-11-26T09:00:00Z', description: 'x' }))).toEqual({
      discoveredAt: 'Dit tijdstip ligt in de toekomst.',
    });
    expect((await errorOf(() => api.breaches.create({ discoveredAt: '2026-11-25T08:00:00Z', description: '   ' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect(deps.db.select().from(breaches).all()).toEqual([]);
  });
});

describe('the FG manages a breach', () => {
  it('shows a clock overdue after its deadline, done once every partner is informed, and Wpg 33a with police data', async () => {
    const { deps, pit, fg, member } = await setup();
    const { id } = await callerFor(deps, member).breaches.create({
      discoveredAt: '2026-11-25T08:00:00Z',
      description: 'Map op de trein laten liggen',
    });
    const f = callerFor(deps, fg);
    await f.breaches.update({ ...fullUpdate(id, 1, [pit.partnerIds.helmond!, pit.partnerIds.politie!]), policeData: true });
    deps.clock.set('2026-11-26T08:00:01Z');
    let [b] = await f.breaches.list();
    expect([b!.partnersClock, b!.authorityClock, b!.authorityLaw]).toEqual(['overdue', 'running', 'wpg_33a']);
    expect(await f.breaches.clocks()).toEqual({ running: 1, overdue: 1, nextDeadline: '2026-11-26T08:00:00.000Z' });
    await f.breaches.partnerInformed({ id, partnerId: pit.partnerIds.helmond!, informedAt: '2026-11-25T10:00:00Z' });
    [b] = await f.breaches.list();
    expect(b!.partnersClock).toBe('overdue');
    await f.breaches.partnerInformed({ id, partnerId: pit.partnerIds.politie!, informedAt: '2026-11-26T08:00:00Z' });
    [b] = await f.breaches.list();
    expect(b!.partnersClock).toBe('done');
    expect(b!.partners.map((p) => [p.partnerId, p.informedAt])).toEqual(
      expect.arrayContaining([
        [pit.partnerIds.helmond, '2026-11-25T10:00:00.000Z'],
        [pit.partnerIds.politie, '2026-11-26T08:00:00.000Z'],
      ]),
    );
    // Reported to the AP: the 72-hour clock stops.
    await f.breaches.update({
      ...fullUpdate(id, b!.version, [pit.partnerIds.helmond!, pit.partnerIds.politie!]),
      policeData: true,
      authorityReportedAt: '2026-11-26T08:00:00Z',
      authorityReference: 'AP-123',
    });
    [b] = await f.breaches.list();
    expect([b!.authorityClock, b!.authorityReference, b!.personsAffected, b!.nature]).toEqual(['done', 'AP-123', 3, 'vertrouwelijkheid']);
  });

  it('needs a reason not to inform the data subjects', async () => {
    const { deps, fg, member } = await setup();
    const { id } = await callerFor(deps, member).breaches.create({
      discoveredAt: '2026-11-25T08:00:00Z',
      description: 'Verkeerde bijlage',
    });
    const f = callerFor(deps, fg);
    expect(await fieldErrorsOf(() => f.breaches.update({ ...fullUpdate(id, 1, []), subjectsDecision: 'niet_informeren' }))).toEqual({
      subjectsDecisionReason: 'Geef de reden waarom betrokkenen niet worden geïnformeerd.',
    });
  });

  it("is for the FG of the team only: others are refused, another team's breach is NOT_FOUND", async () => {
    const { deps, pit, fg, member, bitFg } = await setup();
    const { id } = await callerFor(deps, member).breaches.create({
      discoveredAt: '2026-11-25T08:00:00Z',
      description: 'Verkeerde bijlage',
    });
    expect((await errorOf(() => callerFor(deps, member).breaches.list())).code).toBe('FORBIDDEN');
    expect(await callerFor(deps, bitFg).breaches.list()).toEqual([]);
    expect(
      (
        await errorOf(() =>
          callerFor(deps, bitFg).breaches.partnerInformed({ id, partnerId: pit.partnerIds.helmond!, informedAt: '2026-11-25T08:00:00Z' }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect((await callerFor(deps, fg).breaches.list()).map((b) => b.id)).toEqual([id]);
  });
});

describe('openDraftIncident', () => {
  it('opens one draft per team for a broken audit chain, with the clocks running from now', async () => {
    const { deps, pit, fg } = await setup();
    const a = openDraftIncident(deps, pit.teamId, 'Auditketen onderbroken bij regel 42');
    const b = openDraftIncident(deps, pit.teamId, 'Auditketen onderbroken bij regel 43');
    expect(b).toEqual(a);
    const [row] = await callerFor(deps, fg).breaches.list();
    expect(row).toMatchObject({
      id: a.id,
      origin: 'audit_chain',
      status: 'gemeld',
      discoveredAt: '2026-11-25T09:00:00.000Z',
      nature: 'integriteit',
      partnersBy: '2026-11-26T09:00:00.000Z',
      authorityBy: '2026-11-28T09:00:00.000Z',
      reportedBy: null,
    });
  });
});
