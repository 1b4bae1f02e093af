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
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db/client';
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

/** The casussen among `caseIds` whose betrokkenen `reader` may see as an involved partner. */
export function involvedCaseIds(db: Db, reader: Actor, caseIds: number[]): Set<number> {
  if (reader.role !== 'member' || reader.partnerId === null || caseIds.length === 0) return new Set(caseIds);
  const partnerId = reader.partnerId;
  const ids = [...new Set(caseIds)];
  const found = new Set<number>();
  const add = (rows: { caseId: number | null }[]) => rows.forEach((r) => r.caseId !== null && found.add(r.caseId));
  add(
    db
      .select({ caseId: cases.id })
      .from(cases)
      .where(and(inArray(cases.id, ids), or(eq(cases.gemeentePartnerId, partnerId), eq(cases.reportedByPartnerId, partnerId))))
      .all(),
  );
  add(
    db
      .select({ caseId: subjects.caseId })
      .from(subjects)
      .where(and(inArray(subjects.caseId, ids), eq(subjects.createdByPartnerId, partnerId)))
      .all(),
  );
  for (const table of [subjectItems, policeSubjectItems]) {
    add(
      db
        .select({ caseId: subjects.caseId })
        .from(table)
        .innerJoin(subjects, eq(subjects.id, table.subjectId))
        .where(and(inArray(subjects.caseId, ids), eq(table.sourcePartnerId, partnerId)))
        .all(),
    );
  }
  add(
    db
      .select({ caseId: tasks.caseId })
      .from(tasks)
      .where(and(inArray(tasks.caseId, ids), eq(tasks.assigneePartnerId, partnerId)))
      .all(),
  );
  add(
    db
      .select({ caseId: agreements.caseId })
      .from(agreements)
      .where(and(inArray(agreements.caseId, ids), eq(agreements.responsiblePartnerId, partnerId)))
      .all(),
  );
  add(
    db
      .select({ caseId: controlCases.caseId })
      .from(controlCases)
      .innerJoin(controlPartners, and(eq(controlPartners.controlId, controlCases.controlId), eq(controlPartners.partnerId, partnerId)))
      .where(inArray(controlCases.caseId, ids))
      .all(),
  );
  add(
    db
      .select({ caseId: agendaItems.caseId })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .leftJoin(attendance, and(eq(attendance.meetingId, agendaItems.meetingId), eq(attendance.partnerId, partnerId)))
      .where(
        and(
          inArray(agendaItems.caseId, ids),
          eq(agendaItems.state, 'geaccepteerd'),
          or(eq(attendance.status, 'aanwezig'), and(isNull(attendance.status), eq(meetings.status, 'bezig'))),
        ),
      )
      .all(),
  );
  add(
    db
      .select({ caseId: caseAccessRequests.caseId })
      .from(caseAccessRequests)
      .where(and(inArray(caseAccessRequests.caseId, ids), eq(caseAccessRequests.partnerId, partnerId)))
      .all(),
  );
  return found;
}
