/**
 * Attendance per partner in an overleg (SPEC §2 step 3): aanwezig / afwezig / afgemeld, with the
 * partner's members who attended. Set by the coordinator; read as part of `meetings.get`.
 */
import type { Actor } from '../auth/actor';
import { and, eq, inArray } from 'drizzle-orm';
import { attendance, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { emitMeetingEvent, findMeetingInTeam } from './meetings';
import { ownPartner } from './scope';

export type AttendanceInput = {
  meetingId: number;
  partnerId: number;
  status: 'aanwezig' | 'afwezig' | 'afgemeld';
  attendeeUserIds?: number[] | null;
};

export function setAttendance(deps: AppDeps, actor: Actor, input: AttendanceInput) {
  const meeting = findMeetingInTeam(deps.db, actor.teamId, input.meetingId);
  const partner = ownPartner(deps.db, actor.teamId, input.partnerId);
  const ids = [...new Set(input.attendeeUserIds ?? [])];
  if (ids.length > 0 && input.status !== 'aanwezig') throw new AppError('BAD_REQUEST', 'attendance.attendeesOnlyWhenPresent');
  if (ids.length > 0) {
    const found = deps.db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, ids), eq(users.teamId, actor.teamId), eq(users.partnerId, partner.id)))
      .all();
    if (found.length !== ids.length) throw new AppError('BAD_REQUEST', 'attendance.notOfPartner');
  }
  const now = deps.now().toISOString();
  deps.db.transaction((tx) => {
    tx.insert(attendance)
      .values({ meetingId: meeting.id, partnerId: partner.id, status: input.status, attendeeUserIds: JSON.stringify(ids), updatedAt: now })
      .onConflictDoUpdate({
        target: [attendance.meetingId, attendance.partnerId],
        set: { status: input.status, attendeeUserIds: JSON.stringify(ids), updatedAt: now },
      })
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'attendance.set',
      entity: 'meeting',
      entityId: meeting.id,
      detail: { partnerId: partner.id, status: input.status },
    });
  });
  emitMeetingEvent(deps, actor.teamId, { kind: 'attendance.changed', id: partner.id, meetingId: meeting.id });
  // What is stored now: the screen shows this, never its own guess (issue 9.1).
  return { partnerId: partner.id, status: input.status, attendeeUserIds: ids, updatedAt: now };
}
