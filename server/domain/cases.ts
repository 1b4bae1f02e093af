import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, inArray, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  agendaItems,
  agreements,
  caseEvents,
  cases,
  meetings,
  partners,
  tasks,
  teams,
  themes,
  users,
  type CaseOrigin,
  type CaseStatus,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { assertCovenantInForce } from '../privacy/covenant-gate';
import { appendAudit } from '../audit';
import { AppError, conflict, invalidFields, type FieldProblems } from '../errors';
import { amsterdamDate } from '../clock';
import { preparedPerDb } from '../prepared';
import { normaliseBagId, normalisePostcode } from './dutch-formats';
import { assertNoSubjectNames, eraseCasePersonalData, readSubjects } from '../privacy/personal-data';
import { changeLogs, recordWorkChange } from './work-changes';
import { ownCase } from './scope';
import { mayRecordInforming } from '../privacy/informing';
import { involvedCaseIds } from '../privacy/involvement';
import { overdueTaskCount, withOverdue } from './overdue';
import { streetAndNumber } from './case-address';
import { cachedRead } from '../read-cache';

export function findCaseInTeam(deps: AppDeps, teamId: number, caseId: number) {
  return ownCase(deps.db, teamId, caseId);
}

/** A casus that new work may be recorded on: not withdrawn (that one was a mistake). */
export function findWorkableCase(deps: AppDeps, teamId: number, caseId: number) {
  const row = findCaseInTeam(deps, teamId, caseId);
  if (row.status === 'ingetrokken') throw new AppError('BAD_REQUEST', 'cases.withdrawn');
  return row;
}

export function recordCaseEvent(db: Db, now: Date, caseId: number, actorId: number | null, kind: string, detail?: Record<string, unknown>) {
  db.insert(caseEvents)
    .values({ caseId, at: now.toISOString(), actorId, kind, detail: detail ? JSON.stringify(detail) : null })
    .run();
}

function resolveTheme(deps: AppDeps, teamId: number, theme: number | string, problems: FieldProblems): number {
  const condition = typeof theme === 'number' ? eq(themes.id, theme) : sql`lower(${themes.name}) = lower(${theme.trim()})`;
  const row = deps.db
    .select({ id: themes.id })
    .from(themes)
    .where(and(eq(themes.teamId, teamId), condition))
    .get();
  if (!row) problems.theme = { key: 'cases.unknownTheme' };
  return row?.id ?? 0;
}

function checkGemeente(deps: AppDeps, teamId: number, partnerId: number, problems: FieldProblems) {
  const partner = deps.db
    .select({ kind: partners.kind, leftOn: partners.leftOn })
    .from(partners)
    .where(and(eq(partners.id, partnerId), eq(partners.teamId, teamId)))
    .get();
  if (!partner || partner.kind !== 'gemeente') problems.gemeentePartnerId = { key: 'cases.notAGemeente' };
  else if (partner.leftOn && partner.leftOn <= amsterdamDate(deps.now())) problems.gemeentePartnerId = { key: 'partners.alreadyLeft' };
}

/** The rules that need the team's data (its gemeenten and themes), reported together per field. */
function checkCaseInput(deps: AppDeps, teamId: number, input: CaseInput) {
  const problems: FieldProblems = {};
  checkGemeente(deps, teamId, input.gemeentePartnerId, problems);
  const themeId = resolveTheme(deps, teamId, input.theme, problems);
  const address = normaliseAddress(input, problems);
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return { themeId, address };
}

export type CaseInput = {
  gemeentePartnerId: number;
  street: string;
  houseNumber: number;
  houseNumberAddition?: string | null;
  postcode: string;
  city: string;
  bagId?: string | null;
  theme: number | string;
  origin?: CaseOrigin | null;
  description?: string | null;
};

