// Shared zod building blocks. Messages are keys of server/i18n: the error formatter translates
// them for the caller.
import { z } from 'zod';
import type { MessageKey } from './i18n/messages';
import { normaliseBagId, normalisePostcode } from './domain/dutch-formats';

export const id = z.number().int().positive();
export const version = z.number().int().positive();
/** An opaque id (betrokkenen, personal data items): anything not decodable is NOT_FOUND, not a validation error. */
export const publicId = z.string().max(64);

/** A required single-line text, trimmed, with an upper bound on every string (STYLE habit 1). */
export const line = (max = 200) => z.string().trim().min(1).max(max);
/** A free-text field; may be empty. */
export const prose = (max = 4000) => z.string().max(max);

/**
 * The years the app works in. A date outside them is a typing error, and what the dates feed
 * breaks on them: the calendar (RFC 5545 via `ics`) refuses instants before 1970, and stored ISO
 * strings only sort as dates with four-digit years (year 10000 is stored as '+010000-…').
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;
const inWorkingYears = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
};
const workingYears = { message: 'validation.dateRange', params: { first: FIRST_YEAR, last: LAST_YEAR } } as const;

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' })
  .refine(
    (s) => {
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
    },
    { message: 'validation.date' },
  )
  .refine(inWorkingYears, workingYears);

// The year is read from the text as written: with its offset the instant stays within 1999–2100.
export const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.datetime' }).refine(inWorkingYears, workingYears);

export const email = z.string().trim().max(254).email({ message: 'validation.email' });

// ── Dutch formats (SPEC §7), normalised by the schema so every message lands at its field ──────

/** Adds a problem at the field being parsed and makes the parse fail. */
function refuse(ctx: z.RefinementCtx, message: MessageKey): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** A Dutch postcode, normalised to "1234 AB" (PostNL never issues SA, SD and SS). */
export const postcode = z
  .string()
  .max(20)
  .transform((input, ctx) => {
    if (!input.trim()) return refuse(ctx, 'validation.required');
    return normalisePostcode(input) ?? refuse(ctx, 'cases.invalidPostcode');
  });

/** An optional BAG id of a pand or verblijfsobject; empty means none. */
export const bagId = z
  .string()
  .max(30)
  .nullish()
  .transform((input, ctx) => {
    if (!input?.trim()) return null;
    return normaliseBagId(input)?.value ?? refuse(ctx, 'cases.invalidBagId');
  });

// The BAG's house number (1–99999) with an optional huisletter ("12a") or toevoeging ("12-2", "12 bis").
const HOUSE_NUMBER = /^(\d{1,5})(?:\s*([A-Za-z][A-Za-z0-9]{0,3})|\s*[-\s/]\s*([A-Za-z0-9]{1,4}))?$/;
export type HouseNumber = { number: number; addition: string | null };

/** A house number as typed: `12`, `"12"`, `"12a"` or `"12-2"`; the addition comes out apart. */
export const houseNumber = z.union([z.number(), z.string().max(20)]).transform((input, ctx): HouseNumber => {
  const text = String(input).trim();
  if (!text || input === 0) return refuse(ctx, 'validation.required');
  const m = HOUSE_NUMBER.exec(text);
  const number = Number(m?.[1]);
  if (!m || !Number.isInteger(number) || number < 1 || number > 99999) return refuse(ctx, 'cases.invalidHouseNumber');
  const addition = m[2] ?? m[3];
  return { number, addition: addition ? addition.toUpperCase() : null };
});

/** A separate huisletter or toevoeging: up to four letters or digits. */
export const houseNumberAddition = z
  .string()
  .max(10)
  .nullish()
  .transform((input, ctx) => {
    const text = input?.trim().replace(/^[-\s]+/, '') ?? '';
    if (!text) return null;
    return /^[A-Za-z0-9]{1,4}$/.test(text) ? text.toUpperCase() : refuse(ctx, 'cases.invalidAddition');
  });

/** A choice from a list (a partner, a theme): an empty choice is "required", not a number problem. */
export const choice = z.number({ message: 'validation.required' }).int().positive({ message: 'validation.required' });
