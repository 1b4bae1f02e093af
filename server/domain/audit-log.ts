/**
 * The audit log as the FG (privacy role) reviews it (P6, art. 20.2, 22, 23): the team's entries,
 * newest first, with who did it, what, on which entity and casus. Entries carry identifiers and
 * categories only — the detail is shown exactly as appendAudit stored it, never enriched with
 * values. Another team's entries never appear; entries without a team (throttled logins of
 * unknown accounts) belong to no team's FG.
 */
import type { Actor } from '../auth/actor';
import { and, desc, eq, gte, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import { auditLog, cases, partners, users } from '../../db/schema';
import { auditIdsNaming, subjectsNamedIn } from '../privacy/audit-subjects';
import { describeAuditEntries, type AuditFact } from './audit-display';
import type { AppDeps } from '../deps';
import { appendAudit, sqliteOf } from '../audit';
import { chainOk, checkAuditChainFull, checkAuditChainIncremental } from '../audit-chain';
import { reportChainBreak } from '../privacy/audit-break';
import { decodePublicId } from '../privacy/public-ids';
import { addDays, amsterdamToUtc } from '../clock';
import { AppError } from '../errors';
import { teams } from '../../db/schema';
import { auditCsv } from '../exports/audit-csv';

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
  /** A betrokkene's opaque id (../privacy/public-ids.ts): only entries that concern this person. */
  subjectId?: string | null;
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
  /** The betrokkenen the entry concerns, by opaque id (a filter for the FG, never a name). */
  subjects: { id: string; police: boolean }[];
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

/** The internal id behind a betrokkene's opaque id of this team, or -1 (matches nothing). */
function subjectRowId(deps: AppDeps, teamId: number, subjectId: string | null | undefined): number | null {
  if (!subjectId) return null;
  return decodePublicId(deps.keys, ['subject'], teamId, subjectId)?.rowId ?? -1;
}

/**
 * The FG's own routine reading of the log (every page, every check) is recorded but not shown in
 * the Logboek unless asked for with the `audit` action filter; it would bury everything else.
 * Exports and chain breaks are always shown.
 */
const ROUTINE_AUDIT_ACTIONS = ['audit.listed', 'audit.checked'];

function filterConditions(deps: AppDeps, actor: Actor, filter: AuditListFilter, options: { withRoutine: boolean }): SQL[] {
  const conditions: SQL[] = [eq(auditLog.teamId, actor.teamId)];
  if (!options.withRoutine && !filter.action?.startsWith('audit')) conditions.push(notInArray(auditLog.action, ROUTINE_AUDIT_ACTIONS));
  if (filter.action) {
    const prefix = filter.action.replace(/\.$/, '');
    // A prefix on whole segments: `task` matches task.completed, not tasks_x.
    conditions.push(sql`(${auditLog.action} = ${prefix} or substr(${auditLog.action}, 1, ${prefix.length + 1}) = ${`${prefix}.`})`);
  }
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.caseCode) conditions.push(eq(cases.code, filter.caseCode.trim().toUpperCase()));
  if (filter.from) conditions.push(gte(auditLog.at, amsterdamToUtc(filter.from, '00:00').toISOString()));
  if (filter.to) conditions.push(lt(auditLog.at, amsterdamToUtc(addDays(filter.to, 1), '00:00').toISOString()));
  const subject = subjectRowId(deps, actor.teamId, filter.subjectId);
  // Through the subject index: "who read this person's data" is one lookup, not a scan.
  if (subject !== null) conditions.push(inArray(auditLog.id, auditIdsNaming(deps.db, subject)));
  return conditions;
}

type Row = {
  id: number;
  at: string;
  action: string;
  entity: string | null;
  entityId: number | null;
  caseId: number | null;
  caseCode: string | null;
  detail: string | null;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  actorPartner: string | null;
};

function selectEntries(deps: AppDeps, actor: Actor, conditions: SQL[], limit: number): Row[] {
  return (
    deps.db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        caseId: auditLog.caseId,
        caseCode: cases.code,
        detail: auditLog.detail,
        actorId: users.id,
        actorName: users.name,
        actorRole: users.role,
        actorPartner: partners.shortName,
      })
      .from(auditLog)
      // Joins stay inside the team: a case or user of another team would never be named here.
      .leftJoin(cases, and(eq(cases.id, auditLog.caseId), eq(cases.teamId, actor.teamId)))
      .leftJoin(users, and(eq(users.id, auditLog.actorId), eq(users.teamId, actor.teamId)))
      .leftJoin(partners, and(eq(partners.id, users.partnerId), eq(partners.teamId, actor.teamId)))
      .where(and(...conditions))
      .orderBy(desc(auditLog.id))
      .limit(limit)
      .all()
  );
}

