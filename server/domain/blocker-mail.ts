/**
 * Knelpunt melden: the team's coordinators hear of it by e-mail. The mail carries the team and a
 * link to the task overview — never the task, the casus or the reason (P7); they read those in
 * the app. Without SMTP the knelpunt still shows on the home page and in the overview.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { translate } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';

export function blockerLink(deps: AppDeps, taskId: number): string {
  return `${publicBaseUrl(deps.config)}/taken?knelpunt=${taskId}`;
}

/** Never throws: the knelpunt is recorded whether or not the mail server answers. */
export async function notifyBlocker(deps: AppDeps, teamId: number, taskId: number): Promise<void> {
  if (!mailConfigured(deps.config)) return;
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  const coordinators = deps.db
    .select({ email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'coordinator'), isNull(users.disabledAt)))
    .all();
  const params = { team: team?.name ?? '', link: blockerLink(deps, taskId) };
  for (const person of coordinators) {
    try {
      await sendMail(deps.config, {
        to: person.email,
        subject: translate('tasks.blockerMailSubject', person.locale, params),
        text: translate('tasks.blockerMailBody', person.locale, params),
      });
    } catch (error) {
      // Only the transport's error code is logged: its message may quote the address (P7).
      console.error('[mail] knelpunt not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
}
