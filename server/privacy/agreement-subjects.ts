/**
 * Which betrokkenen a werkafspraak concerns (art. 20.1, necessity): the link rows themselves name
 * persons, so only server/privacy/ reads and writes them; the verslag reads the betrokkenen through
 * `readSubjects` with these row ids as its `only`.
 */
import { inArray, eq, sql } from 'drizzle-orm';
import { agreementSubjects } from '../../db/schema';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../prepared';

/** Replaces the werkafspraak's betrokkenen (row ids already checked by `subjectsOfCase`). */
export function linkAgreementSubjects(tx: Db, agreementId: number, subjectRowIds: number[]) {
  tx.delete(agreementSubjects).where(eq(agreementSubjects.agreementId, agreementId)).run();
  if (subjectRowIds.length > 0)
    tx.insert(agreementSubjects)
      .values(subjectRowIds.map((subjectId) => ({ agreementId, subjectId })))
      .run();
}

// Read by every verslag: prepared once per connection (issue 12); the ids as one JSON array.
const linksQuery = preparedPerDb((db) =>
  db
    .select()
    .from(agreementSubjects)
    .where(inArray(agreementSubjects.agreementId, sql`(select value from json_each(${sql.placeholder('ids')}))`))
    .prepare(),
);

/** The betrokkenen (row ids, ascending) of each of these werkafspraken. */
export function agreementSubjectRows(db: Db, agreementIds: number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  if (agreementIds.length === 0) return result;
  for (const link of linksQuery(db).all({ ids: JSON.stringify(agreementIds) })) {
    result.set(link.agreementId, [...(result.get(link.agreementId) ?? []), link.subjectId]);
  }
  for (const list of result.values()) list.sort((x, y) => x - y);
  return result;
}
