/**
 * The reporting periods a team offers (its covenant's cadence, art. 4) and its suppression
 * threshold k (art. 20.13).
 */
import { asc, eq } from 'drizzle-orm';
import { covenants, teams } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { amsterdamDate } from '../clock';
import { currentCovenant } from './team';
import { L } from './report-types';
import type { Label } from '../../db/catalogues';

export type Preset = { key: string; label: Label; from: string; to: string; complete: boolean };

/** The team's cadence: calendar years (PIT, yearly) or half-years (BIT, half-yearly), newest first. */
export function reportPresets(deps: AppDeps, teamId: number) {
  // Periods from the team's first covenant on, in the cadence of today's covenant.
  const first = deps.db
    .select({ startsOn: covenants.startsOn })
    .from(covenants)
    .where(eq(covenants.teamId, teamId))
    .orderBy(asc(covenants.startsOn))
    .get()!;
  const current = currentCovenant(deps, teamId);
  const covenant = { cadence: current.reportingCadence, startsOn: first.startsOn, recipient: current.reportRecipient };
  const threshold = deps.db.select({ k: teams.suppressionThreshold }).from(teams).where(eq(teams.id, teamId)).get()!.k;
  const today = amsterdamDate(deps.now());
  const firstYear = Number(covenant.startsOn.slice(0, 4));
  const thisYear = Number(today.slice(0, 4));
  const presets: Preset[] = [];
  for (let year = thisYear; year >= firstYear; year--) {
    if (covenant.cadence === 'yearly') {
      const to = `${year}-12-31`;
      presets.push({ key: String(year), label: L(String(year), String(year)), from: `${year}-01-01`, to, complete: to < today });
    } else {
      for (const half of [2, 1] as const) {
        const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
        const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
        if (from > today) continue;
        presets.push({
          key: `${year}-H${half}`,
          label: L(`${half}e halfjaar ${year}`, `${half === 1 ? 'First' : 'Second'} half of ${year}`),
          from,
          to,
          complete: to < today,
        });
      }
    }
  }
  const defaultKey = presets.find((p) => p.complete)?.key ?? presets[0]?.key ?? null;
  return { cadence: covenant.cadence, recipient: covenant.recipient, threshold, presets, defaultKey };
}

/** art. 20.13: the team's threshold k below which per-gemeente counts are suppressed in exports. */
export function setReportThreshold(deps: AppDeps, actor: { id: number; teamId: number }, threshold: number) {
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 50) throw new AppError('BAD_REQUEST', 'reports.thresholdRange');
  deps.db.transaction((tx) => {
    tx.update(teams).set({ suppressionThreshold: threshold }).where(eq(teams.id, actor.teamId)).run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'report.threshold',
      entity: 'team',
      entityId: actor.teamId,
      detail: { threshold },
    });
  });
}
