/**
 * The register of data-subject requests (art. 24, P9; issue 11 item 2), kept by the FG.
 *  - Deadline: one calendar month after receipt (AVG art. 12.3), extendable once by two further
 *    months with a recorded reason, and only while the first month runs.
 *  - art. 24.3: the request goes to every partner whose dossier it concerns — the partners that
 *    provided data on the persons concerned — and each reports back on its handling.
 *  - art. 24.4: a request touching police data always goes to the police for its part. The
 *    concerned partners are derived from the items themselves, so the police are on the list
 *    whenever a police item exists, and the request cannot be decided before every concerned
 *    partner (so the police too) has had it.
 * The register holds no personal data of its own: the persons are links to betrokkenen.
 */
import type { Actor } from '../auth/actor';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { dataSubjectRequests, dsrPartners, partners, type DsrKind } from '../../db/schema';
import type { AppDeps } from '../deps';
import { AppError, fieldError, notFound } from '../errors';
import { appendAudit } from '../audit';
import { addDays, addMonths, amsterdamDate } from '../clock';
import { ownPartner } from './scope';
import { encodePublicId } from '../privacy/public-ids';
import { linkRequestSubjects, ownSubjectRows, requestSubjectIds, requestSubjectLinks } from '../privacy/dsr-subjects';
import { concernedPartnerIds } from '../privacy/inzage';

/** Requests due within this many days are shown as nearing their deadline on the FG's home. */
export const DUE_SOON_DAYS = 7;

function notInFuture(deps: AppDeps, field: string, date: string) {
  if (date > amsterdamDate(deps.now())) throw fieldError(field, 'dsr.dateInFuture');
}

export type CreateRequestInput = { kind: DsrKind; receivedOn: string; receivedByPartnerId: number; subjectIds: string[] };

export function createRequest(deps: AppDeps, actor: Actor, input: CreateRequestInput): { id: number; deadline: string } {
  notInFuture(deps, 'receivedOn', input.receivedOn);
  ownPartner(deps.db, actor.teamId, input.receivedByPartnerId);
  const subjectRowIds = ownSubjectRows(deps, actor.teamId, input.subjectIds);
  const partnerIds = concernedPartnerIds(deps.db, subjectRowIds);
  const deadline = addMonths(input.receivedOn, 1);
  const id = deps.db.transaction((tx) => {
    const row = tx
      .insert(dataSubjectRequests)
      .values({
        teamId: actor.teamId,
        kind: input.kind,
        receivedOn: input.receivedOn,
        receivedByPartnerId: input.receivedByPartnerId,
        deadline,
        createdByUserId: actor.id,
        createdAt: deps.now().toISOString(),
      })
      .returning({ id: dataSubjectRequests.id })
      .get();
    linkRequestSubjects(tx, row.id, subjectRowIds);
    if (partnerIds.length > 0)
      tx.insert(dsrPartners)
        .values(partnerIds.map((partnerId) => ({ requestId: row.id, partnerId })))
        .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'dsr.created',
      entity: 'dsr',
      entityId: row.id,
      detail: { kind: input.kind, subjects: subjectRowIds.length, partners: partnerIds.length },
    });
    return row.id;
  });
  return { id, deadline };
}

function ownRequest(deps: AppDeps, teamId: number, id: number) {
  const row = deps.db
    .select()
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.id, id), eq(dataSubjectRequests.teamId, teamId)))
    .get();
  if (!row) throw notFound();
  return row;
}

function openRequest(deps: AppDeps, teamId: number, id: number) {
  const row = ownRequest(deps, teamId, id);
  if (row.status !== 'open') throw new AppError('CONFLICT', 'dsr.closed');
  return row;
}

