/**
 * THE actor (issue 12): who acts in a request, as every procedure, domain function and the
 * privacy gate sees it — the session user with its partner's kind and standing in the covenant
 * and the state of its second factor. The middleware in ../trpc.ts builds it once per request
 * (cached with the session for a few seconds, ./session-cache.ts) and gives it to every
 * procedure as `ctx.user`.
 */
import { eq, sql } from 'drizzle-orm';
import { partners, type PartnerKind } from '../../db/schema';
import type { Db } from '../../db/client';
import { AppError } from '../errors';
import { preparedPerDb } from '../prepared';
import type { MessageKey } from '../i18n/messages';
import { loadPartnerStanding, type PartnerStanding } from '../privacy/partner-standing';
import { sessionEntry, type SessionUser } from './sessions';
import { twoFactorState, type TwoFactorState } from './two-factor';

export type Actor = SessionUser &
  PartnerStanding & {
    partnerKind: PartnerKind | null;
    /** The second factor as the team requires it (BIO 23.1a); `auth.me` shows it. */
    twoFactor: TwoFactorState;
    /** Set by ../privacy/wind-down.ts for one read when the team has no covenant in force. */
    windDown?: 'own_items' | 'nothing';
  };

// Prepared once per connection (issue 12): a cache miss would otherwise build and prepare it.
const partnerKindOf = preparedPerDb((db) =>
  db
    .select({ kind: partners.kind })
    .from(partners)
    .where(eq(partners.id, sql.placeholder('partnerId')))
    .prepare(),
);

/**
 * The one way an actor is built: the partner's kind and its standing (joining date, suspension;
 * ../privacy/partner-standing.ts) always come from the database, so no path acts with a
 * partner's rights while ignoring its standing.
 */
export function loadActor(db: Db, user: SessionUser): Actor {
  const partner = user.partnerId === null ? undefined : partnerKindOf(db).get({ partnerId: user.partnerId });
  const { id, name, email, role, teamId, partnerId, locale } = user;
  return {
    id,
    name,
    email,
    role,
    teamId,
    partnerId,
    locale,
    partnerKind: partner?.kind ?? null,
    ...loadPartnerStanding(db, user.partnerId),
    twoFactor: twoFactorState(db, user),
  };
}

/** The actor of a request: from the session's cache entry when there is one. */
export function actorOf(db: Db, user: SessionUser, sessionToken: string | null): Actor {
  const entry = sessionToken ? sessionEntry(db, sessionToken) : undefined;
  if (entry && entry.user === user) return (entry.actor ??= loadActor(db, user)) as Actor;
  return loadActor(db, user);
}

/** BIO 23.1a: the team requires a second factor for this role and the account has none yet. */
export const mustEnrolTwoFactor = (actor: Actor) => actor.twoFactor.required && !actor.twoFactor.enabled;

/**
 * The partner an actor acts for (SPEC §2): a member for their own partner only — naming another
 * is FORBIDDEN with `ownOnly`; the coordinator on behalf of the partner it names, required
 * unless `optional` (then null: acting for no partner, e.g. the complete briefing).
 */
export function actingPartner(
  actor: Actor,
  requested: number | null | undefined,
  keys: { required: MessageKey; ownOnly: MessageKey },
): number;
export function actingPartner(actor: Actor, requested: number | null | undefined, keys: { ownOnly: MessageKey }): number | null;
export function actingPartner(
  actor: Actor,
  requested: number | null | undefined,
  keys: { required?: MessageKey; ownOnly: MessageKey },
): number | null {
  if (actor.role === 'coordinator') {
    if (requested) return requested;
    if (keys.required) throw new AppError('BAD_REQUEST', keys.required);
    return null;
  }
  if (actor.partnerId === null) throw new AppError('FORBIDDEN', 'auth.forbidden');
  if (requested && requested !== actor.partnerId) throw new AppError('FORBIDDEN', keys.ownOnly);
  return actor.partnerId;
}