// The router's schema already normalised these (server/validation.ts); a direct caller gets the same rules.
function normaliseAddress(input: CaseInput, problems: FieldProblems) {
  const postcode = normalisePostcode(input.postcode) ?? '';
  if (!postcode) problems.postcode = { key: 'cases.invalidPostcode' };
  let bagId: string | null = null;
  if (input.bagId?.trim()) {
    bagId = normaliseBagId(input.bagId)?.value ?? null;
    if (!bagId) problems.bagId = { key: 'cases.invalidBagId' };
  }
  return {
    postcode,
    bagId,
    street: input.street.trim(),
    city: input.city.trim(),
    houseNumberAddition: input.houseNumberAddition?.trim().toUpperCase() || null,
  };
}

/** Any member reports a signal about an address; art. 2.6: AVO requests get priority. */
export function createCase(deps: AppDeps, reader: Actor, input: CaseInput & { status?: 'signaal' | 'actief' }) {
  // Wind-down: no new casussen without a covenant in force (PIT art. 14.1; issue 10 item 4).
  assertCovenantInForce(deps, reader.teamId);
  const { themeId, address } = checkCaseInput(deps, reader.teamId, input);
  const origin = input.origin ?? 'eigen_waarneming';
  // Only the coordinator opens a casus as active straight away.
  const status: CaseStatus = reader.role === 'coordinator' && input.status === 'actief' ? 'actief' : 'signaal';
  const now = deps.now();
  const year = Number(amsterdamDate(now).slice(0, 4));
  return deps.db.transaction((tx) => {
    const team = tx.select({ code: teams.code }).from(teams).where(eq(teams.id, reader.teamId)).get()!;
    const last = tx
      .select({ seq: sql<number | null>`max(${cases.seq})` })
      .from(cases)
      .where(and(eq(cases.teamId, reader.teamId), eq(cases.year, year)))
      .get();
    const seq = (last?.seq ?? 0) + 1;
    const code = `${team.code}-${year}-${String(seq).padStart(4, '0')}`;
    const row = tx
      .insert(cases)
      .values({
        teamId: reader.teamId,
        code,
        year,
        seq,
        gemeentePartnerId: input.gemeentePartnerId,
        houseNumber: input.houseNumber,
        ...address,
        themeId,
        origin,
        priority: origin === 'avo_verzoek' ? 'hoog' : 'normaal',
        description: input.description?.trim() ?? '',
        status,
        reportedByUserId: reader.id,
        reportedByPartnerId: reader.partnerId,
        createdAt: now.toISOString(),
        activatedAt: status === 'actief' ? now.toISOString() : null,
        updatedAt: now.toISOString(),
      })
      .returning({ id: cases.id, code: cases.code })
      .get();
    recordCaseEvent(tx, now, row.id, reader.id, 'created', { status, origin });
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'case.created',
      entity: 'case',
      entityId: row.id,
      caseId: row.id,
    });
    return row;
  });
}

export function updateCase(
  deps: AppDeps,
  reader: Actor,
  input: CaseInput & { id: number; version: number; priority?: 'normaal' | 'hoog' },
) {
  const current = findCaseInTeam(deps, reader.teamId, input.id);
  assertNoSubjectNames(deps, [current.id], { description: input.description }); // P1, art. 20.9
  const { themeId, address } = checkCaseInput(deps, reader.teamId, input);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(cases)
      .set({
        gemeentePartnerId: input.gemeentePartnerId,
        houseNumber: input.houseNumber,
        ...address,
        themeId,
        origin: input.origin ?? current.origin,
        priority: input.priority ?? current.priority,
        description: input.description?.trim() ?? current.description,
        updatedAt: now.toISOString(),
        version: current.version + 1,
      })
      .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    recordCaseEvent(tx, now, current.id, reader.id, 'updated');
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'case.updated',
      entity: 'case',
      entityId: current.id,
      caseId: current.id,
    });
  });
}

// `ingetrokken` is reached only through withdrawCase, and never left: its personal data are gone.
const transitions: Record<CaseStatus, CaseStatus[]> = {
  signaal: ['actief', 'afgerond'],
  actief: ['afgerond'],
  afgerond: ['actief'],
  ingetrokken: [],
};

