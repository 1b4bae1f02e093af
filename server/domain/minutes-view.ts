/**
 * The verslag as one reader may see it: the stored text (latest version) plus what was captured
 * in the overleg, assembled at read time. The screen (`minutes.get`) and every export (HTML, DOCX,
 * Markdown) are built from this one view, so an export never holds more than the screen.
 * Betrokkenen come only through `readSubjects` with the reader's own visibility (SPEC §4).
 */
import type { Actor } from '../auth/actor';
import { and, asc, count, eq, gt, inArray, lt, gte, or, sql } from 'drizzle-orm';
import {
  agendaItems,
  agreements,
  cases,
  meetings,
  minutes,
  minutesVersions,
  partners,
  tasks,
  type ItemCategory,
  type Role,
} from '../../db/schema';
import type { AppDeps } from '../deps';
import { AppError, forbidden } from '../errors';
import { amsterdamDate, amsterdamWallClock } from '../clock';
import { readSubjects, type ReadPurpose } from '../privacy/personal-data';
import { agreementSubjectRows } from '../privacy/agreement-subjects';
import { decodePublicId } from '../privacy/public-ids';
import { mailConfigured } from '../mail';
import type { MinutesContent } from './minutes';
import { readAttendance } from './meetings';
import { ownMeeting } from './scope';
import { isOverdue } from './overdue';
import { fullCaseAddress } from './case-address';
import { preparedPerDb } from '../prepared';
import { meetingTeamAndChair } from './team-people';
import { cachedRead, readerKey } from '../read-cache';

/** Who reads a verslag at all: the coordinator, and the partners' members once it is definitief. */
export function readsMinutes(role: Role): boolean {
  return role === 'coordinator' || role === 'member';
}

export function parseContent(raw: string): MinutesContent {
  const parsed = JSON.parse(raw) as Partial<MinutesContent>;
  return { intro: parsed.intro ?? '', items: parsed.items ?? {}, closing: parsed.closing ?? '' };
}

// minutes.get's own queries, prepared once per connection (issue 12).
const viewQueries = {
  minutes: preparedPerDb((db) =>
    db
      .select()
      .from(minutes)
      .where(eq(minutes.meetingId, sql.placeholder('meetingId')))
      .prepare(),
  ),
  partnerNames: preparedPerDb((db) =>
    db
      .select({ id: partners.id, shortName: partners.shortName })
      .from(partners)
      .where(eq(partners.teamId, sql.placeholder('teamId')))
      .prepare(),
  ),
  content: preparedPerDb((db) =>
    db
      .select({ content: minutesVersions.content })
      .from(minutesVersions)
      .where(and(eq(minutesVersions.minutesId, sql.placeholder('minutesId')), eq(minutesVersions.version, sql.placeholder('version'))))
      .prepare(),
  ),
  meeting: preparedPerDb((db) =>
    db
      .select({ id: meetings.id, startsAt: meetings.startsAt })
      .from(meetings)
      .where(eq(meetings.id, sql.placeholder('id')))
      .prepare(),
  ),
};

/**
 * The meeting and its verslag for this actor: another team's meeting, a meeting without a
 * verslag, and (for members) a verslag still in concept are all NOT_FOUND.
 */
export function findMinutes(deps: AppDeps, actor: Actor, meetingId: number) {
  if (!readsMinutes(actor.role)) throw forbidden();
  // One answer for every "not there for you": another team's overleg, no overleg, no verslag yet,
  // a concept the member may not read — so the answer reveals nothing (issue 8 item 9).
  const notAvailable = () => new AppError('NOT_FOUND', 'minutes.notAvailable');
  let meeting: ReturnType<typeof ownMeeting>;
  try {
    meeting = ownMeeting(deps.db, actor.teamId, meetingId);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notAvailable();
    throw error;
  }
  const row = viewQueries.minutes(deps.db).get({ meetingId: meeting.id });
  if (!row) throw notAvailable();
  if (actor.role !== 'coordinator' && row.status === 'concept') throw notAvailable();
  return { meeting, row };
}

export function latestContent(deps: AppDeps, minutesId: number, version: number): MinutesContent {
  const v = viewQueries.content(deps.db).get({ minutesId, version });
  return v ? parseContent(v.content) : { intro: '', items: {}, closing: '' };
}

const address = fullCaseAddress;

