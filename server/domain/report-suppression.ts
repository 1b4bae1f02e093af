/**
 * Small-number suppression for the progress report (art. 20.13: reports hold no data that can be
 * traced to a person). A pure function over the figures: whatever computes the counts (today
 * `reports.ts`, later SQL), the report passes through `suppressReport` once, and every reader and
 * every output (JSON, screen, DOCX, CSV) gets only the suppressed figures — a hidden count is
 * `null` in the report, never the raw number beside a flag.
 *
 * The model: every count that may be suppressed is a cell; cells are tied by linear groups
 * (Σ parts = total): each column of a table sums to its total (the key figure, or the table's
 * totals row), and a row's findings are the sum of its measures. A count 1..k-1 is hidden
 * (primary, shown "< k"). Then an auditor plays the attacker: it propagates what the visible
 * cells, the marks ("< k" read as 1..k-1, "x" as at least k) and every group reveal, and while a
 * hidden cell can be worked out exactly it hides one more cell (secondary, "x") in a group of
 * that cell: the smallest visible count, a part before a total; where no count is left to hide,
 * a zero of the group is hidden as "< k". So no combination of totals and cells gives a hidden
 * value back. Zeros are shown as 0 otherwise: they say nothing about a person.
 *
 * Police findings (art. 20.3–20.5: police data reaches the gemeenten only) stay in the report for
 * every reader, Senzer and the viewer included: a count of findings per partner or per type over
 * at least a whole calendar month, with every count below k hidden and no way to compute it
 * back, says nothing about a controle, an address or a person — it is the anonymous aggregate
 * that art. 20.13 allows for the report. What a reader may not see on `controls.get` (the
 * findings of one controle) cannot be read from it: a single controle's findings would be a
 * small count, and a whole month is the shortest period (reports.ts, validatePeriod).
 */
import type { ProgressReport, ReportRow, ReportTable, Values } from './reports';

const noMask = (): ReportRow['mask'] => ({ current: {}, previous: {} });

export type Mark = 'small' | 'secondary';
export type Group = { parts: string[]; total: string };

type Bounds = { lo: number; hi: number };

/** What an attacker knows of each cell: a visible count exactly, a hidden one by its mark. */
function initialBounds(values: Map<string, number>, marks: Map<string, Mark>, k: number): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  for (const [id, value] of values) {
    const mark = marks.get(id);
    bounds.set(id, mark === 'small' ? { lo: 1, hi: k - 1 } : mark === 'secondary' ? { lo: k, hi: Infinity } : { lo: value, hi: value });
  }
  return bounds;
}

/** Interval propagation over every group until nothing tightens: the obvious derivations, repeated. */
export function propagate(values: Map<string, number>, marks: Map<string, Mark>, groups: Group[], k: number): Map<string, Bounds> {
  const bounds = initialBounds(values, marks, k);
  const b = (id: string) => bounds.get(id)!;
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    const tighten = (id: string, lo: number, hi: number) => {
      const cur = b(id);
      const next = { lo: Math.max(cur.lo, lo), hi: Math.min(cur.hi, hi) };
      if (next.lo !== cur.lo || next.hi !== cur.hi) {
        bounds.set(id, next);
        changed = true;
      }
    };
    for (const g of groups) {
      const sumLo = g.parts.reduce((n, id) => n + b(id).lo, 0);
      // Upper bounds may be unbounded ("x"): count those apart, so ∞ − ∞ never occurs.
      const unbounded = g.parts.filter((id) => b(id).hi === Infinity).length;
      const finiteHi = g.parts.reduce((n, id) => n + (b(id).hi === Infinity ? 0 : b(id).hi), 0);
      tighten(g.total, sumLo, unbounded > 0 ? Infinity : finiteHi);
      const total = b(g.total);
      for (const id of g.parts) {
        const own = b(id);
        const othersHi = unbounded - (own.hi === Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (own.hi === Infinity ? 0 : own.hi);
        tighten(id, total.lo - othersHi, total.hi - (sumLo - own.lo));
      }
    }
  }
  return bounds;
}

