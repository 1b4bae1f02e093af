// Overleggen for the minutes tests, written straight into the tables (the way the meetings
// domain would leave them), then closed with the real draftMinutes.
import { eq } from 'drizzle-orm';
import { agendaItems, attendance, meetings, type AgendaSection } from '../../db/schema';
import { draftMinutes } from '../../server/domain/minutes';
import type { SessionUser } from '../../server/auth/sessions';
import type { Actor } from '../../server/auth/actor';
import type { TestTeam } from './factories';
import type { TestDeps } from './deps';

export type TestAgendaItem = {
  section: AgendaSection;
  title: string;
  caseId?: number | null;
  notes?: string;
  decisions?: string;
  presenterPartnerId?: number | null;
  state?: 'voorgesteld' | 'geaccepteerd' | 'afgewezen';
};

export type TestMeeting = {
  startsAt?: string;
  title?: string;
  location?: string | null;
  status?: 'concept' | 'gepubliceerd' | 'bezig' | 'gesloten';
  chair?: SessionUser | null;
  items?: TestAgendaItem[];
  attendance?: { partnerId: number; status: 'aanwezig' | 'afwezig' | 'afgemeld'; attendees?: SessionUser[] }[];
};

/** A meeting of `team` with agenda items and attendance; returns its id and item ids in order. */
export function insertMeeting(deps: TestDeps, team: TestTeam, m: TestMeeting = {}): { id: number; itemIds: number[] } {
  const now = deps.now().toISOString();
  const startsAt = m.startsAt ?? '2026-11-24T08:30:00.000Z';
  const status = m.status ?? 'bezig';
  const row = deps.db
    .insert(meetings)
    .values({
      teamId: team.teamId,
      title: m.title ?? 'Overleg',
      startsAt,
      location: m.location === undefined ? 'Stadhuis, zaal 2' : m.location,
      status,
      chairUserId: m.chair?.id ?? null,
      startedAt: status === 'bezig' || status === 'gesloten' ? startsAt : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: meetings.id })
    .get();
  const itemIds = (m.items ?? []).map(
    (item, index) =>
      deps.db
        .insert(agendaItems)
        .values({
          meetingId: row.id,
          section: item.section,
          position: index + 1,
          title: item.title,
          caseId: item.caseId ?? null,
          presenterPartnerId: item.presenterPartnerId ?? null,
          notes: item.notes ?? '',
          decisions: item.decisions ?? '',
          state: item.state ?? 'geaccepteerd',
          updatedAt: now,
        })
        .returning({ id: agendaItems.id })
        .get().id,
  );
  for (const a of m.attendance ?? []) {
    deps.db
      .insert(attendance)
      .values({
        meetingId: row.id,
        partnerId: a.partnerId,
        status: a.status,
        attendeeUserIds: JSON.stringify((a.attendees ?? []).map((u) => u.id)),
        updatedAt: now,
      })
      .run();
  }
  return { id: row.id, itemIds };
}

/** Closes the meeting as meetings.close does: status gesloten and the verslag drafted in one transaction. */
export function closeMeeting(deps: TestDeps, coordinator: Actor, meetingId: number): { minutesId: number } {
  return deps.db.transaction((tx) => {
    tx.update(meetings).set({ status: 'gesloten', closedAt: deps.now().toISOString() }).where(eq(meetings.id, meetingId)).run();
    return { minutesId: draftMinutes(tx, deps, coordinator, meetingId).id };
  });
}
