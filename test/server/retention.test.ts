// Issue 11 item 5 (PIT art. 25, P8): personal data leave on schedule — a team-set period after a
// casus is closed, police items at the Wpg term from their first processing — through a
// destruction list the FG approves; the casus and the anonymous facts stay, so reports do not change.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNotNull } from 'drizzle-orm';
import {
  agreementSubjects,
  agreements,
  auditLog,
  policeSubjectItems,
  retentionLists,
  subjectItems,
  subjects,
  teams,
} from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { exampleValues, makeCase } from '../helpers/cases';
import { closeMeeting, insertMeeting } from '../helpers/meetings';
import { runDueJobs } from '../../server/jobs';
import { POLICE_TERM_MONTHS } from '../../server/domain/retention';
import { rotateBackups } from '../../server/backup';
import { erasedMarker } from '../../server/privacy/erased';
import type { Config } from '../../server/config';
import { startSmtpSink } from '../helpers/smtp-sink';
import { parseJson } from '../helpers/json';

async function setup(config: Partial<Config> = {}) {
  const deps = createTestDeps({ config });
  const pit = makeTeam(deps, 'pit', { endsOn: '2035-01-01' });
  deps.db.update(teams).set({ retentionMonths: 12 }).where(eq(teams.id, pit.teamId)).run();
  const bit = makeTeam(deps, 'bit', { endsOn: '2035-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const coordinator2 = await makeUser(deps, pit, 'coordinator', 'helmond');
  const fg = await makeUser(deps, pit, 'privacy');
  const helmond = await makeUser(deps, pit, 'member', 'helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const bitCoordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  const c = callerFor(deps, coordinator);
  // A casus with a betrokkene from Helmond and one from the police, closed on 2026-11-25.
  const closed = await makeCase(deps, pit, helmond);
  await callerFor(deps, helmond).subjects.add({
    caseId: closed.id,
    kind: 'person',
    items: [{ category: 'naw', value: exampleValues.naw }],
  });
  await callerFor(deps, politie).subjects.add({
    caseId: closed.id,
    kind: 'person',
    items: [{ category: 'kenteken', value: exampleValues.kenteken }],
  });
  await c.cases.setStatus({ id: closed.id, status: 'afgerond', version: (await c.cases.get({ id: closed.id })).version });
  // An open casus with a police item and a Helmond item.
  const open = await makeCase(deps, pit, helmond);
  await callerFor(deps, helmond).subjects.add({
    caseId: open.id,
    kind: 'person',
    items: [{ category: 'naw', value: 'K. Jansen, Dorpsstraat 1, Helmond' }],
  });
  await callerFor(deps, politie).subjects.add({
    caseId: open.id,
    kind: 'person',
    items: [{ category: 'naw', value: 'P. Politie, Laan 2, Helmond' }],
  });
  // The other team's closed casus: never on PIT's list.
  const bitCase = await makeCase(deps, bit, bitCoordinator);
  const bc = callerFor(deps, bitCoordinator);
  await bc.cases.setStatus({ id: bitCase.id, status: 'afgerond', version: (await bc.cases.get({ id: bitCase.id })).version });
  return { deps, pit, coordinator, coordinator2, fg, helmond, politie, c, closed, open, bitCase };
}

describe('retention.preview', () => {
  it('lists a closed casus from the day its period ends, and not a day before', async () => {
    const { deps, fg, closed } = await setup();
    const f = callerFor(deps, fg);
    deps.clock.set('2027-11-24T09:00:00Z');
    expect(await f.retention.preview()).toEqual([]);
    deps.clock.set('2027-11-25T09:00:00Z');
    expect(await f.retention.preview()).toEqual([
      { caseId: closed.id, code: (await callerFor(deps, fg).cases.get({ id: closed.id })).code, dueSince: '2027-11-25' },
    ]);
  });

  it('records the first processing of a police item and lists its casus at the Wpg term, even while open', async () => {
    const { deps, fg, open, closed } = await setup();
    const rows = deps.db.select({ first: policeSubjectItems.firstProcessedOn }).from(policeSubjectItems).all();
    expect(rows.map((r) => r.first)).toEqual(['2026-11-25', '2026-11-25']);
    expect(POLICE_TERM_MONTHS).toBe(60);
    deps.clock.set('2031-11-25T09:00:00Z');
    const due = await callerFor(deps, fg).retention.preview();
    expect(due.map((d) => [d.caseId, d.dueSince])).toEqual([
      [closed.id, '2027-11-25'],
      [open.id, '2031-11-25'],
    ]);
  });

  it('counts the police term of a casus from its earliest police processing, an item without one from the day it was recorded', async () => {
    const { deps, fg, open, closed, politie } = await setup();
    // A second police item on the open casus, recorded before the first and without a processing date.
    await callerFor(deps, politie).subjects.add({
      caseId: open.id,
      kind: 'person',
      items: [{ category: 'naw', value: 'Q. Politie, Laan 4, Helmond' }],
    });
    const [first, second] = deps.db.select({ id: policeSubjectItems.id }).from(policeSubjectItems).all().slice(-2);
    deps.db.update(policeSubjectItems).set({ firstProcessedOn: '2026-03-02' }).where(eq(policeSubjectItems.id, first!.id)).run();
    deps.db
      .update(policeSubjectItems)
      .set({ firstProcessedOn: null, createdAt: '2025-12-31T23:30:00.000Z' })
      .where(eq(policeSubjectItems.id, second!.id))
      .run();
    deps.clock.set('2030-12-31T09:00:00Z');
    expect((await callerFor(deps, fg).retention.preview()).map((d) => [d.caseId, d.dueSince])).toEqual([
      [closed.id, '2027-11-25'],
      [open.id, '2030-12-31'],
    ]);
  });

  it('is for the FG only', async () => {
    const { deps, coordinator } = await setup();
    expect((await errorOf(() => callerFor(deps, coordinator).retention.preview())).code).toBe('FORBIDDEN');
  });
});

describe('the destruction list', () => {
  it('is drawn up by the daily run, erases nothing until the FG approves, then leaves "[verwijderd]" and the same reports', async () => {
    const { deps, pit, fg, coordinator, coordinator2, c, closed, open } = await setup();
    const meeting = insertMeeting(deps, pit, {
      chair: coordinator,
      items: [{ section: 'lopende_casussen', title: 'Bespreking', caseId: closed.id }],
    });
    // A werkafspraak of that overleg concerns the casus' betrokkenen, so the verslag names them (art. 20.1).
    const agreement = deps.db
      .insert(agreements)
      .values({
        teamId: pit.teamId,
        caseId: closed.id,
        text: 'Afspraak',
        responsiblePartnerId: pit.partnerIds.helmond!,
        meetingId: meeting.id,
        createdAt: '2026-11-25T09:00:00.000Z',
        updatedAt: '2026-11-25T09:00:00.000Z',
      })
      .returning({ id: agreements.id })
      .get();
    for (const subject of deps.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.caseId, closed.id)).all()) {
      deps.db.insert(agreementSubjects).values({ agreementId: agreement.id, subjectId: subject.id }).run();
    }
    closeMeeting(deps, coordinator, meeting.id);
    const period = { from: '2026-01-01', to: '2027-12-31' };
    deps.clock.set('2027-12-01T09:00:00Z');
    const before = await c.reports.progress(period);
    const minutesBefore = await c.minutes.get({ meetingId: meeting.id });
    expect(minutesBefore.panden[0]!.subjects.flatMap((s) => s.items.map((i) => i.value))).toContain(exampleValues.naw);

    expect(await runDueJobs(deps)).toContain('retention');
    const f = callerFor(deps, fg);
    const [list] = await f.retention.lists();
    expect(list).toMatchObject({
      status: 'open',
      entries: [{ caseId: closed.id, scope: 'case', dueSince: '2027-11-25', erasedItems: null }],
    });
    // Nothing erased yet.
    expect(deps.db.select().from(subjectItems).where(isNotNull(subjectItems.erasedAt)).all()).toEqual([]);
    expect((await c.cases.get({ id: closed.id })).subjects.flatMap((s) => s.items.map((i) => i.value))).toContain(exampleValues.naw);

    expect((await f.dsr.search({ query: 'Vries' })).map((h) => h.caseId)).toEqual([closed.id]);
    expect(await f.retention.approve({ listId: list!.id })).toEqual({ cases: 1, items: 2 });
    // The blind index forgets the erased values too (issue 11 item 1): no HMAC of them stays behind.
    expect(await f.dsr.search({ query: 'Vries' })).toEqual([]);

    // The casus stays, its betrokkenen show "[verwijderd]" — on the casus page and in the verslag.
    const casus = await c.cases.get({ id: closed.id });
    expect(casus.status).toBe('afgerond');
    expect(casus.subjects.flatMap((s) => s.items.map((i) => i.value))).toEqual([erasedMarker, erasedMarker]);
    const minutesAfter = await c.minutes.get({ meetingId: meeting.id });
    expect(minutesAfter.panden[0]!.subjects.map((s) => s.items.map((i) => i.value))).toEqual([[erasedMarker], [erasedMarker]]);
    expect(JSON.stringify(minutesAfter)).not.toContain('Vries');
    // No value left in the database: no ciphertext, no legal ground.
    const policeRows = deps.db.select().from(policeSubjectItems).all();
    const stored = [...deps.db.select().from(subjectItems).all(), ...policeRows];
    const erasedRows = stored.filter((r) => r.erasedAt);
    expect(erasedRows).toHaveLength(2);
    for (const r of erasedRows) expect([r.valueEnc, r.legalGround, r.erasedAt]).toEqual(['', null, '2027-12-01T09:00:00.000Z']);
    // The open casus keeps its data.
    expect((await c.cases.get({ id: open.id })).subjects.flatMap((s) => s.items.map((i) => i.value))).toContain(
      'K. Jansen, Dorpsstraat 1, Helmond',
    );
    // Every report gives the same figures.
    expect(await callerFor(deps, coordinator2).reports.progress(period)).toEqual(before);
    // The run is recorded and audited with counts only.
    expect((await f.retention.lists())[0]).toMatchObject({
      status: 'approved',
      erasedCases: 1,
      erasedItems: 2,
      entries: [{ caseId: closed.id, erasedItems: 2 }],
    });
    const erasedAudit = deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'personal_data.erased'), eq(auditLog.caseId, closed.id)))
      .all();
    expect(erasedAudit.map((a) => parseJson(a.detail!))).toEqual([{ reason: 'retention', scope: 'case', items: 2 }]);
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'retention.approved')).all()).toHaveLength(1);
    // A second decision on the same list is refused; nothing is due any more.
    expect((await errorOf(() => f.retention.approve({ listId: list!.id }))).code).toBe('CONFLICT');
    expect(await f.retention.preview()).toEqual([]);
  });

  it('erases only the police items past the Wpg term of an open casus', async () => {
    const { deps, fg, c, open } = await setup();
    deps.clock.set('2031-11-26T09:00:00Z');
    const f = callerFor(deps, fg);
    const { listId } = await f.retention.run();
    const [list] = await f.retention.lists();
    expect(list!.id).toBe(listId);
    expect(list!.entries.find((e) => e.caseId === open.id)).toMatchObject({ scope: 'police', dueSince: '2031-11-25' });
    await f.retention.approve({ listId: listId! });
    const police = deps.db.select().from(policeSubjectItems).all();
    expect(police.every((r) => r.erasedAt)).toBe(true);
    expect((await c.cases.get({ id: open.id })).subjects.flatMap((s) => s.items.map((i) => i.value))).toContain(
      'K. Jansen, Dorpsstraat 1, Helmond',
    );
  });

  it('rejected by the FG: nothing is erased and the reason is kept', async () => {
    const { deps, fg, c, closed } = await setup();
    deps.clock.set('2027-12-01T09:00:00Z');
    const f = callerFor(deps, fg);
    const { listId } = await f.retention.run();
    await f.retention.reject({ listId: listId!, reason: 'Archiefwet: dossier loopt nog bij de rechter' });
    expect(
      deps.db
        .select()
        .from(retentionLists)
        .all()
        .map((l) => [l.status, l.rejectReason]),
    ).toEqual([['rejected', 'Archiefwet: dossier loopt nog bij de rechter']]);
    expect((await c.cases.get({ id: closed.id })).subjects.flatMap((s) => s.items.map((i) => i.value))).toContain(exampleValues.naw);
  });

  it("another team's list is NOT_FOUND", async () => {
    const { deps, fg } = await setup();
    deps.clock.set('2027-12-01T09:00:00Z');
    const bit = deps.db.select({ id: teams.id }).from(teams).where(eq(teams.code, 'BIT')).get();
    const other = deps.db
      .insert(retentionLists)
      .values({ teamId: bit!.id, createdAt: '2027-12-01T09:00:00Z', status: 'open' })
      .returning()
      .get();
    expect((await errorOf(() => callerFor(deps, fg).retention.approve({ listId: other.id }))).code).toBe('NOT_FOUND');
  });
});

