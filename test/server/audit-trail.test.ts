// P6 per person (issue 11 item 7): reads name the betrokkenen and flag police data, the chain is
// keyed (HMAC, key not in the database) and checked incrementally from signed checkpoints,
// reading the log is logged, the FG exports it as CSV, and many reads in a short time alert.
import { describe, expect, it } from 'vitest';
import { and, asc, desc, eq } from 'drizzle-orm';
import { createHmac, randomBytes } from 'node:crypto';
import { auditCheckpoints, auditLog, breaches, auditSubjects, securityEvents, teams } from '../../db/schema';
import { openDb } from '../../db/client';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { parseJson } from '../helpers/json';
import { match } from '../helpers/matchers';
import { appendAudit, bindAuditKey, GENESIS, legacyRowHash, type HashedRow } from '../../server/audit';
import { checkAuditChainFull, checkAuditChainIncremental, CHUNK, verifyAuditChain } from '../../server/audit-chain';
import { keysFromMaster } from '../../server/privacy/crypto';
import { decodePublicId } from '../../server/privacy/public-ids';

async function setup() {
  const deps = createTestDeps();
  const pit = makeTeam(deps, 'pit', { endsOn: null });
  const fg = await makeUser(deps, pit, 'privacy', null, 'FG Peelland');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond', 'Coördinator PIT');
  const gemeente = await makeUser(deps, pit, 'member', 'helmond', 'Lid Helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie', 'Lid Politie');
  return { deps, pit, fg, coordinator, gemeente, politie };
}

const rowsOf = (deps: TestDeps, action: string) =>
  deps.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
const subjectsOf = (deps: TestDeps, auditId: number) =>
  deps.db
    .select({ subjectId: auditSubjects.subjectId, police: auditSubjects.police })
    .from(auditSubjects)
    .where(eq(auditSubjects.auditId, auditId))
    .orderBy(asc(auditSubjects.subjectId))
    .all();
const dropTriggers = (deps: TestDeps) => deps.db.$client.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
const hashed = (r: typeof auditLog.$inferSelect): HashedRow => ({
  at: r.at,
  teamId: r.teamId,
  actorId: r.actorId,
  action: r.action,
  entity: r.entity,
  entityId: r.entityId,
  caseId: r.caseId,
  detail: r.detail,
});

describe('reads name the betrokkenen and flag police data', () => {
  it('records every betrokkene shown with a police flag, and the FG filters the Logboek by that person', async () => {
    const { deps, pit, fg, coordinator, gemeente, politie } = await setup();
    const c = await makeCase(deps, pit, coordinator);
    const other = await makeCase(deps, pit, coordinator);
    await callerFor(deps, politie).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'P. Politiebekend, Steeg 1' }],
    });
    await callerFor(deps, gemeente).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [{ category: 'naleving', value: exampleValues.naleving }],
    });
    await callerFor(deps, gemeente).subjects.add({
      caseId: other.id,
      kind: 'person',
      items: [{ category: 'naleving', value: 'Andere melding' }],
    });

    const casus = await callerFor(deps, gemeente).cases.get({ id: c.id });
    const shown = casus.subjects.map((s) => ({ public: s.id, row: decodePublicId(deps.keys, ['subject'], pit.teamId, s.id)!.rowId }));
    expect(shown).toHaveLength(2);
    const read = rowsOf(deps, 'personal_data.read').at(-1)!;
    expect(read).toMatchObject({ actorId: gemeente.id, caseId: c.id });
    expect(JSON.parse(read.detail!)).toMatchObject({ subjects: 2, police: true });
    // The police betrokkene (added first) carries the police flag; the gemeente's does not.
    expect(subjectsOf(deps, read.id)).toEqual([
      { subjectId: shown[0]!.row, police: true },
      { subjectId: shown[1]!.row, police: false },
    ]);

    // Another casus read by the coordinator: only that betrokkene.
    await callerFor(deps, coordinator).cases.get({ id: other.id });
    const otherRead = rowsOf(deps, 'personal_data.read').at(-1)!;
    expect(subjectsOf(deps, otherRead.id)).toHaveLength(1);

    // "Who read this person's data": exactly the reads that showed the police betrokkene.
    const trail = await callerFor(deps, fg).audit.list({ subjectId: shown[0]!.public });
    expect(trail.items.map((i) => [i.action, i.actor?.id])).toEqual([['personal_data.read', gemeente.id]]);
    expect(trail.items[0]!.subjects).toEqual([
      { id: shown[0]!.public, police: true },
      { id: shown[1]!.public, police: false },
    ]);
    // An id of nothing (or of another team) finds nothing.
    expect((await callerFor(deps, fg).audit.list({ subjectId: 'nonsense' })).items).toEqual([]);
  });

  it('a BSN reveal names its betrokkene', async () => {
    const { deps, pit, coordinator, gemeente } = await setup();
    const c = await makeCase(deps, pit, coordinator);
    await callerFor(deps, gemeente).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [{ category: 'bsn', value: exampleValues.bsn, legalGround: 'art. 20.3c' }],
    });
    const casus = await callerFor(deps, coordinator).cases.get({ id: c.id });
    await callerFor(deps, coordinator).subjects.revealBsn({ itemId: casus.subjects[0]!.items[0]!.id });
    const reveal = rowsOf(deps, 'personal_data.bsn_revealed').at(-1)!;
    expect(subjectsOf(deps, reveal.id)).toEqual([
      { subjectId: decodePublicId(deps.keys, ['subject'], pit.teamId, casus.subjects[0]!.id)!.rowId, police: false },
    ]);
  });
});