export type RequestView = {
  id: number;
  kind: DsrKind;
  receivedOn: string;
  receivedByPartnerId: number;
  deadline: string;
  extendedOn: string | null;
  extensionReason: string | null;
  status: 'open' | 'afgehandeld';
  decision: 'toegewezen' | 'deels_toegewezen' | 'afgewezen' | null;
  decisionNote: string | null;
  decidedOn: string | null;
  /** Open and past its deadline (Amsterdam calendar day). */
  overdue: boolean;
  /** Open and due within DUE_SOON_DAYS. */
  dueSoon: boolean;
  subjects: { subjectId: string; caseId: number; caseCode: string }[];
  partners: {
    partnerId: number;
    name: string;
    police: boolean;
    forwardedOn: string | null;
    reportedOn: string | null;
    report: string | null;
  }[];
};

export function listRequests(deps: AppDeps, teamId: number, onlyId?: number): RequestView[] {
  const today = amsterdamDate(deps.now());
  const rows = deps.db
    .select()
    .from(dataSubjectRequests)
    .where(and(eq(dataSubjectRequests.teamId, teamId), onlyId ? eq(dataSubjectRequests.id, onlyId) : undefined))
    // Open requests first ('open' sorts after 'afgehandeld'), the nearest deadline on top.
    .orderBy(desc(dataSubjectRequests.status), asc(dataSubjectRequests.deadline), desc(dataSubjectRequests.id))
    .all();
  const ids = rows.map((r) => r.id);
  const subjectRows = requestSubjectLinks(deps.db, ids);
  const partnerRows =
    ids.length === 0
      ? []
      : deps.db
          .select({
            requestId: dsrPartners.requestId,
            partnerId: dsrPartners.partnerId,
            name: partners.name,
            kind: partners.kind,
            forwardedOn: dsrPartners.forwardedOn,
            reportedOn: dsrPartners.reportedOn,
            report: dsrPartners.report,
          })
          .from(dsrPartners)
          .innerJoin(partners, eq(partners.id, dsrPartners.partnerId))
          .where(inArray(dsrPartners.requestId, ids))
          .orderBy(asc(partners.name))
          .all();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    receivedOn: r.receivedOn,
    receivedByPartnerId: r.receivedByPartnerId,
    deadline: r.deadline,
    extendedOn: r.extendedOn,
    extensionReason: r.extensionReason,
    status: r.status,
    decision: r.decision,
    decisionNote: r.decisionNote,
    decidedOn: r.decidedOn,
    overdue: r.status === 'open' && r.deadline < today,
    dueSoon: r.status === 'open' && r.deadline >= today && r.deadline <= addDays(today, DUE_SOON_DAYS),
    subjects: subjectRows
      .filter((s) => s.requestId === r.id)
      .map((s) => ({ subjectId: encodePublicId(deps.keys, 'subject', teamId, s.subjectId), caseId: s.caseId, caseCode: s.caseCode })),
    partners: partnerRows
      .filter((p) => p.requestId === r.id)
      .map((p) => ({
        partnerId: p.partnerId,
        name: p.name,
        police: p.kind === 'politie',
        forwardedOn: p.forwardedOn,
        reportedOn: p.reportedOn,
        report: p.report,
      })),
  }));
}

export function getRequest(deps: AppDeps, teamId: number, id: number): RequestView {
  ownRequest(deps, teamId, id);
  return listRequests(deps, teamId, id)[0]!;
}

/** AVG art. 12.3: once, by two months, with a reason, while the first month still runs. */
export function extendRequest(deps: AppDeps, actor: Actor, input: { id: number; reason: string }): { deadline: string } {
  const row = openRequest(deps, actor.teamId, input.id);
  if (row.extendedOn) throw new AppError('CONFLICT', 'dsr.alreadyExtended');
  const today = amsterdamDate(deps.now());
  if (today > row.deadline) throw new AppError('BAD_REQUEST', 'dsr.extendTooLate');
  const deadline = addMonths(row.receivedOn, 3);
  deps.db.transaction((tx) => {
    tx.update(dataSubjectRequests)
      .set({ deadline, extendedOn: today, extensionReason: input.reason, version: row.version + 1 })
      .where(eq(dataSubjectRequests.id, row.id))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'dsr.extended',
      entity: 'dsr',
      entityId: row.id,
      detail: { deadline },
    });
  });
  return { deadline };
}

