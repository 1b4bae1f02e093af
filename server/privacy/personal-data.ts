/**
 * Betrokkenen and their personal data items: the only module that reads or writes the item
 * tables. Values are encrypted at rest (P5); police items live in their own table under their
 * own key (P4); every read goes through the visibility rules and is audited (P6).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { cases, itemDisclosures, partners, policeSubjectItems, subjectItems, subjects, type ItemCategory, type PartnerKind } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit, type AuditEntry } from '../audit';
import { AppError, invalidFields, notFound, type FieldProblems } from '../errors';
import { amsterdamDate } from '../clock';
import { decryptValue, encryptValue } from './crypto';
import { canSeeItem, loadSharingMatrix, mayProvide, type Reader, type SharingMatrix } from './visibility';
import { maskBsn, normaliseBsn, normaliseDate, normaliseKenteken } from '../domain/dutch-formats';
import { getTeam } from '../domain/team';
import { ownCase, ownPartner } from '../domain/scope';
import { decodePublicId, encodePublicId } from './public-ids';

export type VisibleItem = {
  /** Opaque (./public-ids.ts): says nothing about hidden items or the police table. */
  id: string;
  category: ItemCategory;
  /** BSN values are masked until revealed (P3). */
  value: string;
  masked: boolean;
  sourcePartnerId: number;
  legalGround: string | null;
  createdAt: string;
};

export type VisibleSubject = {
  /** Opaque (./public-ids.ts): the ids one reader sees never reveal hidden betrokkenen. */
  id: string;
  caseId: number;
  kind: 'person' | 'company';
  informedOn: string | null;
  informPostponedReason: string | null;
  items: VisibleItem[];
};

type ItemRow = typeof subjectItems.$inferSelect & { police: boolean; sourceKind: PartnerKind };

function loadItemRows(db: Db, subjectIds: number[]): ItemRow[] {
  if (subjectIds.length === 0) return [];
  const columns = { item: subjectItems, sourceKind: partners.kind };
  const general = db.select(columns).from(subjectItems).innerJoin(partners, eq(partners.id, subjectItems.sourcePartnerId))
    .where(inArray(subjectItems.subjectId, subjectIds)).orderBy(asc(subjectItems.id)).all()
    .map((r) => ({ ...r.item, police: false, sourceKind: r.sourceKind }));
  const police = db.select({ item: policeSubjectItems, sourceKind: partners.kind }).from(policeSubjectItems)
    .innerJoin(partners, eq(partners.id, policeSubjectItems.sourcePartnerId))
    .where(inArray(policeSubjectItems.subjectId, subjectIds)).orderBy(asc(policeSubjectItems.id)).all()
    .map((r) => ({ ...r.item, police: true, sourceKind: r.sourceKind }));
  return [...general, ...police];
}

export type ReadPurpose = 'screen' | 'minutes' | 'export' | 'live' | 'briefing';

/**
 * The betrokkenen of the given casussen as `reader` may see them. Audits the read when any item
 * is disclosed. Callers must already have checked that the casussen belong to the reader's team.
 */
