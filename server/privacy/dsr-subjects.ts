/**
 * The betrokkenen a data-subject request concerns (art. 24, P9). The link rows name persons, so
 * only server/privacy/ reads and writes them; the register itself (../domain/data-subject-requests.ts)
 * holds no personal data.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cases, dsrSubjects, subjects } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { notFound } from '../errors';
import { decodePublicId } from './public-ids';

/** The team's betrokkenen behind opaque ids; any id not of the team is NOT_FOUND. */
export function ownSubjectRows(deps: AppDeps, teamId: number, publicIds: string[]): number[] {
  const rowIds = [...new Set(publicIds)].map((p) => {
    const decoded = decodePublicId(deps.keys, ['subject'], teamId, p);
    if (!decoded) throw notFound();
    return decoded.rowId;
  });
  const found = deps.db
    .select({ id: subjects.id })
    .from(subjects)
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(inArray(subjects.id, rowIds), eq(cases.teamId, teamId)))
    .all();
  if (found.length !== rowIds.length) throw notFound();
  return rowIds;
}

export function linkRequestSubjects(tx: Db, requestId: number, subjectRowIds: number[]) {
  if (subjectRowIds.length > 0)
    tx.insert(dsrSubjects)
      .values(subjectRowIds.map((subjectId) => ({ requestId, subjectId })))
      .run();
}

/** Per request: its betrokkenen (row ids) with their casus, ordered by casus code. */
export function requestSubjectLinks(db: Db, requestIds: number[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({ requestId: dsrSubjects.requestId, subjectId: dsrSubjects.subjectId, caseId: cases.id, caseCode: cases.code })
    .from(dsrSubjects)
    .innerJoin(subjects, eq(subjects.id, dsrSubjects.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(inArray(dsrSubjects.requestId, requestIds))
    .orderBy(asc(cases.code), asc(subjects.id))
    .all();
}

/** The betrokkenen (row ids) of one request. */
export function requestSubjectIds(db: Db, requestId: number): number[] {
  return db
    .select({ id: dsrSubjects.subjectId })
    .from(dsrSubjects)
    .where(eq(dsrSubjects.requestId, requestId))
    .all()
    .map((r) => r.id);
}
