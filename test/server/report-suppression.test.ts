// Small-number suppression as a property (issue 8 item 3): for random month-aligned periods,
// random readers and random thresholds over random data, (1) every reader gets the same figures,
// (2) an attacker who reads the report — JSON, CSV or DOCX — and tries the obvious derivations
// (total minus visible cells, row and column sums, across tables, with what "< k" and "x" say)
// works out no hidden count, and (3) no output shows a count 1..k-1 in a suppressed figure.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser, type TestTeam } from '../helpers/factories';
import { cases, controlPartners, controls, findings, partners, themes } from '../../db/schema';
import { findingCatalogue, measureCodes } from '../../db/catalogues';
import type { SessionUser } from '../../server/auth/sessions';
import { rawProgressReport, type ProgressReport } from '../../server/domain/reports';
import { suppressCells, suppressReport, type Group } from '../../server/domain/report-suppression';
import { reportCsv } from '../../server/exports/report-csv';
import { reportDocx } from '../../server/exports/report-docx';
import { addMonths, addDays } from '../../server/clock';
import { rateLimits } from '../../server/rate-limit';

// ── The attacker: only what a reader receives, and what anyone knows about the tables ─────────

type Known = { lo: number; hi: number };
type Cell = { id: string; value: number | null; mark?: 'small' | 'secondary' };

/** The equations a reader can write down from the report's structure (not from the domain code). */
function equationsOf(r: ProgressReport): { cells: Map<string, Cell>; equations: { parts: string[]; total: string }[] } {
  const cells = new Map<string, Cell>();
  const equations: { parts: string[]; total: string }[] = [];
  const put = (id: string, value: number | null, mark?: 'small' | 'secondary') => cells.set(id, { id, value, mark });
  for (const side of ['current', 'previous'] as const) {
    for (const h of r.headline) put(`head.${h.key}.${side}`, h[side], h.mask?.[side]);
    const headOf: Record<string, string> = {
      opened: 'casesOpened',
      activated: 'casesActivated',
      closed: 'casesClosed',
      avo: 'avoRequests',
      findings: 'findings',
    };
    for (const t of r.tables.filter((x) =>
      ['cases_by_gemeente', 'cases_by_theme', 'controls_by_partner', 'findings_by_type'].includes(x.id),
    )) {
      for (const c of t.columns.filter((x) => x.key !== 'participated')) {
        const parts = t.rows.map((row) => {
          const id = `${t.id}.${row.key}.${c.key}.${side}`;
          put(id, row[side][c.key] ?? null, row.mask[side][c.key]);
          return id;
        });
        const totalId = `${t.id}.total.${c.key}.${side}`;
        put(totalId, t.totals?.[side][c.key] ?? null, t.totals?.mask[side][c.key]);
        equations.push({ parts, total: totalId });
        // The totals row is the key figure of the same name.
        if (headOf[c.key]) equations.push({ parts: [totalId], total: `head.${headOf[c.key]}.${side}` });
      }
      if (t.id === 'controls_by_partner') {
        const measures = t.columns.filter((c) => c.key.startsWith('measure:')).map((c) => c.key);
        for (const row of [...t.rows.map((x) => x.key), 'total']) {
          equations.push({ parts: measures.map((m) => `${t.id}.${row}.${m}.${side}`), total: `${t.id}.${row}.findings.${side}` });
        }
      }
    }
  }
  return { cells, equations };
}

/** Everything the attacker can pin down: single unknowns, then intervals, repeated to a fixpoint. */
function attack(r: ProgressReport): Map<string, Known> {
  const k = r.suppression.threshold;
  const { cells, equations } = equationsOf(r);
  const known = new Map<string, Known>();
  for (const c of cells.values()) {
    if (c.mark === 'small') known.set(c.id, { lo: 1, hi: k - 1 });
    else if (c.mark === 'secondary')
      known.set(c.id, { lo: 0, hi: Infinity }); // at least what the marks say below
    else known.set(c.id, { lo: c.value ?? 0, hi: c.value ?? 0 });
  }
  // "x" hides a count that is not small (small ones are "< k"), and never a zero.
  for (const c of cells.values()) if (c.mark === 'secondary') known.set(c.id, { lo: k, hi: Infinity });
  const sum = (ids: string[], f: (b: Known) => number) => ids.reduce((n, id) => n + f(known.get(id)!), 0);
  for (let changed = true, round = 0; changed && round < 200; round++) {
    changed = false;
    const narrow = (id: string, lo: number, hi: number) => {
      const b = known.get(id)!;
      const next = { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi) };
      if (next.lo !== b.lo || next.hi !== b.hi) {
        known.set(id, next);
        changed = true;
      }
    };
    for (const { parts, total } of equations) {
      // Total minus the visible cells: what the hidden ones add up to.
      const t = known.get(total)!;
      narrow(
        total,
        sum(parts, (b) => b.lo),
        sum(parts, (b) => b.hi),
      );
      for (const id of parts) {
        const others = parts.filter((x) => x !== id);
        const othersHi = others.some((x) => known.get(x)!.hi === Infinity) ? Infinity : sum(others, (b) => b.hi);
        narrow(id, t.lo - othersHi, t.hi - sum(others, (b) => b.lo));
      }
    }
  }
  return known;
}

