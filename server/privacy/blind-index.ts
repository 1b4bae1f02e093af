/**
 * The keyed blind index over betrokkenen (issue 11 item 1, art. 24 / P9): the FG must find every
 * casus a person appears in to answer a request, but the values are encrypted (P5) and a
 * plaintext index would undo that. Each identifying value is normalised and turned into tokens
 * (each word of a name and address, the BSN's digits, the ISO birth date, the kenteken without
 * dashes), and each token is stored only as an HMAC under a key derived (HKDF) from the data key.
 * The key never reaches the database, so the table says nothing without it: equal tokens can be
 * matched, nothing can be read back.
 *
 * Writes: `indexItemValues` is called from the item write path (./personal-data.ts) in the same
 * transaction; `dropItemTokens` when an item's value changes or it is erased. Existing data:
 * `backfillBlindIndex` (startup, after migrations) fills the index when it is empty.
 */
import { hkdfSync, createHmac } from 'node:crypto';
import { and, count, eq, inArray } from 'drizzle-orm';
import { cases, subjectSearchTokens, subjects, type ItemCategory } from '../../db/schema';
import type { Db } from '../../db/client';
import type { DataKeys } from './crypto';
import { normaliseBsn, normaliseDate } from '../domain/dutch-formats';

const derived = new WeakMap<DataKeys, Buffer>();
/** A subkey of its own (HKDF-SHA256): the encryption key itself is never used for the index. */
function indexKey(keys: DataKeys): Buffer {
  let key = derived.get(keys);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', keys.general, Buffer.from('overleg'), Buffer.from('overleg/blind-index/v1'), 32));
    derived.set(keys, key);
  }
  return key;
}

const tokenOf = (keys: DataKeys, plain: string) => createHmac('sha256', indexKey(keys)).update(plain, 'utf8').digest('base64url');

/** Case, diacritics and whitespace folded; words of letters and digits only. */
export function nameWords(value: string): string[] {
  const folded = value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 2))];
}

const digitsOnly = (value: string) => value.replace(/\D/g, '');
const plateKey = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The plaintext tokens (before the HMAC) of one stored value of `category`. */
export function valueTokens(category: ItemCategory, value: string): string[] {
  switch (category) {
    case 'naw':
      return nameWords(value).map((w) => `name:${w}`);
    case 'bsn': {
      const bsn = digitsOnly(value);
      return bsn ? [`bsn:${bsn.padStart(9, '0')}`] : [];
    }
    case 'geboortedatum': {
      const date = normaliseDate(value);
      return date ? [`date:${date}`] : [];
    }
    case 'kenteken': {
      const plate = plateKey(value);
      return plate ? [`plate:${plate}`] : [];
    }
    default:
      return []; // telefoon, geslacht and naleving are not search keys (issue 11 item 1)
  }
}

/**
 * The ways one query can be meant; a betrokkene matches when it has every token of at least one.
 * "Jansen" → a name word; "Piet Jansen" → both words; "1234.56.782" → a BSN; "01-02-1980" → a
 * date; "XX-99-XX" → a kenteken (or a name word, whichever finds something).
 */
export function queryAlternatives(query: string): string[][] {
  const alternatives: string[][] = [];
  const words = nameWords(query);
  if (words.length > 0) alternatives.push(words.map((w) => `name:${w}`));
  const bsn = normaliseBsn(query);
  if (bsn) alternatives.push([`bsn:${bsn}`]);
  const date = normaliseDate(query);
  if (date) alternatives.push([`date:${date}`]);
  const plate = plateKey(query);
  if (plate.length >= 4 && plate.length <= 12) alternatives.push([`plate:${plate}`]);
  return alternatives;
}

export type IndexedValue = { police: boolean; itemId: number; category: ItemCategory; value: string };

/** Writes the tokens of freshly written items of one betrokkene (inside the write's transaction). */
export function indexItemValues(tx: Db, keys: DataKeys, subjectId: number, values: IndexedValue[]): void {
  const rows = values.flatMap((v) =>
    [...new Set(valueTokens(v.category, v.value))].map((t) => ({ subjectId, police: v.police, itemId: v.itemId, token: tokenOf(keys, t) })),
  );
  for (let i = 0; i < rows.length; i += 500)
    tx.insert(subjectSearchTokens)
      .values(rows.slice(i, i + 500))
      .run();
}

/** Removes the tokens of one item: call when its value is corrected (then re-index) or it is erased. */
export function dropItemTokens(tx: Db, police: boolean, itemId: number): void {
  tx.delete(subjectSearchTokens)
    .where(and(eq(subjectSearchTokens.police, police), eq(subjectSearchTokens.itemId, itemId)))
    .run();
}

/** The team's betrokkenen (row ids) matching the query, with their casus. */
export function searchSubjects(
  db: Db,
  keys: DataKeys,
  teamId: number,
  query: string,
): { subjectId: number; caseId: number; caseCode: string }[] {
  const found = new Map<number, { subjectId: number; caseId: number; caseCode: string }>();
  for (const alternative of queryAlternatives(query)) {
    const tokens = alternative.map((t) => tokenOf(keys, t));
    const rows = db
      .select({ subjectId: subjectSearchTokens.subjectId, token: subjectSearchTokens.token, caseId: cases.id, caseCode: cases.code })
      .from(subjectSearchTokens)
      .innerJoin(subjects, eq(subjects.id, subjectSearchTokens.subjectId))
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .where(and(inArray(subjectSearchTokens.token, tokens), eq(cases.teamId, teamId)))
      .all();
    const seen = new Map<number, Set<string>>();
    for (const r of rows) {
      const set = seen.get(r.subjectId) ?? new Set<string>();
      set.add(r.token);
      seen.set(r.subjectId, set);
    }
    for (const r of rows) {
      if (seen.get(r.subjectId)!.size === tokens.length && !found.has(r.subjectId))
        found.set(r.subjectId, { subjectId: r.subjectId, caseId: r.caseId, caseCode: r.caseCode });
    }
  }
  return [...found.values()].sort((a, b) => a.caseCode.localeCompare(b.caseCode) || a.subjectId - b.subjectId);
}

/** True when the index holds no tokens at all (a database from before the index, or a fresh one). */
export function blindIndexEmpty(db: Db): boolean {
  return (db.select({ n: count() }).from(subjectSearchTokens).get()?.n ?? 0) === 0;
}
