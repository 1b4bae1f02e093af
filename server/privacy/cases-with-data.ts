/**
 * Which of the team's casussen still hold betrokkenen (wind-down, PIT art. 14.5, 21): the FG
 * decides per casus to hand back or erase. Only server/privacy/ looks into the betrokkenen table.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { cases, subjects } from '../../db/schema';
import type { Db } from '../../db/client';

/** Ids of the team's casussen with betrokkenen whose personal data were not removed yet. */
export function casesHoldingPersonalData(db: Db, teamId: number): number[] {
  return db
    .selectDistinct({ id: cases.id })
    .from(cases)
    .innerJoin(subjects, eq(subjects.caseId, cases.id))
    .where(and(eq(cases.teamId, teamId), isNull(cases.personalDataRemovedAt)))
    .all()
    .map((r) => r.id);
}
