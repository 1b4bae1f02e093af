/**
 * Betrokkenen and their personal data items: the only module that reads or writes the item
 * tables. Values are encrypted at rest (P5); police items live in their own table under their
 * own key (P4); every read goes through the visibility rules and is audited (P6).
 */
import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import {
  cases,
  itemChanges,
  itemDisclosures,
  partners,
  policeSubjectItems,
  subjectItems,
  subjects,
  type ItemCategory,
  type ItemChangeKind,
  type PartnerKind,
} from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit, type AuditEntry, type AuditSubject } from '../audit';
import { noteMassRead } from './mass-read';
import { AppError, invalidFields, notFound, type FieldProblems } from '../errors';
import { amsterdamDate } from '../clock';
import { decryptValue, encryptValue, type DataKeys } from './crypto';
import { blindIndexEmpty, dropItemTokens, indexItemValues } from './blind-index';
import { assertMayRecordInforming, recordInformEvent } from './informing';
import { canSeeItem, loadSharingMatrix, mayProvide, type SharingMatrix } from './visibility';
import { maskBsn, normaliseBsn, normaliseDate, normaliseKenteken } from '../domain/dutch-formats';
import { assertCovenantInForce } from './covenant-gate';
import { providingRefusal } from './partner-standing';
import { windDownReader } from './wind-down';
import { ownCase, ownPartner } from '../domain/scope';
import { decodePublicId, encodePublicId } from './public-ids';
import { erasedMarker } from './erased';
import { preparedPerDb, preparedSql } from '../prepared';
import { involvedCaseIds } from './involvement';
import { noticeDisclosedPartners } from './correction-notices';
import { assertNoPersonalData } from './free-text';
import type { Actor } from '../auth/actor';
import { memoOfTeam, remembered, rememberedGroups, type ReadMemo } from './read-memo';

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
  /** P12: restricted (AVG art. 18) — only its provider sees it, marked "beperkt". */
  restricted: boolean;
  /** P12: erased by its provider — the value is gone, the tombstone "[verwijderd]" stays. */
  erased: boolean;
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

// The gate's reads, prepared once per connection (issue 12): every view with betrokkenen runs
// them. Id lists go in as one JSON array (json_each), so one statement serves any number of ids.
const idList = () => sql`(select value from json_each(${sql.placeholder('ids')}))`;
const gateQueries = {
  general: preparedPerDb((db) =>
    db
      .select({ item: subjectItems, sourceKind: partners.kind })
      .from(subjectItems)
      .innerJoin(partners, eq(partners.id, subjectItems.sourcePartnerId))
      .where(inArray(subjectItems.subjectId, idList()))
      .orderBy(asc(subjectItems.id))
      .prepare(),
  ),
  police: preparedPerDb((db) =>
    db
      .select({ item: policeSubjectItems, sourceKind: partners.kind })
      .from(policeSubjectItems)
      .innerJoin(partners, eq(partners.id, policeSubjectItems.sourcePartnerId))
      .where(inArray(policeSubjectItems.subjectId, idList()))
      .orderBy(asc(policeSubjectItems.id))
      .prepare(),
  ),
  subjects: preparedPerDb((db) => db.select().from(subjects).where(inArray(subjects.caseId, idList())).orderBy(asc(subjects.id)).prepare()),
  // One row per shown item, in the order shown (`INSERT … SELECT` needs its WHERE to parse ON CONFLICT).
  disclosures: preparedSql(
    `INSERT INTO item_disclosures (police, item_id, partner_id, first_seen_at)
     SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), ?, ? FROM json_each(?) WHERE true
     ON CONFLICT DO NOTHING`,
  ),
};

function loadSubjectRows(db: Db, caseIds: number[]) {
  return gateQueries.subjects(db).all({ ids: JSON.stringify(caseIds) });
}

export function loadItemRows(db: Db, subjectIds: number[]): ItemRow[] {
  if (subjectIds.length === 0) return [];
  const ids = JSON.stringify(subjectIds);
  const general = gateQueries
    .general(db)
    .all({ ids })
    .map((r) => ({ ...r.item, police: false, sourceKind: r.sourceKind }));
  const police = gateQueries
    .police(db)
    .all({ ids })
    .map((r) => ({ ...r.item, police: true, sourceKind: r.sourceKind }));
  return [...general, ...police];
}

/** Records which partner saw which items of one read (P12), in the given transaction. */
export type Disclose = (db: Db) => void;

export type ReadPurpose = 'screen' | 'minutes' | 'export' | 'live' | 'briefing' | 'handback';

/**
 * The betrokkenen of the given casussen as `reader` may see them. Audits the read when any item
 * is disclosed. Callers must already have checked that the casussen belong to the reader's team.
 */