export function readSubjects(
  deps: AppDeps, reader: Reader, caseIds: number[], purpose: ReadPurpose,
  // The live view shares one read among the subscribers of a visibility class and audits each of
  // them itself, in one transaction (../domain/live-shared.ts); every other caller audits here.
  audit: (entry: AuditEntry) => void = (entry) => appendAudit(deps.db, deps.now(), entry),
): Map<number, VisibleSubject[]> {
  const result = new Map<number, VisibleSubject[]>();
  if (caseIds.length === 0) return result;
  const matrix = loadSharingMatrix(deps.db, reader.teamId);
  const subjectRows = deps.db.select().from(subjects).where(inArray(subjects.caseId, caseIds)).orderBy(asc(subjects.id)).all();
  const items = loadItemRows(deps.db, subjectRows.map((s) => s.id));
  let disclosed = 0;
  const categories = new Set<string>();
  for (const subject of subjectRows) {
    const visible = items
      .filter((item) => item.subjectId === subject.id && canSeeItem(reader, matrix, item))
      .map((item) => toVisibleItem(deps, reader.teamId, item));
    if (visible.length === 0) continue; // no trace of a betrokkene the reader may not see
    disclosed += visible.length;
    for (const v of visible) categories.add(v.category);
    const list = result.get(subject.caseId) ?? [];
    list.push({ id: encodePublicId(deps.keys, 'subject', reader.teamId, subject.id), caseId: subject.caseId, kind: subject.kind, informedOn: subject.informedOn, informPostponedReason: subject.informPostponedReason, items: visible });
    result.set(subject.caseId, list);
  }
  if (disclosed > 0) {
    audit({
      teamId: reader.teamId,
      actorId: reader.userId,
      action: 'personal_data.read',
      entity: 'case',
      caseId: caseIds.length === 1 ? caseIds[0]! : null,
      detail: { purpose, items: disclosed, categories: [...categories].sort(), cases: caseIds.length > 1 ? [...result.keys()] : undefined },
    });
  }
  return result;
}

function toVisibleItem(deps: AppDeps, teamId: number, row: ItemRow): VisibleItem {
  const plain = decryptValue(row.police ? deps.keys.police : deps.keys.general, row.valueEnc);
  const isBsn = row.category === 'bsn';
  return {
    id: encodePublicId(deps.keys, row.police ? 'policeItem' : 'item', teamId, row.id),
    category: row.category,
    value: isBsn ? maskBsn(plain) : plain,
    masked: isBsn,
    sourcePartnerId: row.sourcePartnerId,
    legalGround: row.legalGround,
    createdAt: row.createdAt,
  };
}

