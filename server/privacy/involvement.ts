/**
 * P14 (art. 20.1, 20.11): a partner sees the betrokkenen of a casus only when it is involved —
 * processing is limited to what is necessary for the partner's own part in the casus. Involved:
 *  - the pand's gemeente (and the partner that reported the signal);
 *  - a partner that provided personal data on the casus;
 *  - a partner with a task or a werkafspraak on the casus, or taking part in an integrale
 *    controle of the pand (a task by another name: art. 1.2);
 *  - a partner that attended an overleg with the casus on its agenda (present, or the overleg is
 *    running and it was not recorded absent — the live view follows the meeting);
 *  - a partner that asked access with a reason (./access-requests.ts), granted on the reason.
 * The coordinator chairs every overleg and sees every casus; other roles see no items anyway.
 * Reads ids only (who provided, who has work), never a value.
 */
import type { Actor } from '../auth/actor';
import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../prepared';
import {
  agendaItems,
  agreements,
  attendance,
  caseAccessRequests,
  cases,
  controlCases,
  controlPartners,
  meetings,
  policeSubjectItems,
  subjectItems,
  subjects,
  tasks,
} from '../../db/schema';

// The queries, prepared once per connection (issue 12: every read of betrokkenen by a member runs
// them). The casussen go in as one JSON array (json_each), so one statement serves any number.
const caseList = () => sql`(select value from json_each(${sql.placeholder('ids')}))`;
const partner = () => sql.placeholder('partnerId');
const involvementQueries = [
  preparedPerDb((db) =>
    db
      .select({ caseId: cases.id })
      .from(cases)
      .where(and(inArray(cases.id, caseList()), or(eq(cases.gemeentePartnerId, partner()), eq(cases.reportedByPartnerId, partner()))))
      .prepare(),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: subjects.caseId })
      .from(subjects)
      .where(and(inArray(subjects.caseId, caseList()), eq(subjects.createdByPartnerId, partner())))
      .prepare(),
  ),
  ...[subjectItems, policeSubjectItems].map((table) =>
    preparedPerDb((db) =>
      db
        .select({ caseId: subjects.caseId })
        .from(table)
        .innerJoin(subjects, eq(subjects.id, table.subjectId))
        .where(and(inArray(subjects.caseId, caseList()), eq(table.sourcePartnerId, partner())))
        .prepare(),
    ),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: tasks.caseId })
      .from(tasks)
      // `+`: found by casus (tasks_case_status_due), not by walking every task the partner ever had
      // (tasks_assignee), which a database without statistics would otherwise choose.
      .where(and(inArray(tasks.caseId, caseList()), sql`+${tasks.assigneePartnerId} = ${partner()}`))
      .prepare(),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: agreements.caseId })
      .from(agreements)
      .where(and(inArray(agreements.caseId, caseList()), eq(agreements.responsiblePartnerId, partner())))
      .prepare(),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: controlCases.caseId })
      .from(controlCases)
      .innerJoin(controlPartners, and(eq(controlPartners.controlId, controlCases.controlId), eq(controlPartners.partnerId, partner())))
      .where(inArray(controlCases.caseId, caseList()))
      .prepare(),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: agendaItems.caseId })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .leftJoin(attendance, and(eq(attendance.meetingId, agendaItems.meetingId), eq(attendance.partnerId, partner())))
      .where(
        and(
          inArray(agendaItems.caseId, caseList()),
          eq(agendaItems.state, 'geaccepteerd'),
          or(eq(attendance.status, 'aanwezig'), and(isNull(attendance.status), eq(meetings.status, 'bezig'))),
        ),
      )
      .prepare(),
  ),
  preparedPerDb((db) =>
    db
      .select({ caseId: caseAccessRequests.caseId })
      .from(caseAccessRequests)
      .where(and(inArray(caseAccessRequests.caseId, caseList()), eq(caseAccessRequests.partnerId, partner())))
      .prepare(),
  ),
];

/** The casussen among `caseIds` whose betrokkenen `reader` may see as an involved partner. */
export function involvedCaseIds(db: Db, reader: Actor, caseIds: number[]): Set<number> {
  if (reader.role !== 'member' || reader.partnerId === null || caseIds.length === 0) return new Set(caseIds);
  const params = { ids: JSON.stringify([...new Set(caseIds)]), partnerId: reader.partnerId };
  const found = new Set<number>();
  for (const query of involvementQueries) {
    for (const r of query(db).all(params) as { caseId: number | null }[]) if (r.caseId !== null) found.add(r.caseId);
  }
  return found;
}
