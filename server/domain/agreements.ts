import { and, eq } from 'drizzle-orm';
import { agreements } from '../../db/schema';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { findCaseInTeam, recordCaseEvent } from './cases';
import { resolveMeetingLink } from './meetings';
import { partnerActiveOn } from './team';
import { ownAgreement, ownPartner } from './scope';

/** The partner must take part in the covenant today (joined, not left). */
export function assertActivePartner(deps: AppDeps, teamId: number, partnerId: number) {
  const partner = ownPartner(deps.db, teamId, partnerId);
  const today = amsterdamDate(deps.now());
  if (!partnerActiveOn(partner, today)) throw new AppError('BAD_REQUEST', 'tasks.partnerInactive');
}

export type AgreementInput = { caseId: number; text: string; responsiblePartnerId: number; meetingId?: number | null; agendaItemId?: number | null };

/** A werkafspraak about one pand; art. 2.7: it names the partner that is bevoegd gezag / eindverantwoordelijk. */
export function createAgreement(deps: AppDeps, actor: SessionUser, input: AgreementInput): { id: number } {
  const c = findCaseInTeam(deps, actor.teamId, input.caseId);
  assertActivePartner(deps, actor.teamId, input.responsiblePartnerId);
  input = { ...input, ...resolveMeetingLink(deps.db, actor.teamId, input) };
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx.insert(agreements).values({
      teamId: actor.teamId, caseId: c.id, text: input.text.trim(), responsiblePartnerId: input.responsiblePartnerId,
      meetingId: input.meetingId ?? null, agendaItemId: input.agendaItemId ?? null, createdByUserId: actor.id,
      createdAt: now.toISOString(), updatedAt: now.toISOString(),
    }).returning({ id: agreements.id }).get();
    recordCaseEvent(tx, now, c.id, actor.id, 'agreement', { agreementId: row.id });
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: 'agreement.created', entity: 'agreement', entityId: row.id, caseId: c.id });
    return row;
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'agreement.created', id: row.id, meetingId: input.meetingId ?? null });
  return row;
}

export function setAgreementStatus(deps: AppDeps, actor: SessionUser, input: { id: number; status: 'open' | 'uitgevoerd' | 'vervallen'; version: number }) {
  const row = ownAgreement(deps.db, actor.teamId, input.id);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx.update(agreements).set({ status: input.status, updatedAt: now.toISOString(), version: row.version + 1 })
      .where(and(eq(agreements.id, row.id), eq(agreements.version, input.version))).run();
    if (res.changes !== 1) throw conflict();
    recordCaseEvent(tx, now, row.caseId, actor.id, 'agreement.status', { agreementId: row.id, to: input.status });
    appendAudit(tx, now, { teamId: actor.teamId, actorId: actor.id, action: 'agreement.status', entity: 'agreement', entityId: row.id, caseId: row.caseId });
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'agreement.updated', id: row.id, meetingId: row.meetingId });
}
