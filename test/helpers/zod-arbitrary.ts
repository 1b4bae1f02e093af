// Fast-check arbitraries derived from a zod 4 schema, for the mutation fuzz (issue 8 item 19).
// It walks the schema's internals (`schema._zod.def`), so a procedure added later is fuzzed
// without anyone writing its inputs by hand. Three kinds of value:
//   valid — what the schema accepts, with ids and texts drawn from the real database,
//   edge  — values at or just past the schema's edges (empty, max length, emoji, markup,
//           impossible dates, huge or negative numbers, duplicates, missing and extra keys),
//   json  — arbitrary JSON, which the schema is expected to reject.
import fc, { type Arbitrary } from 'fast-check';
import type { z } from 'zod';

type Schema = z.core.$ZodType;
type Def = Record<string, unknown> & { type: string; checks?: { _zod: { def: CheckDef } }[] };
type CheckDef = Record<string, unknown> & { check: string };

/** Where real values come from: the database the calls run against. */
export type Hints = {
  /**
   * Numbers that exist for a field, most likely first: for `caseId` the caller's team's case
   * ids, then every team's; for `version` the versions that exist. May be empty.
   */
  numbersFor(key: string): readonly (readonly number[])[];
  /** Texts stored in the column of that name (`postcode`, `plannedOn`); may be empty. */
  stringsFor(key: string): readonly string[];
  /** Texts that exist anywhere in the database (e-mail addresses, dates, codes), plus known passwords. */
  strings: readonly string[];
};

const defOf = (schema: Schema) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (schema: Schema): CheckDef[] => [
  ...(defOf(schema).checks ?? []).map((c) => c._zod.def),
  // A format schema (z.email(), z.iso.datetime()) is itself its check.
  ...(typeof defOf(schema).format === 'string' ? [defOf(schema) as unknown as CheckDef] : []),
];
const accepts = (schema: Schema, value: unknown) => (schema as unknown as z.ZodType).safeParse(value).success;
const MAX_DEPTH = 6;
const SAMPLE = { numRuns: 40, seed: 1 };

// ── bounds ──────────────────────────────────────────────────────────────────────────────────

function lengthBounds(schema: Schema): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(schema)) {
    if (c.check === 'min_length') min = Math.max(min, Number(c.minimum));
    if (c.check === 'max_length') max = Math.min(max, Number(c.maximum));
    if (c.check === 'length_equals') {
      min = Number(c.length);
      max = Number(c.length);
    }
  }
  return { min, max };
}

function numberBounds(schema: Schema): { min: number; max: number; int: boolean } {
  let min = -Number.MAX_SAFE_INTEGER;
  let max = Number.MAX_SAFE_INTEGER;
  let int = false;
  for (const c of checksOf(schema)) {
    const value = Number(c.value);
    if (c.check === 'greater_than') min = Math.max(min, c.inclusive ? value : value + (Number.isInteger(value) ? 1 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, c.inclusive ? value : value - (Number.isInteger(value) ? 1 : 1e-9));
    if (c.check === 'number_format' && typeof c.format === 'string' && /int/.test(c.format)) int = true;
  }
  return { min, max, int };
}

/**
 * Keeps the candidate generators that produce accepted values often enough to filter on
 * (a sample decides), so refinements the walk cannot read (a real calendar date) still hold.
 */
function acceptedBy(schema: Schema, candidates: { weight: number; arbitrary: Arbitrary<unknown> }[]): Arbitrary<unknown> {
  const kept: { weight: number; arbitrary: Arbitrary<unknown> }[] = [];
  let best: { arbitrary: Arbitrary<unknown>; rate: number } | null = null;
  for (const { weight, arbitrary } of candidates) {
    const sample = fc.sample(arbitrary, SAMPLE);
    const rate = sample.filter((v) => accepts(schema, v)).length / sample.length;
    if (rate >= 0.1) kept.push({ weight, arbitrary: arbitrary.filter((v) => accepts(schema, v)) });
    if (!best || rate > best.rate) best = { arbitrary, rate };
  }
  if (kept.length > 0) return fc.oneof(...kept);
  return best!.arbitrary;
}

// ── texts ───────────────────────────────────────────────────────────────────────────────────

const pad = (n: number) => String(n).padStart(2, '0');
// Mostly dates around now, sometimes anywhere in the years 0000–9999 that ISO strings can hold.
const dateArb = fc.oneof(
  { weight: 5, arbitrary: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }) },
);
const isoDateArb = dateArb.map((d) => d.toISOString().slice(0, 10));
const isoDateTimeArb = fc
  .tuple(dateArb, fc.constantFrom('Z', '+01:00', '+02:00', '-05:00'))
  .map(([d, zone]) => d.toISOString().slice(0, 19) + zone);
