/**
 * P6 (art. 20.2, 23): checking the audit chain (see ./audit.ts for how it is built).
 *
 * - The incremental check verifies the newest signed checkpoint and then only the rows after it;
 *   when they hold it signs a new checkpoint at the last row. Its cost follows what was added
 *   since the last check, not ten years of history.
 * - The full check walks the whole chain from the start (the unkeyed era with the plain hash up to
 *   the signed `legacy_end` checkpoint, the keyed rows after it).
 * Both read in chunks of CHUNK rows by id (keyset pages, never the whole log in memory) and, when
 * run async, give the event loop back between chunks (`setImmediate`) and within a chunk after
 * SLICE_MS, so a check of millions of rows never blocks other users for long. Pages rather than one open `.iterate()`
 * cursor: better-sqlite3 keeps the connection busy while an iterator is open, so other requests
 * could not run in between.
 */
import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { asc, desc, eq } from 'drizzle-orm';
import { auditCheckpoints } from '../db/schema';
import type { Db } from '../db/client';
import { GENESIS, auditKeyOf, checkpointMac, keyedRowHash, legacyRowHash, sqliteOf, toHashed, writeCheckpoint, type RawRow } from './audit';

export const CHUNK = 1000;
/** The longest the walk runs before it gives the event loop back (well under 50 ms). */
const SLICE_MS = 10;
const MAX_BREAKS = 1000;

export type ChainBreak = { id: number; teamId: number | null };

export type ChainCheck = {
  mode: 'incremental' | 'full';
  /** Rows where the chain does not hold, in order (at most MAX_BREAKS). */
  breaks: ChainBreak[];
  /** The signatures of the checkpoints the check relied on held. */
  checkpointsValid: boolean;
  /** The check read the rows after this id (0: from the start)… */
  fromId: number;
  /** …up to this one. */
  toId: number;
  rowsChecked: number;
  /** The checkpoint the check started from (incremental), null for a full check. */
  startCheckpointId: number | null;
  /** The checkpoint signed at the end when everything held, else null. */
  newCheckpointId: number | null;
};

type Checkpoint = typeof auditCheckpoints.$inferSelect;

function macValid(key: Buffer, cp: Checkpoint): boolean {
  const expected = Buffer.from(checkpointMac(key, cp), 'hex');
  const actual = Buffer.from(cp.mac, 'hex');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

const legacyCheckpoint = (db: Db) =>
  db.select().from(auditCheckpoints).where(eq(auditCheckpoints.kind, 'legacy_end')).orderBy(asc(auditCheckpoints.id)).limit(1).get();
const newestCheckpoint = (db: Db) => db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1).get();

type Walk = { breaks: ChainBreak[]; rows: number; last: { id: number; hash: string } };

/** The newest row id now: where a check that starts now ends. */
function newestId(db: Db): number {
  return (sqliteOf(db).prepare('SELECT max(id) AS id FROM audit_log').get() as { id: number | null }).id ?? 0;
}

/**
 * Walks the rows after `start` up to `end` (the newest row when the check started), one chunk per
 * step; each `yield` is a point to pause. The end is fixed: while the walk pauses, other requests
 * keep appending rows (every read of personal data is audited), and a walk that chased them could
 * run for as long as people work — the FG would never see the result (issue 12). Rows appended
 * after the start are covered by the next check, which starts from the checkpoint this one signs.
 */
function* walk(
  db: Db,
  key: Buffer,
  start: { id: number; hash: string },
  end: number,
  legacyEnd: { auditId: number; hash: string },
  out: Walk,
): Generator<void> {
  const sqlite = sqliteOf(db);
  const rowsStmt = sqlite.prepare(
    'SELECT id, at, team_id, actor_id, action, entity, entity_id, case_id, detail, prev_hash, hash FROM audit_log WHERE id > ? AND id <= ? ORDER BY id LIMIT ?',
  );
  const subjectsStmt = sqlite.prepare(
    'SELECT audit_id, subject_id, police FROM audit_subjects WHERE audit_id BETWEEN ? AND ? ORDER BY audit_id, subject_id',
  );
  let prev = start.hash;
  let after = start.id;
  for (;;) {
    const rows = rowsStmt.all(after, end, CHUNK) as RawRow[];
    if (rows.length === 0) return;
    const subjects = new Map<number, [number, number][]>();
    for (const s of subjectsStmt.all(rows[0]!.id, rows.at(-1)!.id) as { audit_id: number; subject_id: number; police: number }[]) {
      const list = subjects.get(s.audit_id) ?? [];
      list.push([s.subject_id, s.police ? 1 : 0]);
      subjects.set(s.audit_id, list);
    }
    let sliceStart = performance.now();
    for (let j = 0; j < rows.length; j++) {
      // A chunk normally takes a few ms; on a loaded machine it may take longer, so the walk also
      // pauses within a chunk once a slice of SLICE_MS is used (the rows are already in memory).
      if ((j & 127) === 127 && performance.now() - sliceStart > SLICE_MS) {
        yield;
        sliceStart = performance.now();
      }
      const r = rows[j]!;
      const row = toHashed(r);
      const list = subjects.get(r.id);
      const expected =
        r.id <= legacyEnd.auditId ? legacyRowHash(r.prev_hash, row) : keyedRowHash(key, r.prev_hash, row, list ? JSON.stringify(list) : '');
      // A changed row fails its own hash; a removed or inserted row fails the link to the previous
      // one; the last unkeyed row must carry the hash the signed legacy checkpoint pinned.
      const broken = r.prev_hash !== prev || expected !== r.hash || (r.id === legacyEnd.auditId && r.hash !== legacyEnd.hash);
      if (broken && out.breaks.length < MAX_BREAKS) out.breaks.push({ id: r.id, teamId: r.team_id });
      prev = r.hash;
    }
    const last = rows.at(-1)!;
    after = last.id;
    out.rows += rows.length;
    out.last = { id: last.id, hash: last.hash };
    yield;
  }
}

