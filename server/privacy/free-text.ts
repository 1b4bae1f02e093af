/**
 * P1 (art. 20.1, 20.9, 20.11): free text — notes, decisions, werkafspraken, task results,
 * descriptions, agenda notes, verslag text, reasons — is for non-personal content. Personal data
 * belong in a betrokkene's items, where the sharing matrix, encryption, audit, correction and
 * retention apply. Text that looks like a BSN (11-proef), a date of birth, a phone number, a
 * kenteken or the name of one of the casus' betrokkenen is refused, naming the field.
 *
 * Heuristics, chosen to keep ordinary casus language through:
 *  - BSN: nine digits (dots, spaces or dashes allowed) that pass the 11-proef;
 *  - date of birth: a full calendar date (1-3-1980, 01/03/1980, 1980-03-01, 1 maart 1980) more
 *    than twelve years ago — meeting and due dates are recent;
 *  - phone: a number written from 0 or + that libphonenumber finds valid for NL or abroad;
 *  - kenteken: a Dutch sidecode, with dashes in any case or written together in capitals
 *    (a postcode written together, 5701AB, is no plate);
 *  - names: the betrokkenen's own names (persons), compared server-side after decryption.
 */
import { z } from 'zod';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { normaliseBsn, normaliseDate, normaliseKenteken } from '../domain/dutch-formats';
import { invalidFields, type FieldProblems } from '../errors';
import type { Locale } from '../i18n/messages';

export type PersonalDataKind = 'bsn' | 'geboortedatum' | 'telefoon' | 'kenteken' | 'naam';
type Label = Record<Locale, string>;

export const kindLabels: Record<PersonalDataKind, Label> = {
  bsn: { nl: 'een BSN', en: 'a BSN' },
  geboortedatum: { nl: 'een geboortedatum', en: 'a date of birth' },
  telefoon: { nl: 'een telefoonnummer', en: 'a phone number' },
  kenteken: { nl: 'een kenteken', en: 'a licence plate' },
  naam: { nl: 'de naam van een betrokkene', en: "a betrokkene's name" },
};

/** The field names of the free-text inputs, as the message names them. */
export const fieldLabels = {
  notes: { nl: 'Notities', en: 'Notes' },
  decisions: { nl: 'Besluiten', en: 'Decisions' },
  text: { nl: 'Werkafspraak', en: 'Agreement' },
  title: { nl: 'Titel', en: 'Title' },
  resultNote: { nl: 'Resultaat', en: 'Result' },
  description: { nl: 'Omschrijving', en: 'Description' },
  reason: { nl: 'Reden', en: 'Reason' },
  intro: { nl: 'Inleiding', en: 'Introduction' },
  closing: { nl: 'Afsluiting', en: 'Closing' },
  note: { nl: 'Toelichting', en: 'Note' },
  outcome: { nl: 'Uitkomst', en: 'Outcome' },
} as const satisfies Record<string, Label>;
export type FreeTextField = keyof typeof fieldLabels;

const months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];
const sidecodeToken = /\b[A-Za-z0-9]{1,3}-[A-Za-z0-9]{2,3}-[A-Za-z0-9]{1,3}\b/g;
const compactToken = /\b[A-Z0-9]{6}\b/g;
const postcode = /^[1-9]\d{3}[A-Z]{2}$/;

