/**
 * Integrale controles (art. 1.2, SPEC §2 step 6): the coordinator plans a joint inspection of one
 * or more panden with the participating partners; afterwards each participating partner records
 * its findings (a type from its kind's catalogue) and the follow-up measure. The briefing for a
 * partner shows the panden and only the betrokkenen that partner may see (readSubjects).
 */
import { actingPartner, type Actor } from '../auth/actor';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import {
  agreements,
  cases,
  controlCases,
  controlPartners,
  controls,
  findings,
  partners,
  teams,
  themes,
  type PartnerKind,
} from '../../db/schema';
import { findingLabel, findingTypesFor, measureLabel, type MeasureCode } from '../../db/catalogues';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError, conflict, notFound } from '../errors';
import { amsterdamDate } from '../clock';
import { readSubjects, type VisibleSubject } from '../privacy/personal-data';
import { canSeeFinding, readerAsPartner } from '../privacy/visibility';
import { decodePublicId, encodePublicId } from '../privacy/public-ids';
import { partnerActiveOn } from './team';
import { ownCases, ownControl, ownFinding, ownPartners } from './scope';
import { caseAddress } from './case-address';

export type ControlInput = {
  plannedOn: string;
  startTime?: string | null;
  caseIds: number[];
  partnerIds: number[];
  briefingNotes?: string | null;
};

function emit(deps: AppDeps, teamId: number, id: number) {
  deps.events.emit(`team:${teamId}`, { kind: 'control.changed', id, meetingId: null });
}

function findControl(deps: AppDeps, teamId: number, id: number) {
  return ownControl(deps.db, teamId, id);
}

/** Cases of the team, open (not afgerond); partners of the team taking part on the date. */
function checkParticipants(deps: AppDeps, teamId: number, input: ControlInput) {
  const caseIds = [...new Set(input.caseIds)];
  const partnerIds = [...new Set(input.partnerIds)];
  if (caseIds.length === 0) throw new AppError('BAD_REQUEST', 'controls.noCases');
  if (partnerIds.length === 0) throw new AppError('BAD_REQUEST', 'controls.noPartners');
  const caseRows = ownCases(deps.db, teamId, caseIds);
  if (caseRows.some((c) => c.status === 'afgerond' || c.status === 'ingetrokken')) throw new AppError('BAD_REQUEST', 'controls.caseClosed');
  const partnerRows = ownPartners(deps.db, teamId, partnerIds);
  if (partnerRows.some((p) => !partnerActiveOn(p, input.plannedOn))) {
    throw new AppError('BAD_REQUEST', 'controls.partnerInactive');
  }
  return { caseIds, partnerIds };
}

/** The coordinator plans a controle: date, optional start time, panden, partners, briefing notes. */
export function planControl(deps: AppDeps, reader: Actor, input: ControlInput): { id: number } {
  const { caseIds, partnerIds } = checkParticipants(deps, reader.teamId, input);
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx
      .insert(controls)
      .values({
        teamId: reader.teamId,
        plannedOn: input.plannedOn,
        startTime: input.startTime || null,
        briefingNotes: input.briefingNotes?.trim() ?? '',
        createdByUserId: reader.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning({ id: controls.id })
      .get();
    tx.insert(controlCases)
      .values(caseIds.map((caseId) => ({ controlId: row.id, caseId })))
      .run();
    tx.insert(controlPartners)
      .values(partnerIds.map((partnerId) => ({ controlId: row.id, partnerId })))
      .run();
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'control.planned',
      entity: 'control',
      entityId: row.id,
      caseId: caseIds.length === 1 ? caseIds[0] : null,
      detail: { cases: caseIds, partners: partnerIds },
    });
    return row;
  });
  emit(deps, reader.teamId, row.id);
  return row;
}