/** P3: reveals one BSN to a reader who may see it; the reveal itself is audited. */
export function revealBsn(deps: AppDeps, reader: Reader, itemId: string): string {
  const decoded = decodePublicId(deps.keys, ['item', 'policeItem'], reader.teamId, itemId);
  if (!decoded) throw notFound();
  const police = decoded.kind === 'policeItem';
  const table = police ? policeSubjectItems : subjectItems;
  // Team-scoped like every by-id load (../domain/scope.ts): another team's item is NOT_FOUND.
  const row = deps.db.select({ item: table, sourceKind: partners.kind, caseId: subjects.caseId })
    .from(table)
    .innerJoin(partners, eq(partners.id, table.sourcePartnerId))
    .innerJoin(subjects, eq(subjects.id, table.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(table.id, decoded.rowId), eq(cases.teamId, reader.teamId))).get();
  const matrix = loadSharingMatrix(deps.db, reader.teamId);
  if (!row || row.item.category !== 'bsn' || !canSeeItem(reader, matrix, { ...row.item, sourceKind: row.sourceKind })) {
    throw notFound();
  }
  appendAudit(deps.db, deps.now(), {
    teamId: reader.teamId, actorId: reader.userId, action: 'personal_data.bsn_revealed', entity: police ? 'police_item' : 'item', entityId: row.item.id, caseId: row.caseId,
  });
  return decryptValue(police ? deps.keys.police : deps.keys.general, row.item.valueEnc);
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

export type NewItem = { category: ItemCategory; value: string; legalGround?: string | null };
export type ItemWarning = { index: number; key: 'subjects.foreignKenteken' };

type ItemProblemKey = 'subjects.invalidBsn' | 'subjects.invalidPhone' | 'subjects.invalidKenteken' | 'subjects.invalidBirthDate' | 'subjects.invalidGender'
  | 'subjects.bsnNeedsLegalGround' | 'validation.required';
type Normalised = { value: string } | { problems: { field: 'value' | 'legalGround'; key: ItemProblemKey }[] };

/** P1/P3: validates and normalises one value for its category; warnings are collected, problems returned. */
export function normaliseItem(item: NewItem, index: number, warnings: ItemWarning[], today: string): Normalised {
  const value = item.value.trim();
  const invalid = (key: ItemProblemKey): Normalised => ({ problems: [{ field: 'value', key }] });
  if (!value) return invalid('validation.required');
  switch (item.category) {
    case 'bsn': {
      const bsn = normaliseBsn(value);
      const problems = [
        ...(bsn ? [] : [{ field: 'value' as const, key: 'subjects.invalidBsn' as const }]),
        ...(item.legalGround?.trim() ? [] : [{ field: 'legalGround' as const, key: 'subjects.bsnNeedsLegalGround' as const }]),
      ];
      return bsn && problems.length === 0 ? { value: bsn } : { problems };
    }
    case 'telefoon': {
      const phone = parsePhoneNumberFromString(value, 'NL');
      if (!phone || !phone.isValid()) return invalid('subjects.invalidPhone');
      return { value: phone.country === 'NL' ? phone.formatNational() : phone.formatInternational() };
    }
    case 'kenteken': {
      const plate = normaliseKenteken(value);
      if (!plate) return invalid('subjects.invalidKenteken');
      if (!plate.dutch) warnings.push({ index, key: 'subjects.foreignKenteken' });
      return { value: plate.value };
    }
    case 'geboortedatum': {
      const date = normaliseDate(value);
      if (!date || date < '1900-01-01' || date > today) return invalid('subjects.invalidBirthDate');
      return { value: date };
    }
    case 'geslacht': {
      const g = value.toLowerCase();
      const map: Record<string, string> = { m: 'man', man: 'man', v: 'vrouw', vrouw: 'vrouw', x: 'onbekend', o: 'onbekend', onbekend: 'onbekend' };
      if (!map[g]) return invalid('subjects.invalidGender');
      return { value: map[g]! };
    }
    case 'naw':
    case 'naleving':
      return { value };
  }
}

/**
 * Checks and normalises every item for one source partner and reports every problem at once,
 * each at its input path (`items.2.value`), so the form can show them all at their fields.
 */
function normaliseItems(deps: AppDeps, matrix: SharingMatrix, sourceKind: PartnerKind, items: NewItem[]): { values: string[]; warnings: ItemWarning[] } {
  const warnings: ItemWarning[] = [];
  const problems: FieldProblems = {};
  const today = amsterdamDate(deps.now());
  const values = items.map((item, index) => {
    if (!mayProvide(matrix, sourceKind, item.category)) {
      problems[`items.${index}.category`] = { key: 'subjects.categoryNotAllowed', params: { category: item.category, kind: sourceKind } };
      return '';
    }
    const result = normaliseItem(item, index, warnings, today);
    if ('value' in result) return result.value;
    for (const p of result.problems) problems[`items.${index}.${p.field}`] = { key: p.key, params: { index: index + 1 } };
    return '';
  });
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
  return { values, warnings };
}

export type AddSubjectInput = {
  caseId: number;
  kind: 'person' | 'company';
  items: NewItem[];
  sourcePartnerId: number;
  actor: Reader;
};

/**
 * Records a betrokkene with its items for one source partner. The covenant must be in force,
 * the casus in the team, and every category one the source partner's kind may provide.
 */
export function addSubject(deps: AppDeps, input: AddSubjectInput): { id: string; warnings: ItemWarning[] } {
  const { db } = deps;
  const caseRow = ownCase(db, input.actor.teamId, input.caseId);
  // A withdrawn signal was a mistake: its personal data were erased and nothing new is recorded.
  if (caseRow.status === 'ingetrokken') throw new AppError('BAD_REQUEST', 'cases.withdrawn');
  assertCovenantInForce(deps, input.actor.teamId);
  const source = ownPartner(db, input.actor.teamId, input.sourcePartnerId);
  const { values, warnings } = normaliseItems(deps, loadSharingMatrix(db, input.actor.teamId), source.kind, input.items);
  const now = deps.now().toISOString();
  const police = source.kind === 'politie';
  const table = police ? policeSubjectItems : subjectItems;
  const key = police ? deps.keys.police : deps.keys.general;
  const id = db.transaction((tx) => {
    const subject = tx.insert(subjects).values({ caseId: caseRow.id, kind: input.kind, createdByPartnerId: source.id, createdAt: now }).returning({ id: subjects.id }).get();
    insertItems(tx, table, key, subject.id, source.id, input.actor.userId, input.items, values, now);
    appendAudit(tx, deps.now(), {
      teamId: input.actor.teamId, actorId: input.actor.userId, action: 'personal_data.created', entity: 'subject', entityId: subject.id, caseId: caseRow.id,
      detail: { sourcePartnerId: source.id, categories: input.items.map((i) => i.category) },
    });
    return subject.id;
  });
  announceSubjectsChanged(deps, input.actor.teamId, caseRow.id);
  return { id: encodePublicId(deps.keys, 'subject', input.actor.teamId, id), warnings };
}

/**
 * Tells live views that the betrokkenen of a casus changed. The event carries ids only: every
 * subscriber re-reads through `readSubjects` with its own reader (see server/domain/live.ts).
 */
function announceSubjectsChanged(deps: AppDeps, teamId: number, caseId: number) {
  deps.events.emit(`team:${teamId}`, { kind: 'subjects.changed', id: caseId, meetingId: null, caseId });
}

function insertItems(
  tx: Db, table: typeof subjectItems | typeof policeSubjectItems, key: Buffer, subjectId: number, sourcePartnerId: number,
  userId: number, items: NewItem[], values: string[], now: string,
) {
  if (items.length === 0) return;
  tx.insert(table).values(items.map((item, i) => ({
    subjectId, category: item.category, valueEnc: encryptValue(key, values[i]!), legalGround: item.legalGround?.trim() || null,
    sourcePartnerId, recordedByUserId: userId, createdAt: now, updatedAt: now,
  }))).run();
}

/** SPEC §3: after the covenant's end date no new personal data may be recorded (no legal basis). */
export function assertCovenantInForce(deps: AppDeps, teamId: number): void {
  const team = getTeam(deps, teamId);
  if (!team.covenant.active) {
    throw new AppError('FORBIDDEN', 'subjects.covenantEnded', { date: team.covenant.endsOn ?? amsterdamDate(deps.now()) });
  }
}

export type { SharingMatrix };

/** Adds items from one source partner to an existing betrokkene the actor can see. */
export function addItems(deps: AppDeps, input: { subjectId: string; items: NewItem[]; sourcePartnerId: number; actor: Reader }): { warnings: ItemWarning[] } {
  const subject = visibleSubject(deps, input.actor, input.subjectId);
  assertCovenantInForce(deps, input.actor.teamId);
  const source = ownPartner(deps.db, input.actor.teamId, input.sourcePartnerId);
  const { values, warnings } = normaliseItems(deps, loadSharingMatrix(deps.db, input.actor.teamId), source.kind, input.items);
  const police = source.kind === 'politie';
  const now = deps.now().toISOString();
  deps.db.transaction((tx) => {
    insertItems(tx, police ? policeSubjectItems : subjectItems, police ? deps.keys.police : deps.keys.general, subject.id, source.id, input.actor.userId, input.items, values, now);
    appendAudit(tx, deps.now(), {
      teamId: input.actor.teamId, actorId: input.actor.userId, action: 'personal_data.created', entity: 'subject', entityId: subject.id, caseId: subject.caseId,
      detail: { sourcePartnerId: source.id, categories: input.items.map((i) => i.category) },
    });
  });
  announceSubjectsChanged(deps, input.actor.teamId, subject.caseId);
  return { warnings };
}

/**
 * The betrokkene behind an opaque id, if it is of the reader's team and the reader sees at least
 * one of its items. Anything else is NOT_FOUND, like an id that never existed: a member who
 * provided nothing yet and sees nothing of the betrokkene may not learn it exists.
 */
function visibleSubject(deps: AppDeps, reader: Reader, subjectId: string): { id: number; caseId: number } {
  const decoded = decodePublicId(deps.keys, ['subject'], reader.teamId, subjectId);
  const subject = decoded && deps.db.select({ id: subjects.id, caseId: subjects.caseId }).from(subjects)
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(subjects.id, decoded.rowId), eq(cases.teamId, reader.teamId))).get();
  if (!subject || !readSubjectsQuietly(deps, reader, subject.caseId).some((s) => s.id === subject.id)) throw notFound();
  return subject;
}