/** The hidden counts an attacker works out exactly (beyond "< 2" meaning 1). */
function derived(r: ProgressReport): string[] {
  const k = r.suppression.threshold;
  const known = attack(r);
  const { cells } = equationsOf(r);
  return [...cells.values()]
    .filter((c) => c.mark && known.get(c.id)!.lo === known.get(c.id)!.hi && !(c.mark === 'small' && k === 2))
    .map((c) => c.id);
}

// ── What the outputs show ──────────────────────────────────────────────────────────────────────

const suppressedTitles = [
  'Casussen per gemeente',
  'Casussen per thema',
  'Integrale controles: deelname, bevindingen en maatregelen per partner',
  'Bevindingen per soort',
];
const suppressedHeadline = ['Casussen geopend', 'Casussen actief gemaakt', 'Casussen afgerond', 'AVO-verzoeken', 'Bevindingen'];

/** Numbers in a rendered cell other than the k of "< k". */
const numbersIn = (text: string, k: number) => (text.replaceAll(`< ${k}`, '').match(/\d+/g) ?? []).map(Number);
const small = (n: number, k: number) => n >= 1 && n < k;

function csvSmallNumbers(csv: string, k: number): string[] {
  const bad: string[] = [];
  for (const line of csv.replace(/^\uFEFF/, '').split('\r\n')) {
    const [part, rowLabel, column, cur, prev] = line.split(';');
    const guarded =
      (suppressedTitles.includes(part!) && column !== 'Controles') || (part === 'Kerncijfers' && suppressedHeadline.includes(rowLabel!));
    if (guarded && [cur, prev].some((cell) => numbersIn(cell ?? '', k).some((n) => small(n, k)))) bad.push(line);
  }
  return bad;
}

function docxSmallNumbers(xml: string, r: ProgressReport, k: number): string[] {
  const text = (s: string) =>
    (s.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? [])
      .map((x) => x.replace(/<[^>]+>/g, ''))
      .join('')
      .replaceAll('&lt;', '<');
  const all = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
  // The charts (issue 9 item 18) are tables of their own: label, this period, previous period, bar.
  const isChart = (tbl: string) => text(tbl).includes('Staaf: deze periode');
  const tables = all.filter((tbl) => !isChart(tbl));
  const chartBad: string[] = [];
  all.filter(isChart).forEach((tbl, i) => {
    const rows = (tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).slice(1).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(text));
    for (const [label, cur, prev] of rows) {
      // The first chart shows key figures; the second the casussen per gemeente (all suppressible).
      const guarded = i > 0 || suppressedHeadline.includes(label!);
      if (guarded && [cur, prev].some((v) => numbersIn(v ?? '', k).some((n) => small(n, k))))
        chartBad.push(`chart: ${label}|${cur}|${prev}`);
    }
  });
  const rendered = [
    { id: 'headline', columns: ['x'] },
    ...r.tables.filter((t) => t.rows.length > 0).map((t) => ({ id: t.id, columns: t.columns.map((c) => c.key) })),
  ];
  expect(tables).toHaveLength(rendered.length);
  const bad: string[] = [];
  tables.forEach((tbl, i) => {
    const meta = rendered[i]!;
    const rows = (tbl.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? []).slice(1).map((tr) => (tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map(text));
    for (const cellsOfRow of rows) {
      const [label, ...values] = cellsOfRow;
      if (meta.id === 'headline') {
        if (suppressedHeadline.includes(label!) && values.some((v) => numbersIn(v, k).some((n) => small(n, k))))
          bad.push(cellsOfRow.join('|'));
        continue;
      }
      if (!suppressedTitles.some((title) => r.tables.find((t) => t.id === meta.id)?.title.nl === title)) continue;
      // Tables of more than three columns show "current (previous)" per column; others two cells each.
      const perColumn = meta.columns.length > 3 ? values.map((v) => [v]) : meta.columns.map((_, j) => [values[2 * j]!, values[2 * j + 1]!]);
      perColumn.forEach((vs, j) => {
        if (meta.columns[j] === 'participated') return;
        if (vs.some((v) => numbersIn(v, k).some((n) => small(n, k)))) bad.push(`${meta.id}: ${cellsOfRow.join('|')}`);
      });
    }
  });
  return [...bad, ...chartBad];
}

