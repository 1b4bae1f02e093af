/**
 * Report periods (SPEC §2 step 7): whole calendar months, the previous period of equal length,
 * and the UTC window of a period. Periods are Amsterdam calendar days [from, to] inclusive;
 * instants (stored UTC) are compared with the UTC instants of Amsterdam midnight, so 23:59 on
 * 31 December belongs to that year.
 */
import { AppError } from '../errors';
import { addDays, addMonths, amsterdamToUtc } from '../clock';
import type { Period } from './report-types';

const DAY_MS = 86_400_000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
export const daysBetween = (a: string, b: string) => dayNumber(b) - dayNumber(a);

/**
 * A report covers whole calendar months (the cadence presets, or a range of months): a shorter
 * period — one day, one controle — would turn an aggregate into the figures of a single event
 * (art. 20.13), and suppression alone does not hold when periods can be cut arbitrarily fine.
 */
export function validatePeriod(period: Period) {
  if (period.from > period.to) throw new AppError('BAD_REQUEST', 'reports.periodOrder');
  if (!period.from.endsWith('-01') || !addDays(period.to, 1).endsWith('-01')) throw new AppError('BAD_REQUEST', 'reports.periodMonths');
  if (daysBetween(period.from, period.to) > 5 * 366) throw new AppError('BAD_REQUEST', 'reports.periodTooLong');
}

/**
 * The previous period of equal length: whole months (a year, a half-year) compare with the same
 * number of months before; any other period with the same number of days before.
 */
export function previousPeriod(period: Period): Period {
  const wholeMonths = period.from.endsWith('-01') && addDays(period.to, 1).endsWith('-01');
  if (wholeMonths) {
    const [fy, fm] = period.from.split('-').map(Number) as [number, number];
    const [ty, tm] = period.to.split('-').map(Number) as [number, number];
    const months = ty * 12 + tm - (fy * 12 + fm) + 1;
    return { from: addMonths(period.from, -months), to: addDays(period.from, -1) };
  }
  const days = daysBetween(period.from, period.to) + 1;
  return { from: addDays(period.from, -days), to: addDays(period.from, -1) };
}

export type Window = Period & { start: string; end: string; today: string };

export function windowOf(period: Period, today: string): Window {
  return {
    ...period,
    start: amsterdamToUtc(period.from, '00:00').toISOString(),
    end: amsterdamToUtc(addDays(period.to, 1), '00:00').toISOString(),
    today,
  };
}
export const inWindow = (w: Window, instant: string | null) => instant !== null && instant >= w.start && instant < w.end;
export const inDays = (w: Window, date: string | null) => date !== null && date >= w.from && date <= w.to;

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
