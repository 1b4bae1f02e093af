/**
 * Regrets and delegates (issue 9 item 13): before the overleg starts, a member announces for their
 * own partner that it cannot come (afgemeld, with an optional short reason without personal data)
 * or who comes instead (a delegate from the partner's own users). The attendance list starts from
 * it (readAttendance); the chair's own record always wins.
 */
import type { Actor } from '../auth/actor';
import { and, eq } from 'drizzle-orm';
import { meetingRegrets, type MeetingStatus } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { emitMeetingEvent } from './meetings';
import { ownMeeting, ownUser } from './scope';

/** Announcing is for before the overleg: once it runs the chair takes attendance. */
const OPEN: MeetingStatus[] = ['concept', 'gepubliceerd'];

export type RegretsInput = {
  meetingId: number;
  kind: 'afgemeld' | 'vervanger';
  reason?: string | null;
  delegateUserId?: number | null;
  /** The version of the announcement the caller saw; null when it saw none. */
  version?: number | null;
};

function openMeeting(deps: AppDeps, actor: Actor, meetingId: number) {
  const meeting = ownMeeting(deps.db, actor.teamId, meetingId);
  if (!OPEN.includes(meeting.status)) throw new AppError('BAD_REQUEST', 'regrets.afterStart');
  return meeting;
}

const current = (deps: AppDeps, meetingId: number, partnerId: number) =>
  deps.db
    .select()
    .from(meetingRegrets)
    .where(and(eq(meetingRegrets.meetingId, meetingId), eq(meetingRegrets.partnerId, partnerId)))
    .get();

const view = (row: typeof meetingRegrets.$inferSelect) => ({
  kind: row.kind,
  reason: row.reason,
  delegateUserId: row.delegateUserId,
  version: row.version,
  updatedAt: row.updatedAt,
});

export function announceRegrets(deps: AppDeps, actor: Actor, partnerId: number, input: RegretsInput) {
  const meeting = openMeeting(deps, actor, input.meetingId);
  const reason = input.kind === 'afgemeld' ? input.reason?.trim() || null : null;
  if (input.kind === 'vervanger' && input.reason?.trim()) throw new AppError('BAD_REQUEST', 'regrets.reasonOnlyForRegrets');
  let delegateUserId: number | null = null;
  if (input.kind === 'vervanger') {
    if (input.delegateUserId == null) throw new AppError('BAD_REQUEST', 'regrets.delegateRequired');
    const delegate = ownUser(deps.db, actor.teamId, input.delegateUserId);
    // Only a colleague of the own partner can stand in for it, and only an active account.
    if (delegate.partnerId !== partnerId || delegate.disabledAt !== null) throw new AppError('BAD_REQUEST', 'regrets.delegateNotOfPartner');
    delegateUserId = delegate.id;
  } else if (input.delegateUserId != null) throw new AppError('BAD_REQUEST', 'regrets.delegateOnlyForDelegate');

  const existing = current(deps, meeting.id, partnerId);
  // The same announcement again (a retry) changes nothing.
  if (existing && existing.kind === input.kind && existing.reason === reason && existing.delegateUserId === delegateUserId)
    return view(existing);
  if ((existing?.version ?? null) !== (input.version ?? null)) throw conflict();

  const now = deps.now().toISOString();
  const values = { kind: input.kind, reason, delegateUserId, announcedByUserId: actor.id, updatedAt: now };
  deps.db.transaction((tx) => {
    if (existing) {
      tx.update(meetingRegrets)
        .set({ ...values, version: existing.version + 1 })
        .where(
          and(
            eq(meetingRegrets.meetingId, meeting.id),
            eq(meetingRegrets.partnerId, partnerId),
            eq(meetingRegrets.version, existing.version),
          ),
        )
        .run();
    } else {
      tx.insert(meetingRegrets)
        .values({ meetingId: meeting.id, partnerId, ...values })
        .run();
    }
    // No reason text in the audit trail: only what was announced.
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'attendance.announce',
      entity: 'meeting',
      entityId: meeting.id,
      detail: { partnerId, kind: input.kind, delegateUserId },
    });
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'attendance.changed', id: partnerId, meetingId: meeting.id });
  return view(current(deps, meeting.id, partnerId)!);
}

export function withdrawRegrets(deps: AppDeps, actor: Actor, partnerId: number, input: { meetingId: number; version: number }) {
  const meeting = openMeeting(deps, actor, input.meetingId);
  const existing = current(deps, meeting.id, partnerId);
  // Already withdrawn (a retry): nothing to do.
  if (!existing) return { withdrawn: true as const };
  if (existing.version !== input.version) throw conflict();
  deps.db.transaction((tx) => {
    tx.delete(meetingRegrets)
      .where(and(eq(meetingRegrets.meetingId, meeting.id), eq(meetingRegrets.partnerId, partnerId)))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'attendance.withdraw',
      entity: 'meeting',
      entityId: meeting.id,
      detail: { partnerId },
    });
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'attendance.changed', id: partnerId, meetingId: meeting.id });
  return { withdrawn: true as const };
}
