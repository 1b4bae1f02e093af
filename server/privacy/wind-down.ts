/**
 * Wind-down visibility (issue 10 item 4): without a covenant in force there is no legal basis to
 * exchange personal data (PIT art. 14.1, 20.1), yet each partner stays responsible for — and may
 * keep seeing — what it provided itself (art. 21: "zelf aansprakelijk voor de door hen
 * aangeleverde gegevens"). Exports carry no personal data at all then, except the FG's hand-back
 * of a partner's own items. Confidentiality and retention keep running (art. 14.5): nothing here
 * switches off the audit log or the retention job.
 */
import type { Actor } from '../auth/actor';
import type { AppDeps } from '../deps';
import { inWindDown } from './covenant-gate';
import type { ItemOrigin } from './visibility';
import type { ReadMemo } from './read-memo';

/** Purposes whose output leaves the app: none of the team's personal data in wind-down. */
const exportPurposes = new Set(['export', 'briefing']);

/** The reader as the wind-down narrows it: unchanged while a covenant is in force. */
export function windDownReader(deps: AppDeps, reader: Actor, purpose: string, memo?: ReadMemo): Actor {
  const windDown = memo ? (memo.windDown ??= inWindDown(deps, reader.teamId)) : inWindDown(deps, reader.teamId);
  if (!windDown) return reader;
  return { ...reader, windDown: exportPurposes.has(purpose) ? 'nothing' : 'own_items' };
}

/** The gate's one wind-down rule: only the reader's own partner's items, or none for an export. */
export function windDownAllows(reader: Actor, item: Pick<ItemOrigin, 'sourcePartnerId'>): boolean {
  if (!reader.windDown) return true;
  return reader.windDown === 'own_items' && reader.partnerId !== null && item.sourcePartnerId === reader.partnerId;
}
