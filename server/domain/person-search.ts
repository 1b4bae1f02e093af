/**
 * Finding a person for a data-subject request (issue 11 item 1): the FG or the coordinator
 * searches the team's betrokkenen through the keyed blind index (../privacy/blind-index.ts).
 * The audit records that a search happened and how many it found — never the query, which is
 * itself personal data (P7).
 */
import type { Actor } from '../auth/actor';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { searchSubjects } from '../privacy/blind-index';
import { encodePublicId } from '../privacy/public-ids';

export function searchPersons(
  deps: AppDeps,
  actor: Pick<Actor, 'id' | 'teamId'>,
  query: string,
): { subjectId: string; caseId: number; caseCode: string }[] {
  const hits = searchSubjects(deps.db, deps.keys, actor.teamId, query);
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'dsr.search',
    entity: 'subject',
    detail: { hits: hits.length },
  });
  return hits.map((h) => ({
    subjectId: encodePublicId(deps.keys, 'subject', actor.teamId, h.subjectId),
    caseId: h.caseId,
    caseCode: h.caseCode,
  }));
}
