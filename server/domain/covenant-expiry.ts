/**
 * Expiry warnings (issue 10 item 4): 90, 30 and 7 days before the covenant's end date — unless an
 * approved successor takes over that day — the coordinator, admin and FG are mailed once per
 * threshold (and see a banner, see covenantOverview). The mail carries the team, the date and a
 * link, never personal data (P7). Runs as a daily job (server/jobs.ts).
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { covenantWarnings, teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { translate } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';
import { expiryWarning } from './covenants';

export async function sendCovenantExpiryWarnings(deps: AppDeps, today: string): Promise<void> {
  for (const team of deps.db.select({ id: teams.id, name: teams.name }).from(teams).all()) {
    const warning = expiryWarning(deps, team.id);
    if (!warning) continue;
    const sent = deps.db
      .select({ id: covenantWarnings.id })
      .from(covenantWarnings)
      .where(
        and(
          eq(covenantWarnings.covenantId, warning.covenantId),
          eq(covenantWarnings.endsOn, warning.endsOn),
          eq(covenantWarnings.thresholdDays, warning.threshold),
        ),
      )
      .get();
    if (sent) continue;
    // Recorded first: a failing mail server never makes the next run mail the same threshold twice.
    deps.db
      .insert(covenantWarnings)
      .values({ covenantId: warning.covenantId, endsOn: warning.endsOn, thresholdDays: warning.threshold, sentOn: today })
      .run();
    if (!mailConfigured(deps.config)) continue;
    const recipients = deps.db
      .select({ email: users.email, locale: users.locale })
      .from(users)
      .where(and(eq(users.teamId, team.id), inArray(users.role, ['coordinator', 'admin', 'privacy']), isNull(users.disabledAt)))
      .all();
    const params = { team: team.name, date: warning.endsOn, days: warning.daysLeft, link: `${publicBaseUrl(deps.config)}/team/convenant` };
    for (const person of recipients) {
      try {
        await sendMail(deps.config, {
          to: person.email,
          subject: translate('covenants.expiryMailSubject', person.locale, params),
          text: translate('covenants.expiryMailBody', person.locale, params),
        });
      } catch (error) {
        // Only the transport's error code is logged: its message may quote the address (P7).
        console.error('[mail] covenant warning not delivered:', (error as { code?: string }).code ?? 'unknown error');
      }
    }
  }
}