export type MinutesSubject = {
  id: string;
  kind: 'person' | 'company';
  items: { category: ItemCategory; value: string; masked: boolean; source: string }[];
};
export type MinutesPand = {
  caseId: number;
  code: string;
  address: string;
  /** `subjectIds`: the betrokkenen this werkafspraak concerns, as far as this reader sees them. */
  agreements: { id: number; text: string; responsiblePartner: string; status: string; subjectIds: string[] }[];
  /** Only what this reader may see (readSubjects); absent betrokkenen leave no trace. */
  subjects: MinutesSubject[];
};
export type MinutesAction = {
  id: number;
  title: string;
  partner: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  caseId: number | null;
  caseCode: string | null;
  caseAddress: string | null;
  meetingDate: string | null;
};

/**
 * The carried-over actions come a page at a time to the screen: at years of history hundreds of
 * actions stay open, and the verslag's answer must not grow with them (issue 12). Exports and the
 * stored snapshot hold every one (the verslag is the record of the follow-up, PIT art. 5.2).
 */
export const CARRIED_PAGE = 25;
export const CARRIED_PAGE_MAX = 100;
/** Which carried-over actions: all of them, or one page after a (dueDate, id) key. */
export type CarriedSelection = 'all' | { after: CarriedKey | null; limit: number };
type CarriedKey = { dueDate: string; id: number };

/** The cursor a client gets and sends back: the last action shown, as `YYYY-MM-DD.id`. */
export const carriedCursorPattern = /^\d{4}-\d{2}-\d{2}\.\d{1,12}$/;
const cursorOf = (a: CarriedKey) => `${a.dueDate}.${a.id}`;
export function parseCarriedCursor(cursor: string | null | undefined): CarriedKey | null {
  if (!cursor || !carriedCursorPattern.test(cursor)) return null;
  const [dueDate, id] = cursor.split('.');
  return { dueDate: dueDate!, id: Number(id) };
}
const byDueThenId = (x: CarriedKey, y: CarriedKey) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.id - y.id);

/** One page of an ordered action list (a finalised verslag's snapshot). */
function pageOf(all: MinutesAction[], after: CarriedKey | null, limit: number) {
  const rest = after ? all.filter((a) => byDueThenId(a, after) > 0) : all;
  const actions = rest.slice(0, limit);
  return { actions, nextCursor: rest.length > limit ? cursorOf(actions[actions.length - 1]!) : null };
}

export type MinutesView = ReturnType<typeof readMinutesView>;

/** A pand's werkafspraken without betrokkenen; `subjects` are the row ids each one concerns. */
type TextPand = Omit<MinutesPand, 'subjects' | 'agreements'> & {
  agreements: (Omit<MinutesPand['agreements'][number], 'subjectIds'> & { subjects: number[] })[];
};

/**
 * The verslag's text parts: header, attendance, agenda items with notes and decisions, werkafspraken,
 * actielijst and carry-over — everything but personal data. Live while in concept; stored as the
 * snapshot when finalised (a fixed record), so later edits of tasks or werkafspraken leave it as it was.
 */
export type MinutesText = Omit<ReturnType<typeof assembleText>, 'carriedOverTotal' | 'carriedOverNextCursor'>;

// assembleText's queries, prepared once per connection (issue 12: a concept verslag is assembled
// on every read). Values that vary per call are placeholders; id lists one JSON array (json_each).
const taskView = {
  id: tasks.id,
  title: tasks.title,
  partnerId: tasks.assigneePartnerId,
  dueDate: tasks.dueDate,
  status: tasks.status,
  caseId: tasks.caseId,
  caseCode: cases.code,
  caseAddress: address,
  meetingStartsAt: meetings.startsAt,
};
const textQueries = {
  items: preparedPerDb((db) =>
    db
      .select({
        id: agendaItems.id,
        section: agendaItems.section,
        position: agendaItems.position,
        title: agendaItems.title,
        caseId: agendaItems.caseId,
        presenterPartnerId: agendaItems.presenterPartnerId,
        caseCode: cases.code,
        caseAddress: address,
      })
      .from(agendaItems)
      .leftJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(and(eq(agendaItems.meetingId, sql.placeholder('meetingId')), eq(agendaItems.state, 'geaccepteerd')))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id))
      .prepare(),
  ),
  agreements: preparedPerDb((db) =>
    db
      .select({
        id: agreements.id,
        text: agreements.text,
        caseId: agreements.caseId,
        responsiblePartnerId: agreements.responsiblePartnerId,
        status: agreements.status,
      })
      .from(agreements)
      .where(and(eq(agreements.meetingId, sql.placeholder('meetingId')), eq(agreements.teamId, sql.placeholder('teamId'))))
      .orderBy(asc(agreements.id))
      .prepare(),
  ),
  actions: preparedPerDb((db) =>
    db
      .select(taskView)
      .from(tasks)
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .leftJoin(meetings, eq(meetings.id, tasks.meetingId))
      .where(and(eq(tasks.meetingId, sql.placeholder('meetingId')), eq(tasks.teamId, sql.placeholder('teamId'))))
      .orderBy(asc(tasks.dueDate), asc(tasks.id))
      .prepare(),
  ),
  cases: preparedPerDb((db) =>
    db
      .select({ id: cases.id, code: cases.code, address })
      .from(cases)
      .where(
        and(inArray(cases.id, sql`(select value from json_each(${sql.placeholder('ids')}))`), eq(cases.teamId, sql.placeholder('teamId'))),
      )
      .prepare(),
  ),
};

