/**
 * Escalaties (BIT art. 2.6): a knelpunt on a casus raised to the DVC, with the date and reason,
 * and later the outcome. The coordinator raises and resolves; casework roles read them.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { cases, escalations, partners } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { findCaseInTeam, recordCaseEvent } from './cases';
import { ownEscalation } from './scope';

export function raiseEscalation(deps: AppDeps, reader: Actor, input: { caseId: number; raisedOn: string; reason: string }): { id: number } {
  const c = findCaseInTeam(deps, reader.teamId, input.caseId);
  if (input.raisedOn > amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'escalations.inFuture');
  const now = deps.now();
  return deps.db.transaction((tx) => {
    const row = tx
      .insert(escalations)
      .values({
        teamId: reader.teamId,
        caseId: c.id,
        raisedOn: input.raisedOn,
        reason: input.reason.trim(),
        createdByUserId: reader.id,
        createdAt: now.toISOString(),
      })
      .returning({ id: escalations.id })
      .get();
    recordCaseEvent(tx, now, c.id, reader.id, 'escalation', { escalationId: row.id });
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'escalation.raised',
      entity: 'escalation',
      entityId: row.id,
      caseId: c.id,
    });
    return row;
  });
}

export function resolveEscalation(
  deps: AppDeps,
  reader: Actor,
  input: { id: number; outcome: string; outcomeOn: string; version: number },
) {
  const row = ownEscalation(deps.db, reader.teamId, input.id);
  if (row.status === 'afgehandeld') throw new AppError('CONFLICT', 'escalations.alreadyResolved');
  if (input.outcomeOn < row.raisedOn) throw new AppError('BAD_REQUEST', 'escalations.outcomeBeforeRaised');
  if (input.outcomeOn > amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'escalations.inFuture');
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(escalations)
      .set({ status: 'afgehandeld', outcome: input.outcome.trim(), outcomeOn: input.outcomeOn, version: row.version + 1 })
      .where(and(eq(escalations.id, row.id), eq(escalations.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    recordCaseEvent(tx, now, row.caseId, reader.id, 'escalation_resolved', { escalationId: row.id });
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'escalation.resolved',
      entity: 'escalation',
      entityId: row.id,
      caseId: row.caseId,
    });
  });
}

/** Escalaties raised in a period (on raisedOn, inclusive), newest first; optionally of one casus. */
export function listEscalations(
  deps: AppDeps,
  reader: Actor,
  filter: { from?: string | null; to?: string | null; caseId?: number | null } = {},
) {
  const conditions: SQL[] = [eq(escalations.teamId, reader.teamId)];
  if (filter.from) conditions.push(gte(escalations.raisedOn, filter.from));
  if (filter.to) conditions.push(lte(escalations.raisedOn, filter.to));
  if (filter.caseId) conditions.push(eq(escalations.caseId, filter.caseId));
  return deps.db
    .select({
      id: escalations.id,
      caseId: escalations.caseId,
      caseCode: cases.code,
      gemeente: partners.shortName,
      raisedOn: escalations.raisedOn,
      reason: escalations.reason,
      status: escalations.status,
      outcome: escalations.outcome,
      outcomeOn: escalations.outcomeOn,
      version: escalations.version,
    })
    .from(escalations)
    .innerJoin(cases, eq(cases.id, escalations.caseId))
    .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
    .where(and(...conditions))
    .orderBy(desc(escalations.raisedOn), asc(escalations.id))
    .all();
}