export function readSubjects(
  deps: AppDeps,
  reader: Actor,
  caseIds: number[],
  purpose: ReadPurpose,
  // The live view shares one read among the subscribers of a visibility class and audits each of
  // them itself, in one transaction with the read's disclosures (P12), and counts their mass reads
  // (../domain/live-shared.ts); every other caller records, audits and counts here.
  audit: (entry: AuditEntry, disclose: Disclose) => void = (entry, disclose) => {
    disclose(deps.db);
    appendAudit(deps.db, deps.now(), entry);
    noteMassRead(deps.db, deps.now(), reader);
  },
  // Only these betrokkenen (row ids), e.g. those a verslag's werkafspraken concern (art. 20.1).
  only?: ReadonlySet<number>,
  // The team's rows and built items of one live change, shared by its class builds (./read-memo.ts).
  memo?: ReadMemo,
): Map<number, VisibleSubject[]> {
  const result = new Map<number, VisibleSubject[]>();
  if (caseIds.length === 0) return result;
  const team = memoOfTeam(memo, reader.teamId);
  reader = windDownReader(deps, reader, purpose, team);
  const matrix = team ? (team.matrix ??= loadSharingMatrix(deps.db, reader.teamId)) : loadSharingMatrix(deps.db, reader.teamId);
  const involved = involvedCaseIds(deps.db, reader, caseIds); // P14: only casussen the partner is involved in
  // A memo holds the betrokkenen of every asked casus; the involved ones are picked here, per reader.
  const byCase = rememberedGroups(
    team?.subjectsByCase,
    team ? caseIds : [...involved],
    (ids) => loadSubjectRows(deps.db, ids),
    (s) => s.caseId,
  );
  const allRows = [...byCase.values()].flat().sort((a, b) => a.id - b.id);
  const subjectRows = allRows.filter((subject) => involved.has(subject.caseId) && (!only || only.has(subject.id)));
  const items = rememberedGroups(
    team?.itemsBySubject,
    (team ? allRows : subjectRows).map((s) => s.id),
    (ids) => loadItemRows(deps.db, ids),
    (item) => item.subjectId,
  );
  let disclosed = 0;
  const categories = new Set<string>();
  const shownSubjects: AuditSubject[] = [];
  const shown: ItemRow[] = [];
  for (const subject of subjectRows) {
    const rows = (items.get(subject.id) ?? []).filter((item) => canSeeItem(reader, matrix, item));
    shown.push(...rows);
    // Art. 14.5 / wind-down: a hand-back returns a partner's own data to it, so its own items go
    // out in full (BSN unmasked) — it is that partner's data; every other read masks the BSN (P9).
    const visible = rows.map((item) => {
      const unmasked = purpose === 'handback' && item.sourcePartnerId === reader.partnerId;
      const key = `${item.police ? 'police' : 'general'}:${item.id}:${unmasked ? 'unmasked' : 'masked'}`;
      return { ...remembered(team?.items, key, () => toVisibleItem(deps, reader.teamId, item, unmasked)) };
    });
    if (visible.length === 0) continue; // no trace of a betrokkene the reader may not see
    // Erased items show "[verwijderd]": nothing is disclosed, so they neither count nor name a person.
    const values = visible.filter((v) => v.value !== erasedMarker);
    if (values.length > 0) shownSubjects.push({ id: subject.id, police: rows.some((item) => item.police && !item.erasedAt) });
    disclosed += values.length;
    for (const v of values) categories.add(v.category);
    const list = result.get(subject.caseId) ?? [];
    list.push({
      id: remembered(team?.subjectIds, subject.id, () => encodePublicId(deps.keys, 'subject', reader.teamId, subject.id)),
      caseId: subject.caseId,
      kind: subject.kind,
      informedOn: subject.informedOn,
      informPostponedReason: subject.informPostponedReason,
      items: visible,
    });
    result.set(subject.caseId, list);
  }
  const disclose: Disclose = (db) => recordDisclosures(db, deps.now(), reader, shown);
  // Nothing disclosed (erased values only): no audit row; whatever there is to record, at once.
  if (disclosed === 0) disclose(deps.db);
  else {
    // P6 per person: the row names every betrokkene shown and whether police data were among it.
    audit(
      {
        teamId: reader.teamId,
        actorId: reader.id,
        action: 'personal_data.read',
        entity: 'case',
        caseId: caseIds.length === 1 ? caseIds[0]! : null,
        detail: {
          purpose,
          items: disclosed,
          categories: [...categories].sort(),
          cases: caseIds.length > 1 ? [...result.keys()] : undefined,
          subjects: shownSubjects.length,
          police: shownSubjects.some((s) => s.police),
        },
        subjects: shownSubjects,
      },
      disclose,
    );
  }
  return result;
}

/**
 * P12 (BIT art. 6.7): which partners saw which item, so a correction reaches them. Every read path
 * that shows values to a partner's user (screen, verslag, exports, live view, briefing) passes
 * here; one statement per read (chunked only past SQLite's variable limit). A partner's own items
 * and erased items (no value shown) are not recorded.
 */
