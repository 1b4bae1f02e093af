import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import { auditLog } from '../db/schema';
import type { Db } from '../db/client';

export type AuditEntry = {
  teamId?: number | null;
  actorId?: number | null;
  action: string;
  entity?: string | null;
  entityId?: number | null;
  caseId?: number | null;
  /** Identifiers and categories only — never personal data values (P7). */
  detail?: Record<string, unknown> | null;
};

const GENESIS = '0'.repeat(64);

function rowHash(prevHash: string, row: Omit<typeof auditLog.$inferInsert, 'hash' | 'prevHash' | 'id'>): string {
  const canonical = JSON.stringify([row.at, row.teamId, row.actorId, row.action, row.entity, row.entityId, row.caseId, row.detail]);
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * P6 (art. 20.2, 23): appends one row to the hash-chained audit log. Call it inside the same
 * transaction as the change it records, so the log and the data cannot disagree.
 */
export function appendAudit(db: Db, at: Date, entry: AuditEntry): void {
  const last = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: at.toISOString(),
    teamId: entry.teamId ?? null,
    actorId: entry.actorId ?? null,
    action: entry.action,
    entity: entry.entity ?? null,
    entityId: entry.entityId ?? null,
    caseId: entry.caseId ?? null,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
  };
  db.insert(auditLog).values({ ...row, prevHash, hash: rowHash(prevHash, row) }).run();
}

/** Recomputes the chain; returns the id of the first row that does not match, or null. */
export function verifyAuditChain(db: Db): number | null {
  let prev = GENESIS;
  for (const row of db.select().from(auditLog).orderBy(auditLog.id).all()) {
    if (row.prevHash !== prev || rowHash(prev, row) !== row.hash) return row.id;
    prev = row.hash;
  }
  return null;
}

/**
 * Every row where the chain does not hold, in order: a row whose own hash does not match its
 * content (changed), or whose link to the previous row does not match (a row before it was
 * removed, inserted or rewritten). Unlike verifyAuditChain it does not stop at the first break,
 * so a break can be attributed to the team whose row it is.
 */
export function auditChainBreaks(db: Db): { id: number; teamId: number | null }[] {
  const breaks: { id: number; teamId: number | null }[] = [];
  let prev = GENESIS;
  for (const row of db.select().from(auditLog).orderBy(auditLog.id).all()) {
    if (row.prevHash !== prev || rowHash(row.prevHash, row) !== row.hash) breaks.push({ id: row.id, teamId: row.teamId });
    prev = row.hash;
  }
  return breaks;
}
