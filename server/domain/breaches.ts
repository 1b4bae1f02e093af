/**
 * Data breaches (PIT art. 22, SPEC P10). Anyone of the team reports a suspected incident; the FG
 * manages it. Two clocks run from the discovery: 24 hours to inform the partners concerned
 * (art. 22.1) and 72 hours to report to the Autoriteit Persoonsgegevens — AVG art. 33, or Wpg
 * art. 33a when police data are involved (art. 22.3). Nothing here is personal data: the report
 * form asks for a description without names.
 */
import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import { breachPartners, breaches, partners, users, type BreachStatus } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { conflict, fieldError } from '../errors';
import { ownBreach, ownPartner } from './scope';

const HOUR = 3_600_000;
export const PARTNERS_HOURS = 24;
export const AUTHORITY_HOURS = 72;

export type ClockState = 'running' | 'overdue' | 'done' | 'stopped';
type Actor = { id: number; teamId: number };

const deadlines = (discoveredAt: string) => {
  const t = Date.parse(discoveredAt);
  return { partnersBy: new Date(t + PARTNERS_HOURS * HOUR).toISOString(), authorityBy: new Date(t + AUTHORITY_HOURS * HOUR).toISOString() };
};

/** An instant from the form: not in the future (a discovery cannot lie ahead). */
function pastInstant(deps: AppDeps, value: string, field: string): string {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw fieldError(field, 'validation.invalid');
  if (t > deps.now().getTime() + 60_000) throw fieldError(field, 'breaches.futureDate');
  return new Date(t).toISOString();
}

/** Anyone reports a suspected breach; the clocks start at the discovery, not at the report. */
export function reportBreach(deps: AppDeps, actor: Actor, input: { discoveredAt: string; description: string }) {
  const discoveredAt = pastInstant(deps, input.discoveredAt, 'discoveredAt');
  const description = input.description.trim();
  if (!description) throw fieldError('description', 'validation.required');
  return createBreach(deps, actor.teamId, actor.id, 'report', discoveredAt, description);
}

function createBreach(
  deps: AppDeps,
  teamId: number,
  actorId: number | null,
  origin: 'report' | 'audit_chain',
  discoveredAt: string,
  description: string,
) {
  const now = deps.now();
  const id = deps.db.transaction((tx) => {
    const row = tx
      .insert(breaches)
      .values({
        teamId,
        origin,
        reportedByUserId: actorId,
        reportedAt: now.toISOString(),
        discoveredAt,
        description,
        status: 'gemeld',
        updatedAt: now.toISOString(),
      })
      .returning({ id: breaches.id })
      .get();
    appendAudit(tx, now, { teamId, actorId, action: 'breach.reported', entity: 'breach', entityId: row.id, detail: { origin } });
    return row.id;
  });
  return { id, ...deadlines(discoveredAt) };
}

/**
 * A broken audit chain is a possible breach of integrity: the audit check opens a draft incident
 * for the FG (discovered now). One open draft per team is enough — a second break found before
 * the FG closes it joins that one.
 */
export function openDraftIncident(deps: AppDeps, teamId: number, description: string): { id: number } {
  const open = deps.db
    .select({ id: breaches.id })
    .from(breaches)
    .where(and(eq(breaches.teamId, teamId), eq(breaches.origin, 'audit_chain'), ne(breaches.status, 'afgesloten')))
    .get();
  if (open) return open;
  const created = createBreach(deps, teamId, null, 'audit_chain', deps.now().toISOString(), description.slice(0, 2000));
  deps.db.update(breaches).set({ nature: 'integriteit' }).where(eq(breaches.id, created.id)).run();
  return { id: created.id };
}

type Row = typeof breaches.$inferSelect;
type PartnerRow = { partnerId: number; name: string; informedAt: string | null; informedBy: string | null };