/** The coordinator turns a signal into an active casus, closes it, or reopens a closed one. */
export function setCaseStatus(deps: AppDeps, reader: Actor, input: { id: number; status: CaseStatus; version: number }) {
  const current = findCaseInTeam(deps, reader.teamId, input.id);
  if (!transitions[current.status].includes(input.status)) throw new AppError('BAD_REQUEST', 'cases.invalidTransition');
  const now = deps.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx
      .update(cases)
      .set({
        status: input.status,
        activatedAt: input.status === 'actief' ? (current.activatedAt ?? now) : current.activatedAt,
        closedAt: input.status === 'afgerond' ? now : null,
        updatedAt: now,
        version: current.version + 1,
      })
      .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    recordCaseEvent(tx, deps.now(), current.id, reader.id, 'status', { from: current.status, to: input.status });
    appendAudit(tx, deps.now(), {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'case.status',
      entity: 'case',
      entityId: current.id,
      caseId: current.id,
      detail: { to: input.status },
    });
  });
}

/**
 * The coordinator withdraws a casus recorded by mistake (a test signal, a wrong address), with a
 * reason. It leaves the lists, the agenda and the reports' counts; its open tasks and werkafspraken
 * lapse, it is taken off agendas not yet held, and its betrokkenen are erased through the
 * personal-data module. The row stays as the anonymous fact that a signal was withdrawn.
 */
export function withdrawCase(deps: AppDeps, reader: Actor, input: { id: number; version: number; reason: string }) {
  const current = findCaseInTeam(deps, reader.teamId, input.id);
  if (current.status !== 'signaal' && current.status !== 'actief') throw new AppError('BAD_REQUEST', 'cases.withdrawOnlySignal');
  const reason = input.reason.trim();
  const now = deps.now();
  const iso = now.toISOString();
  const lapse = `Casus ingetrokken: ${reason}`.slice(0, 500);
  const affectedMeetings = deps.db.transaction((tx) => {
    const res = tx
      .update(cases)
      .set({
        status: 'ingetrokken',
        withdrawnAt: iso,
        withdrawReason: reason,
        closedAt: null,
        updatedAt: iso,
        version: current.version + 1,
      })
      .where(and(eq(cases.id, current.id), eq(cases.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    for (const task of tx
      .select({ id: tasks.id })
      .from(tasks)
      .where(and(eq(tasks.caseId, current.id), eq(tasks.status, 'open')))
      .all()) {
      tx.update(tasks)
        .set({
          status: 'vervallen',
          lapseReason: lapse,
          blockerNote: null,
          blockedAt: null,
          updatedAt: iso,
          version: sql`${tasks.version} + 1`,
        })
        .where(eq(tasks.id, task.id))
        .run();
      recordWorkChange(tx, now, {
        teamId: reader.teamId,
        taskId: task.id,
        actorId: reader.id,
        kind: 'lapsed',
        changes: { status: { from: 'open', to: 'vervallen' } },
        reason: lapse,
      });
    }
    for (const a of tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.caseId, current.id), eq(agreements.status, 'open')))
      .all()) {
      tx.update(agreements)
        .set({ status: 'vervallen', lapseReason: lapse, updatedAt: iso, version: sql`${agreements.version} + 1` })
        .where(eq(agreements.id, a.id))
        .run();
      recordWorkChange(tx, now, {
        teamId: reader.teamId,
        agreementId: a.id,
        actorId: reader.id,
        kind: 'lapsed',
        changes: { status: { from: 'open', to: 'vervallen' } },
        reason: lapse,
      });
    }
    const meetingIds = removeFromComingAgendas(tx, current.id);
    eraseCasePersonalData(tx, now, reader, current.id, 'withdrawn');
    recordCaseEvent(tx, now, current.id, reader.id, 'status', { from: current.status, to: 'ingetrokken' });
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'case.withdrawn',
      entity: 'case',
      entityId: current.id,
      caseId: current.id,
    });
    return meetingIds;
  });
  for (const meetingId of affectedMeetings) deps.events.emit(`team:${reader.teamId}`, { kind: 'agenda.changed', id: meetingId, meetingId });
  deps.events.emit(`team:${reader.teamId}`, { kind: 'subjects.changed', id: current.id, meetingId: null, caseId: current.id });
}