function toItems(deps: AppDeps, actor: Actor, rows: Row[]): AuditListItem[] {
  const page = rows.map((r) => ({ ...r, detail: parseDetail(r.detail) }));
  const describe = describeAuditEntries(deps, actor.teamId, page);
  const subjects = subjectsNamedIn(
    deps,
    actor.teamId,
    page.map((r) => r.id),
  );
  return page.map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    caseId: r.caseId,
    caseCode: r.caseCode,
    actor:
      r.actorId !== null && r.actorName !== null && r.actorRole !== null
        ? { id: r.actorId, name: r.actorName, role: r.actorRole, partner: r.actorPartner }
        : null,
    detail: r.detail,
    ...describe(r),
    subjects: subjects.get(r.id) ?? [],
  }));
}

/** What the FG filtered on, for the entry that records the FG's own reading (ids only). */
function filterDetail(filter: AuditListFilter): Record<string, unknown> {
  return {
    action: filter.action ?? undefined,
    actorId: filter.actorId ?? undefined,
    caseCode: filter.caseCode ? true : undefined,
    from: filter.from ?? undefined,
    to: filter.to ?? undefined,
    bySubject: filter.subjectId ? true : undefined,
  };
}

/** The subject the FG looked up, so the lookup itself shows in that person's trail. */
function lookedUp(deps: AppDeps, actor: Actor, filter: AuditListFilter) {
  const id = subjectRowId(deps, actor.teamId, filter.subjectId);
  return id !== null && id > 0 ? [{ id, police: false }] : [];
}

export function listAudit(
  deps: AppDeps,
  actor: Actor,
  filter: AuditListFilter = {},
): { items: AuditListItem[]; nextCursor: number | null } {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), AUDIT_PAGE_MAX);
  const conditions = filterConditions(deps, actor, filter, { withRoutine: false });
  if (filter.cursor) conditions.push(lt(auditLog.id, filter.cursor));
  const rows = selectEntries(deps, actor, conditions, limit + 1);
  const items = toItems(deps, actor, rows.slice(0, limit));
  // P6: reading the audit log is itself a processing step the log records (issue 11 item 7).
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'audit.listed',
    detail: { ...filterDetail(filter), entries: items.length },
    subjects: lookedUp(deps, actor, filter),
  });
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

/** The people of the team, for the actor filter. */
export function listAuditActors(deps: AppDeps, actor: Actor) {
  return deps.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.teamId, actor.teamId))
    .orderBy(users.name, users.id)
    .all();
}

export type AuditVerification = {
  /** The chain holds: no row was changed, removed or inserted (in the part that was checked). */
  ok: boolean;
  /** `incremental`: only the rows after the newest signed checkpoint; `full`: the whole chain. */
  mode: 'incremental' | 'full';
  /** How many entries of this team the log holds. */
  entries: number;
  /** How many rows (all teams) this check read, and their range. */
  rowsChecked: number;
  fromId: number;
  toId: number;
  /** The first entry of this team where the chain breaks, or null. */
  brokenAt: number | null;
  /** The chain breaks, but not at an entry of this team (another team's row, or a removed row). */
  brokenElsewhere: boolean;
  /** A checkpoint's signature did not hold (a checkpoint was forged or changed). */
  checkpointInvalid: boolean;
  /** The checkpoint the check started from (incremental) and the one it signed (when ok). */
  startCheckpointId: number | null;
  newCheckpointId: number | null;
  checkedAt: string;
};

/** Per connection and team: how many entries the team had up to which row (issue 12). */
const entryCounts = new WeakMap<object, Map<number, { upTo: number; n: number }>>();

/**
 * The team's number of entries, counting only the rows added since the last call: the log is
 * append-only (triggers refuse UPDATE and DELETE), so the count up to a row never changes — and a
 * row removed anyway is what the chain check itself reports. Counting all of them on every check
 * made the incremental check grow with ten years of history.
 */