function clocks(row: Row, partnerRows: PartnerRow[], now: Date) {
  const { partnersBy, authorityBy } = deadlines(row.discoveredAt);
  const state = (by: string, doneAt: string | null): ClockState => {
    if (doneAt) return 'done';
    if (row.status === 'afgesloten') return 'stopped';
    return now.toISOString() > by ? 'overdue' : 'running';
  };
  const partnersDoneAt =
    partnerRows.length > 0 && partnerRows.every((p) => p.informedAt)
      ? partnerRows
          .map((p) => p.informedAt!)
          .sort()
          .at(-1)!
      : null;
  const authorityDoneAt = row.authorityReportedAt ?? (row.authorityNotRequiredReason ? row.updatedAt : null);
  return {
    partnersBy,
    authorityBy,
    partnersClock: state(partnersBy, partnersDoneAt),
    authorityClock: state(authorityBy, authorityDoneAt),
    // AVG art. 33 or Wpg art. 33a (art. 22.3).
    authorityLaw: row.policeData ? ('wpg_33a' as const) : ('avg_33' as const),
  };
}

function view(deps: AppDeps, row: Row, partnerRows: PartnerRow[], reporter: string | null) {
  return {
    id: row.id,
    origin: row.origin,
    status: row.status,
    reportedAt: row.reportedAt,
    reportedBy: reporter,
    discoveredAt: row.discoveredAt,
    description: row.description,
    policeData: row.policeData,
    nature: row.nature,
    dataCategories: row.dataCategories,
    personsAffected: row.personsAffected,
    recordsAffected: row.recordsAffected,
    consequences: row.consequences,
    measuresTaken: row.measuresTaken,
    measuresProposed: row.measuresProposed,
    contact: row.contact,
    authorityReportedAt: row.authorityReportedAt,
    authorityReference: row.authorityReference,
    authorityNotRequiredReason: row.authorityNotRequiredReason,
    subjectsDecision: row.subjectsDecision,
    subjectsDecisionReason: row.subjectsDecisionReason,
    consultation: row.consultation,
    consultedOn: row.consultedOn,
    closedAt: row.closedAt,
    version: row.version,
    partners: partnerRows,
    ...clocks(row, partnerRows, deps.now()),
  };
}

/** The register for the FG, newest first, with each clock's state at this moment. */
export function listBreaches(deps: AppDeps, teamId: number) {
  const rows = deps.db
    .select({ b: breaches, reporter: users.name })
    .from(breaches)
    .leftJoin(users, eq(users.id, breaches.reportedByUserId))
    .where(eq(breaches.teamId, teamId))
    .orderBy(desc(breaches.discoveredAt), desc(breaches.id))
    .limit(200)
    .all();
  const partnerRows =
    rows.length === 0
      ? []
      : deps.db
          .select({
            breachId: breachPartners.breachId,
            partnerId: breachPartners.partnerId,
            name: partners.name,
            informedAt: breachPartners.informedAt,
            informedBy: users.name,
          })
          .from(breachPartners)
          .innerJoin(partners, eq(partners.id, breachPartners.partnerId))
          .leftJoin(users, eq(users.id, breachPartners.informedByUserId))
          .where(
            inArray(
              breachPartners.breachId,
              rows.map((r) => r.b.id),
            ),
          )
          .orderBy(asc(partners.name))
          .all();
  return rows.map((r) =>
    view(
      deps,
      r.b,
      partnerRows.filter((p) => p.breachId === r.b.id).map(({ breachId: _, ...p }) => p),
      r.reporter,
    ),
  );
}

export type BreachUpdate = {
  id: number;
  version: number;
  status: BreachStatus;
  policeData: boolean;
  nature: 'vertrouwelijkheid' | 'integriteit' | 'beschikbaarheid' | null;
  dataCategories: string;
  personsAffected: number | null;
  recordsAffected: number | null;
  consequences: string;
  measuresTaken: string;
  measuresProposed: string;
  contact: string;
  authorityReportedAt: string | null;
  authorityReference: string | null;
  authorityNotRequiredReason: string | null;
  subjectsDecision: 'informeren' | 'niet_informeren' | null;
  subjectsDecisionReason: string | null;
  consultation: string;
  consultedOn: string | null;
  partnerIds: number[];
};