/** Hidden cells whose value follows exactly from what is published (beyond what the mark says). */
export function disclosed(values: Map<string, number>, marks: Map<string, Mark>, groups: Group[], k: number): string[] {
  const bounds = propagate(values, marks, groups, k);
  return [...marks.entries()]
    .filter(([id, mark]) => {
      const { lo, hi } = bounds.get(id)!;
      const markSaysExactly = mark === 'small' && k - 1 === 1;
      // Worked out exactly and right. (A hidden zero makes the reader's "< k means 1..k-1" wrong:
      // what follows from it is then no disclosure.)
      return lo === hi && lo === values.get(id) && !markSaysExactly;
    })
    .map(([id]) => id);
}

/** Primary and secondary suppression over the cells: which cells are hidden, and why. */
export function suppressCells(values: Map<string, number>, groups: Group[], k: number): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  if (k <= 1) return marks;
  for (const [id, value] of values) if (value >= 1 && value < k) marks.set(id, 'small');
  const totals = new Set(groups.map((g) => g.total));
  for (let guard = 2 * values.size; guard > 0; guard--) {
    const leaks = disclosed(values, marks, groups, k);
    if (leaks.length === 0) break;
    // The first leaking cell that still has a visible count in one of its groups: hide the
    // smallest such count (a part before a total). A hidden total that can be worked out is
    // itself a leak, so the search reaches the other tables that share it.
    let next: string | undefined;
    for (const leak of leaks) {
      const candidates = new Set<string>();
      for (const g of groups) {
        const members = [...g.parts, g.total];
        if (!members.includes(leak)) continue;
        for (const id of members) if (!marks.has(id) && values.get(id)! > 0) candidates.add(id);
      }
      next = [...candidates].sort(
        (a, b) => Number(totals.has(a)) - Number(totals.has(b)) || values.get(a)! - values.get(b)! || a.localeCompare(b),
      )[0];
      if (next) break;
    }
    if (next) {
      marks.set(next, 'secondary');
      continue;
    }
    // Every non-zero count around the leaks is hidden, yet small counts still add up exactly
    // (1 + 1 under a total "< 3"). First the total of such a group says less: "x" instead of
    // "< k" (it is hidden either way); then a zero of the group hides as "< k" — which 0 is — so
    // a reader can no longer count on each "< k" being at least 1.
    const around = groups.filter((g) => leaks.some((leak) => g.parts.includes(leak) || g.total === leak));
    const smallTotal = around.map((g) => g.total).find((id) => marks.get(id) === 'small');
    if (smallTotal) {
      marks.set(smallTotal, 'secondary');
      continue;
    }
    const zero = around.flatMap((g) => g.parts).find((id) => !marks.has(id) && values.get(id) === 0);
    if (!zero) break; // nothing left to hide around any leak
    marks.set(zero, 'small');
  }
  return marks;
}

// ── The report as cells ─────────────────────────────────────────────────────────────────────

/** Per suppressible table: which key figure each column sums to (measure columns: the totals row). */
const columnTotals: Record<string, Record<string, string>> = {
  cases_by_gemeente: { opened: 'casesOpened', activated: 'casesActivated', closed: 'casesClosed', avo: 'avoRequests' },
  cases_by_theme: { opened: 'casesOpened', activated: 'casesActivated', closed: 'casesClosed' },
  controls_by_partner: { findings: 'findings' },
  findings_by_type: { findings: 'findings' },
};
export const SUPPRESSIBLE_TABLES = Object.keys(columnTotals);
/** A row of controls_by_partner: its findings are the sum of its measures (one measure each). */
const isMeasure = (key: string) => key.startsWith('measure:');

export const suppressedColumns = (table: Pick<ReportTable, 'id' | 'columns'>) =>
  table.columns
    .map((c) => c.key)
    .filter((key) => key in (columnTotals[table.id] ?? {}) || (table.id === 'controls_by_partner' && isMeasure(key)));