function teamEntryCount(deps: AppDeps, teamId: number): number {
  const sqlite = sqliteOf(deps.db);
  let byTeam = entryCounts.get(sqlite);
  if (!byTeam) entryCounts.set(sqlite, (byTeam = new Map<number, { upTo: number; n: number }>()));
  const known = byTeam.get(teamId) ?? { upTo: 0, n: 0 };
  const added = sqlite
    .prepare('SELECT count(*) AS n, max(id) AS upTo FROM audit_log WHERE team_id = ? AND id > ?')
    .get(teamId, known.upTo) as { n: number; upTo: number | null };
  const next = { upTo: added.upTo ?? known.upTo, n: known.n + added.n };
  byTeam.set(teamId, next);
  return next.n;
}

/**
 * P6: checks the hash chain — incrementally from the newest signed checkpoint (the default), or
 * the whole chain (`full`, for the FG; it yields to other users between chunks). The chain runs
 * through all teams' entries; the answer names only this team's entries. A break opens a draft
 * incident (../privacy/audit-break.ts). The check itself is recorded in the log.
 */
export async function verifyAudit(deps: AppDeps, actor: Actor, mode: 'incremental' | 'full' = 'incremental'): Promise<AuditVerification> {
  const check = mode === 'full' ? await checkAuditChainFull(deps.db, deps.now()) : await checkAuditChainIncremental(deps.db, deps.now());
  const entries = teamEntryCount(deps, actor.teamId);
  const brokenAt = check.breaks.find((b) => b.teamId === actor.teamId)?.id ?? null;
  const ok = chainOk(check);
  const first = check.breaks[0];
  if (first) reportChainBreak(deps, first.teamId ?? actor.teamId, first);
  else if (!check.checkpointsValid) reportChainBreak(deps, actor.teamId, { id: 0, teamId: actor.teamId });
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'audit.checked',
    detail: { mode, rows: check.rowsChecked, ok },
  });
  return {
    ok,
    mode,
    entries,
    rowsChecked: check.rowsChecked,
    fromId: check.fromId,
    toId: check.toId,
    brokenAt,
    brokenElsewhere: !ok && brokenAt === null && check.breaks.length > 0,
    checkpointInvalid: !check.checkpointsValid,
    startCheckpointId: check.startCheckpointId,
    newCheckpointId: check.newCheckpointId,
    checkedAt: deps.now().toISOString(),
  };
}

// ── Export (CSV) ────────────────────────────────────────────────────────────────────────────

export const AUDIT_EXPORT_MAX_ROWS = 100_000;
export const AUDIT_EXPORT_MAX_DAYS = 366;

export type AuditExportInput = { from?: string | null; to?: string | null; subjectId?: string | null };

/**
 * The FG's export of the log for a period and/or one person (issue 11 item 7): every entry with
 * its facts in words, as CSV (./../exports/audit-csv.ts). A period export is at most a year; a
 * person's trail may span all years. The export is itself logged.
 */
export function exportAudit(deps: AppDeps, actor: Actor, input: AuditExportInput): { filename: string; csv: string; rows: number } {
  if (!input.subjectId && (!input.from || !input.to)) throw new AppError('BAD_REQUEST', 'audit.exportNeedsPeriod');
  if (input.from && input.to && (input.to < input.from || daysBetween(input.from, input.to) > AUDIT_EXPORT_MAX_DAYS) && !input.subjectId) {
    throw new AppError('BAD_REQUEST', 'audit.exportPeriodTooLong', { days: AUDIT_EXPORT_MAX_DAYS });
  }
  const filter: AuditListFilter = { from: input.from, to: input.to, subjectId: input.subjectId };
  const rows = selectEntries(deps, actor, filterConditions(deps, actor, filter, { withRoutine: true }), AUDIT_EXPORT_MAX_ROWS + 1);
  if (rows.length > AUDIT_EXPORT_MAX_ROWS) throw new AppError('BAD_REQUEST', 'audit.exportTooLarge', { max: AUDIT_EXPORT_MAX_ROWS });
  const items = toItems(deps, actor, rows.reverse());
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'audit.exported',
    detail: { ...filterDetail(filter), entries: items.length, format: 'csv' },
    subjects: lookedUp(deps, actor, filter),
  });
  const code = deps.db.select({ code: teams.code }).from(teams).where(eq(teams.id, actor.teamId)).get()?.code ?? 'team';
  const part = input.subjectId ? 'betrokkene' : `${input.from}-${input.to}`;
  return { filename: `logboek-${code}-${part}.csv`, csv: auditCsv(items), rows: items.length };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