// Carry-over: two index searches (open; done since `reference`) instead of one OR that walked every
// earlier overleg's tasks: the cost follows the open work, not the years of history (issue 12).
// State 0 is open, 1 done since `reference`; `after` a (dueDate, id) key to page from.
const carriedState = (state: 0 | 1) =>
  state === 0 ? eq(tasks.status, 'open') : and(eq(tasks.status, 'gereed'), gte(tasks.completedAt, sql.placeholder('reference')))!;
const carriedWhere = (state: 0 | 1, after: boolean) =>
  and(
    eq(tasks.teamId, sql.placeholder('teamId')),
    carriedState(state),
    // `+`: the open work drives (tasks_team_status), each task's overleg found by its id; from the
    // overleggen before this one, a database without statistics would walk every task of every
    // earlier overleg.
    sql`+${meetings.teamId} = ${sql.placeholder('teamId')}`,
    sql`+${meetings.startsAt} < ${sql.placeholder('startsAt')}`,
    lt(tasks.createdAt, sql.placeholder('reference')),
    after
      ? or(
          gt(tasks.dueDate, sql.placeholder('afterDue')),
          and(eq(tasks.dueDate, sql.placeholder('afterDue')), gt(tasks.id, sql.placeholder('afterId'))),
        )
      : undefined,
  );
const buildCarried = (state: 0 | 1, after: boolean, limited: boolean) =>
  preparedPerDb((db) => {
    const query = db
      .select(taskView)
      .from(tasks)
      .innerJoin(meetings, eq(meetings.id, tasks.meetingId))
      .leftJoin(cases, eq(cases.id, tasks.caseId))
      .where(carriedWhere(state, after))
      .orderBy(asc(tasks.dueDate), asc(tasks.id));
    return limited ? query.limit(sql.placeholder('limit')).prepare() : query.prepare();
  });
const carriedQueries = new Map<string, ReturnType<typeof buildCarried>>();
function carriedQuery(state: 0 | 1, after: boolean, limited: boolean) {
  const key = `${state}:${after}:${limited}`;
  let query = carriedQueries.get(key);
  if (!query) carriedQueries.set(key, (query = buildCarried(state, after, limited)));
  return query;
}
const buildCarriedCount = (state: 0 | 1) =>
  preparedPerDb((db) =>
    db.select({ n: count() }).from(tasks).innerJoin(meetings, eq(meetings.id, tasks.meetingId)).where(carriedWhere(state, false)).prepare(),
  );
const carriedCount = { 0: buildCarriedCount(0), 1: buildCarriedCount(1) };

