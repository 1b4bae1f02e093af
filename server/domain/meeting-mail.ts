/**
 * The partners hear of an overleg by e-mail (issue 9 item 14): when its agenda is published, when
 * a published overleg moves (date, time, place) and when it is cancelled. Each mail carries the
 * team, the time and a link, plus the overleg's `.ics` (./calendar.ts: the same UID every time and
 * the row's version as SEQUENCE, so calendar apps update or remove the one event) — never the
 * agenda, a casus or personal data (P7). Without SMTP nothing is sent and nothing fails.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { meetings, partners, teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { amsterdamDate, TIME_ZONE } from '../clock';
import { translate, type Locale } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import { meetingInviteIcs } from './calendar';
import { partnerActiveOn } from './team';

export type MeetingNotice = 'published' | 'moved' | 'cancelled';

export const meetingLink = (deps: AppDeps, meetingId: number) => `${publicBaseUrl(deps.config)}/overleggen/${meetingId}`;

function when(startsAt: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(startsAt));
}

/** The active members of every partner that takes part on the day of the overleg (art. 14). */
export function expectedRecipients(deps: AppDeps, teamId: number, startsAt: string) {
  const day = amsterdamDate(new Date(startsAt));
  const expected = deps.db
    .select({ id: partners.id, joinedOn: partners.joinedOn, leftOn: partners.leftOn })
    .from(partners)
    .where(eq(partners.teamId, teamId))
    .all()
    .filter((p) => partnerActiveOn(p, day))
    .map((p) => p.id);
  if (expected.length === 0) return [];
  return deps.db
    .select({ id: users.id, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'member'), isNull(users.disabledAt), inArray(users.partnerId, expected)))
    .all();
}

/** Never throws: the overleg is published or moved whether or not the mail server answers. */
export async function mailMeetingNotice(
  deps: AppDeps,
  teamId: number,
  meeting: number | typeof meetings.$inferSelect,
  notice: MeetingNotice,
): Promise<{ recipients: number; failed: number }> {
  if (!mailConfigured(deps.config)) return { recipients: 0, failed: 0 };
  // A cancelled overleg is gone from the table: the caller passes the row as it was.
  const m =
    typeof meeting === 'number'
      ? deps.db
          .select()
          .from(meetings)
          .where(and(eq(meetings.id, meeting), eq(meetings.teamId, teamId)))
          .get()
      : meeting;
  const team = deps.db.select({ name: teams.name, code: teams.code }).from(teams).where(eq(teams.id, teamId)).get();
  if (!m || !team) return { recipients: 0, failed: 0 };
  const to = expectedRecipients(deps, teamId, m.startsAt);
  const ics = meetingInviteIcs(deps, { ...m, teamCode: team.code }, notice === 'cancelled' ? 'CANCEL' : 'PUBLISH');
  const contentType = `text/calendar; charset=utf-8; method=${notice === 'cancelled' ? 'CANCEL' : 'PUBLISH'}`;
  let failed = 0;
  for (const person of to) {
    const link = notice === 'cancelled' ? `${publicBaseUrl(deps.config)}/overleggen` : meetingLink(deps, m.id);
    const params = { team: team.name, when: when(m.startsAt, person.locale), link };
    try {
      await sendMail(deps.config, {
        to: person.email,
        subject: translate(`notify.${notice}.subject`, person.locale, params),
        text: translate(`notify.${notice}.body`, person.locale, params),
        attachments: [{ filename: ics.filename, content: ics.body, contentType }],
      });
    } catch (error) {
      failed += 1;
      // Only the transport's error code is logged: its message may quote the address (P7).
      console.error('[mail] overleg notice not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
  return { recipients: to.length - failed, failed };
}
