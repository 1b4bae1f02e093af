/**
 * The verslag (SPEC §2 step 4, §3): drafted when the overleg closes, edited by the coordinator in
 * versions, finalised (concept → definitief) and approved in the next overleg (→ vastgesteld).
 * Only the text per section is stored; what was captured (attendance, werkafspraken, tasks,
 * betrokkenen) is assembled at read time in ./minutes-view.ts, so every reader gets exactly what
 * they may see.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq } from 'drizzle-orm';
import { agendaItems, minutes, minutesVersions, users } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { ownMeeting, ownMinutes } from './scope';
import { assertNoSubjectNames } from '../privacy/personal-data';
import { freezeMinutesText } from './minutes-view';

export type MinutesItemText = { notes: string; decisions: string };
/** What a version of the verslag holds: free text without personal data (P1). */
export type MinutesContent = { intro: string; items: Record<string, MinutesItemText>; closing: string };

export type MinutesStatus = (typeof minutes.$inferSelect)['status'];

/**
 * Drafts the verslag from what was captured in the overleg: the minutes row (concept) and version
 * 1 with each agenda item's notes and decisions. Called by meetings.close inside its transaction
 * (`tx`). Closing again never overwrites an existing verslag: its id is returned as is.
 */
export function draftMinutes(tx: Db, deps: AppDeps, actor: Actor, meetingId: number): { id: number } {
  return draftMinutesAt(tx, deps.now(), actor, meetingId);
}

/** draftMinutes with an explicit time, for the demo seeder that has no request context. */
export function draftMinutesAt(tx: Db, at: Date, actor: { id: number; teamId: number }, meetingId: number): { id: number } {
  ownMeeting(tx, actor.teamId, meetingId);
  const existing = tx.select({ id: minutes.id }).from(minutes).where(eq(minutes.meetingId, meetingId)).get();
  if (existing) return existing;
  const items = tx
    .select({ id: agendaItems.id, notes: agendaItems.notes, decisions: agendaItems.decisions })
    .from(agendaItems)
    .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.state, 'geaccepteerd')))
    .orderBy(asc(agendaItems.position), asc(agendaItems.id))
    .all();
  const content: MinutesContent = {
    intro: '',
    items: Object.fromEntries(items.map((i) => [String(i.id), { notes: i.notes, decisions: i.decisions }])),
    closing: '',
  };
  const now = at.toISOString();
  const row = tx
    .insert(minutes)
    .values({ meetingId, status: 'concept', currentVersion: 1, updatedAt: now })
    .returning({ id: minutes.id })
    .get();
  tx.insert(minutesVersions)
    .values({ minutesId: row.id, version: 1, content: JSON.stringify(content), createdByUserId: actor.id, createdAt: now })
    .run();
  appendAudit(tx, at, {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'minutes.drafted',
    entity: 'minutes',
    entityId: row.id,
    detail: { meetingId },
  });
  return row;
}

export type MinutesEdit = {
  meetingId: number;
  /** The version the editor started from; a newer one on the server is a CONFLICT. */
  version: number;
  content: { intro?: string; items?: Record<string, Partial<MinutesItemText>>; closing?: string };
};

export function minutesOfTeam(deps: AppDeps, actor: Actor, meetingId: number) {
  return ownMinutes(deps.db, actor.teamId, meetingId);
}

function emitChange(deps: AppDeps, actor: Actor, minutesId: number, meetingId: number) {
  deps.events.emit(`team:${actor.teamId}`, { kind: 'minutes.updated', id: minutesId, meetingId });
}

/**
 * The coordinator edits the text of a verslag in concept. Every save is a new version (all are
 * kept); the given parts replace the latest version's, per agenda item.
 */
export function updateMinutes(deps: AppDeps, actor: Actor, input: MinutesEdit): { version: number } {
  const { row } = minutesOfTeam(deps, actor, input.meetingId);
  if (row.status !== 'concept') throw new AppError('CONFLICT', 'minutes.notEditable');
  if (row.currentVersion !== input.version) throw conflict();
  const itemIds = new Set(
    deps.db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, input.meetingId))
      .all()
      .map((i) => String(i.id)),
  );
  for (const key of Object.keys(input.content.items ?? {})) if (!itemIds.has(key)) throw new AppError('BAD_REQUEST', 'minutes.unknownItem');
  // P1 (art. 20.9): the verslag's text names no betrokkene of the casussen discussed.
  const caseIds = deps.db
    .select({ caseId: agendaItems.caseId })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, input.meetingId))
    .all()
    .map((r) => r.caseId);
  assertNoSubjectNames(deps, caseIds, {
    intro: input.content.intro,
    closing: input.content.closing,
    ...Object.fromEntries(
      Object.entries(input.content.items ?? {}).flatMap(([key, part]) => [
        [`items.${key}.notes`, part.notes],
        [`items.${key}.decisions`, part.decisions],
      ]),
    ),
  });
  const now = deps.now().toISOString();
  const next = row.currentVersion + 1;
  deps.db.transaction((tx) => {
    const latest = tx
      .select({ content: minutesVersions.content })
      .from(minutesVersions)
      .where(and(eq(minutesVersions.minutesId, row.id), eq(minutesVersions.version, row.currentVersion)))
      .get();
    const base = latest ? (JSON.parse(latest.content) as MinutesContent) : { intro: '', items: {}, closing: '' };
    const items = { ...base.items };
    for (const [key, part] of Object.entries(input.content.items ?? {})) {
      const before = items[key] ?? { notes: '', decisions: '' };
      items[key] = { notes: part.notes ?? before.notes, decisions: part.decisions ?? before.decisions };
    }
    const content: MinutesContent = { intro: input.content.intro ?? base.intro, items, closing: input.content.closing ?? base.closing };
    const res = tx
      .update(minutes)
      .set({ currentVersion: next, updatedAt: now, version: row.version + 1 })
      .where(and(eq(minutes.id, row.id), eq(minutes.currentVersion, input.version), eq(minutes.status, 'concept')))
      .run();
    if (res.changes !== 1) throw conflict();
    tx.insert(minutesVersions)
      .values({ minutesId: row.id, version: next, content: JSON.stringify(content), createdByUserId: actor.id, createdAt: now })
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'minutes.updated',
      entity: 'minutes',
      entityId: row.id,
      detail: { meetingId: input.meetingId, version: next },
    });
  });
  emitChange(deps, actor, row.id, input.meetingId);
  return { version: next };
}