function recordDisclosures(db: Db, now: Date, reader: Actor, shown: ItemRow[]) {
  const partnerId = reader.partnerId;
  if (partnerId === null || (reader.role !== 'member' && reader.role !== 'coordinator')) return;
  const at = now.toISOString();
  const rows = shown.filter((i) => !i.erasedAt && i.sourcePartnerId !== partnerId).map((i) => [i.police ? 1 : 0, i.id]);
  if (rows.length > 0) gateQueries.disclosures(db).run(partnerId, at, JSON.stringify(rows));
}

function toVisibleItem(deps: AppDeps, teamId: number, row: ItemRow, unmasked = false): VisibleItem {
  const erased = row.erasedAt !== null;
  const plain = erased ? erasedMarker : decryptValue(row.police ? deps.keys.police : deps.keys.general, row.valueEnc);
  const isBsn = row.category === 'bsn' && !erased && !unmasked;
  return {
    restricted: row.restrictedAt !== null,
    erased,
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
export function revealBsn(deps: AppDeps, reader: Actor, itemId: string): string {
  assertCovenantInForce(deps, reader.teamId); // no BSN reveal in wind-down (art. 14, 20.3c)
  const decoded = decodePublicId(deps.keys, ['item', 'policeItem'], reader.teamId, itemId);
  if (!decoded) throw notFound();
  const police = decoded.kind === 'policeItem';
  const table = police ? policeSubjectItems : subjectItems;
  // Team-scoped like every by-id load (../domain/scope.ts): another team's item is NOT_FOUND.
  const row = deps.db
    .select({ item: table, sourceKind: partners.kind, caseId: subjects.caseId })
    .from(table)
    .innerJoin(partners, eq(partners.id, table.sourcePartnerId))
    .innerJoin(subjects, eq(subjects.id, table.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(table.id, decoded.rowId), eq(cases.teamId, reader.teamId)))
    .get();
  const matrix = loadSharingMatrix(deps.db, reader.teamId);
  if (
    !row ||
    row.item.category !== 'bsn' ||
    row.item.erasedAt ||
    !canSeeItem(reader, matrix, { ...row.item, sourceKind: row.sourceKind }) ||
    !involvedCaseIds(deps.db, reader, [row.caseId]).has(row.caseId)
  ) {
    throw notFound();
  }
  appendAudit(deps.db, deps.now(), {
    teamId: reader.teamId,
    actorId: reader.id,
    action: 'personal_data.bsn_revealed',
    entity: police ? 'police_item' : 'item',
    entityId: row.item.id,
    caseId: row.caseId,
    detail: { police },
    subjects: [{ id: row.item.subjectId, police }],
  });
  noteMassRead(deps.db, deps.now(), reader);
  return decryptValue(police ? deps.keys.police : deps.keys.general, row.item.valueEnc);
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────

export type NewItem = { category: ItemCategory; value: string; legalGround?: string | null };
export type ItemWarning = { index: number; key: 'subjects.foreignKenteken' };

type ItemProblemKey =
  | 'subjects.invalidBsn'
  | 'subjects.invalidPhone'
  | 'subjects.invalidKenteken'
  | 'subjects.invalidBirthDate'
  | 'subjects.bsnNeedsLegalGround'
  | 'validation.required';
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
    case 'naw':
    case 'naleving':
      return { value };
  }
}

/**
 * Checks and normalises every item for one source partner and reports every problem at once,
 * each at its input path (`items.2.value`), so the form can show them all at their fields.
 */
type ProvidingPartner = { id: number; name: string; kind: PartnerKind; joinedOn: string; leftOn: string | null };

function normaliseItems(
  deps: AppDeps,
  matrix: SharingMatrix,
  source: ProvidingPartner,
  items: NewItem[],
): { values: string[]; warnings: ItemWarning[] } {
  const warnings: ItemWarning[] = [];
  const problems: FieldProblems = {};
  const today = amsterdamDate(deps.now());
  const sourceKind = source.kind;
  // The partner's standing first (suspended, not yet joined, left, no annex): one clear refusal.
  const refusal = providingRefusal(deps.db, source, matrix, today);
  if (refusal) throw new AppError('FORBIDDEN', refusal, { partner: source.name });
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
  actor: Actor;
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
  const { values, warnings } = normaliseItems(deps, loadSharingMatrix(db, input.actor.teamId), source, input.items);
  const now = deps.now().toISOString();
  const police = source.kind === 'politie';
  const table = police ? policeSubjectItems : subjectItems;
  const key = police ? deps.keys.police : deps.keys.general;
  const id = db.transaction((tx) => {
    const subject = tx
      .insert(subjects)
      .values({ caseId: caseRow.id, kind: input.kind, createdByPartnerId: source.id, createdAt: now })
      .returning({ id: subjects.id })
      .get();
    insertItems(tx, deps.keys, table, key, subject.id, source.id, input.actor.id, input.items, values, now);
    appendAudit(tx, deps.now(), {
      teamId: input.actor.teamId,
      actorId: input.actor.id,
      action: 'personal_data.created',
      entity: 'subject',
      entityId: subject.id,
      caseId: caseRow.id,
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
  tx: Db,
  keys: DataKeys,
  table: typeof subjectItems | typeof policeSubjectItems,
  key: Buffer,
  subjectId: number,
  sourcePartnerId: number,
  userId: number,
  items: NewItem[],
  values: string[],
  now: string,
) {
  if (items.length === 0) return;
  // art. 25.1: the Wpg term of a police item runs from its first processing — the day the police
  // provide it to the team.
  const firstProcessedOn = table === policeSubjectItems ? { firstProcessedOn: amsterdamDate(new Date(now)) } : {};
  const rows = tx
    .insert(table)
    .values(
      items.map((item, i) => ({
        subjectId,
        category: item.category,
        valueEnc: encryptValue(key, values[i]!),
        legalGround: item.legalGround?.trim() || null,
        sourcePartnerId,
        recordedByUserId: userId,
        createdAt: now,
        updatedAt: now,
        ...firstProcessedOn,
      })),
    )
    .returning({ id: table.id })
    .all();
  // Issue 11 item 1: the blind index (./blind-index.ts) is kept in the same transaction.
  indexItemValues(
    tx,
    keys,
    subjectId,
    rows.map((r, i) => ({ police: table === policeSubjectItems, itemId: r.id, category: items[i]!.category, value: values[i]! })),
  );
}

// SPEC §3: after the covenant's end date no new personal data may be recorded (no legal basis).
// Decided in ./covenant-gate.ts; re-exported under its old name for the callers that import it here.
export { assertCovenantInForce };

export type { SharingMatrix };

/** Adds items from one source partner to an existing betrokkene the actor can see. */
export function addItems(
  deps: AppDeps,
  input: { subjectId: string; items: NewItem[]; sourcePartnerId: number; actor: Actor },
): { warnings: ItemWarning[] } {
  const subject = visibleSubject(deps, input.actor, input.subjectId);
  assertCovenantInForce(deps, input.actor.teamId);
  const source = ownPartner(deps.db, input.actor.teamId, input.sourcePartnerId);
  const { values, warnings } = normaliseItems(deps, loadSharingMatrix(deps.db, input.actor.teamId), source, input.items);
  const police = source.kind === 'politie';
  const now = deps.now().toISOString();
  deps.db.transaction((tx) => {
    insertItems(
      tx,
      deps.keys,
      police ? policeSubjectItems : subjectItems,
      police ? deps.keys.police : deps.keys.general,
      subject.id,
      source.id,
      input.actor.id,
      input.items,
      values,
      now,
    );
    appendAudit(tx, deps.now(), {
      teamId: input.actor.teamId,
      actorId: input.actor.id,
      action: 'personal_data.created',
      entity: 'subject',
      entityId: subject.id,
      caseId: subject.caseId,
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
function visibleSubject(deps: AppDeps, reader: Actor, subjectId: string): { id: number; caseId: number } {
  const decoded = decodePublicId(deps.keys, ['subject'], reader.teamId, subjectId);
  const subject =
    decoded &&
    deps.db
      .select({ id: subjects.id, caseId: subjects.caseId })
      .from(subjects)
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .where(and(eq(subjects.id, decoded.rowId), eq(cases.teamId, reader.teamId)))
      .get();
  if (!subject || !readSubjectsQuietly(deps, reader, subject.caseId).some((s) => s.id === subject.id)) throw notFound();
  return subject;
}

/**
 * The betrokkenen (opaque ids) a werkafspraak on `caseId` concerns, as row ids: each must be one
 * of that casus' betrokkenen the reader sees; anything else is NOT_FOUND like an unknown id.
 */
export function subjectsOfCase(deps: AppDeps, reader: Actor, caseId: number, subjectIds: string[]): number[] {
  return [
    ...new Set(
      subjectIds.map((subjectId) => {
        const subject = visibleSubject(deps, reader, subjectId);
        if (subject.caseId !== caseId) throw notFound();
        return subject.id;
      }),
    ),
  ];
}

/** Visibility of one casus' betrokkenen without disclosing values (and so without an audit row). */
function readSubjectsQuietly(deps: AppDeps, reader: Actor, caseId: number): { id: number }[] {
  reader = windDownReader(deps, reader, 'screen');
  const matrix = loadSharingMatrix(deps.db, reader.teamId);
  if (!involvedCaseIds(deps.db, reader, [caseId]).has(caseId)) return []; // P14
  const subjectRows = deps.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.caseId, caseId)).all();
  const items = loadItemRows(
    deps.db,
    subjectRows.map((s) => s.id),
  );
  return subjectRows.filter((s) => items.some((i) => i.subjectId === s.id && canSeeItem(reader, matrix, i)));
}

/** P11 (art. 26.4): informed on a date, or the reason informing is postponed. */
export function setInformed(
  deps: AppDeps,
  reader: Actor,
  input: { subjectId: string; informedOn: string | null; postponedReason: string | null },
) {
  if (!input.informedOn === !input.postponedReason?.trim()) throw new AppError('BAD_REQUEST', 'subjects.informNeedsOne');
  const subject = visibleSubject(deps, reader, input.subjectId);
  assertMayRecordInforming(deps, reader, subject.id, input.informedOn);
  deps.db.transaction((tx) => {
    tx.update(subjects)
      .set({ informedOn: input.informedOn, informPostponedReason: input.postponedReason?.trim() || null })
      .where(eq(subjects.id, subject.id))
      .run();
    recordInformEvent(tx, deps.now(), reader, subject.id, input.informedOn, input.postponedReason?.trim() || null);
    appendAudit(tx, deps.now(), {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'subject.informed',
      entity: 'subject',
      entityId: subject.id,
      caseId: subject.caseId,
      detail: { informed: Boolean(input.informedOn) },
    });
  });
}

/**
 * Erases every betrokkene of a casus with all its items, police items included (a signal withdrawn
 * as a mistake: there is no ground to keep them). The casus keeps its anonymous facts; the audit
 * row records counts only (P6, P7). Call inside the transaction that withdraws the casus.
 */
export function eraseCasePersonalData(
  tx: Db,
  at: Date,
  actor: Pick<Actor, 'id' | 'teamId'>,
  caseId: number,
  reason: 'withdrawn' | 'wind_down',
) {
  const subjectIds = tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(eq(subjects.caseId, caseId))
    .all()
    .map((s) => s.id);
  let items = 0;
  if (subjectIds.length > 0) {
    for (const [table, police] of [
      [subjectItems, false],
      [policeSubjectItems, true],
    ] as const) {
      const ids = tx
        .select({ id: table.id })
        .from(table)
        .where(inArray(table.subjectId, subjectIds))
        .all()
        .map((r) => r.id);
      if (ids.length === 0) continue;
      tx.delete(itemDisclosures)
        .where(and(eq(itemDisclosures.police, police), inArray(itemDisclosures.itemId, ids)))
        .run();
      items += tx.delete(table).where(inArray(table.id, ids)).run().changes;
    }
    tx.delete(subjects).where(inArray(subjects.id, subjectIds)).run();
  }
  tx.update(cases).set({ personalDataRemovedAt: at.toISOString() }).where(eq(cases.id, caseId)).run();
  appendAudit(tx, at, {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'personal_data.erased',
    entity: 'case',
    entityId: caseId,
    caseId,
    detail: { reason, subjects: subjectIds.length, items },
  });
  return { subjects: subjectIds.length, items };
}

/**
 * Which partners provided personal data per casus (ids only, no values, no audit: nothing is
 * disclosed). For the FG's wind-down decisions: whose data would be handed back.
 */
export function providingPartners(db: Db, caseIds: number[]): Map<number, number[]> {
  const result = new Map<number, number[]>();
  if (caseIds.length === 0) return result;
  for (const table of [subjectItems, policeSubjectItems]) {
    const rows = db
      .selectDistinct({ caseId: subjects.caseId, partnerId: table.sourcePartnerId })
      .from(table)
      .innerJoin(subjects, eq(subjects.id, table.subjectId))
      .where(inArray(subjects.caseId, caseIds))
      .all();
    for (const r of rows) {
      const list = result.get(r.caseId) ?? [];
      if (!list.includes(r.partnerId)) list.push(r.partnerId);
      result.set(
        r.caseId,
        list.sort((a, b) => a - b),
      );
    }
  }
  return result;
}

// ── Retention (art. 25, P8) ─────────────────────────────────────────────────────────────────

/**
 * Per casus of the team that still holds item values: whether it has any, and the earliest first
 * processing of its police items (the Wpg term runs from there). Dates only, no values.
 */
export function unerasedItemsByCase(db: Db, teamId: number): Map<number, { policeFirstProcessedOn: string | null }> {
  const result = new Map<number, { policeFirstProcessedOn: string | null }>();
  // Grouped per casus in SQL (issue 12): the daily retention run asked for every unerased item of
  // the team's whole history (80,000 rows at ten years) only to keep one entry per casus.
  const general = db
    .select({ caseId: subjects.caseId })
    .from(subjectItems)
    .innerJoin(subjects, eq(subjects.id, subjectItems.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(cases.teamId, teamId), isNull(subjectItems.erasedAt)))
    .groupBy(subjects.caseId)
    .all();
  for (const r of general) result.set(r.caseId, { policeFirstProcessedOn: null });
  // The police term runs from the first processing in the police's domain; an item without that
  // date counts from the day it was recorded.
  const police = db
    .select({
      caseId: subjects.caseId,
      first: sql<string>`min(coalesce(${policeSubjectItems.firstProcessedOn}, substr(${policeSubjectItems.createdAt}, 1, 10)))`,
    })
    .from(policeSubjectItems)
    .innerJoin(subjects, eq(subjects.id, policeSubjectItems.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(cases.teamId, teamId), isNull(policeSubjectItems.erasedAt)))
    .groupBy(subjects.caseId)
    .all();
  for (const r of police) result.set(r.caseId, { policeFirstProcessedOn: r.first });
  return result;
}

/**
 * Erases item values of one casus for the retention run: every item (`scope` 'case', a closed
 * casus past the team's period) or only the police items first processed on or before
 * `policeProcessedBy` ('police', past the Wpg term). The rows stay without value, legal ground or
 * recorder, so verslagen show "[verwijderd]" where the person was and every count stays the same;
 * the betrokkene's informing note goes too. Audited with counts only (P6, P7).
 */
export function eraseForRetention(
  tx: Db,
  at: Date,
  actor: Pick<Actor, 'id' | 'teamId'>,
  caseId: number,
  scope: 'case' | 'police',
  policeProcessedBy: string,
): number {
  const iso = at.toISOString();
  const subjectIds = tx
    .select({ id: subjects.id })
    .from(subjects)
    .where(eq(subjects.caseId, caseId))
    .all()
    .map((s) => s.id);
  if (subjectIds.length === 0) return 0;
  const erased = { valueEnc: '', legalGround: null, recordedByUserId: null, erasedAt: iso, updatedAt: iso };
  let items = 0;
  if (scope === 'case') {
    // The blind index loses the erased values too (no HMAC of a BSN may stay behind).
    for (const r of tx
      .update(subjectItems)
      .set(erased)
      .where(and(inArray(subjectItems.subjectId, subjectIds), isNull(subjectItems.erasedAt)))
      .returning({ id: subjectItems.id })
      .all()) {
      dropItemTokens(tx, false, r.id);
      items++;
    }
    for (const r of tx
      .update(policeSubjectItems)
      .set(erased)
      .where(and(inArray(policeSubjectItems.subjectId, subjectIds), isNull(policeSubjectItems.erasedAt)))
      .returning({ id: policeSubjectItems.id })
      .all()) {
      dropItemTokens(tx, true, r.id);
      items++;
    }
    tx.update(subjects).set({ informPostponedReason: null }).where(inArray(subjects.id, subjectIds)).run();
    tx.update(cases).set({ personalDataRemovedAt: iso }).where(eq(cases.id, caseId)).run();
  } else {
    for (const r of tx
      .update(policeSubjectItems)
      .set(erased)
      .where(
        and(
          inArray(policeSubjectItems.subjectId, subjectIds),
          isNull(policeSubjectItems.erasedAt),
          sql`coalesce(${policeSubjectItems.firstProcessedOn}, substr(${policeSubjectItems.createdAt}, 1, 10)) <= ${policeProcessedBy}`,
        ),
      )
      .returning({ id: policeSubjectItems.id })
      .all()) {
      dropItemTokens(tx, true, r.id);
      items++;
    }
  }
  appendAudit(tx, at, {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'personal_data.erased',
    entity: 'case',
    entityId: caseId,
    caseId,
    detail: { reason: 'retention', scope, items },
  });
  return items;
}

/**
 * Issue 11 item 1: fills the blind index from the stored items when it is empty (a database from
 * before the index). Runs at startup; decrypts each value only to derive its tokens.
 */
export function backfillBlindIndex(deps: Pick<AppDeps, 'db' | 'keys'>): number {
  if (!blindIndexEmpty(deps.db)) return 0;
  const subjectIds = deps.db
    .select({ id: subjects.id })
    .from(subjects)
    .all()
    .map((s) => s.id);
  let indexed = 0;
  deps.db.transaction((tx) => {
    for (let i = 0; i < subjectIds.length; i += 500) {
      const bySubject = new Map<number, ItemRow[]>();
      for (const row of loadItemRows(tx, subjectIds.slice(i, i + 500)))
        bySubject.set(row.subjectId, [...(bySubject.get(row.subjectId) ?? []), row]);
      for (const [subjectId, rows] of bySubject) {
        indexItemValues(
          tx,
          deps.keys,
          subjectId,
          rows.map((r) => ({
            police: r.police,
            itemId: r.id,
            category: r.category,
            value: decryptValue(r.police ? deps.keys.police : deps.keys.general, r.valueEnc),
          })),
        );
        indexed += rows.length;
      }
    }
  });
  return indexed;
}

// ── Correcting, erasing, restricting (P12, BIT art. 6.7, AVG art. 16–19) ────────────────────

type ItemTarget = { row: ItemRow; caseId: number; table: typeof subjectItems | typeof policeSubjectItems; key: Buffer };

/**
 * The item behind an opaque id for its provider: a member of the partner that provided it, or the
 * coordinator on its behalf (BIT art. 6.7: "de verstrekkende convenantpartner"). A reader who sees
 * the item but did not provide it is FORBIDDEN; anyone else gets NOT_FOUND (as for a missing id).
 */
function itemOfProvider(deps: AppDeps, actor: Actor, itemId: string): ItemTarget {
  const decoded = decodePublicId(deps.keys, ['item', 'policeItem'], actor.teamId, itemId);
  if (!decoded) throw notFound();
  const police = decoded.kind === 'policeItem';
  const table = police ? policeSubjectItems : subjectItems;
  const found = deps.db
    .select({ item: table, sourceKind: partners.kind, caseId: subjects.caseId })
    .from(table)
    .innerJoin(partners, eq(partners.id, table.sourcePartnerId))
    .innerJoin(subjects, eq(subjects.id, table.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .where(and(eq(table.id, decoded.rowId), eq(cases.teamId, actor.teamId)))
    .get();
  if (!found) throw notFound();
  const row: ItemRow = { ...found.item, police, sourceKind: found.sourceKind };
  const provider = actor.role === 'coordinator' || (actor.role === 'member' && actor.partnerId === row.sourcePartnerId);
  if (!provider) {
    const sees =
      canSeeItem(actor, loadSharingMatrix(deps.db, actor.teamId), row) && involvedCaseIds(deps.db, actor, [found.caseId]).has(found.caseId);
    throw sees ? new AppError('FORBIDDEN', 'corrections.providerOnly') : notFound();
  }
  return { row, caseId: found.caseId, table, key: police ? deps.keys.police : deps.keys.general };
}

type ChangeInput = {
  target: ItemTarget;
  kind: ItemChangeKind;
  reason: string;
  oldValueEnc: string | null;
  set: Partial<typeof subjectItems.$inferInsert>;
  /** The corrected value, re-indexed for search; an erased item leaves the index (issue 11 item 1). */
  reindex?: { value: string } | 'drop';
};

/** One change in one transaction: the history row, the item itself, the notices, the audit row. */
function applyItemChange(deps: AppDeps, actor: Actor, input: ChangeInput): { notified: number } {
  const { target } = input;
  assertNoPersonalData({ reason: input.reason }, deps.now());
  const at = deps.now().toISOString();
  const notified = deps.db.transaction((tx) => {
    const change = tx
      .insert(itemChanges)
      .values({
        teamId: actor.teamId,
        police: target.row.police,
        itemId: target.row.id,
        caseId: target.caseId,
        category: target.row.category,
        kind: input.kind,
        oldValueEnc: input.oldValueEnc,
        reason: input.reason.trim(),
        sourcePartnerId: target.row.sourcePartnerId,
        actorUserId: actor.id,
        at,
      })
      .returning({ id: itemChanges.id })
      .get();
    const res = tx
      .update(target.table)
      .set({ ...input.set, updatedAt: at, version: target.row.version + 1 })
      .where(and(eq(target.table.id, target.row.id), eq(target.table.version, target.row.version)))
      .run();
    if (res.changes !== 1) throw new AppError('CONFLICT', 'conflict.version');
    if (input.reindex) {
      dropItemTokens(tx, target.row.police, target.row.id);
      if (input.reindex !== 'drop') {
        indexItemValues(tx, deps.keys, target.row.subjectId, [
          { police: target.row.police, itemId: target.row.id, category: target.row.category, value: input.reindex.value },
        ]);
      }
    }
    const count = noticeDisclosedPartners(tx, {
      changeId: change.id,
      teamId: actor.teamId,
      police: target.row.police,
      itemId: target.row.id,
      caseId: target.caseId,
      kind: input.kind,
      category: target.row.category,
      sourcePartnerId: target.row.sourcePartnerId,
      at,
    });
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: `personal_data.${auditActions[input.kind]}`,
      entity: target.row.police ? 'police_item' : 'item',
      entityId: target.row.id,
      caseId: target.caseId,
      detail: { category: target.row.category, sourcePartnerId: target.row.sourcePartnerId, notified: count },
    });
    return count;
  });
  announceSubjectsChanged(deps, actor.teamId, target.caseId);
  return { notified };
}

const auditActions: Record<ItemChangeKind, string> = {
  correctie: 'corrected',
  verwijdering: 'item_erased',
  beperking: 'restricted',
  opheffing: 'restriction_lifted',
};

/** P12: the provider corrects a value; the old value stays (encrypted) in the history for the FG. */
export function correctItem(deps: AppDeps, actor: Actor, input: { itemId: string; value: string; reason: string }) {
  const target = itemOfProvider(deps, actor, input.itemId);
  if (target.row.erasedAt) throw new AppError('BAD_REQUEST', 'corrections.erased');
  const result = normaliseItem(
    { category: target.row.category, value: input.value, legalGround: target.row.legalGround },
    0,
    [],
    amsterdamDate(deps.now()),
  );
  if (!('value' in result))
    throw invalidFields(Object.fromEntries(result.problems.map((p) => [p.field, { key: p.key, params: { index: 1 } }])));
  if (result.value === decryptValue(target.key, target.row.valueEnc))
    throw new AppError('BAD_REQUEST', 'corrections.unchanged', {}, 'value');
  return applyItemChange(deps, actor, {
    target,
    kind: 'correctie',
    reason: input.reason,
    oldValueEnc: target.row.valueEnc,
    set: { valueEnc: encryptValue(target.key, result.value) },
    reindex: { value: result.value },
  });
}

/**
 * P12 / AVG art. 17: the value is removed — from the item and from every earlier value in its
 * history — and the item stays as a tombstone "[verwijderd]" so verslagen keep their shape.
 */
export function eraseItem(deps: AppDeps, actor: Actor, input: { itemId: string; reason: string }) {
  const target = itemOfProvider(deps, actor, input.itemId);
  if (target.row.erasedAt) throw new AppError('BAD_REQUEST', 'corrections.erased');
  const result = applyItemChange(deps, actor, {
    target,
    kind: 'verwijdering',
    reason: input.reason,
    oldValueEnc: null,
    set: { valueEnc: '', legalGround: null, erasedAt: deps.now().toISOString() },
    reindex: 'drop',
  });
  deps.db
    .update(itemChanges)
    .set({ oldValueEnc: null })
    .where(and(eq(itemChanges.police, target.row.police), eq(itemChanges.itemId, target.row.id)))
    .run();
  return result;
}

/** AVG art. 18: restrict (or lift) — while restricted only the provider and the FG see the item. */
export function setItemRestriction(deps: AppDeps, actor: Actor, input: { itemId: string; reason: string; restricted: boolean }) {
  const target = itemOfProvider(deps, actor, input.itemId);
  if (target.row.erasedAt) throw new AppError('BAD_REQUEST', 'corrections.erased');
  if ((target.row.restrictedAt !== null) === input.restricted)
    throw new AppError('BAD_REQUEST', input.restricted ? 'corrections.alreadyRestricted' : 'corrections.notRestricted');
  return applyItemChange(deps, actor, {
    target,
    kind: input.restricted ? 'beperking' : 'opheffing',
    reason: input.reason,
    oldValueEnc: null,
    set: { restrictedAt: input.restricted ? deps.now().toISOString() : null },
  });
}

/**
 * The FG's view of restricted items (AVG art. 18: still held, processed no further): values
 * decrypted for the FG only, and the read audited (P6).
 */
export function restrictedItemsForFg(deps: AppDeps, fg: Pick<Actor, 'id' | 'teamId'>) {
  const result = [];
  for (const [table, police] of [
    [subjectItems, false],
    [policeSubjectItems, true],
  ] as const) {
    const rows = deps.db
      .select({
        id: table.id,
        category: table.category,
        valueEnc: table.valueEnc,
        sourcePartnerId: table.sourcePartnerId,
        restrictedAt: table.restrictedAt,
        caseId: cases.id,
        caseCode: cases.code,
      })
      .from(table)
      .innerJoin(subjects, eq(subjects.id, table.subjectId))
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .where(and(eq(cases.teamId, fg.teamId), isNotNull(table.restrictedAt), isNull(table.erasedAt)))
      .all();
    for (const r of rows) {
      result.push({
        id: encodePublicId(deps.keys, police ? 'policeItem' : 'item', fg.teamId, r.id),
        caseId: r.caseId,
        caseCode: r.caseCode,
        category: r.category,
        police,
        value: decryptValue(police ? deps.keys.police : deps.keys.general, r.valueEnc),
        sourcePartnerId: r.sourcePartnerId,
        restrictedAt: r.restrictedAt!,
      });
    }
  }
  if (result.length > 0) {
    appendAudit(deps.db, deps.now(), {
      teamId: fg.teamId,
      actorId: fg.id,
      action: 'personal_data.read',
      entity: 'case',
      caseId: null,
      detail: { purpose: 'restricted', items: result.length },
    });
  }
  return result.sort((a, b) => b.restrictedAt.localeCompare(a.restrictedAt));
}

/**
 * P1 (art. 20.9): free text about a casus may not name its betrokkenen. Their names (the name part
 * of the persons' NAW items, police items included) are decrypted here, server-side only, to
 * compare; nothing is returned or audited as a read, since nothing is disclosed.
 */
export function assertNoSubjectNames(
  deps: AppDeps,
  caseIds: (number | null | undefined)[],
  fields: Record<string, string | null | undefined>,
): void {
  const ids = caseIds.filter((id): id is number => typeof id === 'number');
  const names: string[] = [];
  if (ids.length > 0 && Object.values(fields).some((t) => t?.trim())) {
    const persons = deps.db
      .select({ id: subjects.id })
      .from(subjects)
      .where(and(inArray(subjects.caseId, ids), eq(subjects.kind, 'person')))
      .all()
      .map((s) => s.id);
    for (const row of loadItemRows(deps.db, persons)) {
      if (row.category === 'naw' && !row.erasedAt)
        names.push(decryptValue(row.police ? deps.keys.police : deps.keys.general, row.valueEnc));
    }
  }
  assertNoPersonalData(fields, deps.now(), names);
}