/** Agenda items about the casus on overleggen not yet started (concept, gepubliceerd) go; held ones stay as record. */
function removeFromComingAgendas(tx: Db, caseId: number): number[] {
  const rows = tx
    .select({ id: agendaItems.id, meetingId: agendaItems.meetingId })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.caseId, caseId), inArray(meetings.status, ['concept', 'gepubliceerd'])))
    .all();
  for (const row of rows) {
    tx.update(tasks).set({ agendaItemId: null }).where(eq(tasks.agendaItemId, row.id)).run();
    tx.update(agreements).set({ agendaItemId: null }).where(eq(agreements.agendaItemId, row.id)).run();
    tx.update(meetings).set({ currentAgendaItemId: null }).where(eq(meetings.currentAgendaItemId, row.id)).run();
    tx.delete(agendaItems).where(eq(agendaItems.id, row.id)).run();
  }
  return [...new Set(rows.map((r) => r.meetingId))];
}

/**
 * An FTS5 trigram query for candidate rows of a search for `text`; the LIKE stays the exact rule.
 * Its first and its last trigram, each anywhere in the row ("Kerkstraat 12" → "Ker" AND " 12").
 * A phrase query of every trigram (the exact substring) reads the position lists of all of them,
 * and the common ones ("str", "aat") hold most of the history, so its cost grew with it (0.28 →
 * 0.53 ms from 1 to 10 years); two trigrams, skipped through by row, cost 0.06 → 0.09 ms. The ends
 * of what someone types are its most telling parts (a street's start, a house number, a code's
 * number), so the few extra candidates are cheap to drop. No match is lost: a row that contains
 * the text contains both.
 */
export function trigramCandidates(text: string): string | null {
  const chars = Array.from(text); // characters, not UTF-16 units: the tokenizer counts characters
  if (chars.length < 3) return null; // shorter than a trigram: the index cannot answer
  const trigram = (at: number) => {
    const three = chars.slice(at, at + 3).join('');
    return `"${three.replace(/"/g, '""')}"`;
  };
  return chars.length > 3 ? `${trigram(0)} AND ${trigram(chars.length - 3)}` : trigram(0);
}

export type CaseListFilter = {
  status?: CaseStatus | null;
  gemeentePartnerId?: number | null;
  themeId?: number | null;
  search?: string | null;
  hasOverdueTasks?: boolean | null;
  cursor?: number | null;
  limit?: number;
};

const openTaskCount = sql<number>`(select count(*) from ${tasks} where ${tasks.caseId} = ${cases.id} and ${tasks.status} = 'open')`;

// What the case list and the casus pickers show of a row (issue 12: the hot read's answer is
// sized by its rows; ids the screens do not use stay out).
const caseListQuery = (db: Db, where: SQL, today: string | SQL, order: SQL = desc(cases.id)) =>
  db
    .select({
      id: cases.id,
      code: cases.code,
      street: cases.street,
      houseNumber: cases.houseNumber,
      houseNumberAddition: cases.houseNumberAddition,
      postcode: cases.postcode,
      city: cases.city,
      gemeente: partners.shortName,
      theme: themes.name,
      status: cases.status,
      priority: cases.priority,
      createdAt: cases.createdAt,
      openTasks: openTaskCount,
      overdueTasks: overdueTaskCount(today),
    })
    .from(cases)
    .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
    .innerJoin(themes, eq(themes.id, cases.themeId))
    .where(where)
    .orderBy(order);
const plainCaseList = preparedPerDb((db) =>
  caseListQuery(
    db,
    and(eq(cases.teamId, sql.placeholder('teamId')), ne(cases.status, 'ingetrokken'), lt(cases.id, sql.placeholder('cursor')))!,
    sql`${sql.placeholder('today')}`,
  )
    .limit(sql.placeholder('limit'))
    .prepare(),
);