export function updateControl(deps: AppDeps, reader: Actor, input: ControlInput & { id: number; version: number }) {
  const current = findControl(deps, reader.teamId, input.id);
  if (current.status === 'geannuleerd') throw new AppError('CONFLICT', 'controls.cancelled');
  if (current.status === 'uitgevoerd') throw new AppError('CONFLICT', 'controls.alreadyHeld');
  const { caseIds, partnerIds } = checkParticipants(deps, reader.teamId, input);
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(controls)
      .set({
        plannedOn: input.plannedOn,
        startTime: input.startTime || null,
        briefingNotes: input.briefingNotes?.trim() ?? current.briefingNotes,
        updatedAt: now.toISOString(),
        version: current.version + 1,
      })
      .where(and(eq(controls.id, current.id), eq(controls.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    tx.delete(controlCases).where(eq(controlCases.controlId, current.id)).run();
    tx.delete(controlPartners).where(eq(controlPartners.controlId, current.id)).run();
    tx.insert(controlCases)
      .values(caseIds.map((caseId) => ({ controlId: current.id, caseId })))
      .run();
    tx.insert(controlPartners)
      .values(partnerIds.map((partnerId) => ({ controlId: current.id, partnerId })))
      .run();
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'control.updated',
      entity: 'control',
      entityId: current.id,
      detail: { cases: caseIds, partners: partnerIds },
    });
  });
  emit(deps, reader.teamId, current.id);
}

function setStatus(deps: AppDeps, reader: Actor, input: { id: number; version: number }, status: 'geannuleerd' | 'uitgevoerd') {
  const current = findControl(deps, reader.teamId, input.id);
  if (current.status === 'geannuleerd') throw new AppError('CONFLICT', 'controls.cancelled');
  if (current.status === 'uitgevoerd') throw new AppError('CONFLICT', 'controls.alreadyHeld');
  if (status === 'uitgevoerd' && current.plannedOn > amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'controls.notYet');
  const now = deps.now();
  deps.db.transaction((tx) => {
    const res = tx
      .update(controls)
      .set({ status, updatedAt: now.toISOString(), version: current.version + 1 })
      .where(and(eq(controls.id, current.id), eq(controls.version, input.version)))
      .run();
    if (res.changes !== 1) throw conflict();
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: status === 'geannuleerd' ? 'control.cancelled' : 'control.held',
      entity: 'control',
      entityId: current.id,
    });
  });
  emit(deps, reader.teamId, current.id);
}

export const cancelControl = (deps: AppDeps, reader: Actor, input: { id: number; version: number }) =>
  setStatus(deps, reader, input, 'geannuleerd');
/** The coordinator records that the controle took place (also implied by the first finding). */
export const completeControl = (deps: AppDeps, reader: Actor, input: { id: number; version: number }) =>
  setStatus(deps, reader, input, 'uitgevoerd');

const address = caseAddress;

function casesOf(deps: AppDeps, controlIds: number[]) {
  if (controlIds.length === 0) return [];
  return deps.db
    .select({
      controlId: controlCases.controlId,
      id: cases.id,
      code: cases.code,
      address,
      postcode: cases.postcode,
      gemeentePartnerId: cases.gemeentePartnerId,
      gemeente: partners.shortName,
      theme: themes.name,
      status: cases.status,
    })
    .from(controlCases)
    .innerJoin(cases, eq(cases.id, controlCases.caseId))
    .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
    .innerJoin(themes, eq(themes.id, cases.themeId))
    .where(inArray(controlCases.controlId, controlIds))
    .orderBy(asc(cases.code))
    .all();
}

function partnersOf(deps: AppDeps, controlIds: number[]) {
  if (controlIds.length === 0) return [];
  return deps.db
    .select({
      controlId: controlPartners.controlId,
      id: partners.id,
      name: partners.name,
      shortName: partners.shortName,
      kind: partners.kind,
    })
    .from(controlPartners)
    .innerJoin(partners, eq(partners.id, controlPartners.partnerId))
    .where(inArray(controlPartners.controlId, controlIds))
    .orderBy(asc(partners.id))
    .all();
}

