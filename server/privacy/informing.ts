/**
 * Informatieplicht (art. 26, P11; issue 11 item 8). Who records it, what may be recorded, the
 * kept history, and the list of betrokkenen nobody has informed yet.
 *  - art. 26.4: when the data did not come from the person, the team's informing partner (PIT:
 *    gemeente Helmond — team configuration `teams.informing_partner_id`) informs them; the
 *    coordinator records it on the team's behalf. Nobody else.
 *  - A date of informing lies in the past or today, never in the future.
 *  - art. 26.3: police data are excluded: a betrokkene known only from police data is not on the
 *    list and nothing is recorded for them.
 *  - Every recording is kept (subject_inform_events); the subject row holds the latest.
 */
import { and, asc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { cases, partners, subjectInformEvents, subjectItems, subjects, teams } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { AppError, invalidFields } from '../errors';
import { amsterdamDate } from '../clock';
import { encodePublicId } from './public-ids';
import type { Actor } from '../auth/actor';

export function informingPartnerOf(db: Db, teamId: number): { id: number; name: string } | null {
  const row = db
    .select({ id: partners.id, name: partners.name })
    .from(teams)
    .innerJoin(partners, eq(partners.id, teams.informingPartnerId))
    .where(eq(teams.id, teamId))
    .get();
  return row ?? null;
}

/** Whether the reader records informing at all: the coordinator, or a member of the informing partner. */
export function mayRecordInforming(db: Db, reader: Actor): boolean {
  if (reader.role === 'coordinator') return true;
  if (reader.role !== 'member' || reader.partnerId === null) return false;
  return informingPartnerOf(db, reader.teamId)?.id === reader.partnerId;
}

/** Refuses a recording the rules above do not allow; `subjectId` is the row id. */
export function assertMayRecordInforming(deps: AppDeps, reader: Actor, subjectId: number, informedOn: string | null): void {
  if (!mayRecordInforming(deps.db, reader)) throw new AppError('FORBIDDEN', 'subjects.informNotYours');
  if (informedOn && informedOn > amsterdamDate(deps.now())) throw invalidFields({ informedOn: { key: 'subjects.informedInFuture' } });
  if (!hasNonPoliceItems(deps.db, subjectId)) throw new AppError('BAD_REQUEST', 'subjects.informPoliceOnly');
}

function hasNonPoliceItems(db: Db, subjectId: number): boolean {
  return Boolean(db.select({ id: subjectItems.id }).from(subjectItems).where(eq(subjectItems.subjectId, subjectId)).limit(1).get());
}

export function recordInformEvent(
  tx: Db,
  at: Date,
  reader: Actor,
  subjectId: number,
  informedOn: string | null,
  postponedReason: string | null,
): void {
  tx.insert(subjectInformEvents)
    .values({
      subjectId,
      informedOn,
      postponedReason,
      recordedByUserId: reader.id,
      recordedByPartnerId: reader.partnerId,
      recordedAt: at.toISOString(),
    })
    .run();
}

export type NotInformed = { subjectId: string; caseId: number; caseCode: string; since: string };

/**
 * Betrokkenen of the team with data from a non-police partner, neither informed nor with a
 * recorded reason for postponing, oldest first. Withdrawn casussen and casussen whose personal
 * data were removed have no betrokkenen left to inform.
 */
export function notInformed(deps: AppDeps, teamId: number): NotInformed[] {
  const policeOnly = deps.db
    .select({ id: subjects.id })
    .from(subjects)
    .where(sql`not exists (select 1 from ${subjectItems} where ${subjectItems.subjectId} = ${subjects.id})`);
  return deps.db
    .select({ id: subjects.id, caseId: cases.id, caseCode: cases.code, since: subjects.createdAt })
    .from(subjects)
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(
      and(
        eq(cases.teamId, teamId),
        isNull(subjects.informedOn),
        isNull(subjects.informPostponedReason),
        isNull(cases.personalDataRemovedAt),
        notInArray(subjects.id, policeOnly),
      ),
    )
    .orderBy(asc(subjects.createdAt), asc(subjects.id))
    .all()
    .map((r) => ({
      subjectId: encodePublicId(deps.keys, 'subject', teamId, r.id),
      caseId: r.caseId,
      caseCode: r.caseCode,
      since: r.since.slice(0, 10),
    }));
}