/**
 * Cursor paging on id, newest first. Addresses and counts only: no personal data. The list
 * depends on the team, the day (overdue counts) and the filter alone, so the same question is
 * answered once per change of the database (../read-cache.ts) for the whole team.
 */
export function listCases(deps: AppDeps, reader: Actor, filter: CaseListFilter) {
  const today = amsterdamDate(deps.now());
  const { teamId } = reader;
  return cachedRead(deps.db, `cases.list ${teamId} ${today} ${JSON.stringify(filter)}`, () => queryCaseList(deps, teamId, today, filter));
}

function queryCaseList(deps: AppDeps, teamId: number, today: string, filter: CaseListFilter) {
  const limit = Math.min(filter.limit ?? 50, 100);
  const conditions: SQL[] = [eq(cases.teamId, teamId)];
  // A withdrawn casus was a mistake: it leaves the list unless asked for by its status.
  conditions.push(filter.status ? eq(cases.status, filter.status) : ne(cases.status, 'ingetrokken'));
  if (filter.gemeentePartnerId) conditions.push(eq(cases.gemeentePartnerId, filter.gemeentePartnerId));
  if (filter.themeId) conditions.push(eq(cases.themeId, filter.themeId));
  if (filter.cursor) conditions.push(lt(cases.id, filter.cursor));
  if (filter.hasOverdueTasks) conditions.push(sql`${overdueTaskCount(today)} > 0`);
  const search = filter.search?.trim();
  let fromIndex = false;
  if (search) {
    const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const compactPostcode = search.replace(/\s/g, '').toUpperCase();
    conditions.push(
      or(
        sql`${cases.code} like ${pattern} escape '\\'`,
        sql`(${streetAndNumber}) like ${pattern} escape '\\'`,
        sql`replace(${cases.postcode}, ' ', '') like ${`%${compactPostcode}%`}`,
        like(cases.city, pattern),
      )!,
    );
    // The FTS5 trigram index (migration 0027) finds the candidates without scanning the team's
    // history; the LIKE above stays the exact rule (it folds ASCII case only).
    const [inText, inPostcode] = [trigramCandidates(search), trigramCandidates(compactPostcode)];
    fromIndex = inText !== null && inPostcode !== null;
    if (fromIndex) {
      conditions.push(
        sql`${cases.id} in (select rowid from case_search where case_search match ${`({code address city} : (${inText})) OR (postcode : (${inPostcode}))`})`,
      );
    }
  }
  // The plain list (no filter but the cursor) is the hot read: one statement prepared per database.
  const plain = !filter.status && !filter.gemeentePartnerId && !filter.themeId && !filter.hasOverdueTasks && !search;
  const rows = plain
    ? plainCaseList(deps.db).all({ teamId, cursor: filter.cursor ?? Number.MAX_SAFE_INTEGER, today, limit: limit + 1 })
    : // With the index's candidates, order them (unary +): walking every casus of the team in id
      // order and testing each against the candidates would scan the whole history.
      caseListQuery(deps.db, and(...conditions)!, today, fromIndex ? sql`+${cases.id} desc` : desc(cases.id))
        .limit(limit + 1)
        .all();
  const page = rows.slice(0, limit);
  return { items: page, nextCursor: rows.length > limit ? page.at(-1)!.id : null };
}