export type ControlListFilter = { when?: 'upcoming' | 'past' | 'all'; caseId?: number | null };

/** Upcoming (today and later, soonest first) or past (latest first) controles of the team. */
export function listControls(deps: AppDeps, reader: Actor, filter: ControlListFilter = {}) {
  const today = amsterdamDate(deps.now());
  const when = filter.when ?? 'all';
  const conditions = [eq(controls.teamId, reader.teamId)];
  if (when === 'upcoming') conditions.push(gte(controls.plannedOn, today));
  if (when === 'past') conditions.push(lt(controls.plannedOn, today));
  if (filter.caseId)
    conditions.push(
      sql`${controls.id} in (select ${controlCases.controlId} from ${controlCases} where ${controlCases.caseId} = ${filter.caseId})`,
    );
  const rows = deps.db
    .select({
      id: controls.id,
      plannedOn: controls.plannedOn,
      startTime: controls.startTime,
      status: controls.status,
      version: controls.version,
    })
    .from(controls)
    .where(and(...conditions))
    .orderBy(when === 'past' ? desc(controls.plannedOn) : asc(controls.plannedOn), asc(controls.id))
    .limit(200)
    .all();
  const ids = rows.map((r) => r.id);
  const caseRows = casesOf(deps, ids);
  const partnerRows = partnersOf(deps, ids);
  // Counted from the findings this reader may see, so a count never reveals hidden (police) ones.
  const visibleFindings =
    ids.length === 0
      ? []
      : deps.db
          .select({ controlId: findings.controlId, partnerId: findings.partnerId, kind: partners.kind })
          .from(findings)
          .innerJoin(partners, eq(partners.id, findings.partnerId))
          .where(inArray(findings.controlId, ids))
          .all()
          .filter((f) => canSeeFinding(reader, f));
  return rows.map((r) => ({
    ...r,
    findingCount: visibleFindings.filter((f) => f.controlId === r.id).length,
    cases: caseRows.filter((c) => c.controlId === r.id).map(({ controlId: _, ...c }) => c),
    partners: partnerRows.filter((p) => p.controlId === r.id).map(({ controlId: _, ...p }) => p),
    participating: reader.partnerId !== null && partnerRows.some((p) => p.controlId === r.id && p.id === reader.partnerId),
  }));
}

/** One controle with its panden, partners, catalogue per partner and the findings the reader may see. */
export function getControl(deps: AppDeps, reader: Actor, id: number) {
  const c = findControl(deps, reader.teamId, id);
  const caseRows = casesOf(deps, [c.id]).map(({ controlId: _, ...x }) => x);
  const partnerRows = partnersOf(deps, [c.id]).map(({ controlId: _, ...p }) => ({
    ...p,
    findingTypes: Object.entries(findingTypesFor(p.kind)).map(([code, label]) => ({ code, label })),
  }));
  const findingRows = deps.db
    .select({
      id: findings.id,
      partnerId: findings.partnerId,
      partnerKind: partners.kind,
      partner: partners.shortName,
      caseId: findings.caseId,
      findingType: findings.findingType,
      measure: findings.measure,
      note: findings.note,
      createdAt: findings.createdAt,
    })
    .from(findings)
    .innerJoin(partners, eq(partners.id, findings.partnerId))
    .where(eq(findings.controlId, c.id))
    .orderBy(asc(findings.id))
    .all()
    .filter((f) => canSeeFinding(reader, { partnerId: f.partnerId, kind: f.partnerKind }))
    // Opaque ids: gaps between the findings one reader sees would count the hidden police ones.
    .map((f) => ({
      ...f,
      id: encodePublicId(deps.keys, 'finding', reader.teamId, f.id),
      findingLabel: findingLabel(f.findingType),
      measureLabel: measureLabel(f.measure),
    }));
  return {
    id: c.id,
    plannedOn: c.plannedOn,
    startTime: c.startTime,
    status: c.status,
    briefingNotes: c.briefingNotes,
    version: c.version,
    createdAt: c.createdAt,
    cases: caseRows,
    partners: partnerRows,
    findings: findingRows,
    participating: reader.partnerId !== null && partnerRows.some((p) => p.id === reader.partnerId),
  };
}