/** The FG records the assessment: the AP form's fields, the decisions, the partners concerned. */
export function updateBreach(deps: AppDeps, actor: Actor, input: BreachUpdate) {
  const row = ownBreach(deps.db, actor.teamId, input.id);
  const partnerIds = [...new Set(input.partnerIds)];
  for (const id of partnerIds) ownPartner(deps.db, actor.teamId, id);
  const authorityReportedAt = input.authorityReportedAt ? pastInstant(deps, input.authorityReportedAt, 'authorityReportedAt') : null;
  if (input.subjectsDecision === 'niet_informeren' && !input.subjectsDecisionReason?.trim())
    throw fieldError('subjectsDecisionReason', 'breaches.reasonRequired');
  const now = deps.now().toISOString();
  deps.db.transaction((tx) => {
    const res = tx
      .update(breaches)
      .set({
        status: input.status,
        policeData: input.policeData,
        nature: input.nature,
        dataCategories: input.dataCategories.trim(),
        personsAffected: input.personsAffected,
        recordsAffected: input.recordsAffected,
        consequences: input.consequences.trim(),
        measuresTaken: input.measuresTaken.trim(),
        measuresProposed: input.measuresProposed.trim(),
        contact: input.contact.trim(),
        authorityReportedAt,
        authorityReference: input.authorityReference?.trim() || null,
        authorityNotRequiredReason: authorityReportedAt ? null : input.authorityNotRequiredReason?.trim() || null,
        subjectsDecision: input.subjectsDecision,
        subjectsDecisionReason: input.subjectsDecisionReason?.trim() || null,
        consultation: input.consultation.trim(),
        consultedOn: input.consultedOn,
        closedAt: input.status === 'afgesloten' ? (row.closedAt ?? now) : null,
        updatedAt: now,
        version: row.version + 1,
      })
      .where(and(eq(breaches.id, row.id), eq(breaches.version, input.version)))
      .run();
    if (res.changes === 0) throw conflict();
    const current = tx
      .select({ partnerId: breachPartners.partnerId })
      .from(breachPartners)
      .where(eq(breachPartners.breachId, row.id))
      .all()
      .map((p) => p.partnerId);
    const gone = current.filter((id) => !partnerIds.includes(id));
    if (gone.length > 0)
      tx.delete(breachPartners)
        .where(and(eq(breachPartners.breachId, row.id), inArray(breachPartners.partnerId, gone)))
        .run();
    const added = partnerIds.filter((id) => !current.includes(id));
    if (added.length > 0)
      tx.insert(breachPartners)
        .values(added.map((partnerId) => ({ breachId: row.id, partnerId })))
        .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'breach.updated',
      entity: 'breach',
      entityId: row.id,
      detail: { status: input.status },
    });
  });
}

/** art. 22.1: a partner concerned was informed at a moment (the 24-hour clock). */
export function recordPartnerInformed(deps: AppDeps, actor: Actor, input: { id: number; partnerId: number; informedAt: string }) {
  const row = ownBreach(deps.db, actor.teamId, input.id);
  const partner = ownPartner(deps.db, actor.teamId, input.partnerId);
  const informedAt = pastInstant(deps, input.informedAt, 'informedAt');
  if (Date.parse(informedAt) < Date.parse(row.discoveredAt)) throw fieldError('informedAt', 'breaches.beforeDiscovery');
  deps.db.transaction((tx) => {
    tx.insert(breachPartners)
      .values({ breachId: row.id, partnerId: partner.id, informedAt, informedByUserId: actor.id })
      .onConflictDoUpdate({ target: [breachPartners.breachId, breachPartners.partnerId], set: { informedAt, informedByUserId: actor.id } })
      .run();
    tx.update(breaches)
      .set({
        status: row.status === 'gemeld' ? 'in_behandeling' : row.status,
        updatedAt: deps.now().toISOString(),
        version: row.version + 1,
      })
      .where(eq(breaches.id, row.id))
      .run();
    appendAudit(tx, deps.now(), {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'breach.partner_informed',
      entity: 'breach',
      entityId: row.id,
      detail: { partnerId: partner.id },
    });
  });
}

/** For the banner: how many clocks run (or are overdue) for the team right now. */
export function runningClocks(deps: AppDeps, teamId: number) {
  const open = listBreaches(deps, teamId).filter((b) => b.status !== 'afgesloten');
  const states = open.flatMap((b) => [b.partnersClock, b.authorityClock]);
  const next =
    open
      .flatMap((b) => [
        ...(b.partnersClock === 'running' || b.partnersClock === 'overdue' ? [b.partnersBy] : []),
        ...(b.authorityClock === 'running' || b.authorityClock === 'overdue' ? [b.authorityBy] : []),
      ])
      .sort()[0] ?? null;
  return {
    running: states.filter((s) => s === 'running').length,
    overdue: states.filter((s) => s === 'overdue').length,
    nextDeadline: next,
  };
}