/** art. 24.3/24.4: forwards the request to every concerned partner not yet forwarded to (today). */
export function forwardRequest(deps: AppDeps, actor: Actor, input: { id: number }): { forwarded: number } {
  const row = openRequest(deps, actor.teamId, input.id);
  const today = amsterdamDate(deps.now());
  const forwarded = deps.db.transaction((tx) => {
    const n = tx
      .update(dsrPartners)
      .set({ forwardedOn: today })
      .where(and(eq(dsrPartners.requestId, row.id), isNull(dsrPartners.forwardedOn)))
      .run().changes;
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'dsr.forwarded',
      entity: 'dsr',
      entityId: row.id,
      detail: { partners: n },
    });
    return n;
  });
  return { forwarded };
}

/** art. 24.3: a partner's report back on its handling of the request. */
export function recordPartnerReport(
  deps: AppDeps,
  actor: Actor,
  input: { id: number; partnerId: number; reportedOn: string; report: string },
): void {
  const row = openRequest(deps, actor.teamId, input.id);
  notInFuture(deps, 'reportedOn', input.reportedOn);
  const link = deps.db
    .select()
    .from(dsrPartners)
    .where(and(eq(dsrPartners.requestId, row.id), eq(dsrPartners.partnerId, input.partnerId)))
    .get();
  if (!link) throw notFound();
  if (!link.forwardedOn) throw new AppError('BAD_REQUEST', 'dsr.notForwarded');
  if (input.reportedOn < link.forwardedOn) throw fieldError('reportedOn', 'dsr.reportBeforeForward');
  deps.db.transaction((tx) => {
    tx.update(dsrPartners)
      .set({ reportedOn: input.reportedOn, report: input.report })
      .where(and(eq(dsrPartners.requestId, row.id), eq(dsrPartners.partnerId, input.partnerId)))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'dsr.reported',
      entity: 'dsr',
      entityId: row.id,
      detail: { partnerId: input.partnerId },
    });
  });
}

/** The FG's decision closes the request; not before every concerned partner (the police for its part, 24.4) has had it. */
export function decideRequest(
  deps: AppDeps,
  actor: Actor,
  input: { id: number; decision: 'toegewezen' | 'deels_toegewezen' | 'afgewezen'; note: string },
): void {
  const row = openRequest(deps, actor.teamId, input.id);
  const pending = deps.db
    .select({ partnerId: dsrPartners.partnerId })
    .from(dsrPartners)
    .where(and(eq(dsrPartners.requestId, row.id), isNull(dsrPartners.forwardedOn)))
    .all();
  if (pending.length > 0) throw new AppError('BAD_REQUEST', 'dsr.notForwarded');
  deps.db.transaction((tx) => {
    tx.update(dataSubjectRequests)
      .set({
        status: 'afgehandeld',
        decision: input.decision,
        decisionNote: input.note,
        decidedOn: amsterdamDate(deps.now()),
        version: row.version + 1,
      })
      .where(eq(dataSubjectRequests.id, row.id))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'dsr.decided',
      entity: 'dsr',
      entityId: row.id,
      detail: { decision: input.decision },
    });
  });
}

/** The request's betrokkenen (row ids) for the inzage bundle; the request must be the team's. */
export function requestSubjectRows(
  deps: AppDeps,
  teamId: number,
  id: number,
): { request: typeof dataSubjectRequests.$inferSelect; subjectIds: number[] } {
  const request = ownRequest(deps, teamId, id);
  const subjectIds = requestSubjectIds(deps.db, id);
  return { request, subjectIds };
}