describe('the keyed chain', () => {
  it('detects a tampered row even when the attacker recomputes every hash without the key', async () => {
    const { deps, pit, fg, coordinator } = await setup();
    for (let i = 0; i < 3; i++) await makeCase(deps, pit, coordinator);
    const rows = deps.db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
    const target = rows[rows.length - 2]!;
    dropTriggers(deps);
    // The attacker rewrites a row and re-chains everything after it with the (public) unkeyed hash.
    let prev = target.prevHash;
    for (const r of rows.filter((x) => x.id >= target.id)) {
      const row = { ...hashed(r), actorId: r.id === target.id ? null : r.actorId };
      const hash = legacyRowHash(prev, row);
      deps.db.update(auditLog).set({ actorId: row.actorId, prevHash: prev, hash }).where(eq(auditLog.id, r.id)).run();
      prev = hash;
    }
    expect(verifyAuditChain(deps.db)).toBe(target.id);
    expect(await callerFor(deps, fg).audit.verify()).toMatchObject({ ok: false, brokenAt: target.id, mode: 'incremental' });
  });

  it('covers the subjects of a row: removing one from audit_subjects breaks the chain', async () => {
    const { deps, pit, coordinator, gemeente } = await setup();
    const c = await makeCase(deps, pit, coordinator);
    await callerFor(deps, gemeente).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [{ category: 'naleving', value: exampleValues.naleving }],
    });
    await callerFor(deps, coordinator).cases.get({ id: c.id });
    const read = rowsOf(deps, 'personal_data.read').at(-1)!;
    expect(verifyAuditChain(deps.db)).toBeNull();
    deps.db.$client.exec('DROP TRIGGER audit_subjects_no_delete;');
    deps.db.delete(auditSubjects).where(eq(auditSubjects.auditId, read.id)).run();
    expect(verifyAuditChain(deps.db)).toBe(read.id);
  });

  it('refuses a checkpoint forged without the key, and the key is nowhere in the database', async () => {
    const { deps, pit, fg, coordinator } = await setup();
    await makeCase(deps, pit, coordinator);
    const last = deps.db.select().from(auditLog).orderBy(asc(auditLog.id)).all().at(-1)!;
    const at = deps.now().toISOString();
    const forgedMac = createHmac('sha256', 'guess')
      .update(JSON.stringify(['audit-checkpoint:v1', 'verified', last.id, last.hash, null, at]))
      .digest('hex');
    deps.db
      .insert(auditCheckpoints)
      .values({ kind: 'verified', auditId: last.id, hash: last.hash, brokenAt: null, at, mac: forgedMac })
      .run();
    expect(await callerFor(deps, fg).audit.verify()).toMatchObject({ ok: false, checkpointInvalid: true });
    const image = deps.db.$client.serialize();
    expect(image.includes(deps.keys.audit)).toBe(false);
    expect(image.includes(Buffer.from(deps.keys.audit.toString('hex')))).toBe(false);
  });

  it('a broken chain opens a draft incident (once per break) and tells the FG through a security event', async () => {
    const { deps, pit, fg, coordinator } = await setup();
    await makeCase(deps, pit, coordinator);
    const target = await makeCase(deps, pit, coordinator);
    const row = deps.db.select().from(auditLog).where(eq(auditLog.caseId, target.id)).get()!;
    dropTriggers(deps);
    deps.db.update(auditLog).set({ entityId: 999 }).where(eq(auditLog.id, row.id)).run();
    await callerFor(deps, fg).audit.verify();
    await callerFor(deps, fg).audit.verify({ full: true });
    // One draft incident in the breach register, its clocks running from the discovery.
    const drafts = deps.db
      .select({ teamId: breaches.teamId, origin: breaches.origin, description: breaches.description })
      .from(breaches)
      .all();
    expect(drafts).toEqual([{ teamId: pit.teamId, origin: 'audit_chain', description: match.stringContaining(`regel ${row.id}`) }]);
    expect(deps.db.select({ kind: securityEvents.kind, teamId: securityEvents.teamId }).from(securityEvents).all()).toEqual([
      { kind: 'audit.chainBroken', teamId: pit.teamId },
    ]);
    expect(rowsOf(deps, 'audit.chain_broken').map((r) => parseJson(r.detail!))).toEqual([{ brokenAt: row.id }]);
  });
});

