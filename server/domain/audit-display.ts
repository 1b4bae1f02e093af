/**
 * The Logboek in plain words (P6, art. 20.2 and 23): the FG must be able to read who did what
 * with which data without knowing the database. The stored detail holds internal ids and codes
 * (appendAudit never stores values); here those ids are resolved — within the FG's own team —
 * into names of users and partners, casus codes and overleg titles. Betrokkenen are never named:
 * subject and item entities stay a bare kind ("Betrokkene"), their ids are dropped.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { cases, controls, meetings, minutes, partners, teams, users } from '../../db/schema';
import { findingLabel, measureLabel } from '../../db/catalogues';
import type { AppDeps } from '../deps';

/**
 * One labelled fact of an entry. `type` says how the client words the value:
 * - `code`: a vocabulary code the client translates via `audit.value.<key>.<value>` (purpose,
 *   agenda source, status…); `categories`/`role`/`kind`/`fields` likewise per element;
 * - `name`/`names`: already a name (partner, user, casus code, overleg title);
 * - `label`: a Dutch/English label from the covenant catalogues;
 * - `count`, `date`, `yesNo`, `text` (an IP address or a format).
 */
export type AuditFact =
  | { key: string; type: 'code' | 'role' | 'kind' | 'category' | 'name' | 'date' | 'text'; value: string }
  | { key: string; type: 'categories' | 'names' | 'fields'; value: string[] }
  | { key: string; type: 'label'; value: { nl: string; en: string } }
  | { key: string; type: 'count'; value: number }
  | { key: string; type: 'yesNo'; value: boolean };

export type AuditRaw = { entity: string | null; entityId: number | null; detail: Record<string, unknown> | null };

const PARTNER_KEYS: Record<string, string> = { partnerId: 'partner', sourcePartnerId: 'sourcePartner', forPartnerId: 'forPartner' };
const MEETING_KEYS: Record<string, string> = { meetingId: 'meeting', approvedInMeetingId: 'approvedInMeeting' };
const CODE_KEYS = new Set(['purpose', 'source', 'status', 'to', 'secondFactor', 'reason', 'audience', 'via', 'mode']);
const COUNT_KEYS = new Set([
  'items',
  'subjects',
  'recipients',
  'failed',
  'version',
  'ended',
  'threshold',
  'rows',
  'entries',
  'minutes',
  'brokenAt',
]);
const DATE_KEYS = new Set(['joinedOn', 'noticeGivenOn', 'leftOn', 'from']);
/** A detail value as text: scalars as written, anything else as JSON (never "[object Object]"). */
const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v));
const num = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);
const nums = (v: unknown) => (Array.isArray(v) ? v.map(num).filter((n): n is number => n !== null) : []);

