/**
 * The verslag (SPEC §2 step 4, §3): drafted when the overleg closes, edited by the coordinator in
 * versions, finalised (concept → definitief) and approved in the next overleg (→ vastgesteld).
 * Only the text per section is stored; what was captured (attendance, werkafspraken, tasks,
 * betrokkenen) is assembled at read time in ./minutes-view.ts, so every reader gets exactly what
 * they may see.
 */
import { and, asc, eq } from 'drizzle-orm';
import { agendaItems, meetings, minutes, minutesVersions } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { appendAudit } from '../audit';
import { notFound } from '../errors';

export type MinutesItemText = { notes: string; decisions: string };
/** What a version of the verslag holds: free text without personal data (P1). */
export type MinutesContent = { intro: string; items: Record<string, MinutesItemText>; closing: string };

export type MinutesStatus = (typeof minutes.$inferSelect)['status'];

/**
 * Drafts the verslag from what was captured in the overleg: the minutes row (concept) and version
 * 1 with each agenda item's notes and decisions. Called by meetings.close inside its transaction
 * (`tx`). Closing again never overwrites an existing verslag: its id is returned as is.
 */
export function draftMinutes(tx: Db, deps: AppDeps, actor: SessionUser, meetingId: number): { id: number } {
  const meeting = tx.select({ id: meetings.id, teamId: meetings.teamId }).from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting || meeting.teamId !== actor.teamId) throw notFound();
  const existing = tx.select({ id: minutes.id }).from(minutes).where(eq(minutes.meetingId, meetingId)).get();
  if (existing) return existing;
  const items = tx.select({ id: agendaItems.id, notes: agendaItems.notes, decisions: agendaItems.decisions })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.state, 'geaccepteerd')))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const content: MinutesContent = {
    intro: '',
    items: Object.fromEntries(items.map((i) => [String(i.id), { notes: i.notes, decisions: i.decisions }])),
    closing: '',
  };
  const now = deps.now().toISOString();
  const row = tx.insert(minutes).values({ meetingId, status: 'concept', currentVersion: 1, updatedAt: now }).returning({ id: minutes.id }).get();
  tx.insert(minutesVersions).values({ minutesId: row.id, version: 1, content: JSON.stringify(content), createdByUserId: actor.id, createdAt: now }).run();
  appendAudit(tx, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: 'minutes.drafted', entity: 'minutes', entityId: row.id, detail: { meetingId } });
  return row;
}
