import type { Actor } from '../auth/actor';
import { and, eq } from 'drizzle-orm';
import { assertNoSubjectNames, subjectsOfCase } from '../privacy/personal-data';
import { agreements, type WorkChangeKind } from '../../db/schema';
import { linkAgreementSubjects } from '../privacy/agreement-subjects';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict } from '../errors';
import { amsterdamDate } from '../clock';
import { findWorkableCase, recordCaseEvent } from './cases';
import { resolveMeetingLink } from './meetings';
import { partnerActiveOn } from './team';
import { ownAgreement, ownPartner } from './scope';
import { diff, recordWorkChange, type Changes } from './work-changes';

/** The partner must take part in the covenant today (joined, not left). */
export function assertActivePartner(deps: AppDeps, teamId: number, partnerId: number) {
  const partner = ownPartner(deps.db, teamId, partnerId);
  const today = amsterdamDate(deps.now());
  if (!partnerActiveOn(partner, today)) throw new AppError('BAD_REQUEST', 'tasks.partnerInactive');
}

export type AgreementInput = {
  caseId: number;
  text: string;
  responsiblePartnerId: number;
  meetingId?: number | null;
  agendaItemId?: number | null;
  subjectIds?: string[];
};

/**
 * Art. 20.1 (necessity): a werkafspraak concerns only the betrokkenen chosen for it, among the
 * casus' betrokkenen the actor sees (opaque ids, own team); the verslag names only those.
 */
function resolveSubjects(deps: AppDeps, actor: Actor, caseId: number, subjectIds: string[] | undefined): number[] | undefined {
  return subjectIds === undefined ? undefined : subjectsOfCase(deps, actor, caseId, subjectIds);
}

/** A werkafspraak about one pand; art. 2.7: it names the partner that is bevoegd gezag / eindverantwoordelijk. */
export function createAgreement(deps: AppDeps, actor: Actor, input: AgreementInput): { id: number } {
  const c = findWorkableCase(deps, actor.teamId, input.caseId);
  assertNoSubjectNames(deps, [c.id], { text: input.text }); // P1, art. 20.9
  assertActivePartner(deps, actor.teamId, input.responsiblePartnerId);
  const subjectRowIds = resolveSubjects(deps, actor, c.id, input.subjectIds) ?? [];
  input = { ...input, ...resolveMeetingLink(deps.db, actor.teamId, input) };
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx
      .insert(agreements)
      .values({
        teamId: actor.teamId,
        caseId: c.id,
        text: input.text.trim(),
        responsiblePartnerId: input.responsiblePartnerId,
        meetingId: input.meetingId ?? null,
        agendaItemId: input.agendaItemId ?? null,
        createdByUserId: actor.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning({ id: agreements.id })
      .get();
    linkAgreementSubjects(tx, row.id, subjectRowIds);
    recordCaseEvent(tx, now, c.id, actor.id, 'agreement', { agreementId: row.id });
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'agreement.created',
      entity: 'agreement',
      entityId: row.id,
      caseId: c.id,
      detail: { subjects: subjectRowIds.length },
    });
    return row;
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'agreement.created', id: row.id, meetingId: input.meetingId ?? null });
  return row;
}

type Agreement = typeof agreements.$inferSelect;

/** One versioned change: a stale version is a CONFLICT and changes nothing; case event, log, audit. */
function applyChange(
  deps: AppDeps,
  actor: Actor,
  row: Agreement,
  expectedVersion: number,
  change: Partial<typeof agreements.$inferInsert>,
  event: string,
  eventDetail: Record<string, unknown>,
  log?: { kind: WorkChangeKind; changes?: Changes; reason?: string | null },
  subjectRowIds?: number[],
) {
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(agreements)
      .set({ ...change, updatedAt: now.toISOString(), version: row.version + 1 })
      .where(and(eq(agreements.id, row.id), eq(agreements.version, expectedVersion)))
      .run();
    if (res.changes !== 1) throw conflict();
    if (subjectRowIds) linkAgreementSubjects(tx, row.id, subjectRowIds);
    recordCaseEvent(tx, now, row.caseId, actor.id, event, { agreementId: row.id, ...eventDetail });
    if (log) recordWorkChange(tx, now, { teamId: actor.teamId, agreementId: row.id, actorId: actor.id, ...log });
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: event,
      entity: 'agreement',
      entityId: row.id,
      caseId: row.caseId,
    });
  });
  deps.events.emit(`team:${actor.teamId}`, { kind: 'agreement.updated', id: row.id, meetingId: row.meetingId });
}

export function setAgreementStatus(
  deps: AppDeps,
  actor: Actor,
  input: { id: number; status: 'open' | 'uitgevoerd' | 'vervallen'; version: number; reason?: string | null },
) {
  const row = ownAgreement(deps.db, actor.teamId, input.id);
  if (input.status === 'vervallen') return lapseAgreement(deps, actor, { id: row.id, version: input.version, reason: input.reason ?? '' });
  applyChange(
    deps,
    actor,
    row,
    input.version,
    { status: input.status, lapseReason: null },
    'agreement.status',
    { to: input.status },
    row.status === input.status
      ? undefined
      : { kind: input.status === 'open' ? 'reopened' : 'updated', changes: { status: { from: row.status, to: input.status } } },
  );
}

/** The coordinator corrects an open werkafspraak: its text (a typo) or the responsible partner (art. 2.7). */
export function updateAgreement(
  deps: AppDeps,
  actor: Actor,
  input: { id: number; version: number; text?: string; responsiblePartnerId?: number; reason?: string | null; subjectIds?: string[] },
) {
  const row = ownAgreement(deps.db, actor.teamId, input.id);
  if (row.status !== 'open') throw new AppError('CONFLICT', 'agreements.notOpen');
  assertNoSubjectNames(deps, [row.caseId], { text: input.text }); // P1, art. 20.9
  if (input.responsiblePartnerId !== undefined && input.responsiblePartnerId !== row.responsiblePartnerId)
    assertActivePartner(deps, actor.teamId, input.responsiblePartnerId);
  const subjectRowIds = resolveSubjects(deps, actor, row.caseId, input.subjectIds);
  const changes = diff(
    { text: row.text, responsiblePartnerId: row.responsiblePartnerId },
    { text: input.text?.trim(), responsiblePartnerId: input.responsiblePartnerId },
  );
  if (Object.keys(changes).length === 0 && !subjectRowIds) return { version: row.version };
  applyChange(
    deps,
    actor,
    row,
    input.version,
    { text: input.text?.trim() ?? row.text, responsiblePartnerId: input.responsiblePartnerId ?? row.responsiblePartnerId },
    'agreement.updated',
    subjectRowIds ? { subjects: subjectRowIds.length } : {},
    Object.keys(changes).length > 0 ? { kind: 'updated', changes, reason: input.reason?.trim() || null } : undefined,
    subjectRowIds,
  );
  return { version: row.version + 1 };
}

/** Vervallen, with a reason that stays in the history. */
export function lapseAgreement(deps: AppDeps, actor: Actor, input: { id: number; version: number; reason: string }) {
  const row = ownAgreement(deps.db, actor.teamId, input.id);
  if (row.status !== 'open') throw new AppError('CONFLICT', 'agreements.notOpen');
  const reason = input.reason.trim();
  if (!reason) throw new AppError('BAD_REQUEST', 'agreements.reasonRequired');
  applyChange(
    deps,
    actor,
    row,
    input.version,
    { status: 'vervallen', lapseReason: reason },
    'agreement.status',
    { to: 'vervallen' },
    { kind: 'lapsed', changes: { status: { from: 'open', to: 'vervallen' } }, reason },
  );
}