/** Visibility of one casus' betrokkenen without disclosing values (and so without an audit row). */
function readSubjectsQuietly(deps: AppDeps, reader: Reader, caseId: number): { id: number }[] {
  const matrix = loadSharingMatrix(deps.db, reader.teamId);
  const subjectRows = deps.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.caseId, caseId)).all();
  const items = loadItemRows(deps.db, subjectRows.map((s) => s.id));
  return subjectRows.filter((s) => items.some((i) => i.subjectId === s.id && canSeeItem(reader, matrix, i)));
}

/** P11 (art. 26.4): informed on a date, or the reason informing is postponed. */
export function setInformed(deps: AppDeps, reader: Reader, input: { subjectId: string; informedOn: string | null; postponedReason: string | null }) {
  if (!input.informedOn === !input.postponedReason?.trim()) throw new AppError('BAD_REQUEST', 'subjects.informNeedsOne');
  const subject = visibleSubject(deps, reader, input.subjectId);
  deps.db.transaction((tx) => {
    tx.update(subjects).set({ informedOn: input.informedOn, informPostponedReason: input.postponedReason?.trim() || null }).where(eq(subjects.id, subject.id)).run();
    appendAudit(tx, deps.now(), { teamId: reader.teamId, actorId: reader.userId, action: 'subject.informed', entity: 'subject', entityId: subject.id, caseId: subject.caseId, detail: { informed: Boolean(input.informedOn) } });
  });
}