const sides = ['current', 'previous'] as const;
const cellId = (table: string, row: string, column: string, side: string) => `${table}|${row}|${column}|${side}`;
const headId = (key: string, side: string) => `head|${key}|${side}`;
const totalId = (table: string, column: string, side: string) =>
  columnTotals[table]?.[column] ? headId(columnTotals[table][column], side) : `${table}|total|${column}|${side}`;

/**
 * The report with small numbers suppressed: hidden counts become null with their mark, in the
 * tables, their totals rows and the key figures alike. Takes the raw report; returns a new one.
 */
export function suppressReport(raw: ProgressReport): ProgressReport {
  const k = raw.suppression.threshold;
  const values = new Map<string, number>();
  const groups: Group[] = [];
  const head = new Map(raw.headline.map((h) => [h.key, h]));
  const tables = raw.tables.map((t) => ({
    ...t,
    rows: t.rows.map((r) => ({ ...r, current: { ...r.current }, previous: { ...r.previous }, suppressed: [] as string[], mask: noMask() })),
  }));

  for (const t of tables) {
    if (!SUPPRESSIBLE_TABLES.includes(t.id)) continue;
    const columns = suppressedColumns(t);
    const totals = {
      current: {} as Values,
      previous: {} as Values,
      mask: { current: {} as Record<string, Mark>, previous: {} as Record<string, Mark> },
    };
    for (const side of sides) {
      for (const column of columns) {
        const parts = t.rows.map((r) => {
          const id = cellId(t.id, r.key, column, side);
          values.set(id, r[side][column] ?? 0);
          return id;
        });
        const total = totalId(t.id, column, side);
        const sum = parts.reduce((n, id) => n + values.get(id)!, 0);
        const headKey = columnTotals[t.id]?.[column];
        values.set(total, headKey ? (head.get(headKey)?.[side] ?? sum) : sum);
        totals[side][column] = values.get(total)!;
        groups.push({ parts, total });
      }
      if (t.id === 'controls_by_partner') {
        const measures = columns.filter(isMeasure);
        if (measures.length === 0) continue;
        for (const r of t.rows)
          groups.push({ parts: measures.map((m) => cellId(t.id, r.key, m, side)), total: cellId(t.id, r.key, 'findings', side) });
        groups.push({ parts: measures.map((m) => totalId(t.id, m, side)), total: totalId(t.id, 'findings', side) });
      }
    }
    t.totals = totals;
  }

  const marks = suppressCells(values, groups, k);
  for (const t of tables) {
    if (!t.totals) continue;
    for (const side of sides) {
      for (const column of suppressedColumns(t)) {
        for (const r of t.rows) {
          const mark = marks.get(cellId(t.id, r.key, column, side));
          if (mark) {
            r[side][column] = null;
            r.mask[side][column] = mark;
          }
        }
        const mark = marks.get(totalId(t.id, column, side));
        if (mark) {
          t.totals[side][column] = null;
          t.totals.mask[side][column] = mark;
        }
      }
    }
    for (const r of t.rows) r.suppressed = t.columns.map((c) => c.key).filter((key) => r.mask.current[key] || r.mask.previous[key]);
  }
  const headline = raw.headline.map((h) => {
    const mask: { current?: Mark; previous?: Mark } = {};
    const out = { ...h, mask };
    for (const side of sides) {
      const mark = marks.get(headId(h.key, side));
      if (mark) {
        out[side] = null;
        mask[side] = mark;
      }
    }
    return out;
  });
  const suppressedTables = tables
    .filter((t) => t.totals)
    .map((t) => ({
      id: t.id,
      cells:
        t.rows.reduce((n, r) => n + Object.keys(r.mask.current).length + Object.keys(r.mask.previous).length, 0) +
        Object.keys(t.totals!.mask.current).length +
        Object.keys(t.totals!.mask.previous).length,
    }))
    .filter((t) => t.cells > 0);
  return {
    ...raw,
    headline,
    tables,
    suppression: {
      threshold: k,
      applies: suppressedTables.length > 0 || headline.some((h) => h.mask.current || h.mask.previous),
      tables: suppressedTables,
    },
  };
}