function assembleText(
  deps: AppDeps,
  meeting: ReturnType<typeof ownMeeting>,
  row: typeof minutes.$inferSelect,
  which: CarriedSelection = 'all',
) {
  const db = deps.db;
  const { team, chair } = meetingTeamAndChair(db, meeting);
  const starts = new Date(meeting.startsAt);
  const wall = amsterdamWallClock(starts);
  const ends = amsterdamWallClock(new Date(starts.getTime() + meeting.durationMinutes * 60_000));
  const content = latestContent(deps, row.id, row.currentVersion);
  const today = amsterdamDate(deps.now());

  // Attendance: every partner that took part on the meeting's date, plus any with a recorded row.
  const partnerName = new Map(
    viewQueries
      .partnerNames(db)
      .all({ teamId: meeting.teamId })
      .map((p) => [p.id, p.shortName]),
  );
  // The same attendance as the overleg page: partners taking part that day, plus any recorded.
  const attendanceView = readAttendance(deps, meeting.teamId, meeting).map((a) => ({
    partnerId: a.partnerId,
    partner: a.partnerName,
    shortName: a.partner,
    kind: a.kind,
    status: a.status,
    attendees: a.attendees.map((p) => p.name),
  }));

  const itemRows = textQueries.items(db).all({ meetingId: meeting.id });
  const items = itemRows.map((i) => ({
    agendaItemId: i.id,
    section: i.section,
    title: i.title,
    caseId: i.caseId,
    caseCode: i.caseId ? i.caseCode : null,
    caseAddress: i.caseId ? i.caseAddress : null,
    presenter: i.presenterPartnerId ? (partnerName.get(i.presenterPartnerId) ?? null) : null,
    notes: content.items[String(i.id)]?.notes ?? '',
    decisions: content.items[String(i.id)]?.decisions ?? '',
  }));

  const agreementRows = textQueries.agreements(db).all({ meetingId: meeting.id, teamId: meeting.teamId });
  const toAction = (t: {
    id: number;
    title: string;
    partnerId: number;
    dueDate: string;
    status: string;
    caseId: number | null;
    caseCode: string | null;
    caseAddress: string | null;
    meetingStartsAt: string | null;
  }): MinutesAction => ({
    id: t.id,
    title: t.title,
    partner: partnerName.get(t.partnerId) ?? '',
    dueDate: t.dueDate,
    status: t.status,
    overdue: isOverdue(t, today),
    caseId: t.caseId,
    caseCode: t.caseId ? t.caseCode : null,
    caseAddress: t.caseId ? t.caseAddress : null,
    meetingDate: t.meetingStartsAt ? amsterdamDate(new Date(t.meetingStartsAt)) : null,
  });
  const actions = textQueries.actions(db).all({ meetingId: meeting.id, teamId: meeting.teamId }).map(toAction);
  // Carry-over: actions of earlier overleggen that were still open when this one began.
  const reference = meeting.startedAt ?? meeting.startsAt;
  const states: (0 | 1)[] = [0, 1];
  const carriedParams = (after: CarriedKey | null) => ({
    teamId: meeting.teamId,
    startsAt: meeting.startsAt,
    reference,
    afterDue: after?.dueDate ?? null,
    afterId: after?.id ?? null,
  });
  const carried = (state: 0 | 1, after: CarriedKey | null, limit?: number) =>
    limit === undefined
      ? carriedQuery(state, after !== null, false)(db).all(carriedParams(after))
      : carriedQuery(state, after !== null, true)(db).all({ ...carriedParams(after), limit });
  let carriedOver: MinutesAction[];
  let carriedOverTotal: number;
  let carriedOverNextCursor: string | null = null;
  if (which === 'all') {
    carriedOver = states
      .flatMap((state) => carried(state, null))
      .sort(byDueThenId)
      .map(toAction);
    carriedOverTotal = carriedOver.length;
  } else {
    // One page: each state's next `limit + 1` in order, merged; the total counted in SQL.
    const merged = states.flatMap((state) => carried(state, which.after, which.limit + 1)).sort(byDueThenId);
    carriedOver = merged.slice(0, which.limit).map(toAction);
    if (merged.length > which.limit) carriedOverNextCursor = cursorOf(carriedOver[carriedOver.length - 1]!);
    carriedOverTotal = states.reduce<number>((sum, state) => sum + (carriedCount[state](db).get(carriedParams(null))?.n ?? 0), 0);
  }

  // Per pand: the casussen discussed (agenda), agreed on (werkafspraken) or acted on (actielijst).
  const caseIds = [
    ...new Set(
      [...itemRows.map((i) => i.caseId), ...agreementRows.map((a) => a.caseId), ...actions.map((a) => a.caseId)].filter(
        (id): id is number => typeof id === 'number',
      ),
    ),
  ];
  const caseRows = caseIds.length === 0 ? [] : textQueries.cases(db).all({ ids: JSON.stringify(caseIds), teamId: meeting.teamId });
  const links = agreementSubjectRows(
    db,
    agreementRows.map((a) => a.id),
  );
  const panden: TextPand[] = caseIds.flatMap((id) => {
    const c = caseRows.find((r) => r.id === id);
    if (!c) return [];
    return [
      {
        caseId: c.id,
        code: c.code,
        address: c.address,
        agreements: agreementRows
          .filter((a) => a.caseId === c.id)
          .map((a) => ({
            id: a.id,
            text: a.text,
            responsiblePartner: partnerName.get(a.responsiblePartnerId) ?? '',
            status: a.status,
            subjects: links.get(a.id) ?? [],
          })),
      },
    ];
  });
  return {
    header: {
      team: team.name,
      teamCode: team.code,
      title: meeting.title,
      startsAt: meeting.startsAt,
      date: wall.date,
      time: wall.time,
      endTime: ends.time,
      location: meeting.location,
      videoLink: meeting.videoLink,
      chair,
      meetingStatus: meeting.status,
    },
    intro: content.intro,
    closing: content.closing,
    attendance: attendanceView,
    items,
    panden,
    actions,
    carriedOver,
    carriedOverTotal,
    carriedOverNextCursor,
  };
}

