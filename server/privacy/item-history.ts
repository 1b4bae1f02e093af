/**
 * P12 for the FG: the history of corrections, erasures and restrictions of the team's items —
 * who, when, why, and the old value of a correction (decrypted for the FG only; erased items have
 * none left). Reading old values is itself audited (P6). Which partners were notified and which
 * acknowledged is part of each entry.
 */
import type { Actor } from '../auth/actor';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { cases, correctionNotices, itemChanges, partners, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { decryptValue } from './crypto';

export function itemChangeHistory(deps: AppDeps, fg: Pick<Actor, 'id' | 'teamId'>) {
  const rows = deps.db
    .select({
      id: itemChanges.id,
      police: itemChanges.police,
      caseId: itemChanges.caseId,
      caseCode: cases.code,
      category: itemChanges.category,
      kind: itemChanges.kind,
      oldValueEnc: itemChanges.oldValueEnc,
      reason: itemChanges.reason,
      sourcePartner: partners.shortName,
      actor: users.name,
      at: itemChanges.at,
    })
    .from(itemChanges)
    .innerJoin(cases, eq(cases.id, itemChanges.caseId))
    .innerJoin(partners, eq(partners.id, itemChanges.sourcePartnerId))
    .innerJoin(users, eq(users.id, itemChanges.actorUserId))
    .where(eq(itemChanges.teamId, fg.teamId))
    .orderBy(desc(itemChanges.id))
    .limit(500)
    .all();
  const notices =
    rows.length === 0
      ? []
      : deps.db
          .select({ changeId: correctionNotices.changeId, partner: partners.shortName, acknowledgedAt: correctionNotices.acknowledgedAt })
          .from(correctionNotices)
          .innerJoin(partners, eq(partners.id, correctionNotices.partnerId))
          .where(
            and(
              eq(correctionNotices.teamId, fg.teamId),
              inArray(
                correctionNotices.changeId,
                rows.map((r) => r.id),
              ),
            ),
          )
          .all();
  const withOld = rows.filter((r) => r.oldValueEnc !== null).length;
  if (withOld > 0) {
    appendAudit(deps.db, deps.now(), {
      teamId: fg.teamId,
      actorId: fg.id,
      action: 'personal_data.read',
      entity: 'case',
      caseId: null,
      detail: { purpose: 'correction_history', items: withOld },
    });
  }
  return rows.map(({ oldValueEnc, ...r }) => ({
    ...r,
    oldValue: oldValueEnc === null ? null : decryptValue(r.police ? deps.keys.police : deps.keys.general, oldValueEnc),
    notified: notices.filter((n) => n.changeId === r.id).map((n) => ({ partner: n.partner, acknowledgedAt: n.acknowledgedAt })),
  }));
}
