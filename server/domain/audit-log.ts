/**
 * The audit log as the FG (privacy role) reviews it (P6, art. 20.2, 22, 23): the team's entries,
 * newest first, with who did it, what, on which entity and casus. Entries carry identifiers and
 * categories only — the detail is shown exactly as appendAudit stored it, never enriched with
 * values. Another team's entries never appear; entries without a team (throttled logins of
 * unknown accounts) belong to no team's FG.
 */
import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import { auditLog, cases, partners, users } from '../../db/schema';
import { describeAuditEntries, type AuditFact } from './audit-display';
import type { AppDeps } from '../deps';
import type { SessionUser } from '../auth/sessions';
import { auditChainBreaks } from '../audit';
import { addDays, amsterdamToUtc } from '../clock';

export const AUDIT_PAGE_MAX = 100;

export type AuditListFilter = {
  cursor?: number | null;
  limit?: number | null;
  /** `personal_data` matches every personal_data.* action; a full name matches that action. */
  action?: string | null;
  actorId?: number | null;
  caseCode?: string | null;
  /** Amsterdam calendar days, inclusive. */
  from?: string | null;
  to?: string | null;
};

export type AuditListItem = {
  id: number;
  at: string;
  action: string;
  entity: string | null;
  entityId: number | null;
  caseId: number | null;
  caseCode: string | null;
  /** The user's partner (short name), so the FG reads "Jan (Gemeente Helmond)". */
  actor: { id: number; name: string; role: string; partner: string | null } | null;
  detail: Record<string, unknown> | null;
  /** What the entry is about in words (a user's or partner's name, an overleg), never a betrokkene. */
  subject: string | null;
  /** The detail with every id resolved into a name or code; what the Logboek shows. */
  facts: AuditFact[];
};

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export function listAudit(deps: AppDeps, actor: SessionUser, filter: AuditListFilter = {}): { items: AuditListItem[]; nextCursor: number | null } {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), AUDIT_PAGE_MAX);
  const conditions: SQL[] = [eq(auditLog.teamId, actor.teamId)];
  if (filter.cursor) conditions.push(lt(auditLog.id, filter.cursor));
  if (filter.action) {
    const prefix = filter.action.replace(/\.$/, '');
    // A prefix on whole segments: `task` matches task.completed, not tasks_x.
    conditions.push(sql`(${auditLog.action} = ${prefix} or substr(${auditLog.action}, 1, ${prefix.length + 1}) = ${`${prefix}.`})`);
  }
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.caseCode) conditions.push(eq(cases.code, filter.caseCode.trim().toUpperCase()));
  if (filter.from) conditions.push(gte(auditLog.at, amsterdamToUtc(filter.from, '00:00').toISOString()));
  if (filter.to) conditions.push(lt(auditLog.at, amsterdamToUtc(addDays(filter.to, 1), '00:00').toISOString()));
  const rows = deps.db.select({
    id: auditLog.id, at: auditLog.at, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, caseId: auditLog.caseId,
    caseCode: cases.code, detail: auditLog.detail, actorId: users.id, actorName: users.name, actorRole: users.role, actorPartner: partners.shortName,
  }).from(auditLog)
    // Joins stay inside the team: a case or user of another team would never be named here.
    .leftJoin(cases, and(eq(cases.id, auditLog.caseId), eq(cases.teamId, actor.teamId)))
    .leftJoin(users, and(eq(users.id, auditLog.actorId), eq(users.teamId, actor.teamId)))
    .leftJoin(partners, and(eq(partners.id, users.partnerId), eq(partners.teamId, actor.teamId)))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit).map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  const describe = describeAuditEntries(deps, actor.teamId, page);
  return {
    items: page.map((r) => ({
      id: r.id, at: r.at, action: r.action, entity: r.entity, entityId: r.entityId, caseId: r.caseId, caseCode: r.caseCode,
      actor: r.actorId !== null && r.actorName !== null && r.actorRole !== null ? { id: r.actorId, name: r.actorName, role: r.actorRole, partner: r.actorPartner } : null,
      detail: r.detail,
      ...describe(r),
    })),
    nextCursor: rows.length > limit ? page.at(-1)!.id : null,
  };
}

/** The people of the team, for the actor filter. */
export function listAuditActors(deps: AppDeps, actor: SessionUser) {
  return deps.db.select({ id: users.id, name: users.name, role: users.role }).from(users)
    .where(eq(users.teamId, actor.teamId)).orderBy(users.name, users.id).all();
}

export type AuditVerification = {
  /** The whole chain holds: no row anywhere was changed, removed or inserted. */
  ok: boolean;
  /** How many entries of this team the log holds. */
  entries: number;
  /** The first entry of this team where the chain breaks, or null. */
  brokenAt: number | null;
  /** The chain breaks, but not at an entry of this team (another team's row, or a removed row). */
  brokenElsewhere: boolean;
  checkedAt: string;
};

/**
 * P6: recomputes the hash chain. The chain runs through all teams' entries, so the whole chain is
 * checked; the answer names only this team's entries.
 */
export function verifyAudit(deps: AppDeps, actor: SessionUser): AuditVerification {
  const breaks = auditChainBreaks(deps.db);
  const entries = deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.teamId, actor.teamId)).get()?.n ?? 0;
  const brokenAt = breaks.find((b) => b.teamId === actor.teamId)?.id ?? null;
  return { ok: breaks.length === 0, entries, brokenAt, brokenElsewhere: breaks.length > 0 && brokenAt === null, checkedAt: deps.now().toISOString() };
}