/** The snapshot stored when the verslag is finalised (no personal data: see assembleText). */
export function freezeMinutesText(deps: AppDeps, teamId: number, meetingId: number): string {
  const meeting = ownMeeting(deps.db, teamId, meetingId);
  const row = deps.db.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).get()!;
  // Every carried-over action: the record is complete; the screen pages it at read time.
  const { carriedOverTotal: _total, carriedOverNextCursor: _next, ...text } = assembleText(deps, meeting, row, 'all');
  return JSON.stringify(text satisfies MinutesText);
}

/**
 * A finalised verslag's snapshot, parsed once (issue 12: at years of history it holds hundreds of
 * carried-over actions, and parsing it was much of every minutes.get). The snapshot is the text
 * without personal data — the same for every reader; betrokkenen are read per reader through the
 * gate afterwards (buildMinutesView). An entry answers only while the stored snapshot is the same
 * text, so a verslag finalised again is parsed again. The parsed text is frozen: shared by every
 * reader, nothing may change it.
 */
const SNAPSHOT_CACHE_SIZE = 64;
const snapshots = new Map<number, { snapshot: string; text: MinutesText }>();
function parsedSnapshot(minutesId: number, snapshot: string): MinutesText {
  const hit = snapshots.get(minutesId);
  if (hit && hit.snapshot === snapshot) return hit.text;
  const text = deepFreeze(JSON.parse(snapshot) as MinutesText);
  snapshots.delete(minutesId);
  // A Map iterates in insertion order: the first key is the oldest entry.
  if (snapshots.size >= SNAPSHOT_CACHE_SIZE) snapshots.delete(snapshots.keys().next().value!);
  snapshots.set(minutesId, { snapshot, text });
  return text;
}
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * The text parts with the carried-over actions `which` asks for. A finalised verslag renders from
 * its snapshot (every action, paged here); a concept from the live rows (paged in SQL).
 */
function readText(deps: AppDeps, meeting: ReturnType<typeof ownMeeting>, row: typeof minutes.$inferSelect, which: CarriedSelection) {
  if (!row.snapshot) return assembleText(deps, meeting, row, which);
  const text = parsedSnapshot(row.id, row.snapshot);
  const all = text.carriedOver;
  const page = which === 'all' ? { actions: all, nextCursor: null } : pageOf(all, which.after, which.limit);
  return { ...text, carriedOver: page.actions, carriedOverTotal: all.length, carriedOverNextCursor: page.nextCursor };
}

/**
 * The verslag for `actor`; `purpose` is recorded with any personal data read (P6). The screen gets
 * the first page of the carried-over actions (`carriedOverNextCursor` for the rest,
 * `minutes.carriedOver`); an export asks for `'all'`, so the exported verslag holds every one.
 */
export function buildMinutesView(
  deps: AppDeps,
  actor: Actor,
  meetingId: number,
  purpose: ReadPurpose = 'minutes',
  carried: 'page' | 'all' = 'page',
): MinutesView {
  // The verslag as this reader may read it, for this day (overdue carried-over actions): kept
  // while the database is unchanged (../read-cache.ts). A read that shows personal data writes its
  // audit row (P12), which changes the database — so such a read is never answered from the cache
  // and every disclosure stays audited.
  const key = `minutes ${readerKey(actor)} ${amsterdamDate(deps.now())} ${meetingId} ${purpose} ${carried}`;
  return cachedRead(deps.db, key, () => readMinutesView(deps, actor, meetingId, purpose, carried));
}