function jsonSmallNumbers(r: ProgressReport, k: number): string[] {
  const { cells } = equationsOf(r);
  const guardedHead = new Set(r.headline.filter((h) => suppressedHeadline.includes(h.label.nl)).map((h) => h.key));
  return [...cells.values()]
    .filter((c) => !c.id.startsWith('head.') || guardedHead.has(c.id.split('.')[1]!))
    .filter((c) => c.value !== null && small(c.value, k))
    .map((c) => `${c.id}=${c.value}`);
}

// ── Random data: casussen, controles and findings over two years ───────────────────────────────

type World = { deps: TestDeps; pit: TestTeam; readers: SessionUser[]; coordinator: SessionUser };

async function world(seed: number): Promise<World> {
  const deps = createTestDeps({ now: '2027-01-15T09:00:00Z' });
  const pit = makeTeam(deps, 'pit', { endsOn: null });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const readers = [
    await makeUser(deps, pit, 'viewer', 'helmond'),
    await makeUser(deps, pit, 'member', 'senzer'),
    await makeUser(deps, pit, 'member', 'politie'),
    await makeUser(deps, pit, 'member', 'asten'),
    coordinator,
    await makeUser(deps, pit, 'admin'),
    await makeUser(deps, pit, 'privacy'),
  ];
  const partnerRows = deps.db.select({ id: partners.id, kind: partners.kind }).from(partners).where(eq(partners.teamId, pit.teamId)).all();
  const gemeenten = partnerRows.filter((p) => p.kind === 'gemeente').map((p) => p.id);
  const themeIds = deps.db
    .select({ id: themes.id })
    .from(themes)
    .where(eq(themes.teamId, pit.teamId))
    .all()
    .map((t) => t.id)
    .slice(0, 4);
  const day = fc.integer({ min: 0, max: 729 }).map((n) => addDays('2025-01-01', n));
  const [data] = fc.sample(
    fc.record({
      // Skewed so that most gemeenten get few casussen: small counts are the point.
      cases: fc.array(
        fc.record({
          gemeente: fc.nat({ max: gemeenten.length - 1 }).map((n) => (n > 3 ? n : 0)),
          theme: fc.nat({ max: themeIds.length - 1 }),
          on: day,
          status: fc.constantFrom('signaal', 'actief', 'afgerond'),
          avo: fc.boolean(),
        }),
        { minLength: 20, maxLength: 70 },
      ),
      controls: fc.array(
        fc.record({
          on: day,
          partners: fc.uniqueArray(fc.nat({ max: partnerRows.length - 1 }), { minLength: 1, maxLength: 4 }),
          findings: fc.array(fc.record({ partner: fc.nat({ max: 3 }), type: fc.nat({ max: 2 }), measure: fc.nat({ max: 3 }) }), {
            maxLength: 6,
          }),
        }),
        { minLength: 3, maxLength: 25 },
      ),
    }),
    { seed, numRuns: 1 },
  );
  let seq = 0;
  const caseIds: number[] = [];
  for (const c of data!.cases) {
    const at = `${c.on}T10:00:00.000Z`;
    seq += 1;
    caseIds.push(
      deps.db
        .insert(cases)
        .values({
          teamId: pit.teamId,
          code: `PIT-X-${seq}`,
          year: Number(c.on.slice(0, 4)),
          seq,
          gemeentePartnerId: gemeenten[c.gemeente]!,
          street: 'Straat',
          houseNumber: seq,
          postcode: '5701 AB',
          city: 'Helmond',
          themeId: themeIds[c.theme]!,
          origin: c.avo ? 'avo_verzoek' : 'melding',
          priority: 'normaal',
          status: c.status as 'actief',
          createdAt: at,
          activatedAt: c.status === 'signaal' ? null : at,
          closedAt: c.status === 'afgerond' ? `${addDays(c.on, 20)}T10:00:00.000Z` : null,
          updatedAt: at,
        })
        .returning({ id: cases.id })
        .get().id,
    );
  }
  for (const c of data!.controls) {
    const at = `${c.on}T10:00:00.000Z`;
    const control = deps.db
      .insert(controls)
      .values({ teamId: pit.teamId, plannedOn: c.on, status: 'uitgevoerd', createdAt: at, updatedAt: at })
      .returning({ id: controls.id })
      .get();
    const taking = c.partners.map((i) => partnerRows[i]!);
    for (const p of taking) deps.db.insert(controlPartners).values({ controlId: control.id, partnerId: p.id }).run();
    for (const f of c.findings) {
      const p = taking[f.partner % taking.length]!;
      const types = Object.keys(findingCatalogue[p.kind] ?? findingCatalogue.gemeente);
      deps.db
        .insert(findings)
        .values({
          controlId: control.id,
          caseId: caseIds[0] ?? null,
          partnerId: p.id,
          findingType: types[f.type % types.length]!,
          measure: measureCodes[f.measure]!,
          createdAt: at,
        })
        .run();
    }
  }
  return { deps, pit, readers, coordinator };
}