type Mode = 'sync' | 'async';
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function drive(steps: Generator<void>, mode: Mode): Promise<void> {
  for (const _ of steps) if (mode === 'async') await pause();
}
function driveSync(steps: Generator<void>): void {
  for (const _ of steps) {
    /* every chunk at once */
  }
}

function incrementalSteps(db: Db, now: Date, result: ChainCheck): Generator<void> {
  return (function* () {
    const key = auditKeyOf(db);
    const cp = newestCheckpoint(db);
    const legacy = legacyCheckpoint(db);
    if (!cp || !legacy || !macValid(key, cp) || !macValid(key, legacy)) {
      result.checkpointsValid = false;
      return;
    }
    result.startCheckpointId = cp.id;
    result.fromId = cp.auditId;
    result.toId = cp.auditId;
    if (legacy.brokenAt !== null) result.breaks.push({ id: legacy.brokenAt, teamId: teamOf(db, legacy.brokenAt) });
    // The checkpoint's own row must still carry the hash the checkpoint signed.
    if (cp.auditId > 0) {
      const anchor = sqliteOf(db).prepare('SELECT hash, team_id FROM audit_log WHERE id = ?').get(cp.auditId) as
        { hash: string; team_id: number | null } | undefined;
      if (!anchor || anchor.hash !== cp.hash) result.breaks.push({ id: cp.auditId, teamId: anchor?.team_id ?? null });
    }
    const out: Walk = { breaks: result.breaks, rows: 0, last: { id: cp.auditId, hash: cp.hash } };
    yield* walk(db, key, { id: cp.auditId, hash: cp.hash }, newestId(db), legacy, out);
    result.rowsChecked = out.rows;
    result.toId = out.last.id;
    if (result.breaks.length === 0 && out.rows > 0) {
      result.newCheckpointId = writeCheckpoint(db, key, {
        kind: 'verified',
        auditId: out.last.id,
        hash: out.last.hash,
        brokenAt: null,
        at: now.toISOString(),
      });
    }
  })();
}

function fullSteps(db: Db, now: Date, result: ChainCheck): Generator<void> {
  return (function* () {
    const key = auditKeyOf(db);
    const legacy = legacyCheckpoint(db);
    const legacyEnd = legacy ?? { auditId: 0, hash: GENESIS };
    if (!legacy || !macValid(key, legacy)) result.checkpointsValid = false;
    // The end and the newest checkpoint as they are at the start: an incremental check may sign a
    // newer checkpoint (beyond `end`) while this walk pauses.
    const end = newestId(db);
    const newest = newestCheckpoint(db);
    const out: Walk = { breaks: result.breaks, rows: 0, last: { id: 0, hash: GENESIS } };
    yield* walk(db, key, { id: 0, hash: GENESIS }, end, legacyEnd, out);
    result.rowsChecked = out.rows;
    result.toId = out.last.id;
    // Rows removed from the end leave no broken link behind; the newest checkpoint still names them.
    if (newest && macValid(key, newest) && newest.auditId > out.last.id) result.breaks.push({ id: newest.auditId, teamId: null });
    if (newest && !macValid(key, newest)) result.checkpointsValid = false;
    if (result.breaks.length === 0 && result.checkpointsValid && out.rows > 0) {
      result.newCheckpointId = writeCheckpoint(db, key, {
        kind: 'verified',
        auditId: out.last.id,
        hash: out.last.hash,
        brokenAt: null,
        at: now.toISOString(),
      });
    }
  })();
}

function teamOf(db: Db, id: number): number | null {
  const row = sqliteOf(db).prepare('SELECT team_id FROM audit_log WHERE id = ?').get(id) as { team_id: number | null } | undefined;
  return row?.team_id ?? null;
}

const emptyResult = (mode: ChainCheck['mode']): ChainCheck => ({
  mode,
  breaks: [],
  checkpointsValid: true,
  fromId: 0,
  toId: 0,
  rowsChecked: 0,
  startCheckpointId: null,
  newCheckpointId: null,
});

/** The chain holds: no break and every checkpoint relied on is genuine. */
export const chainOk = (c: ChainCheck) => c.breaks.length === 0 && c.checkpointsValid;

/** Checks the rows after the newest signed checkpoint, yielding to the event loop between chunks. */
export async function checkAuditChainIncremental(db: Db, now: Date, mode: Mode = 'async'): Promise<ChainCheck> {
  const result = emptyResult('incremental');
  await drive(incrementalSteps(db, now, result), mode);
  return result;
}

/** Checks the whole chain from the start, yielding to the event loop between chunks. */
export async function checkAuditChainFull(db: Db, now: Date, mode: Mode = 'async'): Promise<ChainCheck> {
  const result = emptyResult('full');
  await drive(fullSteps(db, now, result), mode);
  return result;
}

/** The whole chain at once, synchronously (tests, CLI); the first row that does not hold, or null. */
export function verifyAuditChain(db: Db): number | null {
  return auditChainBreaks(db)[0]?.id ?? null;
}

/** Every row where the whole chain does not hold, synchronously, without writing a checkpoint. */
export function auditChainBreaks(db: Db): ChainBreak[] {
  const key = auditKeyOf(db);
  const legacy = legacyCheckpoint(db) ?? { auditId: 0, hash: GENESIS };
  const out: Walk = { breaks: [], rows: 0, last: { id: 0, hash: GENESIS } };
  driveSync(walk(db, key, { id: 0, hash: GENESIS }, newestId(db), legacy, out));
  return out.breaks;
}
