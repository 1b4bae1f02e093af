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

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'validation.date' }).refine(
  (s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  { message: 'validation.date' },
);

export const isoDateTime = z.iso.datetime({ offset: true, message: 'validation.datetime' });

export const email = z.string().trim().max(254).email({ message: 'validation.email' });