/** Resolves the ids of one page of entries in a few team-scoped queries. */
export function describeAuditEntries(deps: AppDeps, teamId: number, rows: AuditRaw[]) {
  const want = {
    partner: new Set<number>(),
    user: new Set<number>(),
    meeting: new Set<number>(),
    minutes: new Set<number>(),
    control: new Set<number>(),
    case: new Set<number>(),
    team: new Set<number>(),
  };
  for (const r of rows) {
    const d = r.detail ?? {};
    if (r.entityId !== null && r.entity && r.entity in want) want[r.entity as keyof typeof want].add(r.entityId);
    for (const k of Object.keys(PARTNER_KEYS)) {
      const n = num(d[k]);
      if (n !== null) want.partner.add(n);
    }
    for (const k of Object.keys(MEETING_KEYS)) {
      const n = num(d[k]);
      if (n !== null) want.meeting.add(n);
    }
    nums(d.partners).forEach((n) => want.partner.add(n));
    nums(d.cases).forEach((n) => want.case.add(n));
    const c = num(d.controlId);
    if (c !== null) want.control.add(c);
    const t = num(d.byTeamId);
    if (t !== null) want.team.add(t);
  }
  const db = deps.db;
  const ids = (s: Set<number>) => [...s];
  const partnerName = new Map(
    want.partner.size
      ? db
          .select({ id: partners.id, name: partners.shortName })
          .from(partners)
          .where(and(inArray(partners.id, ids(want.partner)), eq(partners.teamId, teamId)))
          .all()
          .map((p) => [p.id, p.name])
      : [],
  );
  const userName = new Map(
    want.user.size
      ? db
          .select({ id: users.id, name: users.name })
          .from(users)
          .where(and(inArray(users.id, ids(want.user)), eq(users.teamId, teamId)))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  const minutesMeeting = new Map(
    want.minutes.size
      ? db
          .select({ id: minutes.id, meetingId: minutes.meetingId })
          .from(minutes)
          .where(inArray(minutes.id, ids(want.minutes)))
          .all()
          .map((m) => [m.id, m.meetingId])
      : [],
  );
  minutesMeeting.forEach((m) => want.meeting.add(m));
  // Overleg title with its Amsterdam date: "PIT-overleg 12 maart 2026" reads; "overleg 7" does not.
  const day = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
  const meetingName = new Map(
    want.meeting.size
      ? db
          .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
          .from(meetings)
          .where(and(inArray(meetings.id, ids(want.meeting)), eq(meetings.teamId, teamId)))
          .all()
          .map((m) => [m.id, `${m.title} (${day.format(new Date(m.startsAt))})`])
      : [],
  );
  const controlDate = new Map(
    want.control.size
      ? db
          .select({ id: controls.id, on: controls.plannedOn })
          .from(controls)
          .where(and(inArray(controls.id, ids(want.control)), eq(controls.teamId, teamId)))
          .all()
          .map((c) => [c.id, c.on])
      : [],
  );
  const caseCode = new Map(
    want.case.size
      ? db
          .select({ id: cases.id, code: cases.code })
          .from(cases)
          .where(and(inArray(cases.id, ids(want.case)), eq(cases.teamId, teamId)))
          .all()
          .map((c) => [c.id, c.code])
      : [],
  );
  // A refusal names the other team (its name, never its people) — the FG of the account's team sees who tried.
  const teamName = new Map(
    want.team.size
      ? db
          .select({ id: teams.id, name: teams.name })
          .from(teams)
          .where(inArray(teams.id, ids(want.team)))
          .all()
          .map((t) => [t.id, t.name])
      : [],
  );
  const unknown = '—';

  function subjectName(r: AuditRaw): string | null {
    if (r.entityId === null) return null;
    switch (r.entity) {
      case 'user':
        return userName.get(r.entityId) ?? null;
      case 'partner':
        return partnerName.get(r.entityId) ?? null;
      case 'meeting':
        return meetingName.get(r.entityId) ?? null;
      case 'minutes': {
        const m = minutesMeeting.get(r.entityId);
        return m !== undefined ? (meetingName.get(m) ?? null) : null;
      }
      case 'control': {
        const on = controlDate.get(r.entityId);
        return on ? day.format(new Date(`${on}T12:00:00Z`)) : null;
      }
      default:
        return null; // betrokkenen, gegevens, taken…: the casus column says enough.
    }
  }

  function facts(r: AuditRaw): AuditFact[] {
    const out: AuditFact[] = [];
    for (const [key, value] of Object.entries(r.detail ?? {})) {
      if (value === undefined || value === null) continue;
      if (key in PARTNER_KEYS) out.push({ key: PARTNER_KEYS[key]!, type: 'name', value: partnerName.get(num(value) ?? -1) ?? unknown });
      else if (key in MEETING_KEYS)
        out.push({ key: MEETING_KEYS[key]!, type: 'name', value: meetingName.get(num(value) ?? -1) ?? unknown });
      else if (key === 'partners') out.push({ key, type: 'names', value: nums(value).map((n) => partnerName.get(n) ?? unknown) });
      else if (key === 'cases') out.push({ key, type: 'names', value: nums(value).map((n) => caseCode.get(n) ?? unknown) });
      else if (key === 'controlId') out.push({ key: 'control', type: 'date', value: controlDate.get(num(value) ?? -1) ?? unknown });
      else if (key === 'byTeamId') out.push({ key: 'byTeam', type: 'name', value: teamName.get(num(value) ?? -1) ?? unknown });
      else if (key === 'categories' && Array.isArray(value)) out.push({ key, type: 'categories', value: [...new Set(value.map(text))] });
      else if (key === 'fields' && Array.isArray(value)) out.push({ key, type: 'fields', value: value.map(text) });
      else if (key === 'category') out.push({ key, type: 'category', value: text(value) });
      else if (key === 'role') out.push({ key, type: 'role', value: text(value) });
      else if (key === 'kind' || key === 'sourceKind') out.push({ key, type: 'kind', value: text(value) });
      else if (key === 'findingType') out.push({ key, type: 'label', value: findingLabel(text(value)) });
      else if (key === 'measure') out.push({ key, type: 'label', value: measureLabel(text(value)) });
      else if (COUNT_KEYS.has(key) && typeof value === 'number') out.push({ key, type: 'count', value });
      else if (typeof value === 'boolean') out.push({ key, type: 'yesNo', value });
      else if (key === 'to' && r.detail?.from !== undefined)
        out.push({ key: 'until', type: 'date', value: text(value) }); // a report period
      else if (DATE_KEYS.has(key)) out.push({ key, type: 'date', value: text(value) });
      else if (CODE_KEYS.has(key)) out.push({ key, type: 'code', value: text(value) });
      else if (key === 'ip' || key === 'format') out.push({ key, type: 'text', value: text(value) });
      // Anything else is an internal detail the FG has no use for; it stays in the chain, not on screen.
    }
    return out;
  }

  return (r: AuditRaw) => ({ subject: subjectName(r), facts: facts(r) });
}
