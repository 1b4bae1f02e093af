/**
 * The FG's decisions when a team winds down (issue 10 item 4; PIT art. 14.5, 21; BIT art. 14.4):
 * per casus with personal data, hand the data back to the partners that provided them (each
 * partner downloads only its own items) or erase them. The decision is recorded and audited and
 * shown on the Convenant page. Confidentiality and retention keep running meanwhile.
 */
import type { Actor } from '../auth/actor';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { cases, partners, users, windDownCaseDecisions, type WindDownDecision } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { inWindDown } from '../privacy/covenant-gate';
import { eraseCasePersonalData, providingPartners, readSubjects, type VisibleSubject } from '../privacy/personal-data';
import { readerAsPartner } from '../privacy/visibility';
import { casesHoldingPersonalData } from '../privacy/cases-with-data';
import { ownCase, ownPartner } from './scope';

/** Casussen that still hold personal data, or had a decision, with the partners who provided them. */
export function windDownCases(deps: AppDeps, actor: Actor) {
  const teamId = actor.teamId;
  const withData = casesHoldingPersonalData(deps.db, teamId);
  const decisions = deps.db
    .select({ d: windDownCaseDecisions, by: users.name })
    .from(windDownCaseDecisions)
    .leftJoin(users, eq(users.id, windDownCaseDecisions.decidedByUserId))
    .where(eq(windDownCaseDecisions.teamId, teamId))
    .all();
  const ids = [...new Set([...withData, ...decisions.map((r) => r.d.caseId)])];
  const rows =
    ids.length === 0
      ? []
      : deps.db
          .select({ id: cases.id, code: cases.code })
          .from(cases)
          .where(and(eq(cases.teamId, teamId), inArray(cases.id, ids)))
          .orderBy(asc(cases.code))
          .all();
  const sources = providingPartners(deps.db, ids);
  const partnerNames = new Map(
    deps.db
      .select({ id: partners.id, name: partners.shortName })
      .from(partners)
      .where(eq(partners.teamId, teamId))
      .all()
      .map((p) => [p.id, p.name]),
  );
  // A member sees only the casussen its own partner provided data to, and only its own partner:
  // that is what it can download back (art. 21).
  const own = actor.role === 'member' ? actor.partnerId : null;
  const visible = own === null ? rows : rows.filter((c) => (sources.get(c.id) ?? []).includes(own));
  return {
    windDown: inWindDown(deps, teamId),
    cases: visible.map((c) => {
      const d = decisions.find((r) => r.d.caseId === c.id);
      return {
        caseId: c.id,
        code: c.code,
        partners: (sources.get(c.id) ?? [])
          .filter((id) => own === null || id === own)
          .map((id) => ({ id, name: partnerNames.get(id) ?? '' })),
        decision: d ? { decision: d.d.decision, note: d.d.note, decidedBy: d.by ?? '', decidedAt: d.d.decidedAt } : null,
      };
    }),
  };
}

/** The FG decides for one casus: hand back to the providing partners, or erase. Once per casus. */
export function decideWindDownCase(deps: AppDeps, actor: Actor, input: { caseId: number; decision: WindDownDecision; note: string }) {
  const caseRow = ownCase(deps.db, actor.teamId, input.caseId);
  if (!inWindDown(deps, actor.teamId)) throw new AppError('CONFLICT', 'covenants.notInWindDown');
  const taken = deps.db
    .select({ id: windDownCaseDecisions.id })
    .from(windDownCaseDecisions)
    .where(eq(windDownCaseDecisions.caseId, caseRow.id))
    .get();
  if (taken) throw new AppError('CONFLICT', 'covenants.caseDecided');
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.insert(windDownCaseDecisions)
      .values({
        teamId: actor.teamId,
        caseId: caseRow.id,
        decision: input.decision,
        note: input.note.trim(),
        decidedByUserId: actor.id,
        decidedAt: now.toISOString(),
      })
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: input.decision === 'erase' ? 'covenant.case_erase' : 'covenant.case_hand_back',
      entity: 'case',
      entityId: caseRow.id,
      caseId: caseRow.id,
    });
    if (input.decision === 'erase') eraseCasePersonalData(tx, now, actor, caseRow.id, 'wind_down');
  });
}

export type Handback = { team: string; caseCode: string; partner: string; generatedAt: string; subjects: VisibleSubject[] };

/**
 * One partner's own items of a casus the FG decided to hand back: downloaded by the FG or by a
 * user of that partner, never anyone else; never another partner's item (art. 21).
 */
export function handbackExport(
  deps: AppDeps,
  user: Actor,
  caseId: number,
  partnerId: number | null,
  format: 'html' | 'docx' = 'html',
): Handback {
  const caseRow = ownCase(deps.db, user.teamId, caseId);
  const wanted = partnerId ?? user.partnerId;
  if (wanted === null) throw new AppError('FORBIDDEN', 'covenants.handbackOwnPartner');
  const partner = ownPartner(deps.db, user.teamId, wanted);
  const fg = user.role === 'privacy';
  if (!fg && (user.partnerId !== partner.id || !['coordinator', 'member'].includes(user.role)))
    throw new AppError('FORBIDDEN', 'covenants.handbackOwnPartner');
  const decision = deps.db
    .select({ decision: windDownCaseDecisions.decision })
    .from(windDownCaseDecisions)
    .where(eq(windDownCaseDecisions.caseId, caseRow.id))
    .get();
  if (decision?.decision !== 'hand_back') throw new AppError('FORBIDDEN', 'covenants.handbackNotDecided');
  const asPartner = readerAsPartner(deps.db, user, partner.id);
  const subjectsOfCase = (readSubjects(deps, asPartner, [caseRow.id], 'handback').get(caseRow.id) ?? [])
    .map((s) => ({ ...s, items: s.items.filter((i) => i.sourcePartnerId === partner.id) }))
    .filter((s) => s.items.length > 0);
  appendAudit(deps.db, deps.now(), {
    teamId: user.teamId,
    actorId: user.id,
    action: 'covenant.handback_exported',
    entity: 'case',
    entityId: caseRow.id,
    caseId: caseRow.id,
    detail: { partnerId: partner.id, format },
  });
  return { team: '', caseCode: caseRow.code, partner: partner.name, generatedAt: deps.now().toISOString(), subjects: subjectsOfCase };
}