const transitions: Record<MinutesStatus, MinutesStatus[]> = {
  concept: ['definitief'],
  definitief: ['concept', 'vastgesteld'],
  vastgesteld: [],
};

type StatusChange = Partial<typeof minutes.$inferInsert>;

/** `change` may be a function: it is then computed only once the verslag exists and the transition is allowed. */
function setStatus(
  deps: AppDeps,
  actor: Actor,
  meetingId: number,
  to: MinutesStatus,
  change: StatusChange | (() => StatusChange),
  detail: Record<string, unknown> = {},
) {
  const { row } = minutesOfTeam(deps, actor, meetingId);
  if (!transitions[row.status].includes(to)) throw new AppError('CONFLICT', 'minutes.invalidTransition', { from: row.status, to });
  const now = deps.now().toISOString();
  const values = typeof change === 'function' ? change() : change;
  deps.db.transaction((tx) => {
    const res = tx
      .update(minutes)
      .set({ ...values, status: to, updatedAt: now, version: row.version + 1 })
      .where(and(eq(minutes.id, row.id), eq(minutes.version, row.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: `minutes.${to}`,
      entity: 'minutes',
      entityId: row.id,
      detail: { meetingId, ...detail },
    });
  });
  emitChange(deps, actor, row.id, meetingId);
}

/**
 * concept → definitief: from now on the partners' members can read it, and it is a fixed record
 * (issue 11 item 9): its text parts are stored as a snapshot and the verslag renders from that,
 * not from the live werkafspraken and tasks. Personal data are not in the snapshot: they are read
 * at render time, so a correction or erasure (BIT art. 6.7) still reaches the verslag.
 */
export function finaliseMinutes(deps: AppDeps, actor: Actor, input: { meetingId: number }) {
  setStatus(deps, actor, input.meetingId, 'definitief', () => ({
    finalisedAt: deps.now().toISOString(),
    snapshot: freezeMinutesText(deps, actor.teamId, input.meetingId),
  }));
}

/**
 * definitief → concept ("Terug naar concept"), only before vaststelling: the snapshot is dropped so
 * the coordinator corrects against the live rows; finalising again freezes a new snapshot. A
 * vastgesteld verslag has no way back — what the overleg approved stays as approved.
 */
export function reopenMinutes(deps: AppDeps, actor: Actor, input: { meetingId: number }) {
  setStatus(deps, actor, input.meetingId, 'concept', { finalisedAt: null, snapshot: null });
}

/** definitief → vastgesteld: approved in a later overleg of the team, under agenda item 2 'verslag'. */
export function approveMinutes(deps: AppDeps, actor: Actor, input: { meetingId: number; approvedInMeetingId: number }) {
  const { row, startsAt } = minutesOfTeam(deps, actor, input.meetingId);
  if (row.status !== 'definitief') throw new AppError('CONFLICT', 'minutes.invalidTransition', { from: row.status, to: 'vastgesteld' });
  const approving = ownMeeting(deps.db, actor.teamId, input.approvedInMeetingId);
  if (approving.startsAt <= startsAt || (approving.status !== 'bezig' && approving.status !== 'gesloten')) {
    throw new AppError('BAD_REQUEST', 'minutes.approveInLaterMeeting');
  }
  setStatus(
    deps,
    actor,
    input.meetingId,
    'vastgesteld',
    { approvedAt: deps.now().toISOString(), approvedInMeetingId: input.approvedInMeetingId },
    { approvedInMeetingId: input.approvedInMeetingId },
  );
  // Whoever follows the approving overleg (chair mode, live view) sees the verslag vastgesteld.
  deps.events.emit(`team:${actor.teamId}`, { kind: 'minutes.approved', id: row.id, meetingId: input.approvedInMeetingId });
}

/** All versions of the text, newest first (the coordinator's history). */
export function listMinutesVersions(deps: AppDeps, actor: Actor, input: { meetingId: number }) {
  const { row } = minutesOfTeam(deps, actor, input.meetingId);
  return deps.db
    .select({
      version: minutesVersions.version,
      content: minutesVersions.content,
      createdAt: minutesVersions.createdAt,
      createdBy: users.name,
    })
    .from(minutesVersions)
    .leftJoin(users, eq(users.id, minutesVersions.createdByUserId))
    .where(eq(minutesVersions.minutesId, row.id))
    .orderBy(desc(minutesVersions.version))
    .all()
    .map((v) => ({ ...v, content: JSON.parse(v.content) as MinutesContent }));
}
