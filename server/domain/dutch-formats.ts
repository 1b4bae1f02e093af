// Dutch formats of the covenant's data (SPEC §7): postcode, BSN (11-proef), kenteken, BAG ids.
// Pure functions without Node dependencies, so the client can mirror them for early feedback.

/** PostNL never issues the letter pairs SA, SD and SS. Returns the normalised "1234 AB" or null. */
export function normalisePostcode(input: string): string | null {
  const m = /^\s*([1-9]\d{3})\s*([A-Za-z]{2})\s*$/.exec(input);
  if (!m) return null;
  const letters = m[2]!.toUpperCase();
  if (letters === 'SA' || letters === 'SD' || letters === 'SS') return null;
  return `${m[1]} ${letters}`;
}

/** art. 20.3c, P3: a BSN has nine digits (a leading zero may be left off) and passes the 11-proef. */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d{8,9}$/.test(digits)) return null;
  const bsn = digits.padStart(9, '0');
  if (/^0+$/.test(bsn)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0 ? bsn : null;
}

/** Shows only the last three digits until the reader explicitly reveals the number. */
export function maskBsn(bsn: string): string {
  return `••••••${bsn.slice(-3)}`;
}

// Sidecodes 1–14 of the RDW; L = letter, 9 = digit. Grouping gives the familiar dashes.
const sidecodes = [
  'LL-99-99',
  '99-99-LL',
  '99-LL-99',
  'LL-99-LL',
  'LL-LL-99',
  '99-LL-LL',
  '99-LLL-9',
  '9-LLL-99',
  'LL-999-L',
  'L-999-LL',
  'LLL-99-L',
  'L-99-LLL',
  '9-LL-999',
  '999-LL-9',
];
const sidecodePatterns = sidecodes.map((code) => ({
  code,
  regex: new RegExp(`^${code.replace(/-/g, '').replace(/L/g, '[A-Z]').replace(/9/g, '\\d')}$`),
}));

export type KentekenResult = { value: string; dutch: boolean };

/** Dutch plates are normalised with dashes; anything else is kept as entered (a foreign plate). */
export function normaliseKenteken(input: string): KentekenResult | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^[A-Z0-9]{2,12}$/.test(compact)) return null;
  const match = sidecodePatterns.find((p) => p.regex.test(compact));
  if (!match) return { value: compact, dutch: false };
  let i = 0;
  const value = match.code.replace(/[L9]/g, () => compact[i++]!);
  return { value, dutch: true };
}

/**
 * BAG ids are 16 digits: a 4-digit gemeentecode, a 2-digit object type, a 10-digit number.
 * For a casus only a pand (10) or a verblijfsobject (01) makes sense.
 */
export function normaliseBagId(input: string): { value: string; type: 'pand' | 'verblijfsobject' } | null {
  const digits = input.replace(/\s/g, '');
  if (!/^\d{16}$/.test(digits)) return null;
  const typeCode = digits.slice(4, 6);
  if (typeCode === '10') return { value: digits, type: 'pand' };
  if (typeCode === '01') return { value: digits, type: 'verblijfsobject' };
  return null;
}

/** Accepts 2026-03-01 or 1-3-2026 / 01-03-2026; returns ISO YYYY-MM-DD or null. */
export function normaliseDate(input: string): string | null {
  const trimmed = input.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dutch) [d, m, y] = [Number(dutch[1]), Number(dutch[2]), Number(dutch[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
