/**
 * P6 (art. 20.2, 23): the append-only audit log, chained row by row with a keyed hash.
 *
 * - Each row's hash is HMAC-SHA256(auditKey, prevHash + canonical row + its subjects). The key is
 *   derived from the data key (./privacy/crypto.ts) and bound to the open connection with
 *   `bindAuditKey`; it is never stored in the database, so someone who can write the database
 *   can change a row but cannot compute the hash that would hide it.
 * - Signed checkpoints (`audit_checkpoints`) say "up to row N the chain held, with hash H there";
 *   the incremental check verifies the newest checkpoint's signature and then only the rows after
 *   it (./audit-chain.ts).
 * - Migration: rows written before the keyed chain were chained with plain SHA-256. When the key
 *   is first bound to a database without checkpoints, the unkeyed chain is verified once and a
 *   signed `legacy_end` checkpoint pins its last row and hash (and where it was already broken,
 *   if it was). Rows up to it are checked with the unkeyed hash, rows after it with the HMAC; as
 *   the checkpoint signs the last unkeyed hash, rewriting an unkeyed row is detected too.
 */
import { createHash, createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import { desc } from 'drizzle-orm';
import { auditCheckpoints, auditLog } from '../db/schema';
import type { Db } from '../db/client';
import type { DataKeys } from './privacy/crypto';

export type AuditSubject = { id: number; police: boolean };

export type AuditEntry = {
  teamId?: number | null;
  actorId?: number | null;
  action: string;
  entity?: string | null;
  entityId?: number | null;
  caseId?: number | null;
  /** Identifiers and categories only — never personal data values (P7). */
  detail?: Record<string, unknown> | null;
  /** The betrokkenen (internal ids) the entry concerns; `police`: police items of them were shown. */
  subjects?: AuditSubject[] | null;
};

export const GENESIS = '0'.repeat(64);

/** The columns a row's hash covers, in the order they are hashed. */
export type HashedRow = {
  at: string;
  teamId: number | null;
  actorId: number | null;
  action: string;
  entity: string | null;
  entityId: number | null;
  caseId: number | null;
  detail: string | null;
};

function canonical(row: HashedRow): string {
  return JSON.stringify([row.at, row.teamId, row.actorId, row.action, row.entity, row.entityId, row.caseId, row.detail]);
}

/** The hash of the unkeyed era (before the keyed chain); only ever verified, never written. */
export function legacyRowHash(prevHash: string, row: HashedRow): string {
  return createHash('sha256').update(prevHash).update(canonical(row)).digest('hex');
}

/** Subjects sorted by id, as hashed: `[[id, 0|1], …]`. */
export function subjectsCanonical(subjects: readonly AuditSubject[]): string {
  return JSON.stringify([...subjects].sort((a, b) => a.id - b.id).map((s) => [s.id, s.police ? 1 : 0]));
}

export function keyedRowHash(key: Buffer, prevHash: string, row: HashedRow, subjects: string): string {
  return createHmac('sha256', key).update(prevHash).update(canonical(row)).update(subjects).digest('hex');
}

export function checkpointMac(
  key: Buffer,
  cp: { kind: string; auditId: number; hash: string; brokenAt: number | null; at: string },
): string {
  return createHmac('sha256', key)
    .update(JSON.stringify(['audit-checkpoint:v1', cp.kind, cp.auditId, cp.hash, cp.brokenAt, cp.at]))
    .digest('hex');
}

// ── The key, bound to the connection ────────────────────────────────────────────────────────

const boundKeys = new WeakMap<Database.Database, Buffer>();

/** The better-sqlite3 handle under a drizzle database or transaction (they share the session). */
export function sqliteOf(db: Db): Database.Database {
  return (db as unknown as { session: { client: Database.Database } }).session.client;
}

/** The audit key bound to this connection; refuses to write an unkeyed row (fail closed). */
export function auditKeyOf(db: Db): Buffer {
  const key = boundKeys.get(sqliteOf(db));
  if (!key) throw new Error('audit key not bound to this database (call bindAuditKey after openDb)');
  return key;
}

/**
 * Binds the audit key to an open database. Call once after `openDb`, before anything is audited.
 * On a database without checkpoints it seals the unkeyed era (see the module comment).
 */
export function bindAuditKey(db: Db, keys: DataKeys, now: Date): void {
  boundKeys.set(sqliteOf(db), keys.audit);
  if (db.select({ id: auditCheckpoints.id }).from(auditCheckpoints).limit(1).get()) return;
  db.transaction((tx) => {
    const broken = legacyChainBreak(tx);
    const last = tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
    writeCheckpoint(tx, keys.audit, {
      kind: 'legacy_end',
      auditId: last?.id ?? 0,
      hash: last?.hash ?? GENESIS,
      brokenAt: broken,
      at: now.toISOString(),
    });
  });
}

/** Verifies the unkeyed rows from the start (once, when sealing); the first broken id or null. */
function legacyChainBreak(db: Db): number | null {
  let prev = GENESIS;
  const rows = sqliteOf(db).prepare(
    'SELECT id, at, team_id, actor_id, action, entity, entity_id, case_id, detail, prev_hash, hash FROM audit_log ORDER BY id',
  );
  for (const r of rows.iterate() as Iterable<RawRow>) {
    const row = toHashed(r);
    if (r.prev_hash !== prev || legacyRowHash(prev, row) !== r.hash) return r.id;
    prev = r.hash;
  }
  return null;
}

export type RawRow = {
  id: number;
  at: string;
  team_id: number | null;
  actor_id: number | null;
  action: string;
  entity: string | null;
  entity_id: number | null;
  case_id: number | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
};

export function toHashed(r: RawRow): HashedRow {
  return {
    at: r.at,
    teamId: r.team_id,
    actorId: r.actor_id,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    caseId: r.case_id,
    detail: r.detail,
  };
}

export function writeCheckpoint(
  db: Db,
  key: Buffer,
  cp: { kind: 'legacy_end' | 'verified'; auditId: number; hash: string; brokenAt: number | null; at: string },
) {
  return db
    .insert(auditCheckpoints)
    .values({ ...cp, mac: checkpointMac(key, cp) })
    .returning({ id: auditCheckpoints.id })
    .get().id;
}

// ── Appending ───────────────────────────────────────────────────────────────────────────────

/**
 * P6 (art. 20.2, 23): appends one row to the chained audit log, with the betrokkenen it concerns.
 * Call it inside the same transaction as the change it records, so the log and the data cannot
 * disagree. Returns the new row's id.
 */
export function appendAudit(db: Db, at: Date, entry: AuditEntry): number {
  return appendAuditRows(db, [{ at, entry }])[0]!;
}

/**
 * Appends several rows at once (issue 12: a live update audits one read per subscriber, a list can
 * audit many), in ONE transaction: one commit instead of one per row, the previous hash read once
 * and each row chained to the one before it in memory, statements prepared once. Inside a running
 * transaction it joins that one (a savepoint), so the rows still commit with the change they record.
 * Returns the new rows' ids, in order.
 */
export function appendAuditRows(db: Db, rows: readonly { at: Date; entry: AuditEntry }[]): number[] {
  if (rows.length === 0) return [];
  const key = auditKeyOf(db);
  const sqlite = sqliteOf(db);
  const statements = preparedFor(sqlite);
  return sqlite.transaction(() => {
    let prevHash = (statements.lastHash.get() as { hash: string } | undefined)?.hash ?? GENESIS;
    const ids: number[] = [];
    for (const { at, entry } of rows) {
      const row: HashedRow = {
        at: at.toISOString(),
        teamId: entry.teamId ?? null,
        actorId: entry.actorId ?? null,
        action: entry.action,
        entity: entry.entity ?? null,
        entityId: entry.entityId ?? null,
        caseId: entry.caseId ?? null,
        detail: entry.detail ? JSON.stringify(entry.detail) : null,
      };
      const subjects = dedupeSubjects(entry.subjects ?? []);
      const hash = keyedRowHash(key, prevHash, row, subjects.length ? subjectsCanonical(subjects) : '');
      const id = Number(
        statements.insert.run(row.at, row.teamId, row.actorId, row.action, row.entity, row.entityId, row.caseId, row.detail, prevHash, hash)
          .lastInsertRowid,
      );
      for (const s of subjects) statements.insertSubject.run(id, s.id, s.police ? 1 : 0);
      ids.push(id);
      prevHash = hash;
    }
    return ids;
  })();
}

type AuditStatements = { lastHash: Database.Statement; insert: Database.Statement; insertSubject: Database.Statement };
const statementsByConnection = new WeakMap<Database.Database, AuditStatements>();

/** The append statements, prepared once per connection (every request appends at least one row). */
function preparedFor(sqlite: Database.Database): AuditStatements {
  let statements = statementsByConnection.get(sqlite);
  if (!statements) {
    statements = {
      lastHash: sqlite.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      insert: sqlite.prepare(
        'INSERT INTO audit_log (at, team_id, actor_id, action, entity, entity_id, case_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      insertSubject: sqlite.prepare('INSERT INTO audit_subjects (audit_id, subject_id, police) VALUES (?, ?, ?)'),
    };
    statementsByConnection.set(sqlite, statements);
  }
  return statements;
}

/** One entry per betrokkene; police wins when the same betrokkene appears twice. */
function dedupeSubjects(subjects: readonly AuditSubject[]): AuditSubject[] {
  const byId = new Map<number, boolean>();
  for (const s of subjects) byId.set(s.id, (byId.get(s.id) ?? false) || s.police);
  return [...byId].map(([id, police]) => ({ id, police }));
}

export { verifyAuditChain, auditChainBreaks } from './audit-chain';
