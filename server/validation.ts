// Shared zod building blocks. Messages are keys of server/i18n: the error formatter translates
// them for the caller.
import { z } from 'zod';

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

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' }).refine(
  (s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { message: 'validation.date' },
).refine(inWorkingYears, workingYears);

// The year is read from the text as written: with its offset the instant stays within 1999–2100.
export const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.datetime' }).refine(inWorkingYears, workingYears);

export const email = z.string().trim().max(254).email({ message: 'validation.email' });
