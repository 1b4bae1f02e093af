/**
 * P12 (BIT art. 6.7, AVG art. 19): when a provider corrects, erases or restricts an item, every
 * partner whose users saw it (item_disclosures) gets a notice to acknowledge — except the provider
 * itself. A partner that never saw the item gets none. A notice names the casus and the category,
 * never the value: it holds no personal data.
 */
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { correctionNotices, itemDisclosures, type ItemCategory, type ItemChangeKind } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { notFound } from '../errors';

type Change = {
  changeId: number;
  teamId: number;
  police: boolean;
  itemId: number;
  caseId: number;
  kind: ItemChangeKind;
  category: ItemCategory;
  sourcePartnerId: number;
  at: string;
};

/** Inside the change's transaction: one notice per partner that saw the item. Returns how many. */
export function noticeDisclosedPartners(tx: Db, change: Change): number {
  const partners = tx
    .select({ partnerId: itemDisclosures.partnerId })
    .from(itemDisclosures)
    .where(
      and(
        eq(itemDisclosures.police, change.police),
        eq(itemDisclosures.itemId, change.itemId),
        ne(itemDisclosures.partnerId, change.sourcePartnerId),
      ),
    )
    .all();
  if (partners.length === 0) return 0;
  tx.insert(correctionNotices)
    .values(
      partners.map((p) => ({
        teamId: change.teamId,
        partnerId: p.partnerId,
        changeId: change.changeId,
        caseId: change.caseId,
        kind: change.kind,
        category: change.category,
        createdAt: change.at,
      })),
    )
    .run();
  return partners.length;
}

/** `notices.mine`: the caller's partner's notices, open ones first. */
export function listNotices(deps: AppDeps, user: { teamId: number; partnerId: number | null }) {
  if (user.partnerId === null) return [];
  return deps.db
    .select({
      id: correctionNotices.id,
      kind: correctionNotices.kind,
      caseId: correctionNotices.caseId,
      category: correctionNotices.category,
      createdAt: correctionNotices.createdAt,
      acknowledgedAt: correctionNotices.acknowledgedAt,
    })
    .from(correctionNotices)
    .where(and(eq(correctionNotices.teamId, user.teamId), eq(correctionNotices.partnerId, user.partnerId)))
    .orderBy(sql`${correctionNotices.acknowledgedAt} is not null`, desc(correctionNotices.id))
    .limit(200)
    .all();
}

/** A member of the partner acknowledges; the first acknowledgement stands (idempotent). */
export function acknowledgeNotice(deps: AppDeps, user: { id: number; teamId: number; partnerId: number | null }, id: number) {
  const own =
    user.partnerId === null
      ? undefined
      : deps.db
          .select({ id: correctionNotices.id, acknowledgedAt: correctionNotices.acknowledgedAt })
          .from(correctionNotices)
          .where(
            and(eq(correctionNotices.id, id), eq(correctionNotices.teamId, user.teamId), eq(correctionNotices.partnerId, user.partnerId)),
          )
          .get();
  if (!own) throw notFound();
  if (own.acknowledgedAt) return { acknowledgedAt: own.acknowledgedAt };
  const at = deps.now().toISOString();
  deps.db.transaction((tx) => {
    tx.update(correctionNotices)
      .set({ acknowledgedAt: at, acknowledgedByUserId: user.id })
      .where(and(eq(correctionNotices.id, id), isNull(correctionNotices.acknowledgedAt)))
      .run();
    appendAudit(tx, deps.now(), { teamId: user.teamId, actorId: user.id, action: 'notice.acknowledged', entity: 'notice', entityId: id });
  });
  return { acknowledgedAt: at };
}