/**
 * Erases every betrokkene of a casus with all its items, police items included (a signal withdrawn
 * as a mistake: there is no ground to keep them). The casus keeps its anonymous facts; the audit
 * row records counts only (P6, P7). Call inside the transaction that withdraws the casus.
 */
export function eraseCasePersonalData(tx: Db, at: Date, actor: { teamId: number; userId: number }, caseId: number, reason: 'withdrawn') {
  const subjectIds = tx.select({ id: subjects.id }).from(subjects).where(eq(subjects.caseId, caseId)).all().map((s) => s.id);
  let items = 0;
  if (subjectIds.length > 0) {
    for (const [table, police] of [[subjectItems, false], [policeSubjectItems, true]] as const) {
      const ids = tx.select({ id: table.id }).from(table).where(inArray(table.subjectId, subjectIds)).all().map((r) => r.id);
      if (ids.length === 0) continue;
      tx.delete(itemDisclosures).where(and(eq(itemDisclosures.police, police), inArray(itemDisclosures.itemId, ids))).run();
      items += tx.delete(table).where(inArray(table.id, ids)).run().changes;
    }
    tx.delete(subjects).where(inArray(subjects.id, subjectIds)).run();
  }
  tx.update(cases).set({ personalDataRemovedAt: at.toISOString() }).where(eq(cases.id, caseId)).run();
  appendAudit(tx, at, {
    teamId: actor.teamId, actorId: actor.userId, action: 'personal_data.erased', entity: 'case', entityId: caseId, caseId,
    detail: { reason, subjects: subjectIds.length, items },
  });
  return { subjects: subjectIds.length, items };
}