describe('incremental check from signed checkpoints', () => {
  it('reads only the rows after the newest checkpoint; the full check still reads everything', async () => {
    const { deps, pit, fg, coordinator } = await setup();
    for (let i = 0; i < 3; i++) await makeCase(deps, pit, coordinator);
    const first = await callerFor(deps, fg).audit.verify();
    expect(first).toMatchObject({ ok: true, mode: 'incremental', fromId: 0 });
    const checkpoint = deps.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, first.newCheckpointId!)).get()!;
    expect(checkpoint).toMatchObject({ kind: 'verified', auditId: first.toId });

    // A row before the checkpoint is changed; three entries are added after it.
    const early = deps.db.select().from(auditLog).orderBy(asc(auditLog.id)).get()!;
    dropTriggers(deps);
    deps.db.update(auditLog).set({ entityId: 12345 }).where(eq(auditLog.id, early.id)).run();
    for (let i = 0; i < 3; i++) await makeCase(deps, pit, coordinator);

    const second = await callerFor(deps, fg).audit.verify();
    const after = deps.db
      .select()
      .from(auditLog)
      .all()
      .filter((r) => r.id > checkpoint.auditId && r.id <= second.toId);
    // It started at the checkpoint and read the rows after it only (the check row of the first
    // call and the three new cases), so it did not see the changed early row.
    expect(second).toMatchObject({ ok: true, startCheckpointId: checkpoint.id, fromId: checkpoint.auditId, rowsChecked: after.length });
    expect(after.length).toBe(1 + 3);
    // The full check reads from the start and finds it.
    expect(await callerFor(deps, fg).audit.verify({ full: true })).toMatchObject({ ok: false, mode: 'full', brokenAt: early.id });
  });

  it('the full check gives the event loop back between chunks', async () => {
    const deps = createTestDeps();
    deps.db.transaction((tx) => {
      for (let i = 0; i < CHUNK * 2 + 10; i++) appendAudit(tx, deps.now(), { action: 'test.row', detail: { i } });
    });
    let done = false;
    const check = checkAuditChainFull(deps.db, deps.now()).then((r) => {
      done = true;
      return r;
    });
    let ranDuringCheck: boolean | null = null;
    setImmediate(() => {
      ranDuringCheck = !done;
    });
    const result = await check;
    expect(result).toMatchObject({ breaks: [], rowsChecked: CHUNK * 2 + 10 });
    expect(ranDuringCheck).toBe(true);
  });
});

