/**
 * The inzage bundle (art. 24, AVG art. 15; issue 11 item 3): everything the team holds on the
 * persons of one request, assembled for the FG's answer. This is the one read path on which the
 * FG sees item values (the ordinary screens show the FG none, ./visibility.ts): it exists only for
 * a registered request, and every assembly is audited with the request and the counts.
 *  - Items are grouped per providing partner; the police part stands apart and is marked: the
 *    police decide on it themselves (Wpg art. 27, covenant art. 24.4–24.5).
 *  - Casussen, werkafspraken and the overleggen where the casus was on the agenda.
 *  - The processing record: which partners read the data, when and for what, from the audit log.
 * Items are read through `loadItemRows` of ./personal-data.ts (the module that owns the tables).
 */
import type { Actor } from '../auth/actor';
import { and, asc, eq, inArray, like, or, sql } from 'drizzle-orm';
import { agendaItems, agreements, auditLog, cases, meetings, partners, subjects, teams, users } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { decryptValue } from './crypto';
import { loadItemRows } from './personal-data';
import { encodePublicId } from './public-ids';
import { requestSubjectRows } from '../domain/data-subject-requests';

/** The partners whose dossiers hold data on these betrokkenen (art. 24.3), police included (24.4). */
export function concernedPartnerIds(db: Db, subjectIds: number[]): number[] {
  return [...new Set(loadItemRows(db, subjectIds).map((r) => r.sourcePartnerId))].sort((a, b) => a - b);
}

export type BundleItem = { category: string; value: string; recordedOn: string; legalGround: string | null };
export type BundleSubject = {
  subjectId: string;
  kind: 'person' | 'company';
  informedOn: string | null;
  informPostponedReason: string | null;
  case: { id: number; code: string; address: string; status: string; gemeente: string; createdAt: string; closedAt: string | null };
  /** Per providing partner, police excluded. */
  byPartner: { partnerId: number; partner: string; items: BundleItem[] }[];
  /** Wpg art. 27: the police decide on this part; shown apart and marked. */
  police: { partnerId: number; partner: string; items: BundleItem[] }[];
  agreements: { text: string; status: string; createdOn: string; responsible: string }[];
  meetings: { title: string; date: string; agendaTitle: string }[];
};
export type ProcessingEntry = {
  at: string;
  partner: string | null;
  role: string | null;
  action: string;
  purpose: string | null;
  caseCode: string | null;
};
export type InzageBundle = {
  request: { id: number; kind: string; receivedOn: string; deadline: string };
  team: string;
  generatedAt: string;
  subjects: BundleSubject[];
  processing: ProcessingEntry[];
};

export type BundleFormat = 'screen' | 'html' | 'docx';

