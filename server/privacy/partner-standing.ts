/**
 * A partner's standing in the covenant, as the privacy gate applies it to its members:
 *  - PIT art. 12 / SPEC P13: a partner that joined later sees only personal data recorded on or
 *    after its joining date (the earlier exchange had no basis for it).
 *  - BIT art. 6.6: while its participation is suspended, its users see no personal data at all,
 *    not even what it provided itself; lifting the suspension restores access.
 */
import { and, eq } from 'drizzle-orm';
import { partnerSuspensions, partners } from '../../db/schema';
import type { Db } from '../../db/client';
import { amsterdamDate } from '../clock';

export type PartnerStanding = { partnerJoinedOn: string | null; partnerSuspended: boolean };

export function loadPartnerStanding(db: Db, partnerId: number | null): PartnerStanding {
  if (partnerId === null) return { partnerJoinedOn: null, partnerSuspended: false };
  const partner = db.select({ joinedOn: partners.joinedOn }).from(partners).where(eq(partners.id, partnerId)).get();
  const suspension = db.select({ id: partnerSuspensions.id }).from(partnerSuspensions)
    .where(and(eq(partnerSuspensions.partnerId, partnerId), eq(partnerSuspensions.status, 'in_effect'))).get();
  return { partnerJoinedOn: partner?.joinedOn ?? null, partnerSuspended: suspension !== undefined };
}

/** Whether the reader's partner, by its standing, may see an item recorded at `createdAt`. */
export function partnerStandingAdmits(reader: PartnerStanding, item: { createdAt: string }): boolean {
  if (reader.partnerSuspended) return false;
  if (reader.partnerJoinedOn === null) return true;
  return amsterdamDate(new Date(item.createdAt)) >= reader.partnerJoinedOn;
}