describe('the full check while others keep working (issue 12)', () => {
  it('ends at the newest row of its start and answers while reads keep appending rows; the next check takes over from its checkpoint', async () => {
    const { deps, fg, pit } = await setup();
    deps.db.transaction((tx) => {
      for (let i = 0; i < CHUNK * 3; i++) appendAudit(tx, deps.now(), { teamId: pit.teamId, action: 'test.row', detail: { i } });
    });
    const newest = () => deps.db.select({ id: auditLog.id }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()!.id;
    const before = newest();
    // Other users keep reading: on every turn of the event loop more audit rows than one chunk of
    // the walk arrive, for up to LIMIT rows.
    const LIMIT = CHUNK * 30;
    let appended = 0;
    const keepAppending = () => {
      deps.db.transaction((tx) => {
        for (let i = 0; i < CHUNK + 10; i++) appendAudit(tx, deps.now(), { teamId: pit.teamId, action: 'test.read', detail: { i } });
      });
      appended += CHUNK + 10;
      if (appended < LIMIT) setImmediate(keepAppending);
    };
    setImmediate(keepAppending);
    const result = await callerFor(deps, fg).audit.verify({ full: true });
    // The answer came while the others were still appending: the walk did not chase their rows.
    expect(appended).toBeLessThan(LIMIT);
    const atAnswer = newest();
    expect(result).toMatchObject({ ok: true, mode: 'full', fromId: 0, rowsChecked: result.toId });
    expect(result.toId).toBeGreaterThanOrEqual(before);
    expect(result.toId).toBeLessThan(atAnswer);
    const checkpoint = deps.db.select().from(auditCheckpoints).where(eq(auditCheckpoints.id, result.newCheckpointId!)).get()!;
    expect(checkpoint).toMatchObject({ kind: 'verified', auditId: result.toId });
    // The next incremental check starts there and covers what was appended meanwhile.
    const next = await callerFor(deps, fg).audit.verify();
    expect(next).toMatchObject({ ok: true, fromId: result.toId, startCheckpointId: checkpoint.id });
    expect(next.toId).toBeGreaterThanOrEqual(atAnswer);
  });

  it('an incremental check that signs a checkpoint while a full check pauses is no break for the full check', async () => {
    const { deps, pit } = await setup();
    deps.db.transaction((tx) => {
      for (let i = 0; i < CHUNK * 3; i++) appendAudit(tx, deps.now(), { teamId: pit.teamId, action: 'test.row', detail: { i } });
    });
    const full = checkAuditChainFull(deps.db, deps.now());
    await new Promise((resolve) => setImmediate(resolve));
    appendAudit(deps.db, deps.now(), { teamId: pit.teamId, action: 'test.read' });
    expect(await checkAuditChainIncremental(deps.db, deps.now())).toMatchObject({ breaks: [], checkpointsValid: true });
    expect(await full).toMatchObject({ breaks: [], checkpointsValid: true });
  });
});

describe('migration of the unkeyed era', () => {
  function legacyDb(n: number) {
    const db = openDb(':memory:');
    let prev = GENESIS;
    for (let i = 1; i <= n; i++) {
      const row: HashedRow = {
        at: `2025-01-0${i}T10:00:00.000Z`,
        teamId: null,
        actorId: null,
        action: 'auth.login',
        entity: null,
        entityId: null,
        caseId: null,
        detail: null,
      };
      const hash = legacyRowHash(prev, row);
      db.insert(auditLog)
        .values({ ...row, prevHash: prev, hash })
        .run();
      prev = hash;
    }
    return db;
  }

  it('verifies the unkeyed rows once, pins their end in a signed checkpoint, and keys every row after it', async () => {
    const db = legacyDb(4);
    const keys = keysFromMaster(randomBytes(32));
    const now = new Date('2026-11-25T09:00:00Z');
    bindAuditKey(db, keys, now);
    const legacy = db.select().from(auditCheckpoints).all();
    const last = db.select().from(auditLog).orderBy(asc(auditLog.id)).all().at(-1)!;
    expect(legacy).toMatchObject([{ kind: 'legacy_end', auditId: last.id, hash: last.hash, brokenAt: null }]);
    appendAudit(db, now, { action: 'auth.login' });
    const keyed = db.select().from(auditLog).orderBy(asc(auditLog.id)).all().at(-1)!;
    expect(keyed.prevHash).toBe(last.hash);
    expect(keyed.hash).not.toBe(legacyRowHash(last.hash, hashed(keyed)));
    expect(await checkAuditChainIncremental(db, now)).toMatchObject({ breaks: [], rowsChecked: 1, fromId: last.id });
    expect(await checkAuditChainFull(db, now)).toMatchObject({ breaks: [], rowsChecked: 5 });
    // Binding again (a restart) seals nothing new.
    bindAuditKey(db, keys, now);
    expect(db.select().from(auditCheckpoints).where(eq(auditCheckpoints.kind, 'legacy_end')).all()).toHaveLength(1);

    // Rewriting the unkeyed era consistently (every later unkeyed hash recomputed) is still seen:
    // the signed checkpoint pins the last unkeyed hash.
    db.$client.exec('DROP TRIGGER audit_log_no_update;');
    const rows = db
      .select()
      .from(auditLog)
      .orderBy(asc(auditLog.id))
      .all()
      .filter((r) => r.id <= last.id);
    let prev = GENESIS;
    for (const r of rows) {
      const row = { ...hashed(r), action: r.id === 2 ? 'auth.logout' : r.action };
      const hash = legacyRowHash(prev, row);
      db.update(auditLog).set({ action: row.action, prevHash: prev, hash }).where(eq(auditLog.id, r.id)).run();
      prev = hash;
    }
    expect((await checkAuditChainFull(db, now)).breaks.map((b) => b.id)).toEqual([last.id, keyed.id]);
  });

  it('an unkeyed chain that was already broken stays reported after the seal', async () => {
    const db = legacyDb(3);
    db.$client.exec('DROP TRIGGER audit_log_no_update;');
    db.update(auditLog).set({ action: 'auth.logout' }).where(eq(auditLog.id, 2)).run();
    const now = new Date('2026-11-25T09:00:00Z');
    bindAuditKey(db, keysFromMaster(randomBytes(32)), now);
    expect(db.select().from(auditCheckpoints).get()).toMatchObject({ kind: 'legacy_end', brokenAt: 2 });
    expect((await checkAuditChainIncremental(db, now)).breaks).toEqual([{ id: 2, teamId: null }]);
  });
});

describe('reading the log is logged', () => {
  it('records list, export and check with the FG as actor (the page views hidden unless asked for)', async () => {
    const { deps, fg } = await setup();
    const fgCaller = callerFor(deps, fg);
    await fgCaller.audit.list({ actorId: fg.id });
    await fgCaller.audit.export({ from: '2026-11-01', to: '2026-11-30' });
    await fgCaller.audit.verify();
    const mine = deps.db
      .select({ action: auditLog.action, detail: auditLog.detail })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, fg.id)))
      .orderBy(asc(auditLog.id))
      .all()
      .filter((r) => r.action.startsWith('audit.'));
    expect(mine.map((r) => r.action)).toEqual(['audit.listed', 'audit.exported', 'audit.checked']);
    expect(JSON.parse(mine[0]!.detail!)).toEqual({ actorId: fg.id, entries: 0 });
    expect(JSON.parse(mine[2]!.detail!)).toMatchObject({ mode: 'incremental', ok: true });
    expect((await fgCaller.audit.list({})).items.map((i) => i.action)).toEqual(['audit.exported']);
    expect((await fgCaller.audit.list({ action: 'audit' })).items.map((i) => i.action)).toEqual([
      'audit.listed',
      'audit.checked',
      'audit.exported',
      'audit.listed',
    ]);
  });
});

