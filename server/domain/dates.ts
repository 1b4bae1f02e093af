// Dates a person plans: an overleg, a series, a due date. A date in the past is almost always a
// typo (2020 for 2026) and would be listed as upcoming or overdue at once; the rare real case —
// recording an overleg afterwards — says so explicitly with `confirmPast` (the screen asks first).
import type { AppDeps } from '../deps';
import { fieldError } from '../errors';
import { amsterdamDate } from '../clock';

/** A calendar day (YYYY-MM-DD) before today in Amsterdam is refused at its field unless confirmed. */
export function refusePastDay(deps: AppDeps, path: string, day: string | undefined, confirmPast: boolean | undefined) {
  if (day === undefined || confirmPast) return;
  if (day < amsterdamDate(deps.now())) throw fieldError(path, 'validation.pastDate');
}

/** An instant before now is refused at its field unless confirmed. */
export function refusePastInstant(deps: AppDeps, path: string, iso: string | undefined, confirmPast: boolean | undefined) {
  if (iso === undefined || confirmPast) return;
  if (new Date(iso).getTime() < deps.now().getTime()) throw fieldError(path, 'validation.pastDateTime');
}

/** Starting an overleg more than this long before its planned start needs a confirmation. */
export const EARLY_START_MINUTES = 60;