describe('backup rotation', () => {
  it('removes our own backups older than the retention period and keeps the rest', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'overleg-rot-'));
    const dir = join(dataDir, 'backups');
    const names = [
      'overleg-2025-11-24T09-00-00-000Z.db',
      'overleg-2025-11-26T09-00-00-000Z.db',
      'overleg-2026-11-01T02-00-00-000Z.db',
      'notes.txt',
    ];
    mkdirSync(dir);
    for (const n of names) writeFileSync(join(dir, n), 'x');
    writeFileSync(join(dir, 'overleg-2025-11-24T09-00-00-000Z.db-wal'), 'x');
    expect(rotateBackups({ dataDir }, 12, new Date('2026-11-25T09:00:00Z'))).toEqual(['overleg-2025-11-24T09-00-00-000Z.db']);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });
});

describe('informing of a destruction list', () => {
  it('mails the FG and the coordinators a link when a list is drawn up and when it is approved — no casus, no personal data', async () => {
    const sink = await startSmtpSink();
    try {
      const { deps, fg, coordinator, coordinator2, closed } = await setup({
        smtpUrl: sink.url,
        publicUrl: 'https://overleg.example.nl',
        mailFrom: 'overleg@pit.example.nl',
      });
      deps.clock.set('2027-12-01T09:00:00Z');
      await runDueJobs(deps);
      const drawn = sink.messages.splice(0);
      expect(drawn.flatMap((m) => m.to).sort()).toEqual([fg.email, coordinator.email, coordinator2.email].sort());
      const code = (await callerFor(deps, fg).cases.get({ id: closed.id })).code;
      for (const m of drawn) {
        const text = m.raw.replace(/=\r?\n/g, '');
        expect(text).toContain(m.to[0] === fg.email ? 'https://overleg.example.nl/privacy/bewaartermijnen' : 'https://overleg.example.nl/');
        for (const forbidden of [code, 'Vries', 'Kerkstraat', '5701']) expect(text).not.toContain(forbidden);
      }
      // A second run on a later day with nothing new does not mail again.
      deps.clock.set('2027-12-02T09:00:00Z');
      await runDueJobs(deps);
      expect(sink.messages).toHaveLength(0);
      const [list] = await callerFor(deps, fg).retention.lists();
      await callerFor(deps, fg).retention.approve({ listId: list!.id });
      expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([fg.email, coordinator.email, coordinator2.email].sort());
    } finally {
      await sink.close();
    }
  });
});