describe('audit.export (CSV)', () => {
  it('writes the period exactly, quoted per RFC 4180 and guarded against spreadsheet formulas', async () => {
    const deps = createTestDeps();
    const pit = makeTeam(deps, 'pit', { endsOn: null });
    const fg = await makeUser(deps, pit, 'privacy', null, 'FG Peelland');
    const quoted = await makeUser(deps, pit, 'member', 'helmond', 'Jan "JJ"; de Vries');
    const formula = await makeUser(deps, pit, 'member', 'politie', '=HYPERLINK("http://x")');
    deps.clock.set('2026-11-10T08:00:00Z');
    appendAudit(deps.db, deps.now(), { teamId: pit.teamId, actorId: quoted.id, action: 'auth.login', detail: { ip: '@1.2.3.4' } });
    deps.clock.set('2026-11-10T09:30:00Z');
    appendAudit(deps.db, deps.now(), {
      teamId: pit.teamId,
      actorId: formula.id,
      action: 'personal_data.read',
      detail: { items: 2, police: true },
      subjects: [{ id: 7, police: true }],
    });
    deps.clock.set('2026-11-25T09:00:00Z');
    const out = await callerFor(deps, fg).audit.export({ from: '2026-11-10', to: '2026-11-10' });
    expect(out.filename).toBe('logboek-PIT-2026-11-10-2026-11-10.csv');
    expect(out.rows).toBe(2);
    expect(out.csv).toBe(
      '\uFEFFRegel;Tijdstip (Amsterdam);Gebruiker;Rol;Partner;Handeling;Onderwerp;Casus;Betrokkenen;Politiegegevens;Details\r\n' +
        `${rowsOf(deps, 'auth.login').at(-1)!.id};2026-11-10 09:00:00;"Jan ""JJ""; de Vries";member;Helmond;auth.login;;;0;nee;ip: @1.2.3.4\r\n` +
        `${rowsOf(deps, 'personal_data.read').at(-1)!.id};2026-11-10 10:30:00;"'=HYPERLINK(""http://x"")";member;Politie;personal_data.read;;;1;ja;"items: 2; police: ja"\r\n`,
    );
  });

  it('exports one person’s trail over all years, and refuses a period export without a period or longer than a year', async () => {
    const { deps, pit, fg, coordinator, gemeente } = await setup();
    const c = await makeCase(deps, pit, coordinator);
    await callerFor(deps, gemeente).subjects.add({
      caseId: c.id,
      kind: 'person',
      items: [{ category: 'naleving', value: exampleValues.naleving }],
    });
    deps.clock.set('2028-03-01T09:00:00Z');
    const casus = await callerFor(deps, coordinator).cases.get({ id: c.id });
    const out = await callerFor(deps, fg).audit.export({ subjectId: casus.subjects[0]!.id });
    expect(out.rows).toBe(1);
    expect(out.filename).toBe('logboek-PIT-betrokkene.csv');
    expect(out.csv).toContain(';personal_data.read;case;');
    expect(out.csv).not.toContain(exampleValues.naleving);
    const fgCaller = callerFor(deps, fg);
    await expect(fgCaller.audit.export({})).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(fgCaller.audit.export({ from: '2026-01-01', to: '2027-06-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(callerFor(deps, coordinator).audit.export({ from: '2026-01-01', to: '2026-02-01' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('mass-read alert', () => {
  async function caseWithSubjects(
    deps: TestDeps,
    pit: ReturnType<typeof makeTeam>,
    coordinator: Awaited<ReturnType<typeof makeUser>>,
    gemeente: Awaited<ReturnType<typeof makeUser>>,
    n: number,
  ) {
    const c = await makeCase(deps, pit, coordinator);
    for (let i = 0; i < n; i++) {
      await callerFor(deps, gemeente).subjects.add({
        caseId: c.id,
        kind: 'person',
        items: [{ category: 'naleving', value: `Melding ${i}` }],
      });
    }
    return c;
  }

  it('alerts the FG (security event and Logboek entry, once per hour) when an account reads more than 30 persons in 10 minutes — without blocking', async () => {
    const { deps, pit, fg, coordinator, gemeente } = await setup();
    const thirty = await caseWithSubjects(deps, pit, coordinator, gemeente, 30);
    const one = await caseWithSubjects(deps, pit, coordinator, gemeente, 1);
    expect((await callerFor(deps, coordinator).cases.get({ id: thirty.id })).subjects).toHaveLength(30);
    expect(rowsOf(deps, 'security.mass_read')).toEqual([]);
    // The 31st distinct betrokkene within 10 minutes: an alert, and the data are still shown.
    deps.clock.advanceMinutes(9);
    expect((await callerFor(deps, coordinator).cases.get({ id: one.id })).subjects).toHaveLength(1);
    const alerts = rowsOf(deps, 'security.mass_read');
    expect(alerts.map((a) => [a.actorId, parseJson(a.detail!)])).toEqual([[coordinator.id, { subjects: 31, minutes: 10, threshold: 30 }]]);
    await callerFor(deps, coordinator).cases.get({ id: one.id });
    expect(rowsOf(deps, 'security.mass_read')).toHaveLength(1);
    expect(
      deps.db.select({ kind: securityEvents.kind, userId: securityEvents.userId, count: securityEvents.count }).from(securityEvents).all(),
    ).toEqual([{ kind: 'reads.mass', userId: coordinator.id, count: 2 }]);
    // The FG sees it in the Logboek.
    expect((await callerFor(deps, fg).audit.list({ action: 'security' })).items.map((i) => [i.action, i.actor?.id])).toEqual([
      ['security.mass_read', coordinator.id],
    ]);
  });

  it('uses the team’s own thresholds, and reads outside the window do not count', async () => {
    const { deps, pit, coordinator, gemeente } = await setup();
    deps.db.update(teams).set({ massReadSubjects: 2, massReadMinutes: 5 }).where(eq(teams.id, pit.teamId)).run();
    const a = await caseWithSubjects(deps, pit, coordinator, gemeente, 2);
    const b = await caseWithSubjects(deps, pit, coordinator, gemeente, 1);
    await callerFor(deps, coordinator).cases.get({ id: a.id });
    deps.clock.advanceMinutes(6);
    await callerFor(deps, coordinator).cases.get({ id: b.id });
    expect(rowsOf(deps, 'security.mass_read')).toEqual([]);
    deps.clock.advanceMinutes(1);
    await callerFor(deps, coordinator).cases.get({ id: a.id });
    expect(rowsOf(deps, 'security.mass_read').map((r) => parseJson(r.detail!))).toEqual([{ subjects: 3, minutes: 5, threshold: 2 }]);
  });
});