export type FindingInput = {
  controlId: number;
  partnerId?: number | null;
  caseId?: number | null;
  findingType: string;
  measure: MeasureCode;
  note?: string | null;
};

/**
 * A member records findings for their own partner, and only if it participated; the coordinator
 * records for any participating partner. The first finding marks the controle as held.
 */
export function addFinding(deps: AppDeps, reader: Actor, input: FindingInput): { id: string } {
  const control = findControl(deps, reader.teamId, input.controlId);
  if (control.status === 'geannuleerd') throw new AppError('CONFLICT', 'controls.cancelled');
  if (control.plannedOn > amsterdamDate(deps.now())) throw new AppError('BAD_REQUEST', 'controls.notYet');
  const partnerId = actingPartner(reader, input.partnerId, { required: 'controls.partnerRequired', ownOnly: 'controls.ownPartnerOnly' });
  const participant = deps.db
    .select({ kind: partners.kind })
    .from(controlPartners)
    .innerJoin(partners, eq(partners.id, controlPartners.partnerId))
    .where(and(eq(controlPartners.controlId, control.id), eq(controlPartners.partnerId, partnerId)))
    .get();
  if (!participant) throw new AppError('FORBIDDEN', 'controls.notParticipating');
  if (!Object.hasOwn(findingTypesFor(participant.kind), input.findingType)) {
    throw new AppError('BAD_REQUEST', 'controls.unknownFindingType', { kind: participant.kind });
  }
  if (input.caseId) {
    const inControl = deps.db
      .select({ caseId: controlCases.caseId })
      .from(controlCases)
      .where(and(eq(controlCases.controlId, control.id), eq(controlCases.caseId, input.caseId)))
      .get();
    if (!inControl) throw new AppError('BAD_REQUEST', 'controls.caseNotInControl');
  }
  const now = deps.now();
  const row = deps.db.transaction((tx) => {
    const row = tx
      .insert(findings)
      .values({
        controlId: control.id,
        caseId: input.caseId ?? null,
        partnerId,
        findingType: input.findingType,
        measure: input.measure,
        note: input.note?.trim() ?? '',
        recordedByUserId: reader.id,
        createdAt: now.toISOString(),
      })
      .returning({ id: findings.id })
      .get();
    if (control.status === 'gepland') {
      tx.update(controls)
        .set({ status: 'uitgevoerd', updatedAt: now.toISOString(), version: control.version + 1 })
        .where(eq(controls.id, control.id))
        .run();
    }
    appendAudit(tx, now, {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'control.finding_added',
      entity: 'finding',
      entityId: row.id,
      caseId: input.caseId ?? null,
      detail: { controlId: control.id, partnerId, findingType: input.findingType, measure: input.measure },
    });
    return row;
  });
  emit(deps, reader.teamId, control.id);
  return { id: encodePublicId(deps.keys, 'finding', reader.teamId, row.id) };
}

/** Removes a finding recorded in error: the own partner's for a member, any for the coordinator. */
export function removeFinding(deps: AppDeps, reader: Actor, input: { id: string }) {
  const decoded = decodePublicId(deps.keys, ['finding'], reader.teamId, input.id);
  if (!decoded) throw notFound();
  const row = ownFinding(deps.db, reader.teamId, decoded.rowId);
  // A finding the reader may not see does not exist for them: not even a FORBIDDEN reveals it.
  if (!canSeeFinding(reader, row)) throw notFound();
  if (reader.role !== 'coordinator' && row.partnerId !== reader.partnerId) throw new AppError('FORBIDDEN', 'controls.ownPartnerOnly');
  deps.db.transaction((tx) => {
    tx.delete(findings).where(eq(findings.id, row.id)).run();
    appendAudit(tx, deps.now(), {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'control.finding_removed',
      entity: 'finding',
      entityId: row.id,
      caseId: row.caseId,
      detail: { controlId: row.controlId },
    });
  });
  emit(deps, reader.teamId, row.controlId);
}

