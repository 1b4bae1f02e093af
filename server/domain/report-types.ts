/**
 * The shape of the progress report (SPEC §2 step 7): what every output (screen, Word, CSV, charts)
 * renders. Only counts, percentages and day figures over anonymous facts (art. 20.13, P7).
 */
import type { Label } from '../../db/catalogues';
import type { Mark } from './report-suppression';

export type Period = { from: string; to: string };
export type Values = Record<string, number | null>;
export type ColumnKind = 'count' | 'percent' | 'days';
export type ReportRow = {
  key: string;
  label: string;
  current: Values;
  previous: Values;
  /** Metric keys hidden in the current or previous period (their value is null, see `mask`). */
  suppressed: string[];
  /**
   * Per period and metric, why a count is hidden (its value is null in every output): `small` —
   * a count in 1..k-1, shown as "< k"; `secondary` — a larger count hidden ("x") because the
   * small ones could otherwise be worked out from totals and other cells (report-suppression.ts).
   */
  mask: { current: Record<string, Mark>; previous: Record<string, Mark> };
};
export type { Mark };
export type ReportTable = {
  id: string;
  title: Label;
  rowHeader: Label;
  columns: { key: string; label: Label; kind: ColumnKind }[];
  rows: ReportRow[];
  /** Counts that concern casussen and findings: small ones are suppressed everywhere (art. 20.13). */
  suppressible: boolean;
  /** Suppressible tables: the column totals, suppressed like the cells (null where hidden). */
  totals?: { current: Values; previous: Values; mask: ReportRow['mask'] };
};
export type Headline = {
  key: string;
  label: Label;
  kind: ColumnKind;
  current: number | null;
  previous: number | null;
  /** A key figure that is a table's total is suppressed with it (null where hidden). */
  mask?: { current?: Mark; previous?: Mark };
};
export type ProgressReport = {
  team: { name: string; code: string; cadence: 'yearly' | 'half_yearly'; recipient: string };
  period: Period;
  previousPeriod: Period;
  generatedAt: string;
  headline: Headline[];
  tables: ReportTable[];
  suppression: { threshold: number; applies: boolean; tables: { id: string; cells: number }[] };
  narrative: string[];
};

/** A label in both languages. */
export const L = (nl: string, en: string): Label => ({ nl, en });
