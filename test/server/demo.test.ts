// The demo (SPEC §6, issue 3 item 7): seeded through the real domain path into a fresh database
// file, then checked through the real procedures as the demo accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { auditLog, cases, partners, policeSubjectItems, subjectItems, subjectSearchTokens, subjects, tasks, teams } from '../../db/schema';
import { seedDemo } from '../../db/seed';
import { DEMO_JOURNEY_CASE } from '../../db/seed/demo-cases';
import { teamDefs } from '../../db/seed/covenants';
import { hashPassword } from '../../server/auth/passwords';
import { verifyAuditChain } from '../../server/audit';
import { revealBsn } from '../../server/privacy/personal-data';
import { loadActor } from '../../server/auth/actor';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, reloadUser } from '../helpers/factories';

let dir: string;
let deps: TestDeps;
let seeded: Awaited<ReturnType<typeof seedDemo>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'overleg-demo-'));
  deps = createTestDeps({ file: join(dir, 'overleg.db') });
  const started = performance.now();
  seeded = await seedDemo(deps, hashPassword, deps.now());
  const ms = performance.now() - started;
  console.log(`demo seeding: ${ms.toFixed(0)} ms (teams, accounts and casussen) —`, JSON.stringify(seeded.cases));
}, 120_000);

afterAll(() => {
  deps.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const user = (team: 'pit' | 'bit', local: string) => reloadUser(deps, seeded.ids.teams[team].userIds[local]!);

async function allCaseIds(team: 'pit' | 'bit') {
  const caller = callerFor(deps, user(team, 'coordinator'));
  const idsSeen: number[] = [];
  let cursor: number | null = null;
  do {
    const page: Awaited<ReturnType<typeof caller.cases.list>> = await caller.cases.list({ cursor, limit: 20 });
    idsSeen.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return idsSeen;
}

describe('demo casussen', () => {
  it('takes the real domain path: team codes per year, history and an intact audit chain', () => {
    const codes = deps.db
      .select({ code: cases.code })
      .from(cases)
      .all()
      .map((c) => c.code);
    expect(codes).toContain('PIT-2025-0001');
    expect(codes.some((c) => /^BIT-\d{4}-0001$/.test(c))).toBe(true);
    for (const code of codes) expect(code).toMatch(/^(PIT|BIT)-\d{4}-\d{4}$/);
    expect(verifyAuditChain(deps.db)).toBeNull();
    const audit = deps.db
      .select({ at: auditLog.at })
      .from(auditLog)
      .orderBy(auditLog.id)
      .all()
      .map((r) => r.at);
    expect(audit.length).toBeGreaterThan(100);
    expect([...audit].sort()).toEqual(audit); // written in chronological order
    expect(audit.at(-1)! <= deps.now().toISOString()).toBe(true);
  });

  it('has casussen in every gemeente of both teams, with a mix of statuses and origins', async () => {
    for (const def of teamDefs) {
      const caller = callerFor(deps, user(def.slug, 'coordinator'));
      for (const p of def.partners.filter((x) => x.kind === 'gemeente')) {
        const list = await caller.cases.list({ gemeentePartnerId: seeded.ids.teams[def.slug].partnerIds[p.slug]! });
        expect(list.items.length, `${def.slug}/${p.slug}`).toBeGreaterThanOrEqual(3);
        for (const c of list.items) expect(c.postcode).toMatch(/^[1-9]\d{3} [A-Z]{2}$/);
      }
      const teamCases = deps.db.select().from(cases).where(eq(cases.teamId, seeded.ids.teams[def.slug].teamId)).all();
      expect(new Set(teamCases.map((c) => c.status))).toEqual(new Set(['signaal', 'actief', 'afgerond']));
      expect(teamCases.some((c) => c.origin === 'avo_verzoek' && c.priority === 'hoog')).toBe(true);
      expect(new Set(teamCases.map((c) => c.themeId)).size).toBeGreaterThanOrEqual(5);
      const created = teamCases.map((c) => c.createdAt).sort();
      // Spread over about a year.
      expect(Date.parse(created.at(-1)!) - Date.parse(created[0]!)).toBeGreaterThan(250 * 86_400_000);
    }
  });

  it('has overdue tasks, done tasks with result notes, and nothing inconsistent', async () => {
    const coordinator = callerFor(deps, user('pit', 'coordinator'));
    expect((await coordinator.tasks.list({ overdue: true })).length).toBeGreaterThan(0);
    expect((await callerFor(deps, user('bit', 'coordinator')).tasks.list({ overdue: true })).length).toBeGreaterThan(0);
    const all = deps.db.select().from(tasks).all();
    const done = all.filter((t) => t.status === 'gereed');
    expect(done.length).toBeGreaterThan(10);
    for (const t of done) {
      expect(t.resultNote?.length).toBeGreaterThan(5);
      expect(t.completedAt! >= t.createdAt).toBe(true);
      expect(t.completedAt! <= deps.now().toISOString()).toBe(true);
    }
    // A closed casus has no open tasks and no open werkafspraken.
    const openOnClosed = deps.db
      .select({ n: sql<number>`count(*)` })
      .from(tasks)
      .innerJoin(cases, eq(cases.id, tasks.caseId))
      .where(and(eq(cases.status, 'afgerond'), eq(tasks.status, 'open')))
      .get()!;
    expect(openOnClosed.n).toBe(0);
    // Tasks for several partners, including Senzer and BSOB in PIT.
    const pit = seeded.ids.teams.pit.partnerIds;
    const assignees = new Set(all.map((t) => t.assigneePartnerId));
    for (const slug of ['helmond', 'politie', 'senzer', 'bsob', 'vrbzo']) expect(assignees.has(pit[slug]!), slug).toBe(true);
  });

  it('records PIT personal data only while the covenant was in force', () => {
    const pitTeam = seeded.ids.teams.pit.teamId;
    for (const table of [subjectItems, policeSubjectItems]) {
      const rows = deps.db
        .select({ createdAt: table.createdAt })
        .from(table)
        .innerJoin(subjects, eq(subjects.id, table.subjectId))
        .innerJoin(cases, eq(cases.id, subjects.caseId))
        .where(eq(cases.teamId, pitTeam))
        .all();
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.createdAt < '2026-01-01').toBe(true);
    }
    // Items from several partners, Senzer and BSOB included.
    const sources = new Set(
      deps.db
        .select({ p: subjectItems.sourcePartnerId })
        .from(subjectItems)
        .all()
        .map((r) => r.p),
    );
    for (const slug of ['helmond', 'asten', 'senzer', 'bsob', 'vrbzo'])
      expect(sources.has(seeded.ids.teams.pit.partnerIds[slug]!), slug).toBe(true);
  });

  it('lets both coordinators open every casus of their team and see all its betrokkenen', async () => {
    for (const team of ['pit', 'bit'] as const) {
      const caller = callerFor(deps, user(team, 'coordinator'));
      const ids = await allCaseIds(team);
      expect(ids.length).toBe(deps.db.select().from(cases).where(eq(cases.teamId, seeded.ids.teams[team].teamId)).all().length);
      for (const id of ids) {
        const c = await caller.cases.get({ id });
        const stored = deps.db.select().from(subjects).where(eq(subjects.caseId, id)).all().length;
        expect(c.subjects.length).toBe(stored);
      }
    }
  });

  it('has police items that the Helmond member sees and the Senzer member does not (the journey casus)', async () => {
    const journey = deps.db.select().from(cases).where(eq(cases.code, DEMO_JOURNEY_CASE.code)).get()!;
    expect(
      journey?.id,
      `journey casus is ${deps.db.select().from(cases).where(eq(cases.id, seeded.cases.journeyCaseId)).get()?.code}`,
    ).toBe(seeded.cases.journeyCaseId);
    expect([journey.street, journey.houseNumber, journey.postcode, journey.city]).toEqual([
      DEMO_JOURNEY_CASE.street,
      DEMO_JOURNEY_CASE.houseNumber,
      DEMO_JOURNEY_CASE.postcode,
      DEMO_JOURNEY_CASE.city,
    ]);
    const pit = seeded.ids.teams.pit.partnerIds;
    const policeId = pit.politie!;
    const helmond = await callerFor(deps, user('pit', 'helmond')).cases.get({ id: journey.id });
    const senzer = await callerFor(deps, user('pit', 'senzer')).cases.get({ id: journey.id });
    const helmondItems = helmond.subjects.flatMap((s) => s.items);
    const senzerItems = senzer.subjects.flatMap((s) => s.items);
    expect(helmondItems.some((i) => i.sourcePartnerId === policeId)).toBe(true);
    expect(senzerItems.some((i) => i.sourcePartnerId === policeId)).toBe(false);
    expect(senzerItems.some((i) => i.sourcePartnerId === pit.senzer)).toBe(true);
    expect(senzerItems.some((i) => i.sourcePartnerId === pit.helmond)).toBe(true);
    expect(senzer.subjects.length).toBeLessThan(helmond.subjects.length); // the police-only betrokkene is absent
    // Senzer has an open task on it to tick off.
    const mine = await callerFor(deps, user('pit', 'senzer')).tasks.mine();
    const task = mine.find((t) => t.caseId === journey.id && t.title === DEMO_JOURNEY_CASE.senzerTaskTitle);
    expect(task?.status).toBe('open');
    // And on no PIT casus does Senzer see a police item, while police items exist in both teams.
    const senzerCaller = callerFor(deps, user('pit', 'senzer'));
    for (const id of await allCaseIds('pit')) {
      const c = await senzerCaller.cases.get({ id });
      expect(c.subjects.flatMap((s) => s.items).some((i) => i.sourcePartnerId === policeId)).toBe(false);
    }
    for (const team of ['pit', 'bit'] as const) {
      const n = deps.db
        .select({ n: sql<number>`count(*)` })
        .from(policeSubjectItems)
        .innerJoin(partners, eq(partners.id, policeSubjectItems.sourcePartnerId))
        .where(eq(partners.teamId, seeded.ids.teams[team].teamId))
        .get()!.n;
      expect(n, team).toBeGreaterThan(0);
    }
  });

  it('leaves no plaintext personal data value in the database file', async () => {
    const values = new Set<string>();
    for (const team of ['pit', 'bit'] as const) {
      const coordinator = user(team, 'coordinator');
      const caller = callerFor(deps, coordinator);
      for (const id of await allCaseIds(team)) {
        for (const item of (await caller.cases.get({ id })).subjects.flatMap((s) => s.items)) {
          const value = item.category === 'bsn' ? revealBsn(deps, loadActor(deps.db, coordinator), item.id) : item.value;
          values.add(value);
          // A name alone must not be found either.
          if (item.category === 'naw') values.add(value.split(',')[0]!);
        }
      }
    }
    expect(values.size).toBeGreaterThan(100);
    deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const files = readdirSync(dir).map((f) => readFileSync(join(dir, f)));
    expect(files.some((b) => b.includes(Buffer.from(DEMO_JOURNEY_CASE.street)))).toBe(true); // sanity: readable non-personal data
    for (const value of values) {
      for (const bytes of files) expect(bytes.includes(Buffer.from(value, 'utf8')), value).toBe(false);
    }
  });
});

describe('demo data-subject rights (issue 11 items 1, 8)', () => {
  it('the demo has a blind index: the PIT FG finds a demo person by surname; PIT informs through Helmond', async () => {
    expect(
      deps.db
        .select({ n: sql<number>`count(*)` })
        .from(subjectSearchTokens)
        .get()!.n,
    ).toBeGreaterThan(100);
    const hits = await callerFor(deps, user('pit', 'fg')).dsr.search({ query: 'Voorbeeldstra' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.caseCode.startsWith('PIT-'))).toBe(true);
    const pit = deps.db.select({ informing: teams.informingPartnerId }).from(teams).where(eq(teams.slug, 'pit')).get()!;
    expect(pit.informing).toBe(seeded.ids.teams.pit.partnerIds.helmond);
  });
});
