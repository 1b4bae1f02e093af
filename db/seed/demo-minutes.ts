// Demo verslagen (SPEC §6): each team's closed overleg (seeded by ./demo-meetings.ts) gets its
// verslag drafted from what was captured, edited once by the coordinator and made definitief, so
// the demo shows a verslag ready for approval in the next overleg. All fictitious.
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import { meetings, minutes, minutesVersions, teams } from '../schema';
import { appendAudit } from '../../server/audit';
import { draftMinutesAt, type MinutesContent } from '../../server/domain/minutes';
import { freezeMinutesText } from '../../server/domain/minutes-view';
import type { AppDeps } from '../../server/deps';
import type { DemoIds } from './demo';

export function seedDemoMinutes(deps: AppDeps, ids: DemoIds): { minutes: number } {
  const db: Db = deps.db;
  const now = deps.now();
  let made = 0;
  for (const team of Object.values(ids.teams)) {
    const coordinatorId = team.userIds.coordinator;
    if (!coordinatorId) continue;
    const teamName = db.select({ name: teams.name }).from(teams).where(eq(teams.id, team.teamId)).get()?.name ?? '';
    const closed = db
      .select({ id: meetings.id, startsAt: meetings.startsAt, closedAt: meetings.closedAt })
      .from(meetings)
      .where(and(eq(meetings.teamId, team.teamId), eq(meetings.status, 'gesloten')))
      .orderBy(asc(meetings.startsAt))
      .all();
    for (const meeting of closed) {
      const closedAt = new Date(meeting.closedAt ?? meeting.startsAt);
      // Finalised the day after the overleg (never in the future of the demo's "now").
      const finalisedAt = new Date(Math.min(closedAt.getTime() + 24 * 3_600_000, now.getTime()));
      db.transaction((tx) => {
        const { id } = draftMinutesAt(tx, closedAt, { id: coordinatorId, teamId: team.teamId }, meeting.id);
        const row = tx.select().from(minutes).where(eq(minutes.id, id)).get()!;
        if (row.status !== 'concept') return;
        const latest = tx
          .select({ content: minutesVersions.content })
          .from(minutesVersions)
          .where(and(eq(minutesVersions.minutesId, id), eq(minutesVersions.version, row.currentVersion)))
          .get();
        const base = latest ? (JSON.parse(latest.content) as MinutesContent) : { intro: '', items: {}, closing: '' };
        const content: MinutesContent = {
          ...base,
          intro:
            base.intro ||
            `Verslag van het reguliere overleg van ${teamName}. De werkafspraken en de actielijst hieronder zijn tijdens het overleg vastgelegd.`,
          closing:
            base.closing ||
            'De voorzitter sluit het overleg en dankt de deelnemers. Opmerkingen op dit verslag graag vóór het volgende overleg aan de coördinator.',
        };
        const version = row.currentVersion + 1;
        tx.insert(minutesVersions)
          .values({
            minutesId: id,
            version,
            content: JSON.stringify(content),
            createdByUserId: coordinatorId,
            createdAt: finalisedAt.toISOString(),
          })
          .run();
        tx.update(minutes)
          .set({
            currentVersion: version,
            status: 'definitief',
            finalisedAt: finalisedAt.toISOString(),
            updatedAt: finalisedAt.toISOString(),
            version: row.version + 1,
          })
          .where(eq(minutes.id, id))
          .run();
        // Definitief is a fixed record: its text as finalised (see finaliseMinutes).
        tx.update(minutes)
          .set({ snapshot: freezeMinutesText(deps, team.teamId, meeting.id) })
          .where(eq(minutes.id, id))
          .run();
        // The audit row records when it was written (seeding time), keeping the log chronological.
        appendAudit(tx, now, {
          teamId: team.teamId,
          actorId: coordinatorId,
          action: 'minutes.definitief',
          entity: 'minutes',
          entityId: id,
          detail: { meetingId: meeting.id, seeded: true },
        });
        made += 1;
      });
    }
  }
  return { minutes: made };
}
