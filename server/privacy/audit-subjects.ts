/**
 * The Logboek's per-person index (P6, audit_subjects): which betrokkenen an audit row names. It
 * ties a person to every read of their data, so only server/privacy/ queries it; the Logboek
 * (../domain/audit-log.ts) gets opaque ids back.
 */
import { eq, inArray } from 'drizzle-orm';
import { auditSubjects } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { Db } from '../../db/client';
import { encodePublicId } from './public-ids';

/** The audit rows that name this betrokkene, as a subquery: "who read this person's data" is one index lookup. */
export function auditIdsNaming(db: Db, subjectRowId: number) {
  return db.select({ id: auditSubjects.auditId }).from(auditSubjects).where(eq(auditSubjects.subjectId, subjectRowId));
}

/** Per audit row: the betrokkenen it names, as the team's opaque ids, with whether police data were among it. */
export function subjectsNamedIn(deps: AppDeps, teamId: number, auditIds: number[]): Map<number, { id: string; police: boolean }[]> {
  const result = new Map<number, { id: string; police: boolean }[]>();
  if (auditIds.length === 0) return result;
  const rows = deps.db
    .select()
    .from(auditSubjects)
    .where(inArray(auditSubjects.auditId, auditIds))
    .orderBy(auditSubjects.auditId, auditSubjects.subjectId)
    .all();
  for (const s of rows) {
    const list = result.get(s.auditId) ?? [];
    list.push({ id: encodePublicId(deps.keys, 'subject', teamId, s.subjectId), police: s.police });
    result.set(s.auditId, list);
  }
  return result;
}
