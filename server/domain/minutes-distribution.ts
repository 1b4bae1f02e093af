/**
 * "Verslag versturen": tells the members of every active partner by e-mail that the verslag is
 * there. The mail carries the team, the date and a link — never personal data, casus addresses or
 * meeting text (P7); the verslag itself is read in the app with the reader's own visibility.
 */
import type { Actor } from '../auth/actor';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { minutes, teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { TIME_ZONE } from '../clock';
import { translate, type Locale } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import { minutesOfTeam } from './minutes';
import { listPartners } from './team';

export function minutesLink(deps: AppDeps, meetingId: number): string {
  return `${publicBaseUrl(deps.config)}/overleggen/${meetingId}/verslag`;
}

function longDate(startsAt: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(startsAt));
}

/** The members of the partners that take part today (art. 14: a left partner gets nothing). */
function recipients(deps: AppDeps, teamId: number) {
  const active = listPartners(deps, teamId)
    .filter((p) => p.active)
    .map((p) => p.id);
  if (active.length === 0) return [];
  return deps.db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'member'), isNull(users.disabledAt), inArray(users.partnerId, active)))
    .all();
}

/** A second "versturen" this soon after the first (a double click, a second tab) sends nothing. */
export const RESEND_WINDOW_MINUTES = 10;

export type SendResult = { recipients: number; failed: number; alreadySent?: true };

export async function sendMinutes(deps: AppDeps, actor: Actor, input: { meetingId: number }): Promise<SendResult> {
  if (!mailConfigured(deps.config)) throw new AppError('PRECONDITION_FAILED', 'minutes.mailNotConfigured');
  const { row, startsAt } = minutesOfTeam(deps, actor, input.meetingId);
  if (row.status === 'concept') throw new AppError('BAD_REQUEST', 'minutes.notFinal');
  const to = recipients(deps, actor.teamId);
  if (to.length === 0) throw new AppError('BAD_REQUEST', 'minutes.noRecipients');
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, actor.teamId)).get()!;
  const link = minutesLink(deps, input.meetingId);
  // Claim the send before the first mail goes out, atomically: of two requests only one sends. A
  // verslag finalised again after reopening may be sent again at once.
  const claimedAt = deps.now().toISOString();
  const windowStart = new Date(deps.now().getTime() - RESEND_WINDOW_MINUTES * 60_000).toISOString();
  const claim = deps.db
    .update(minutes)
    .set({ distributedAt: claimedAt })
    .where(
      and(
        eq(minutes.id, row.id),
        or(isNull(minutes.distributedAt), lt(minutes.distributedAt, windowStart), sql`${minutes.finalisedAt} > ${minutes.distributedAt}`),
      ),
    )
    .run();
  if (claim.changes !== 1) return { recipients: 0, failed: 0, alreadySent: true };
  let failed = 0;
  for (const person of to) {
    const params = { team: team.name, date: longDate(startsAt, person.locale), link };
    try {
      await sendMail(deps.config, {
        to: person.email,
        subject: translate('minutes.mailSubject', person.locale, params),
        text: translate('minutes.mailBody', person.locale, params),
      });
    } catch (error) {
      failed += 1;
      // Only the transport's error code is logged: its message may quote the address (P7).
      console.error('[mail] verslag not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
  if (failed === to.length) {
    // Nothing went out: release the claim so a retry can send.
    deps.db.update(minutes).set({ distributedAt: row.distributedAt }).where(eq(minutes.id, row.id)).run();
    throw new AppError('SERVICE_UNAVAILABLE', 'minutes.mailFailed');
  }
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.update(minutes)
      .set({ distributedAt: now.toISOString(), updatedAt: now.toISOString(), version: row.version + 1 })
      .where(eq(minutes.id, row.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'minutes.distributed',
      entity: 'minutes',
      entityId: row.id,
      detail: { meetingId: input.meetingId, recipients: to.length - failed, failed },
    });
  });
  return { recipients: to.length - failed, failed };
}
