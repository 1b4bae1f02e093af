// Issue 9 item 13: partners send regrets or a delegate before the overleg; attendance starts from them.
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, meetingRegrets } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { insertMeeting } from '../helpers/meetings';
import { match } from '../helpers/matchers';
import { translate } from '../../server/i18n/messages';

async function setup() {
  const deps = createTestDeps();
  const team = makeTeam(deps, 'pit');
  const other = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, team, 'coordinator');
  const member = await makeUser(deps, team, 'member', 'politie', 'Agent Jansen');
  const colleague = await makeUser(deps, team, 'member', 'politie', 'Agent de Vries');
  const stranger = await makeUser(deps, team, 'member', 'senzer', 'Klantmanager Bakker');
  const otherTeamUser = await makeUser(deps, other, 'member', 'hilversum');
  const meeting = insertMeeting(deps, team, { status: 'gepubliceerd' });
  const politie = team.partnerIds.politie!;
  const rowOf = async (meetingId = meeting.id) =>
    (await callerFor(deps, coordinator).meetings.get({ id: meetingId })).attendance.find((a) => a.partnerId === politie)!;
  return { deps, team, other, coordinator, member, colleague, stranger, otherTeamUser, meeting, politie, rowOf };
}

describe('attendance.announce (issue 9.13)', () => {
  it('regrets start the partner as afgemeld, with the reason for the coordinator, audited without it', async () => {
    const { deps, member, meeting, politie, rowOf } = await setup();
    expect((await rowOf()).status).toBe(null);
    const result = await callerFor(deps, member).attendance.announce({
      meetingId: meeting.id,
      kind: 'afgemeld',
      reason: '  Nachtdienst  ',
    });
    expect(result).toEqual({
      ok: true,
      kind: 'afgemeld',
      reason: 'Nachtdienst',
      delegateUserId: null,
      version: 1,
      updatedAt: match.any(String),
    });
    const row = await rowOf();
    expect(row.status).toBe('afgemeld');
    expect(row.expectedAttendee).toBe(null);
    expect(row.announcement).toEqual({ kind: 'afgemeld', reason: 'Nachtdienst', version: 1, updatedAt: result.updatedAt, delegate: null });
    const audit = deps.db.select().from(auditLog).where(eq(auditLog.action, 'attendance.announce')).all();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain('Nachtdienst');
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ partnerId: politie, kind: 'afgemeld', delegateUserId: null });
  });

  it('a delegate of the own partner is the expected attendee; a retry changes nothing', async () => {
    const { deps, member, colleague, meeting, rowOf } = await setup();
    const first = await callerFor(deps, member).attendance.announce({
      meetingId: meeting.id,
      kind: 'vervanger',
      delegateUserId: colleague.id,
    });
    const again = await callerFor(deps, member).attendance.announce({
      meetingId: meeting.id,
      kind: 'vervanger',
      delegateUserId: colleague.id,
    });
    expect(again).toEqual(first);
    expect(again.version).toBe(1);
    const row = await rowOf();
    expect(row.status).toBe(null);
    expect(row.expectedAttendee).toEqual({ id: colleague.id, name: 'Agent de Vries' });
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'attendance.announce')).all()).toHaveLength(1);
  });

  it('a delegate must be of the same partner; a user of another team is NOT_FOUND exactly like a missing one', async () => {
    const { deps, member, stranger, otherTeamUser, meeting } = await setup();
    const caller = callerFor(deps, member);
    expect(
      await errorOf(() => caller.attendance.announce({ meetingId: meeting.id, kind: 'vervanger', delegateUserId: stranger.id })),
    ).toEqual({ code: 'BAD_REQUEST', message: 'regrets.delegateNotOfPartner', key: 'regrets.delegateNotOfPartner' });
    expect(translate('regrets.delegateNotOfPartner', 'nl')).toBe('Een vervanger is een actieve collega van uw eigen organisatie.');
    const foreign = await errorOf(() =>
      caller.attendance.announce({ meetingId: meeting.id, kind: 'vervanger', delegateUserId: otherTeamUser.id }),
    );
    const missing = await errorOf(() => caller.attendance.announce({ meetingId: meeting.id, kind: 'vervanger', delegateUserId: 999_999 }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(missing);
    expect(deps.db.select().from(meetingRegrets).all()).toEqual([]);
  });

  it("another team's overleg is NOT_FOUND exactly like a missing one", async () => {
    const { deps, member, other } = await setup();
    const foreignMeeting = insertMeeting(deps, other, { status: 'gepubliceerd' });
    const caller = callerFor(deps, member);
    const foreign = await errorOf(() => caller.attendance.announce({ meetingId: foreignMeeting.id, kind: 'afgemeld' }));
    const missing = await errorOf(() => caller.attendance.announce({ meetingId: 999_999, kind: 'afgemeld' }));
    expect(foreign.code).toBe('NOT_FOUND');
    expect(foreign).toEqual(missing);
    expect(deps.db.select().from(meetingRegrets).all()).toEqual([]);
  });

  it('is refused once the overleg has started', async () => {
    const { deps, team, member } = await setup();
    const running = insertMeeting(deps, team, { status: 'bezig' });
    expect(await errorOf(() => callerFor(deps, member).attendance.announce({ meetingId: running.id, kind: 'afgemeld' }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'regrets.afterStart',
      key: 'regrets.afterStart',
    });
    expect(translate('regrets.afterStart', 'en')).toBe('Regrets or a delegate can only be sent before the meeting starts.');
    expect(deps.db.select().from(meetingRegrets).all()).toEqual([]);
  });

  it('the chair can still change it: the recorded attendance wins', async () => {
    const { deps, coordinator, member, colleague, meeting, politie, rowOf } = await setup();
    await callerFor(deps, member).attendance.announce({ meetingId: meeting.id, kind: 'afgemeld' });
    await callerFor(deps, coordinator).attendance.set({
      meetingId: meeting.id,
      partnerId: politie,
      status: 'aanwezig',
      attendeeUserIds: [colleague.id],
    });
    const row = await rowOf();
    expect(row.status).toBe('aanwezig');
    expect(row.attendees).toEqual([{ id: colleague.id, name: 'Agent de Vries' }]);
    expect(row.announcement?.kind).toBe('afgemeld');
  });

  it('a change needs the version seen; withdrawing is versioned and idempotent', async () => {
    const { deps, member, colleague, meeting, politie, rowOf } = await setup();
    const caller = callerFor(deps, member);
    await caller.attendance.announce({ meetingId: meeting.id, kind: 'afgemeld' });
    expect(
      (await errorOf(() => caller.attendance.announce({ meetingId: meeting.id, kind: 'vervanger', delegateUserId: colleague.id }))).code,
    ).toBe('CONFLICT');
    const changed = await caller.attendance.announce({
      meetingId: meeting.id,
      kind: 'vervanger',
      delegateUserId: colleague.id,
      version: 1,
    });
    expect(changed.version).toBe(2);
    expect((await errorOf(() => caller.attendance.withdraw({ meetingId: meeting.id, version: 1 }))).code).toBe('CONFLICT');
    expect(await caller.attendance.withdraw({ meetingId: meeting.id, version: 2 })).toEqual({ ok: true, withdrawn: true });
    expect(await caller.attendance.withdraw({ meetingId: meeting.id, version: 2 })).toEqual({ ok: true, withdrawn: true });
    expect(
      deps.db
        .select()
        .from(meetingRegrets)
        .where(and(eq(meetingRegrets.meetingId, meeting.id), eq(meetingRegrets.partnerId, politie)))
        .all(),
    ).toEqual([]);
    expect((await rowOf()).status).toBe(null);
    expect(deps.db.select().from(auditLog).where(eq(auditLog.action, 'attendance.withdraw')).all()).toHaveLength(1);
  });

  it('only members with a partner announce; the coordinator is FORBIDDEN', async () => {
    const { deps, coordinator, meeting } = await setup();
    expect((await errorOf(() => callerFor(deps, coordinator).attendance.announce({ meetingId: meeting.id, kind: 'afgemeld' }))).code).toBe(
      'FORBIDDEN',
    );
  });
});