const strip = (r: ProgressReport) => JSON.stringify({ ...r, generatedAt: '' });

describe('property: no suppressed count can be worked out, in any output, for any reader', () => {
  const worlds: World[] = [];
  beforeAll(async () => {
    for (const seed of [7, 2026]) worlds.push(await world(seed));
  });

  it('random whole-month periods, readers and thresholds', async () => {
    // Months from January 2025; a period of 1..18 whole months.
    const period = fc
      .record({ start: fc.integer({ min: 0, max: 23 }), months: fc.integer({ min: 1, max: 18 }) })
      .map(({ start, months }) => {
        const from = addMonths('2025-01-01', start);
        return { from, to: addDays(addMonths(from, months), -1) };
      });
    let suppressedSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 1 }),
        period,
        fc.constantFrom(2, 3, 5, 7),
        fc.nat({ max: 6 }),
        fc.nat({ max: 6 }),
        async (w, p, k, a, b) => {
          const { deps, pit, readers, coordinator } = worlds[w]!;
          await callerFor(deps, coordinator).reports.setThreshold({ threshold: k });
          // Reports are rate-limited per user (issue 8.5): one refill before each call, so every call is answered.
          deps.clock.advanceMinutes(rateLimits.reports.refillSeconds / 60);
          const r = await callerFor(deps, readers[a]!).reports.progress(p);
          // Every reader gets the same figures: suppression does not depend on who asks.
          deps.clock.advanceMinutes(rateLimits.reports.refillSeconds / 60);
          expect(strip(await callerFor(deps, readers[b]!).reports.progress(p))).toBe(strip(r));

          // The attacker's equations hold for the true figures (so its derivations would be right,
          // unless a zero hides under "< k") ...
          const raw = rawProgressReport(deps, pit.teamId, p);
          const truth = equationsOf(suppressReport({ ...raw, suppression: { ...raw.suppression, threshold: 1 } })).cells; // k = 1: all figures, with totals
          const { cells } = equationsOf(r);
          // (A zero under "< k" or a small total under "x" makes the reader's bounds wrong: skip then.)
          const misread = [...cells.values()].some(
            (c) => (c.mark && truth.get(c.id)!.value === 0) || (c.mark === 'secondary' && truth.get(c.id)!.value! < k),
          );
          const known = attack(r);
          if (!misread) {
            for (const [id, bounds] of known) {
              const value = truth.get(id)!.value ?? 0;
              expect(value >= bounds.lo && value <= bounds.hi, `${id}: ${value} outside [${bounds.lo}, ${bounds.hi}]`).toBe(true);
            }
          }
          // ... and pin down no hidden count to its true value.
          expect(derived(r).filter((id) => known.get(id)!.lo === (truth.get(id)!.value ?? 0))).toEqual([]);
          suppressedSeen += r.suppression.tables.length;

          // No output shows a count 1..k-1 of a suppressed figure: JSON, CSV, DOCX.
          expect(jsonSmallNumbers(r, k)).toEqual([]);
          expect(csvSmallNumbers(reportCsv(r), k)).toEqual([]);
          const xml = strFromU8(unzipSync(new Uint8Array(await reportDocx(r)))['word/document.xml']!);
          expect(docxSmallNumbers(xml, r, k)).toEqual([]);
        },
      ),
      { numRuns: 30, seed: 8 },
    );
    expect(suppressedSeen).toBeGreaterThan(20); // the property ran over reports that suppress
  }, 120_000);

  it('the attacker is not a straw man: on the raw figures with only primary suppression it finds counts', () => {
    const { deps, pit } = worlds[0]!;
    const raw = rawProgressReport(deps, pit.teamId, { from: '2025-01-01', to: '2025-03-31' });
    const k = 5;
    // Hide only the small cells (the old rule per column, no totals): the attacker gets them back.
    const naive = structuredClone(raw);
    naive.suppression.threshold = k;
    for (const t of naive.tables) {
      t.totals = { current: {}, previous: {}, mask: { current: {}, previous: {} } };
      for (const side of ['current', 'previous'] as const) {
        for (const c of t.columns) t.totals[side][c.key] = t.rows.reduce((n, row) => n + (row[side][c.key] ?? 0), 0);
      }
      for (const side of ['current', 'previous'] as const) {
        for (const c of t.columns) {
          for (const row of t.rows) {
            const v = row[side][c.key];
            if (v !== null && v !== undefined && v >= 1 && v < k) {
              row[side][c.key] = null;
              row.mask[side][c.key] = 'small';
            }
          }
        }
      }
    }
    expect(derived(naive).length).toBeGreaterThan(0);
  });
});

