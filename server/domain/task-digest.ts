/**
 * The weekly task digest (issue 9 item 14): once a week, on the first working day the daily job
 * runs (Monday, or later that week if the server was down), every member hears how many of their
 * partner's tasks are open, due within 7 days and overdue, and every coordinator the same for the
 * team — counts and a link only: task titles can hold personal data (P7). No mail when nothing is
 * open; a user can turn it off in the profile (`users.task_digest`).
 */
import type { Actor } from '../auth/actor';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { partners, teams, tasks, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { addDays } from '../clock';
import { translate } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import { partnerActiveOn } from './team';
import { overdueTask } from './overdue';

/** ISO weekday of a YYYY-MM-DD date: 1 = Monday … 7 = Sunday. */
const isoWeekday = (date: string) => ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;

/** The Monday of the week `today` falls in. */
export const weekStart = (today: string) => addDays(today, 1 - isoWeekday(today));

export type DigestCounts = { open: number; dueSoon: number; overdue: number };

/** Counts of open tasks of one partner (or the whole team when `partnerId` is null). */
export function digestCounts(deps: AppDeps, teamId: number, partnerId: number | null, today: string): DigestCounts {
  const soon = addDays(today, 7);
  const row = deps.db
    .select({
      open: sql<number>`count(*)`,
      dueSoon: sql<number>`coalesce(sum(case when ${tasks.dueDate} >= ${today} and ${tasks.dueDate} <= ${soon} then 1 else 0 end), 0)`,
      overdue: sql<number>`coalesce(sum(case when ${overdueTask(today)} then 1 else 0 end), 0)`,
    })
    .from(tasks)
    .where(and(eq(tasks.teamId, teamId), eq(tasks.status, 'open'), partnerId === null ? undefined : eq(tasks.assigneePartnerId, partnerId)))
    .get();
  return { open: Number(row?.open ?? 0), dueSoon: Number(row?.dueSoon ?? 0), overdue: Number(row?.overdue ?? 0) };
}

/** The daily job: sends the digests that are due this week. */
export async function sendTaskDigests(deps: AppDeps, today: string): Promise<{ sent: number }> {
  if (!mailConfigured(deps.config)) return { sent: 0 };
  // Working days only: a digest in the weekend waits for Monday.
  if (isoWeekday(today) > 5) return { sent: 0 };
  const monday = weekStart(today);
  const candidates = deps.db
    .select({
      id: users.id,
      email: users.email,
      locale: users.locale,
      role: users.role,
      teamId: users.teamId,
      partnerId: users.partnerId,
      sentOn: users.taskDigestSentOn,
      team: teams.name,
      joinedOn: partners.joinedOn,
      leftOn: partners.leftOn,
    })
    .from(users)
    .innerJoin(teams, eq(teams.id, users.teamId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(and(inArray(users.role, ['coordinator', 'member']), isNull(users.disabledAt), eq(users.taskDigest, true)))
    .all();
  let sent = 0;
  for (const user of candidates) {
    if (user.sentOn !== null && user.sentOn >= monday) continue; // already had this week's
    const member = user.role === 'member';
    // A member without a partner that takes part today has no tasks to hear of (art. 14).
    if (
      member &&
      (user.partnerId === null || user.joinedOn === null || !partnerActiveOn({ joinedOn: user.joinedOn, leftOn: user.leftOn }, today))
    )
      continue;
    const counts = digestCounts(deps, user.teamId, member ? user.partnerId : null, today);
    if (counts.open === 0) continue;
    const base = publicBaseUrl(deps.config);
    const params = {
      ...counts,
      team: user.team,
      link: `${base}${member ? '/mijn-taken' : '/taken'}`,
      profile: `${base}/profiel`,
      scope: translate(member ? 'notify.digest.scopePartner' : 'notify.digest.scopeTeam', user.locale),
    };
    try {
      await sendMail(deps.config, {
        to: user.email,
        subject: translate('notify.digest.subject', user.locale),
        text: translate('notify.digest.body', user.locale, params),
      });
      deps.db.update(users).set({ taskDigestSentOn: today }).where(eq(users.id, user.id)).run();
      sent += 1;
    } catch (error) {
      // Only the transport's error code is logged: its message may quote the address (P7). The
      // digest is tried again on the next run this week.
      console.error('[mail] task digest not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
  return { sent };
}

/** The profile's switch: the weekly digest on or off for the signed-in user. */
export function setTaskDigest(deps: AppDeps, actor: Actor, enabled: boolean): { taskDigest: boolean } {
  deps.db.update(users).set({ taskDigest: enabled }).where(eq(users.id, actor.id)).run();
  return { taskDigest: enabled };
}

export function taskDigestEnabled(deps: AppDeps, userId: number): boolean {
  return deps.db.select({ on: users.taskDigest }).from(users).where(eq(users.id, userId)).get()?.on ?? true;
}