function looksLikeBirthDate(text: string, now: Date): boolean {
  const limit = `${now.getUTCFullYear() - 12}${now.toISOString().slice(4, 10)}`;
  const dates: string[] = [];
  for (const m of text.matchAll(/\b(\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|\d{4}-\d{2}-\d{2})\b/g)) {
    const iso = normaliseDate(m[1]!.replace(/[/.]/g, '-'));
    if (iso) dates.push(iso);
  }
  for (const m of text.toLowerCase().matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${months.join('|')})\\s+(\\d{4})\\b`, 'g'))) {
    const iso = normaliseDate(`${m[1]}-${months.indexOf(m[2]!) + 1}-${m[3]}`);
    if (iso) dates.push(iso);
  }
  return dates.some((d) => d >= '1900-01-01' && d <= limit);
}

function looksLikePhone(text: string): boolean {
  return findPhoneNumbersInText(text, 'NL').some((m) => /^[0+]/.test(text.slice(m.startsAt, m.endsAt)));
}

function looksLikeKenteken(text: string): boolean {
  const tokens = [...text.matchAll(sidecodeToken)].map((m) => m[0]);
  tokens.push(...[...text.matchAll(compactToken)].map((m) => m[0]).filter((t) => /\d/.test(t) && /[A-Z]/.test(t) && !postcode.test(t)));
  return tokens.some((t) => normaliseKenteken(t)?.dutch === true);
}

function looksLikeBsn(text: string): boolean {
  return [...text.matchAll(/(?<![\d])\d(?:[ .-]?\d){8}(?![\d])/g)].some(
    (m) => normaliseBsn(m[0]) !== null && m[0].replace(/\D/g, '').length === 9,
  );
}

/** The words of a name worth matching: without initials ("J.") and particles alone. */
function namePhrases(names: string[]): string[] {
  const phrases = new Set<string>();
  for (const name of names) {
    const words = name
      .split(',')[0]!
      .trim()
      .split(/\s+/)
      .filter((w) => !/^[A-Za-z]\.?$/.test(w) && !/^([A-Z]\.)+$/.test(w));
    if (words.length === 0) continue;
    phrases.add(words.join(' '));
    const last = words.at(-1)!;
    if (last.length >= 4) phrases.add(last);
  }
  return [...phrases].filter((p) => p.length >= 3);
}

function mentionsName(text: string, names: string[]): boolean {
  const lower = text.toLowerCase();
  return namePhrases(names).some((p) => {
    const escaped = p.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(lower);
  });
}

/** The first kind of personal data `text` seems to contain, or null. */
export function detectPersonalData(text: string, now: Date, names: string[] = []): PersonalDataKind | null {
  if (!text || !text.trim()) return null;
  if (looksLikeBsn(text)) return 'bsn';
  if (looksLikeBirthDate(text, now)) return 'geboortedatum';
  if (looksLikeKenteken(text)) return 'kenteken';
  if (looksLikePhone(text)) return 'telefoon';
  if (names.length > 0 && mentionsName(text, names)) return 'naam';
  return null;
}

const labelOf = (path: string): Label => (fieldLabels as Record<string, Label>)[path.split('.').at(-1)!] ?? { nl: path, en: path };

/**
 * Refuses free text with personal data, every field at its input path (`notes`, `items.12.notes`).
 * `names`: the decrypted names of the casus' betrokkenen (privacy/personal-data.ts subjectNames).
 */
export function assertNoPersonalData(fields: Record<string, string | null | undefined>, now: Date, names: string[] = []): void {
  const problems: FieldProblems = {};
  for (const [path, text] of Object.entries(fields)) {
    const kind = text ? detectPersonalData(text, now, names) : null;
    if (kind) problems[path] = { key: 'freeText.personalData', params: { field: labelOf(path), kind: kindLabels[kind] } };
  }
  if (Object.keys(problems).length > 0) throw invalidFields(problems);
}

/**
 * A zod free-text string that refuses the formats above (names need the casus, so the domain adds
 * them with `assertNoPersonalData`). Zod has no request clock: the birth-date horizon of twelve
 * years makes a few days' difference irrelevant.
 */
export const freeText = (schema: z.ZodString, field: FreeTextField) =>
  schema.superRefine((value, ctx) => {
    const kind = detectPersonalData(value, new Date());
    if (kind)
      ctx.addIssue({ code: 'custom', message: 'freeText.personalData', params: { field: fieldLabels[field], kind: kindLabels[kind] } });
  });