describe('property: suppressCells on random tables', () => {
  it('no hidden cell follows from the column sums, row sums and the grand total', () => {
    const grid = fc.record({
      rows: fc.integer({ min: 1, max: 6 }),
      cols: fc.integer({ min: 1, max: 4 }),
      k: fc.integer({ min: 2, max: 6 }),
      values: fc.array(
        fc.nat({ max: 12 }).map((n) => (n > 8 ? 0 : n)),
        { minLength: 24, maxLength: 24 },
      ),
    });
    fc.assert(
      fc.property(grid, ({ rows, cols, k, values: pool }) => {
        const values = new Map<string, number>();
        const groups: Group[] = [];
        const cell = (i: number, j: number) => `c${i}.${j}`;
        for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) values.set(cell(i, j), pool[i * cols + j]!);
        for (let j = 0; j < cols; j++) {
          values.set(
            `col${j}`,
            [...Array(rows).keys()].reduce((n, i) => n + values.get(cell(i, j))!, 0),
          );
          groups.push({ parts: [...Array(rows).keys()].map((i) => cell(i, j)), total: `col${j}` });
        }
        for (let i = 0; i < rows; i++) {
          values.set(
            `row${i}`,
            [...Array(cols).keys()].reduce((n, j) => n + values.get(cell(i, j))!, 0),
          );
          groups.push({ parts: [...Array(cols).keys()].map((j) => cell(i, j)), total: `row${i}` });
        }
        values.set(
          'all',
          [...Array(cols).keys()].reduce((n, j) => n + values.get(`col${j}`)!, 0),
        );
        groups.push({ parts: [...Array(cols).keys()].map((j) => `col${j}`), total: 'all' });
        groups.push({ parts: [...Array(rows).keys()].map((i) => `row${i}`), total: 'all' });
        const marks = suppressCells(values, groups, k);
        // Every count 1..k-1 is hidden ("< k", or "x" for a total); a hidden zero only as "< k".
        for (const [id, v] of values) {
          if (v >= 1 && v < k) expect(marks.has(id)).toBe(true);
          if (v === 0 && marks.has(id)) expect(marks.get(id)).toBe('small');
        }
        // The attacker's interval reasoning over the same equations pins down nothing.
        const known = new Map<string, Known>();
        for (const [id, v] of values) {
          const m = marks.get(id);
          known.set(id, m === 'small' ? { lo: 1, hi: k - 1 } : m === 'secondary' ? { lo: k, hi: Infinity } : { lo: v, hi: v });
        }
        for (let changed = true, round = 0; changed && round < 200; round++) {
          changed = false;
          for (const { parts, total } of groups) {
            for (const id of [...parts, total]) {
              // id = total − others, or id = Σ parts.
              const b = known.get(id)!;
              let lo: number, hi: number;
              if (id === total) {
                lo = parts.reduce((n, x) => n + known.get(x)!.lo, 0);
                hi = parts.some((x) => known.get(x)!.hi === Infinity) ? Infinity : parts.reduce((n, x) => n + known.get(x)!.hi, 0);
              } else {
                const others = parts.filter((x) => x !== id);
                const t = known.get(total)!;
                lo =
                  t.lo - (others.some((x) => known.get(x)!.hi === Infinity) ? Infinity : others.reduce((n, x) => n + known.get(x)!.hi, 0));
                hi = t.hi - others.reduce((n, x) => n + known.get(x)!.lo, 0);
              }
              const next = { lo: Math.max(b.lo, lo), hi: Math.min(b.hi, hi) };
              if (next.lo !== b.lo || next.hi !== b.hi) {
                known.set(id, next);
                changed = true;
              }
            }
          }
        }
        for (const [id, m] of marks) {
          const b = known.get(id)!;
          if (!(m === 'small' && k === 2)) expect(b.lo === b.hi && b.lo === values.get(id), `${id} pinned to ${b.lo}`).toBe(false);
        }
      }),
      { numRuns: 2000, seed: 11 },
    );
  });
});