/** Everything about one pand, as this reader may see it (betrokkenen through the visibility module). */
export function getCase(deps: AppDeps, reader: Actor, caseId: number) {
  const c = findCaseInTeam(deps, reader.teamId, caseId);
  const gemeente = deps.db
    .select({ name: partners.name, shortName: partners.shortName })
    .from(partners)
    .where(eq(partners.id, c.gemeentePartnerId))
    .get()!;
  const theme = deps.db.select({ name: themes.name }).from(themes).where(eq(themes.id, c.themeId)).get()!;
  const today = amsterdamDate(deps.now());
  const subjects = readSubjects(deps, reader, [c.id], 'screen').get(c.id) ?? [];
  const agreementRows = deps.db
    .select({
      id: agreements.id,
      text: agreements.text,
      responsiblePartnerId: agreements.responsiblePartnerId,
      meetingId: agreements.meetingId,
      status: agreements.status,
      lapseReason: agreements.lapseReason,
      createdAt: agreements.createdAt,
      version: agreements.version,
    })
    .from(agreements)
    .where(eq(agreements.caseId, c.id))
    .orderBy(asc(agreements.id))
    .all();
  const taskRows = deps.db
    .select(taskColumns)
    .from(tasks)
    .where(eq(tasks.caseId, c.id))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .all()
    .map((t) => withOverdue(t, today));
  // The change log of each werkafspraak and task: what it was before a correction, and why.
  const agreementLogs = changeLogs(
    deps.db,
    reader.teamId,
    'agreement',
    agreementRows.map((a) => a.id),
  );
  const taskLogs = changeLogs(
    deps.db,
    reader.teamId,
    'task',
    taskRows.map((t) => t.id),
  );
  const history = deps.db
    .select({ id: caseEvents.id, at: caseEvents.at, kind: caseEvents.kind, detail: caseEvents.detail, actor: users.name })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(eq(caseEvents.caseId, c.id))
    .orderBy(desc(caseEvents.id))
    .limit(100)
    .all()
    .map((e) => ({ ...e, detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null }));
  return {
    id: c.id,
    code: c.code,
    teamId: c.teamId,
    gemeentePartnerId: c.gemeentePartnerId,
    gemeente: gemeente.shortName,
    street: c.street,
    houseNumber: c.houseNumber,
    houseNumberAddition: c.houseNumberAddition,
    postcode: c.postcode,
    city: c.city,
    bagId: c.bagId,
    themeId: c.themeId,
    theme: theme.name,
    origin: c.origin,
    priority: c.priority,
    description: c.description,
    status: c.status,
    createdAt: c.createdAt,
    activatedAt: c.activatedAt,
    closedAt: c.closedAt,
    personalDataRemovedAt: c.personalDataRemovedAt,
    withdrawnAt: c.withdrawnAt,
    withdrawReason: c.withdrawReason,
    version: c.version,
    subjects,
    history,
    // P14: whether the reader sees this casus' betrokkenen as an involved partner; if not, the
    // casus page offers to ask access with a reason (server/privacy/access-requests.ts).
    involved: involvedCaseIds(deps.db, reader, [c.id]).has(c.id),
    // P11: the informing form is offered only to whom the server lets record it (informing.ts).
    mayRecordInforming: mayRecordInforming(deps.db, reader),
    agreements: agreementRows.map((a) => ({ ...a, changes: agreementLogs.get(a.id) ?? [] })),
    tasks: taskRows.map((t) => ({ ...t, changes: taskLogs.get(t.id) ?? [] })),
  };
}

export const taskColumns = {
  id: tasks.id,
  title: tasks.title,
  assigneePartnerId: tasks.assigneePartnerId,
  assigneeUserId: tasks.assigneeUserId,
  dueDate: tasks.dueDate,
  status: tasks.status,
  resultNote: tasks.resultNote,
  blockerNote: tasks.blockerNote,
  blockedAt: tasks.blockedAt,
  lapseReason: tasks.lapseReason,
  completedByUserId: tasks.completedByUserId,
  completedAt: tasks.completedAt,
  agreementId: tasks.agreementId,
  caseId: tasks.caseId,
  meetingId: tasks.meetingId,
  agendaItemId: tasks.agendaItemId,
  createdAt: tasks.createdAt,
  version: tasks.version,
};

// The live view imports it from here; the rule's home is ./overdue.ts.
export { withOverdue } from './overdue';

export function listThemes(deps: AppDeps, teamId: number) {
  return deps.db
    .select({ id: themes.id, name: themes.name, active: themes.active })
    .from(themes)
    .where(eq(themes.teamId, teamId))
    .orderBy(asc(themes.position))
    .all();
}
