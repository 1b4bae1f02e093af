/**
 * The one place that decides which covenant is in force for a team on a day (issue 10). Every
 * rule that depends on the legal basis — recording personal data, new casussen and partners, BSN
 * reveals, exports, what each partner sees — asks here. A covenant counts only once the FG
 * approved it; its end date is its own fixed date, the one its approved addenda moved it to, or
 * the one its term rule gives (BIT art. 14.1).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { covenantChanges, covenants } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { addMonths, amsterdamDate } from '../clock';
import { AppError } from '../errors';
import { preparedPerDb } from '../prepared';

export type CovenantRow = typeof covenants.$inferSelect;
export type CovenantStatus = 'in_force' | 'ended' | 'proposed';

/**
 * The end date a covenant runs to (exclusive: on that day it no longer applies).
 * BIT art. 14.1: "aangegaan voor de duur van één jaar … na één jaar stilzwijgend verlengd voor de
 * duur van 5 jaar, tenzij … uit de evaluatie van het eerste jaar er noodzaak voor verandering is":
 * start + initial term, plus the tacit renewal unless the evaluation called for change.
 * An approved addendum with a new end date overrides both (the latest one counts).
 */
export function computedEndsOn(
  covenant: Pick<CovenantRow, 'startsOn' | 'endsOn' | 'initialTermMonths' | 'tacitRenewalMonths' | 'evaluationCallsForChange'>,
  addenda: { newEndsOn: string | null; approval: string; changedOn: string }[] = [],
): string | null {
  const moved = addenda
    .filter((a) => a.approval === 'approved' && a.newEndsOn)
    .sort((a, b) => a.changedOn.localeCompare(b.changedOn))
    .at(-1);
  if (moved?.newEndsOn) return moved.newEndsOn;
  if (covenant.endsOn) return covenant.endsOn;
  if (covenant.initialTermMonths) {
    const first = addMonths(covenant.startsOn, covenant.initialTermMonths);
    if (covenant.evaluationCallsForChange || !covenant.tacitRenewalMonths) return first;
    return addMonths(first, covenant.tacitRenewalMonths);
  }
  return null;
}

export type TeamCovenant = CovenantRow & { effectiveEndsOn: string | null; status: CovenantStatus };

/** Every covenant of the team that was not rejected, oldest first, with its end date and status on `day`. */
// Every read of betrokkenen asks whether a covenant is in force: prepared once per connection (issue 12).
const covenantQueries = {
  covenants: preparedPerDb((db) =>
    db
      .select()
      .from(covenants)
      .where(eq(covenants.teamId, sql.placeholder('teamId')))
      .orderBy(asc(covenants.startsOn), asc(covenants.id))
      .prepare(),
  ),
  changes: preparedPerDb((db) =>
    db
      .select()
      .from(covenantChanges)
      .where(eq(covenantChanges.teamId, sql.placeholder('teamId')))
      .prepare(),
  ),
};

export function teamCovenants(db: Db, teamId: number, day: string): TeamCovenant[] {
  const rows = covenantQueries.covenants(db).all({ teamId });
  const changes = covenantQueries.changes(db).all({ teamId });
  return rows
    .filter((c) => c.approval !== 'rejected')
    .map((c) => {
      const effectiveEndsOn = computedEndsOn(
        c,
        changes.filter((a) => a.covenantId === c.id),
      );
      const status: CovenantStatus =
        c.approval !== 'approved' || day < c.startsOn
          ? 'proposed' // waiting for the FG, or approved and not yet begun
          : effectiveEndsOn !== null && day >= effectiveEndsOn
            ? 'ended'
            : 'in_force';
      return { ...c, effectiveEndsOn, status };
    });
}

/** The covenant in force for team T on day D (the latest begun, approved one), or null: wind-down. */
export function covenantInForceOn(db: Db, teamId: number, day: string): TeamCovenant | null {
  return (
    teamCovenants(db, teamId, day)
      .filter((c) => c.status === 'in_force')
      .at(-1) ?? null
  );
}

/** Today's covenant (Amsterdam day of the app's clock). */
export function covenantInForce(deps: AppDeps, teamId: number): TeamCovenant | null {
  return covenantInForceOn(deps.db, teamId, amsterdamDate(deps.now()));
}

/** The last covenant that was ever in force (for the end date a wind-down message names). */
export function lastCovenantEnd(deps: AppDeps, teamId: number): string | null {
  const today = amsterdamDate(deps.now());
  return (
    teamCovenants(deps.db, teamId, today)
      .filter((c) => c.status === 'ended')
      .at(-1)?.effectiveEndsOn ?? null
  );
}

/**
 * Refuses what needs a covenant in force: new personal data, new casussen, new partners, BSN
 * reveals (PIT art. 14, 20.1: no legal basis after the end). The partner-joining code calls this too.
 */
export function assertCovenantInForce(deps: AppDeps, teamId: number): void {
  if (!covenantInForce(deps, teamId)) {
    throw new AppError('FORBIDDEN', 'subjects.covenantEnded', { date: lastCovenantEnd(deps, teamId) ?? amsterdamDate(deps.now()) });
  }
}

/** Whether the team winds down today: no covenant in force. */
export function inWindDown(deps: AppDeps, teamId: number): boolean {
  return covenantInForce(deps, teamId) === null;
}

/** The approved covenant record by id within the team (for addenda), or undefined. */
export function findCovenant(db: Db, teamId: number, id: number): CovenantRow | undefined {
  return db
    .select()
    .from(covenants)
    .where(and(eq(covenants.id, id), eq(covenants.teamId, teamId)))
    .get();
}
