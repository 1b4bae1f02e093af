/**
 * AVG art. 18, P12: a restricted item is processed no further — only the partner that provided it
 * still sees it (marked "beperkt"); the FG reviews it in the privacy workspace. Not even the
 * coordinator sees it on the casus page, in the verslag or in an export.
 */
import type { Actor } from '../auth/actor';

export function restrictionAllows(reader: Actor, item: { sourcePartnerId: number; restrictedAt?: string | null }): boolean {
  return (
    !item.restrictedAt ||
    (reader.partnerId !== null && reader.partnerId === item.sourcePartnerId && (reader.role === 'member' || reader.role === 'coordinator'))
  );
}
