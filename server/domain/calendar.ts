/**
 * Calendar files (.ics, RFC 5545) for overleggen: one invite per overleg and a personal feed of
 * the team's overleggen. Times carry TZID=Europe/Amsterdam with a VTIMEZONE, so a 09:30 overleg is
 * 09:30 Amsterdam time in every calendar, winter and summer. The files hold title, time, place and
 * a link — no agenda and no personal data (calendars are synced to outside services).
 *
 * The feed URL carries a secret per user: `<userId>.<hmac>`, where the HMAC (under a key derived
 * from the data key) covers a random salt stored in users.calendar_token. A copy of the database
 * alone cannot produce a valid URL; rotating the salt revokes the old one.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { appendAudit } from '../audit';
import { amsterdamWallClock, TIME_ZONE } from '../clock';
import { loadReader, type Reader } from '../privacy/visibility';
import { getMeeting, listMeetings, type MeetingReader } from './meetings';

// ── The feed secret ─────────────────────────────────────────────────────────────────────────

function feedKey(deps: AppDeps): Buffer {
  return createHmac('sha256', deps.keys.general).update('overleg/calendar-feed/v1').digest();
}

function feedMac(deps: AppDeps, userId: number, salt: string): string {
  return createHmac('sha256', feedKey(deps)).update(`${userId}:${salt}`).digest('base64url');
}

export const feedPath = (token: string) => `/calendar/feed/${token}.ics`;

/** The caller's feed path; creates the secret on first use, or a new one when `rotate`. */
export function calendarFeed(deps: AppDeps, actor: SessionUser, input: { rotate?: boolean } = {}): { path: string } {
  const row = deps.db.select({ salt: users.calendarToken }).from(users).where(eq(users.id, actor.id)).get();
  let salt = row?.salt ?? null;
  if (!salt || input.rotate) {
    salt = randomBytes(18).toString('base64url');
    deps.db.update(users).set({ calendarToken: salt }).where(eq(users.id, actor.id)).run();
    appendAudit(deps.db, deps.now(), { teamId: actor.teamId, actorId: actor.id, action: input.rotate ? 'calendar.feed_rotated' : 'calendar.feed_created', entity: 'user', entityId: actor.id });
  }
  return { path: feedPath(`${actor.id}.${feedMac(deps, actor.id, salt)}`) };
}

/** The active user a feed token belongs to, or null (unknown, revoked, disabled). */
export function userForFeedToken(deps: AppDeps, token: string) {
  const m = /^(\d{1,10})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const userId = Number(m[1]);
  const user = deps.db.select().from(users).where(and(eq(users.id, userId), isNull(users.disabledAt))).get();
  if (!user?.calendarToken) return null;
  const expected = Buffer.from(feedMac(deps, userId, user.calendarToken));
  const given = Buffer.from(m[2]!);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return user;
}

// ── iCalendar text ──────────────────────────────────────────────────────────────────────────

const VTIMEZONE_AMSTERDAM = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** RFC 5545 §3.3.11 TEXT escaping. */
export const escapeText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** RFC 5545 §3.1: lines of at most 75 octets, continued with CRLF + space; never split a UTF-8 character. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
    if (bytes + size > limit) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const localStamp = (at: Date) => {
  const { date, time } = amsterdamWallClock(at);
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
};
const utcStamp = (at: Date) => at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

type IcsMeeting = {
  id: number; teamId: number; title: string; startsAt: string; durationMinutes: number; location: string | null; videoLink: string | null;
  status: string; version: number;
};

function eventLines(deps: AppDeps, m: IcsMeeting): string[] {
  const start = new Date(m.startsAt);
  const end = new Date(start.getTime() + m.durationMinutes * 60_000);
  const base = deps.config.publicUrl;
  const link = base ? `${base}/overleggen/${m.id}` : null;
  const description = [
    link ? `Agenda en stukken in Overleg: ${link}` : 'Agenda en stukken staan in Overleg.',
    m.videoLink ? `Videoverbinding: ${m.videoLink}` : null,
  ].filter(Boolean).join('\n');
  return [
    'BEGIN:VEVENT',
    `UID:overleg-meeting-${m.id}-team-${m.teamId}@overleg`,
    `DTSTAMP:${utcStamp(deps.now())}`,
    `DTSTART;TZID=${TIME_ZONE}:${localStamp(start)}`,
    `DTEND;TZID=${TIME_ZONE}:${localStamp(end)}`,
    `SUMMARY:${escapeText(m.title)}`,
    ...(m.location ? [`LOCATION:${escapeText(m.location)}`] : m.videoLink ? [`LOCATION:${escapeText(m.videoLink)}`] : []),
    `DESCRIPTION:${escapeText(description)}`,
    ...(link ? [`URL:${link}`] : []),
    `STATUS:${m.status === 'concept' ? 'TENTATIVE' : 'CONFIRMED'}`,
    `SEQUENCE:${m.version}`,
    'END:VEVENT',
  ];
}

function calendar(name: string, events: string[][]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Overleg//Overleg interventieteams//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE_AMSTERDAM,
    ...events.flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The .ics of one overleg, if `reader` may see it (same rule as meetings.get). */
export function meetingIcs(deps: AppDeps, reader: MeetingReader, meetingId: number): { filename: string; body: string } {
  const m = getMeeting(deps, reader, meetingId);
  const day = amsterdamWallClock(new Date(m.startsAt)).date;
  return { filename: `overleg-${m.teamCode.toLowerCase()}-${day}.ics`, body: calendar(m.title, [eventLines(deps, m)]) };
}

/** The personal feed: every overleg of the user's team that they may see. */
export function feedIcs(deps: AppDeps, user: { id: number; role: SessionUser['role']; teamId: number; partnerId: number | null }): string {
  const reader: Reader = loadReader(deps.db, user);
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, user.teamId)).get();
  const { upcoming, past } = listMeetings(deps, reader);
  const events = [...past.slice().reverse(), ...upcoming].map((m) => eventLines(deps, { ...m, teamId: user.teamId }));
  return calendar(`Overleg ${team?.name ?? ''}`.trim(), events);
}