export function buildInzageBundle(
  deps: AppDeps,
  actor: Pick<Actor, 'id' | 'teamId'>,
  requestId: number,
  format: BundleFormat,
): InzageBundle {
  const { db } = deps;
  const { request, subjectIds } = requestSubjectRows(deps, actor.teamId, requestId);
  const subjectRows =
    subjectIds.length === 0
      ? []
      : db
          .select({ subject: subjects, case: cases, gemeente: partners.name })
          .from(subjects)
          .innerJoin(cases, eq(cases.id, subjects.caseId))
          .innerJoin(partners, eq(partners.id, cases.gemeentePartnerId))
          .where(and(inArray(subjects.id, subjectIds), eq(cases.teamId, actor.teamId)))
          .orderBy(asc(cases.code), asc(subjects.id))
          .all();
  const items = loadItemRows(
    db,
    subjectRows.map((s) => s.subject.id),
  );
  const partnerNames = new Map(
    db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(eq(partners.teamId, actor.teamId))
      .all()
      .map((p) => [p.id, p.name]),
  );
  const caseIds = [...new Set(subjectRows.map((s) => s.case.id))];
  const agreementRows =
    caseIds.length === 0
      ? []
      : db
          .select({
            caseId: agreements.caseId,
            text: agreements.text,
            status: agreements.status,
            createdAt: agreements.createdAt,
            responsible: partners.name,
          })
          .from(agreements)
          .innerJoin(partners, eq(partners.id, agreements.responsiblePartnerId))
          .where(inArray(agreements.caseId, caseIds))
          .orderBy(asc(agreements.createdAt))
          .all();
  const meetingRows =
    caseIds.length === 0
      ? []
      : db
          .select({ caseId: agendaItems.caseId, title: meetings.title, startsAt: meetings.startsAt, agendaTitle: agendaItems.title })
          .from(agendaItems)
          .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
          .where(and(inArray(agendaItems.caseId, caseIds), eq(meetings.teamId, actor.teamId)))
          .orderBy(asc(meetings.startsAt))
          .all();

  const group = (rows: typeof items) => {
    const byPartner = new Map<number, BundleItem[]>();
    for (const r of rows) {
      const value = decryptValue(r.police ? deps.keys.police : deps.keys.general, r.valueEnc);
      byPartner.set(r.sourcePartnerId, [
        ...(byPartner.get(r.sourcePartnerId) ?? []),
        { category: r.category, value, recordedOn: r.createdAt.slice(0, 10), legalGround: r.legalGround },
      ]);
    }
    return [...byPartner]
      .map(([partnerId, list]) => ({ partnerId, partner: partnerNames.get(partnerId) ?? '', items: list }))
      .sort((a, b) => a.partner.localeCompare(b.partner));
  };

  const bundleSubjects: BundleSubject[] = subjectRows.map(({ subject, case: c, gemeente }) => {
    const own = items.filter((i) => i.subjectId === subject.id);
    return {
      subjectId: encodePublicId(deps.keys, 'subject', actor.teamId, subject.id),
      kind: subject.kind,
      informedOn: subject.informedOn,
      informPostponedReason: subject.informPostponedReason,
      case: {
        id: c.id,
        code: c.code,
        status: c.status,
        gemeente,
        createdAt: c.createdAt.slice(0, 10),
        closedAt: c.closedAt?.slice(0, 10) ?? null,
        address: `${c.street} ${c.houseNumber}${c.houseNumberAddition ?? ''}, ${c.postcode} ${c.city}`,
      },
      byPartner: group(own.filter((i) => !i.police)),
      police: group(own.filter((i) => i.police)),
      agreements: agreementRows
        .filter((a) => a.caseId === c.id)
        .map((a) => ({ text: a.text, status: a.status, createdOn: a.createdAt.slice(0, 10), responsible: a.responsible })),
      meetings: meetingRows
        .filter((m) => m.caseId === c.id)
        .map((m) => ({ title: m.title, date: m.startsAt.slice(0, 10), agendaTitle: m.agendaTitle })),
    };
  });

  const processing = processingRecord(
    db,
    actor.teamId,
    caseIds,
    subjectRows.map((s) => s.subject.id),
  );
  appendAudit(db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'dsr.bundle',
    entity: 'dsr',
    entityId: request.id,
    detail: { format, subjects: bundleSubjects.length, items: items.length, police: items.some((i) => i.police) },
  });
  const team = db.select({ name: teams.name }).from(teams).where(eq(teams.id, actor.teamId)).get()?.name ?? '';
  return {
    request: { id: request.id, kind: request.kind, receivedOn: request.receivedOn, deadline: request.deadline },
    team,
    generatedAt: deps.now().toISOString(),
    subjects: bundleSubjects,
    processing,
  };
}

const codeCache = (db: Db, caseIds: number[]) =>
  new Map(
    caseIds.length === 0
      ? []
      : db
          .select({ id: cases.id, code: cases.code })
          .from(cases)
          .where(inArray(cases.id, caseIds))
          .all()
          .map((c) => [c.id, c.code]),
  );

/**
 * Who read or exported the personal data of these casussen, when and for what (AVG art. 15.1c:
 * the recipients). Read records name the betrokkenen shown (`audit_subjects`, issue 11 item 7), so
 * a read counts when it showed one of these persons; rows from before that (no persons named) count
 * when they concern one of the person's casussen.
 */
export function processingRecord(db: Db, teamId: number, caseIds: number[], subjectIds: number[]): ProcessingEntry[] {
  if (caseIds.length === 0) return [];
  const list = sql.join(
    caseIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const rows = db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      caseId: auditLog.caseId,
      detail: auditLog.detail,
      role: users.role,
      partner: partners.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .leftJoin(partners, eq(partners.id, users.partnerId))
    .where(
      and(
        eq(auditLog.teamId, teamId),
        like(auditLog.action, 'personal_data.%'),
        or(
          subjectIds.length > 0
            ? sql`exists (select 1 from audit_subjects s where s.audit_id = ${auditLog.id} and s.subject_id in (${sql.join(
                subjectIds.map((id) => sql`${id}`),
                sql`, `,
              )}))`
            : sql`0`,
          and(
            sql`not exists (select 1 from audit_subjects s where s.audit_id = ${auditLog.id})`,
            or(
              inArray(auditLog.caseId, caseIds),
              sql`exists (select 1 from json_each(${auditLog.detail}, '$.cases') where value in (${list}))`,
            ),
          ),
        ),
      ),
    )
    .orderBy(asc(auditLog.id))
    .all();
  const codes = codeCache(db, caseIds);
  return rows.map((r) => {
    let purpose: string | null = null;
    try {
      const detail = r.detail ? (JSON.parse(r.detail) as { purpose?: unknown }) : null;
      purpose = typeof detail?.purpose === 'string' ? detail.purpose : null;
    } catch {
      /* detail is always JSON; a broken row only loses its purpose */
    }
    return {
      at: r.at,
      partner: r.partner,
      role: r.role,
      action: r.action,
      purpose,
      caseCode: r.caseId ? (codes.get(r.caseId) ?? null) : null,
    };
  });
}
