/**
 * The coordinator's toelichting and knelpunten per reporting period (BIT art. 4.1 asks progress
 * and knelpunten in words, not only counts; issue 9 item 18). Stored per team and period, every
 * save a new version with its author and time, each save audited. It goes into the Word report
 * next to the figures; plain text only, and the screen asks for no personal data (art. 20.13).
 */
import type { Actor } from '../auth/actor';
import { and, desc, eq } from 'drizzle-orm';
import { reportNarratives, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { conflict } from '../errors';
import { validatePeriod, type Period } from './reports';

export const NARRATIVE_MAX = 5000;

export type ReportNarrative = { text: string; version: number; updatedAt: string; updatedBy: string } | null;

function latest(deps: AppDeps, teamId: number, period: Period) {
  return deps.db
    .select({
      text: reportNarratives.text,
      version: reportNarratives.version,
      updatedAt: reportNarratives.createdAt,
      updatedBy: users.name,
    })
    .from(reportNarratives)
    .innerJoin(users, eq(users.id, reportNarratives.authorId))
    .where(and(eq(reportNarratives.teamId, teamId), eq(reportNarratives.periodFrom, period.from), eq(reportNarratives.periodTo, period.to)))
    .orderBy(desc(reportNarratives.version))
    .limit(1)
    .get();
}

/** The latest toelichting of the period, or null when none was written. */
export function readNarrative(deps: AppDeps, teamId: number, period: Period): ReportNarrative {
  validatePeriod(period);
  return latest(deps, teamId, period) ?? null;
}

/**
 * Saves a new version. `version` is the one the coordinator edited (null for the first): a save
 * over someone else's newer text is a CONFLICT, nothing is lost.
 */
export function saveNarrative(deps: AppDeps, actor: Actor, input: Period & { text: string; version: number | null }): { version: number } {
  const period = { from: input.from, to: input.to };
  validatePeriod(period);
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const current = tx
      .select({ version: reportNarratives.version })
      .from(reportNarratives)
      .where(
        and(
          eq(reportNarratives.teamId, actor.teamId),
          eq(reportNarratives.periodFrom, period.from),
          eq(reportNarratives.periodTo, period.to),
        ),
      )
      .orderBy(desc(reportNarratives.version))
      .limit(1)
      .get();
    if ((current?.version ?? null) !== input.version) throw conflict();
    const version = (current?.version ?? 0) + 1;
    tx.insert(reportNarratives)
      .values({
        teamId: actor.teamId,
        periodFrom: period.from,
        periodTo: period.to,
        version,
        text: input.text,
        authorId: actor.id,
        createdAt: now.toISOString(),
      })
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'report.narrative_saved',
      entity: 'report',
      detail: { ...period, version, length: input.text.length },
    });
    return { version };
  });
}
