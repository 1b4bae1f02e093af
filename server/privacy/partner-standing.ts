/**
 * A partner's standing in the covenant, as the privacy gate applies it to its members:
 *  - PIT art. 12 / SPEC P13: a partner that joined later sees only personal data recorded on or
 *    after its joining date (the earlier exchange had no basis for it).
 *  - BIT art. 6.6: while its participation is suspended, its users see no personal data at all,
 *    not even what it provided itself; lifting the suspension restores access.
 *  - A kind the covenant does not name (`ANNEX_KINDS`: `overig`) sees no personal data until an
 *    FG-approved annex gives it categories in the sharing matrix (art. 12.2, 13).
 */
import { and, eq, sql } from 'drizzle-orm';
import { partnerSuspensions, partners, type Audience, type PartnerKind } from '../../db/schema';
import type { Db } from '../../db/client';
import { amsterdamDate } from '../clock';
import { preparedPerDb } from '../prepared';

/** Kinds the covenant does not name: their place in the exchange comes from an annex only. */
export const ANNEX_KINDS: readonly PartnerKind[] = ['overig'];

export type PartnerStanding = { partnerJoinedOn: string | null; partnerSuspended: boolean };

// Every request's actor reads these (issue 12): prepared once per connection.
const joinedOnOf = preparedPerDb((db) =>
  db
    .select({ joinedOn: partners.joinedOn })
    .from(partners)
    .where(eq(partners.id, sql.placeholder('partnerId')))
    .prepare(),
);
const suspensionOf = preparedPerDb((db) =>
  db
    .select({ id: partnerSuspensions.id })
    .from(partnerSuspensions)
    .where(and(eq(partnerSuspensions.partnerId, sql.placeholder('partnerId')), eq(partnerSuspensions.status, 'in_effect')))
    .prepare(),
);

export function loadPartnerStanding(db: Db, partnerId: number | null): PartnerStanding {
  if (partnerId === null) return { partnerJoinedOn: null, partnerSuspended: false };
  const partner = joinedOnOf(db).get({ partnerId });
  const suspension = suspensionOf(db).get({ partnerId });
  return { partnerJoinedOn: partner?.joinedOn ?? null, partnerSuspended: suspension !== undefined };
}

/**
 * Whether the reader's partner, by its standing, may see an item recorded at `createdAt`. The
 * matrix holds a cell of an annex kind only when an approved annex set it (loadSharingMatrix).
 */
export function partnerStandingAdmits(
  reader: PartnerStanding & { partnerKind: PartnerKind | null },
  matrix: ReadonlyMap<string, Audience>,
  item: { createdAt: string },
): boolean {
  if (reader.partnerSuspended) return false;
  if (
    reader.partnerKind &&
    ANNEX_KINDS.includes(reader.partnerKind) &&
    ![...matrix.keys()].some((key) => key.startsWith(`${reader.partnerKind}:`))
  )
    return false;
  if (reader.partnerJoinedOn === null) return true;
  return amsterdamDate(new Date(item.createdAt)) >= reader.partnerJoinedOn;
}

export type ProvidingRefusal =
  'subjects.partnerSuspended' | 'subjects.partnerNotJoined' | 'subjects.partnerLeft' | 'subjects.partnerWithoutAnnex';

/**
 * Whether a partner may provide personal data today, by its standing; the reason why not, or null.
 * Providing is an exchange like reading: a suspended partner (BIT art. 6.6) neither reads nor
 * adds; a partner takes part only from its joining date (art. 12) until its leaving date (PIT
 * 14.3, BIT 14.2); a kind the covenant does not name provides nothing until an annex gives it
 * categories (art. 12.2, 13) — the per-category check (`mayProvide`) then still applies.
 */
export function providingRefusal(
  db: Db,
  partner: { id: number; kind: PartnerKind; joinedOn: string; leftOn: string | null },
  matrix: ReadonlyMap<string, Audience>,
  today: string,
): ProvidingRefusal | null {
  if (loadPartnerStanding(db, partner.id).partnerSuspended) return 'subjects.partnerSuspended';
  if (partner.joinedOn > today) return 'subjects.partnerNotJoined';
  if (partner.leftOn !== null && partner.leftOn <= today) return 'subjects.partnerLeft';
  if (ANNEX_KINDS.includes(partner.kind) && ![...matrix.keys()].some((key) => key.startsWith(`${partner.kind}:`)))
    return 'subjects.partnerWithoutAnnex';
  return null;
}
