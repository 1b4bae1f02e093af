/**
 * Who may keep a live stream open (SPEC §2 step 3, P1): a `meetings.live` stream carries names,
 * addresses and dates of birth, so it lives only as long as the session and the reader it was
 * opened with. The stream re-checks both on every event of the team and at least every
 * `config.liveRecheckMs` (30 s) — the same rules as a new request (idle and absolute expiry,
 * disabled account, a partner that left, art. 14) — and ends when they no longer hold.
 *
 * Open streams are capped per session and per user: each holds a listener and builds a snapshot
 * on every autosave of the chair, so hundreds of them slowed the overleg itself. A stream over
 * the cap is REFUSED rather than closing the oldest: closing the oldest would let a new tab
 * (which reconnects by itself) and an old one evict each other in a loop, and would let one
 * session end another session's stream of the same user.
 */
import type { Actor } from '../auth/actor';
import { eq } from 'drizzle-orm';
import type { EventEmitter } from 'node:events';
import { partners } from '../../db/schema';
import type { AppDeps } from '../deps';
import { hashToken, resolveSession } from '../auth/sessions';
import { amsterdamDate } from '../clock';
import { AppError } from '../errors';
import { partnerActiveOn } from './team';
import { sharedValue } from './live-shared';
import { loadPartnerStanding } from '../privacy/partner-standing';

export const MAX_LIVE_STREAMS_PER_SESSION = 3;
export const MAX_LIVE_STREAMS_PER_USER = 5;

type Counts = { bySession: Map<string, number>; byUser: Map<number, number> };
// Per event bus, i.e. per running app (and per test's deps): streams live in this process only.
const openStreams = new WeakMap<EventEmitter, Counts>();

function countsOf(deps: AppDeps): Counts {
  let counts = openStreams.get(deps.events);
  if (!counts) openStreams.set(deps.events, (counts = { bySession: new Map(), byUser: new Map() }));
  return counts;
}

const bump = <K>(map: Map<K, number>, key: K, by: number) => {
  const next = (map.get(key) ?? 0) + by;
  if (next <= 0) map.delete(key);
  else map.set(key, next);
};

/** Reserves a stream slot; TOO_MANY_REQUESTS over the cap. The returned release is idempotent. */
export function acquireLiveSlot(deps: AppDeps, sessionToken: string, userId: number): () => void {
  const counts = countsOf(deps);
  const session = hashToken(sessionToken);
  if ((counts.bySession.get(session) ?? 0) >= MAX_LIVE_STREAMS_PER_SESSION) {
    throw new AppError('TOO_MANY_REQUESTS', 'live.tooManyStreams', { max: MAX_LIVE_STREAMS_PER_SESSION });
  }
  if ((counts.byUser.get(userId) ?? 0) >= MAX_LIVE_STREAMS_PER_USER) {
    throw new AppError('TOO_MANY_REQUESTS', 'live.tooManyStreams', { max: MAX_LIVE_STREAMS_PER_USER });
  }
  bump(counts.bySession, session, 1);
  bump(counts.byUser, userId, 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    bump(counts.bySession, session, -1);
    bump(counts.byUser, userId, -1);
  };
}

/**
 * Throws when the stream's session or reader no longer holds: UNAUTHORIZED for a session that
 * ended (logout, expiry, disabled account, partner left), FORBIDDEN for a reader that changed
 * (role, partner): the snapshot was built for a reader that no longer exists.
 */
export function assertLiveAccess(deps: AppDeps, sessionToken: string, reader: Actor): void {
  const now = deps.now();
  const user = resolveSession(deps.db, deps.config, sessionToken, now, { touch: false });
  if (!user || user.id !== reader.id) throw new AppError('UNAUTHORIZED', 'auth.required');
  const partner = user.partnerId === null ? null : partnerNow(deps, user.partnerId);
  if (user.partnerId !== null && (!partner || !partnerActiveOn(partner, amsterdamDate(now))))
    throw new AppError('UNAUTHORIZED', 'auth.required');
  // The reader as loadActor would build it now, as far as the stream's snapshots depend on it.
  const same =
    user.role === reader.role &&
    user.teamId === reader.teamId &&
    user.partnerId === reader.partnerId &&
    (partner?.kind ?? null) === reader.partnerKind &&
    (partner?.partnerSuspended ?? false) === reader.partnerSuspended;
  if (!same) throw new AppError('FORBIDDEN', 'live.accessChanged');
}

/**
 * The partner's row and standing (../privacy/partner-standing.ts), read fresh for every change —
 * once for all its subscribers that re-check after the same change (./live-shared.ts), not once
 * per subscriber: 50 subscribers re-checked one by one cost the chair's tick tens of ms.
 */
function partnerNow(deps: AppDeps, partnerId: number) {
  return sharedValue(deps, `access:partner:${partnerId}`, () => {
    const row = deps.db
      .select({ kind: partners.kind, joinedOn: partners.joinedOn, leftOn: partners.leftOn })
      .from(partners)
      .where(eq(partners.id, partnerId))
      .get();
    return row ? { ...row, ...loadPartnerStanding(deps.db, partnerId) } : null;
  });
}