function readMinutesView(deps: AppDeps, actor: Actor, meetingId: number, purpose: ReadPurpose, carried: 'page' | 'all') {
  const { meeting, row } = findMinutes(deps, actor, meetingId);
  const db = deps.db;
  const text = readText(deps, meeting, row, carried === 'all' ? 'all' : { after: null, limit: CARRIED_PAGE });
  const partnerName = new Map(
    viewQueries
      .partnerNames(db)
      .all({ teamId: meeting.teamId })
      .map((p) => [p.id, p.shortName]),
  );
  // Personal data at read time, through the gate, and only the betrokkenen the werkafspraken
  // concern (art. 20.1): a correction or erasure after finalising reaches the verslag (BIT art. 6.7).
  const concerned = new Set(text.panden.flatMap((p) => p.agreements.flatMap((a) => a.subjects)));
  const subjectsByCase =
    concerned.size === 0
      ? new Map<number, never[]>()
      : readSubjects(
          deps,
          actor,
          text.panden.map((p) => p.caseId),
          purpose,
          undefined,
          concerned,
        );
  const panden: MinutesPand[] = text.panden.map((p) => {
    const visible = subjectsByCase.get(p.caseId) ?? [];
    const publicIds = new Map(visible.map((s) => [decodeSubjectRowId(deps, meeting.teamId, s.id), s.id]));
    return {
      caseId: p.caseId,
      code: p.code,
      address: p.address,
      agreements: p.agreements.map((a) => ({
        id: a.id,
        text: a.text,
        responsiblePartner: a.responsiblePartner,
        status: a.status,
        subjectIds: a.subjects.flatMap((subjectId) => publicIds.get(subjectId) ?? []),
      })),
      subjects: visible.map((s) => ({
        id: s.id,
        kind: s.kind,
        items: s.items.map((i) => ({
          category: i.category,
          value: i.value,
          masked: i.masked,
          source: partnerName.get(i.sourcePartnerId) ?? '',
        })),
      })),
    };
  });

  const approvedIn = row.approvedInMeetingId ? viewQueries.meeting(db).get({ id: row.approvedInMeetingId }) : undefined;

  return {
    id: row.id,
    meetingId: meeting.id,
    status: row.status,
    currentVersion: row.currentVersion,
    finalisedAt: row.finalisedAt,
    approvedAt: row.approvedAt,
    approvedIn: approvedIn ? { meetingId: approvedIn.id, date: amsterdamDate(new Date(approvedIn.startsAt)) } : null,
    distributedAt: row.distributedAt,
    updatedAt: row.updatedAt,
    mailConfigured: mailConfigured(deps.config),
    header: text.header,
    intro: text.intro,
    closing: text.closing,
    attendance: text.attendance,
    items: text.items,
    panden,
    actions: text.actions,
    carriedOver: text.carriedOver,
    carriedOverTotal: text.carriedOverTotal,
    carriedOverNextCursor: text.carriedOverNextCursor,
  };
}

/**
 * `minutes.carriedOver`: the next page of the carried-over actions after `cursor`, behind the same
 * gate as the verslag itself (findMinutes). The actions hold no personal data (see assembleText).
 */
export function carriedOverPage(deps: AppDeps, actor: Actor, input: { meetingId: number; cursor: string; limit?: number | null }) {
  const { meeting, row } = findMinutes(deps, actor, input.meetingId);
  const after = parseCarriedCursor(input.cursor);
  if (!after) throw new AppError('BAD_REQUEST', 'validation.invalid');
  const limit = Math.min(Math.max(input.limit ?? CARRIED_PAGE, 1), CARRIED_PAGE_MAX);
  const text = readText(deps, meeting, row, { after, limit });
  return { actions: text.carriedOver, nextCursor: text.carriedOverNextCursor, total: text.carriedOverTotal };
}

function decodeSubjectRowId(deps: AppDeps, teamId: number, publicId: string): number {
  return decodePublicId(deps.keys, ['subject'], teamId, publicId)?.rowId ?? 0;
}