export type Briefing = {
  team: string;
  control: { id: number; plannedOn: string; startTime: string | null; status: string; briefingNotes: string };
  /** The partner this briefing is for (null: the coordinator's complete briefing). */
  forPartner: { id: number; name: string; kind: PartnerKind } | null;
  partners: { id: number; name: string; kind: PartnerKind }[];
  findingTypes: { code: string; label: { nl: string; en: string } }[];
  cases: {
    id: number;
    code: string;
    address: string;
    postcode: string;
    gemeente: string;
    theme: string;
    status: string;
    agreements: { text: string; responsible: string; status: string }[];
    subjects: VisibleSubject[];
  }[];
};

/**
 * The printable briefing. A member gets their own partner's; the coordinator gets the complete
 * one, or a partner's as that partner would see it. Betrokkenen come only from readSubjects with
 * the reader of the partner the briefing is for, so it contains only what that partner may see.
 */
export function briefing(deps: AppDeps, reader: Actor, input: { id: number; partnerId?: number | null }): Briefing {
  const control = findControl(deps, reader.teamId, input.id);
  const partnerRows = partnersOf(deps, [control.id]);
  let target: Actor = reader;
  let forPartner: Briefing['forPartner'] = null;
  // The coordinator may ask for no partner: the complete briefing.
  const requested = actingPartner(reader, input.partnerId, { ownOnly: 'controls.ownPartnerOnly' });
  if (requested !== null) {
    const p = partnerRows.find((x) => x.id === requested);
    if (!p) throw new AppError('FORBIDDEN', 'controls.notParticipating');
    forPartner = { id: p.id, name: p.name, kind: p.kind };
    // The coordinator prints a partner's briefing exactly as a member of that partner would see it.
    target = readerAsPartner(deps.db, reader, p.id);
  }
  const caseRows = casesOf(deps, [control.id]);
  const caseIds = caseRows.map((c) => c.id);
  const subjectsByCase = readSubjects(deps, target, caseIds, 'briefing');
  const agreementRows =
    caseIds.length === 0
      ? []
      : deps.db
          .select({
            caseId: agreements.caseId,
            text: agreements.text,
            responsible: partners.shortName,
            status: agreements.status,
          })
          .from(agreements)
          .innerJoin(partners, eq(partners.id, agreements.responsiblePartnerId))
          .where(and(inArray(agreements.caseId, caseIds), eq(agreements.status, 'open')))
          .orderBy(asc(agreements.id))
          .all();
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, reader.teamId)).get()!;
  appendAudit(deps.db, deps.now(), {
    teamId: reader.teamId,
    actorId: reader.id,
    action: 'control.briefing',
    entity: 'control',
    entityId: control.id,
    detail: { forPartnerId: forPartner?.id ?? null },
  });
  return {
    team: team.name,
    control: {
      id: control.id,
      plannedOn: control.plannedOn,
      startTime: control.startTime,
      status: control.status,
      briefingNotes: control.briefingNotes,
    },
    forPartner,
    partners: partnerRows.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    findingTypes: forPartner ? Object.entries(findingTypesFor(forPartner.kind)).map(([code, label]) => ({ code, label })) : [],
    cases: caseRows.map((c) => ({
      id: c.id,
      code: c.code,
      address: c.address,
      postcode: c.postcode,
      gemeente: c.gemeente,
      theme: c.theme,
      status: c.status,
      agreements: agreementRows.filter((a) => a.caseId === c.id).map(({ caseId: _, ...a }) => a),
      subjects: subjectsByCase.get(c.id) ?? [],
    })),
  };
}