const plainEmailArb = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9.-]{0,15}[a-z0-9]$/), fc.constantFrom('pit.demo', 'bit.demo', 'voorbeeld.nl'))
  .map(([local, domain]) => `${local}@${domain}`);
const timeArb = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`);

/** Values at the edges of what texts may hold: each one has broken a web app somewhere. */
export const edgeStrings: readonly string[] = [
  '',
  ' ',
  '   \n\t ',
  'a',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE users; --",
  '%s%n%x',
  '${7*7}{{7*7}}',
  '# kop\n\n## nog een kop',
  'regel 1\r\nregel 2\n- [ ] lijst',
  '\u0000',
  '\u202eRTL-override',
  '\uD800',
  'ⅷ ﬁ Ａ',
  '👨‍👩‍👧‍👦🏳️‍🌈',
  'Ĳsselmeer Zoë Çığ',
  '../../etc/passwd',
  'https://example.nl/pad?x=1',
  'javascript:alert(1)',
  '2020-02-30',
  '2026-02-29',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-11-25',
  '25-11-2026',
  '2020-02-30T10:00:00Z',
  '2026-11-25T25:00:00+01:00',
  '2026-11-25T09:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '9999-12-31T23:59:59+14:00',
  '9999-12-31T23:59:59-14:00',
  '0000-01-01T00:00:00+14:00',
  '2026-03-29T02:30:00+01:00',
  '2026-10-25T02:30:00Z',
  '24:00',
  '99:99',
  '00:00',
  '23:59',
  'x@y',
  'coordinator@pit.demo',
  'COORDINATOR@PIT.DEMO',
  ' coordinator@pit.demo ',
];

// Texts do not depend on the caller's team: built once per schema, field and pool of texts.
const stringCache = new WeakMap<readonly string[], WeakMap<Schema, Map<string, Arbitrary<unknown>>>>();

function stringValid(schema: Schema, key: string, hints: Hints): Arbitrary<unknown> {
  if (!stringCache.has(hints.strings)) stringCache.set(hints.strings, new WeakMap());
  const bySchema = stringCache.get(hints.strings)!;
  if (!bySchema.has(schema)) bySchema.set(schema, new Map());
  const byKey = bySchema.get(schema)!;
  if (!byKey.has(key)) byKey.set(key, buildStringValid(schema, key, hints));
  return byKey.get(key)!;
}

function buildStringValid(schema: Schema, key: string, hints: Hints): Arbitrary<unknown> {
  const { min, max } = lengthBounds(schema);
  const cap = Math.min(max, Math.max(min, 60));
  const patterns = checksOf(schema).flatMap((c) => (c.pattern instanceof RegExp && c.format !== 'email' ? [c.pattern] : []));
  const one = (arbitrary: Arbitrary<unknown>, weight = 1) => ({ weight, arbitrary });
  const candidates = [
    one(fc.string({ minLength: Math.min(min, cap), maxLength: cap })),
    one(fc.string({ unit: 'grapheme', minLength: Math.min(min, cap), maxLength: Math.min(cap, 20) })),
    one(isoDateArb),
    one(isoDateTimeArb),
    one(timeArb),
    one(fc.emailAddress()),
    one(plainEmailArb),
    ...patterns.map((p) => one(fc.stringMatching(p))),
  ];
  // Real texts make the domain code go further than random ones: the column's own first.
  const column = hints.stringsFor(key).filter((s) => accepts(schema, s));
  if (column.length > 0) candidates.push(one(fc.constantFrom(...column), 8));
  const real = hints.strings.filter((s) => accepts(schema, s));
  if (real.length > 0) candidates.push(one(fc.constantFrom(...real), 2));
  return acceptedBy(schema, candidates);
}

function stringEdge(schema: Schema): Arbitrary<unknown> {
  const { min, max } = lengthBounds(schema);
  const sizes = [max, max + 1, min - 1, 10_000].filter((n) => Number.isFinite(n) && n >= 0 && n <= 100_000);
  const sized = sizes.flatMap((n) => ['x'.repeat(n), '😀'.repeat(Math.ceil(n / 2)), `${'é'.repeat(Math.max(0, n - 1))}\n`]);
  return fc.oneof(fc.constantFrom(...edgeStrings, ...sized), fc.string({ unit: 'binary', maxLength: 40 }));
}

// ── numbers ─────────────────────────────────────────────────────────────────────────────────

function numberValid(schema: Schema, key: string, hints: Hints): Arbitrary<unknown> {
  const { min, max, int } = numberBounds(schema);
  const pools = hints
    .numbersFor(key)
    .map((pool) => pool.filter((n) => accepts(schema, n)))
    .filter((pool) => pool.length > 0);
  const low = Math.max(min, -1000);
  const near = int
    ? fc.integer({ min: low, max: Math.max(low, Math.min(max, Math.max(min, 0) + 1000)) })
    : fc.double({ min: low, max: Math.min(max, 1e6), noNaN: true, noDefaultInfinity: true });
  const arbs: { weight: number; arbitrary: Arbitrary<unknown> }[] = [{ weight: 1, arbitrary: near.filter((n) => accepts(schema, n)) }];
  pools.forEach((pool, i) => arbs.push({ weight: i === 0 ? 12 : 3, arbitrary: fc.constantFrom(...pool) }));
  const top = Math.max(0, ...pools.flat());
  // Just past the real ones: ids that do not exist (yet).
  if (pools.length > 0 && int && top + 1 <= max)
    arbs.push({ weight: 1, arbitrary: fc.integer({ min: top + 1, max: Math.min(max, top + 500) }) });
  return fc.oneof(...arbs);
}

function numberEdge(schema: Schema): Arbitrary<unknown> {
  const { min, max } = numberBounds(schema);
  const around = [min - 1, min, max, max + 1].filter((n) => Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER + 2);
  return fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    -2_147_483_649,
    2_147_483_648,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    1e308,
    -1e308,
    Number.MIN_VALUE,
    Number.NaN,
    Infinity,
    -Infinity,
    '1',
    '',
    ...around,
  );
}

// ── pipes ───────────────────────────────────────────────────────────────────────────────────

/**
 * A pipe's transform can refuse what its input schema takes (a postcode, a house number like
 * "12a", a BAG id): drawn from the input alone, most values would fail. So the whole pipe judges
 * them, and the values stored in the column of the field's name (normalised, hence accepted) are
 * offered alongside.
 */
function pipeValid(schema: Schema, input: Arbitrary<unknown>, key: string, hints: Hints): Arbitrary<unknown> {
  const candidates = [{ weight: 4, arbitrary: input }];
  if (key) {
    const column = [...hints.stringsFor(key), ...hints.numbersFor(key).flat()].filter((v) => accepts(schema, v));
    if (column.length > 0) candidates.push({ weight: 4, arbitrary: fc.constantFrom(...distinctValues(column)) });
  }
  return acceptedBy(schema, candidates);
}

const distinctValues = <T>(values: T[]) => [...new Set(values)];

// ── the walk ────────────────────────────────────────────────────────────────────────────────

type Kind = 'valid' | 'edge';

function inner(def: Def, field: string): Schema {
  return def[field] as Schema;
}

function walk(schema: Schema, kind: Kind, key: string, hints: Hints, depth: number): Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.jsonValue();
  const def = defOf(schema);
  const again = (s: Schema, k: Kind = kind, subKey = key) => walk(s, k, subKey, hints, depth + 1);
  // At the edge, a part may still be valid: an edge in one field with the rest intact is what
  // reaches the domain code.
  const part = (s: Schema, subKey: string) =>
    kind === 'valid'
      ? again(s, 'valid', subKey)
      : fc.oneof({ weight: 3, arbitrary: again(s, 'valid', subKey) }, { weight: 2, arbitrary: again(s, 'edge', subKey) });
  switch (def.type) {
    case 'string':
      return kind === 'valid' ? stringValid(schema, key, hints) : stringEdge(schema);
    case 'number':
    case 'int':
      return kind === 'valid' ? numberValid(schema, key, hints) : numberEdge(schema);
    case 'bigint':
      return kind === 'valid' ? fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }) : fc.constantFrom(0, '1', 1n << 80n);
    case 'boolean':
      return kind === 'valid' ? fc.boolean() : fc.constantFrom(true, false, 'true', 0, 1, null);
    case 'date':
      return kind === 'valid' ? dateArb : fc.constantFrom(new Date(Number.NaN), new Date(8.64e15), '2026-11-25');
    case 'null':
      return fc.constant(null);
    case 'undefined':
    case 'void':
      return fc.constant(undefined);
    case 'enum': {
      const values = Object.values(def.entries as Record<string, string | number>);
      if (kind === 'valid') return fc.constantFrom(...values);
      return fc.constantFrom(...values, '', 'x', ...values.map((v) => String(v).toUpperCase()), ...values.map((v) => ` ${String(v)}`));
    }
    case 'literal': {
      const values = def.values as unknown[];
      return kind === 'valid' ? fc.constantFrom(...values) : fc.constantFrom(...values, '', null, 0);
    }
    case 'object': {
      const shape = def.shape as Record<string, Schema>;
      const fields = Object.fromEntries(Object.entries(shape).map(([k, s]) => [k, part(s, k)]));
      const record = fc.record(fields);
      if (kind === 'valid') return record;
      // A required key left out, or keys the schema does not know.
      const keys = Object.keys(shape);
      return fc.oneof(
        { weight: 4, arbitrary: record },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.constantFrom(...keys, ''))
            .map(([r, drop]) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== drop))),
        },
        {
          weight: 1,
          arbitrary: fc
            .tuple(record, fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 3 }))
            .map(([r, extra]) => ({ ...extra, ...r, teamId: 2, role: 'admin' })),
        },
      );
    }
    case 'array': {
      const element = inner(def, 'element');
      const { min, max } = lengthBounds(schema);
      const cap = Math.min(max, Math.max(min, 6));
      const items = fc.array(part(element, key), { minLength: Math.min(min, cap), maxLength: cap });
      if (kind === 'valid') return items;
      const valid = again(element, 'valid');
      const exact = (n: number) => fc.array(valid, { minLength: n, maxLength: n });
      const sizes = [0, max, max + 1].filter((n) => Number.isFinite(n) && n <= 1000);
      return fc.oneof(
        items,
        ...sizes.map(exact),
        // The same element more than once: duplicates a domain function may not expect.
        fc.tuple(valid, fc.integer({ min: 2, max: 4 })).map(([v, n]) => Array.from({ length: n }, () => v)),
      );
    }
    case 'tuple': {
      const items = (def.items as Schema[]).map((s, i) => part(s, `${key}.${i}`));
      return fc.tuple(...items);
    }
    case 'record': {
      const keys = again(inner(def, 'keyType'), 'valid').filter((k): k is string => typeof k === 'string');
      return fc.dictionary(keys, part(inner(def, 'valueType'), key), { maxKeys: 5 });
    }
    case 'union':
      return fc.oneof(...(def.options as Schema[]).map((s) => again(s)));
    case 'intersection':
      return fc
        .tuple(again(inner(def, 'left')), again(inner(def, 'right')))
        .map(([l, r]) => (l && r && typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l));
    case 'optional':
    case 'default':
    case 'prefault':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 4, arbitrary: again(inner(def, 'innerType')) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 4, arbitrary: again(inner(def, 'innerType')) });
    case 'readonly':
    case 'catch':
    case 'nonoptional':
    case 'success':
      return again(inner(def, 'innerType'));
    case 'pipe':
      // The caller sends what the pipe takes in; valid is what the whole pipe accepts.
      return kind === 'valid' ? pipeValid(schema, again(inner(def, 'in')), key, hints) : again(inner(def, 'in'));
    case 'lazy':
      return again((def.getter as () => Schema)());
    default:
      // transform, any, unknown, custom, …: whatever JSON the schema happens to take.
      return fc.jsonValue();
  }
}

/** Values the schema accepts (as far as its generators can tell), with real ids and texts. */
export function validArbitrary(schema: Schema, hints: Hints, key = ''): Arbitrary<unknown> {
  return walk(schema, 'valid', key, hints, 0);
}

/** Values at and past the schema's edges, mostly with the rest of the input intact. */
export function edgeArbitrary(schema: Schema, hints: Hints, key = ''): Arbitrary<unknown> {
  return walk(schema, 'edge', key, hints, 0);
}

/** The fuzz mix: mostly valid (so domain code runs), edges, and arbitrary JSON. */
export function fuzzArbitrary(schema: Schema | undefined, hints: Hints): Arbitrary<unknown> {
  if (!schema) return fc.oneof(fc.constant(undefined), fc.jsonValue());
  return fc.oneof(
    { weight: 6, arbitrary: validArbitrary(schema, hints) },
    { weight: 3, arbitrary: edgeArbitrary(schema, hints) },
    { weight: 1, arbitrary: fc.jsonValue() },
  );
}
