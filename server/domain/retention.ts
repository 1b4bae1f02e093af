/**
 * Retention (PIT art. 25, SPEC P8). Personal data are kept no longer than needed: a casus' items
 * go a team-set number of months (`teams.retention_months`) after the casus is closed, and police
 * items at the latest at the Wpg term counted from their first processing (art. 25.1), even while
 * the casus is open. The daily run draws up a destruction list; nothing is erased until the FG
 * approves it (the coordinator is told by e-mail, a link only). The casus, its history and every
 * anonymous fact stay (art. 25.2), so reports give the same figures before and after.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { cases, retentionListEntries, retentionLists, teams, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { addMonths, amsterdamDate } from '../clock';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { eraseForRetention, unerasedItemsByCase } from '../privacy/personal-data';
import { ownRetentionList } from './scope';
import { translate } from '../i18n/messages';
import { mailConfigured, publicBaseUrl, sendMail } from '../mail';

/**
 * The Wpg term for police data shared with the team, in months from first processing. The police
 * provide art. 8 and art. 13 Wpg data (covenant art. 18–20, Wpg art. 20); Wpg art. 14 lid 1 has
 * them removed at the latest five years after the date of first processing (Wpg art. 4 lid 2:
 * sooner when no longer needed — which the casus' own period covers). Covenant art. 25.1 makes
 * the police's term bind the team, counted from the first processing in the police's domain.
 */
export const POLICE_TERM_MONTHS = 60;

export type DueCase = { caseId: number; code: string; dueSince: string; scope: 'case' | 'police' };

/** Every casus of the team whose personal data (or police part) are past their term on `today`. */
export function retentionDue(deps: AppDeps, teamId: number, today = amsterdamDate(deps.now())): DueCase[] {
  const team = deps.db.select({ months: teams.retentionMonths }).from(teams).where(eq(teams.id, teamId)).get();
  if (!team) return [];
  const held = unerasedItemsByCase(deps.db, teamId);
  if (held.size === 0) return [];
  const rows = deps.db
    .select({ id: cases.id, code: cases.code, status: cases.status, closedAt: cases.closedAt })
    .from(cases)
    .where(and(eq(cases.teamId, teamId), inArray(cases.id, [...held.keys()])))
    .all();
  const due: DueCase[] = [];
  for (const c of rows) {
    const caseDue = c.status === 'afgerond' && c.closedAt ? addMonths(amsterdamDate(new Date(c.closedAt)), team.months) : null;
    const first = held.get(c.id)!.policeFirstProcessedOn;
    const policeDue = first ? addMonths(first, POLICE_TERM_MONTHS) : null;
    if (caseDue && caseDue <= today)
      due.push({ caseId: c.id, code: c.code, dueSince: policeDue && policeDue < caseDue ? policeDue : caseDue, scope: 'case' });
    else if (policeDue && policeDue <= today) due.push({ caseId: c.id, code: c.code, dueSince: policeDue, scope: 'police' });
  }
  return due.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.code.localeCompare(b.code));
}

/** The contract `retention.preview`: what is due now. */
export function retentionPreview(deps: AppDeps, teamId: number) {
  return retentionDue(deps, teamId).map(({ caseId, code, dueSince }) => ({ caseId, code, dueSince }));
}

/**
 * Draws up (or brings up to date) the team's open destruction list. Returns its id, or null when
 * nothing is due. Casussen no longer due (reopened) leave the list; newly due ones join it.
 */
export async function draftRetentionList(deps: AppDeps, teamId: number, actorId: number | null): Promise<number | null> {
  const due = retentionDue(deps, teamId);
  const open = deps.db
    .select({ id: retentionLists.id })
    .from(retentionLists)
    .where(and(eq(retentionLists.teamId, teamId), eq(retentionLists.status, 'open')))
    .get();
  if (due.length === 0 && !open) return null;
  const now = deps.now();
  let added = 0;
  const listId = deps.db.transaction((tx) => {
    const id =
      open?.id ??
      tx.insert(retentionLists).values({ teamId, createdAt: now.toISOString(), status: 'open' }).returning({ id: retentionLists.id }).get()
        .id;
    const current = tx.select().from(retentionListEntries).where(eq(retentionListEntries.listId, id)).all();
    const dueIds = new Set(due.map((d) => d.caseId));
    const gone = current.filter((e) => !dueIds.has(e.caseId)).map((e) => e.id);
    if (gone.length > 0) tx.delete(retentionListEntries).where(inArray(retentionListEntries.id, gone)).run();
    for (const d of due) {
      const existing = current.find((e) => e.caseId === d.caseId);
      if (existing)
        tx.update(retentionListEntries).set({ scope: d.scope, dueSince: d.dueSince }).where(eq(retentionListEntries.id, existing.id)).run();
      else {
        tx.insert(retentionListEntries).values({ listId: id, caseId: d.caseId, scope: d.scope, dueSince: d.dueSince }).run();
        added += 1;
      }
    }
    if (added > 0 || gone.length > 0) {
      appendAudit(tx, now, {
        teamId,
        actorId,
        action: 'retention.list_drawn',
        entity: 'retention_list',
        entityId: id,
        detail: { cases: due.length, added, removed: gone.length },
      });
    }
    return id;
  });
  if (added > 0) await informOfList(deps, teamId, 'drawn');
  return listId;
}

/** The daily run: every team's list (server/jobs.ts and `npm run retention`). */
export async function runRetention(deps: AppDeps): Promise<{ teamId: number; listId: number | null }[]> {
  const result = [];
  for (const team of deps.db.select({ id: teams.id }).from(teams).orderBy(asc(teams.id)).all()) {
    result.push({ teamId: team.id, listId: await draftRetentionList(deps, team.id, null) });
  }
  return result;
}

/**
 * The FG approves the open list: the personal data of every casus still due are erased (a casus
 * reopened meanwhile is skipped). One transaction: all or nothing.
 */
export async function approveRetentionList(deps: AppDeps, actor: { id: number; teamId: number }, listId: number) {
  const list = ownRetentionList(deps.db, actor.teamId, listId);
  if (list.status !== 'open') throw new AppError('CONFLICT', 'retention.alreadyDecided');
  const now = deps.now();
  const today = amsterdamDate(now);
  const stillDue = new Map(retentionDue(deps, actor.teamId, today).map((d) => [d.caseId, d]));
  const policeProcessedBy = addMonths(today, -POLICE_TERM_MONTHS);
  const result = deps.db.transaction((tx) => {
    let items = 0;
    let casesErased = 0;
    for (const entry of tx.select().from(retentionListEntries).where(eq(retentionListEntries.listId, list.id)).all()) {
      const due = stillDue.get(entry.caseId);
      if (!due) {
        tx.update(retentionListEntries).set({ erasedItems: 0 }).where(eq(retentionListEntries.id, entry.id)).run();
        continue;
      }
      const n = eraseForRetention(tx, now, actor, entry.caseId, due.scope, policeProcessedBy);
      tx.update(retentionListEntries).set({ erasedItems: n, scope: due.scope }).where(eq(retentionListEntries.id, entry.id)).run();
      items += n;
      casesErased += 1;
    }
    tx.update(retentionLists)
      .set({ status: 'approved', decidedByUserId: actor.id, decidedAt: now.toISOString(), erasedSubjects: casesErased, erasedItems: items })
      .where(eq(retentionLists.id, list.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'retention.approved',
      entity: 'retention_list',
      entityId: list.id,
      detail: { cases: casesErased, items },
    });
    return { cases: casesErased, items };
  });
  await informOfList(deps, actor.teamId, 'approved');
  return result;
}

/** The FG does not approve (e.g. an archive obligation, art. 25.1 Archiefwet): nothing is erased. */
export function rejectRetentionList(deps: AppDeps, actor: { id: number; teamId: number }, listId: number, reason: string) {
  const list = ownRetentionList(deps.db, actor.teamId, listId);
  if (list.status !== 'open') throw new AppError('CONFLICT', 'retention.alreadyDecided');
  const now = deps.now();
  deps.db.transaction((tx) => {
    tx.update(retentionLists)
      .set({ status: 'rejected', decidedByUserId: actor.id, decidedAt: now.toISOString(), rejectReason: reason.trim() })
      .where(eq(retentionLists.id, list.id))
      .run();
    appendAudit(tx, now, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'retention.rejected',
      entity: 'retention_list',
      entityId: list.id,
    });
  });
}

/** Every list of the team, newest first, with its casussen: the open one and the past runs. */
export function listRetentionRuns(deps: AppDeps, teamId: number) {
  const lists = deps.db
    .select({
      id: retentionLists.id,
      createdAt: retentionLists.createdAt,
      status: retentionLists.status,
      decidedAt: retentionLists.decidedAt,
      decidedBy: users.name,
      rejectReason: retentionLists.rejectReason,
      erasedCases: retentionLists.erasedSubjects,
      erasedItems: retentionLists.erasedItems,
    })
    .from(retentionLists)
    .leftJoin(users, eq(users.id, retentionLists.decidedByUserId))
    .where(eq(retentionLists.teamId, teamId))
    .orderBy(desc(retentionLists.id))
    .limit(50)
    .all();
  const entries =
    lists.length === 0
      ? []
      : deps.db
          .select({
            listId: retentionListEntries.listId,
            caseId: retentionListEntries.caseId,
            code: cases.code,
            scope: retentionListEntries.scope,
            dueSince: retentionListEntries.dueSince,
            erasedItems: retentionListEntries.erasedItems,
          })
          .from(retentionListEntries)
          .innerJoin(cases, eq(cases.id, retentionListEntries.caseId))
          .where(
            inArray(
              retentionListEntries.listId,
              lists.map((l) => l.id),
            ),
          )
          .orderBy(asc(retentionListEntries.dueSince), asc(cases.code))
          .all();
  return lists.map((l) => ({ ...l, entries: entries.filter((e) => e.listId === l.id).map(({ listId: _, ...e }) => e) }));
}

/** The FG and the coordinator hear of a list by e-mail: the team and a link, nothing else (P7). */
async function informOfList(deps: AppDeps, teamId: number, what: 'drawn' | 'approved') {
  if (!mailConfigured(deps.config)) return;
  const team = deps.db.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).get();
  const people = deps.db
    .select({ email: users.email, locale: users.locale, role: users.role })
    .from(users)
    .where(and(eq(users.teamId, teamId), inArray(users.role, ['privacy', 'coordinator']), isNull(users.disabledAt)))
    .all();
  const base = publicBaseUrl(deps.config);
  for (const person of people) {
    const params = { team: team?.name ?? '', link: person.role === 'privacy' ? `${base}/privacy/bewaartermijnen` : `${base}/` };
    try {
      await sendMail(deps.config, {
        to: person.email,
        subject: translate(what === 'drawn' ? 'retention.mailDrawnSubject' : 'retention.mailApprovedSubject', person.locale, params),
        text: translate(what === 'drawn' ? 'retention.mailDrawnBody' : 'retention.mailApprovedBody', person.locale, params),
      });
    } catch (error) {
      console.error('[mail] retention notice not delivered:', (error as { code?: string }).code ?? 'unknown error');
    }
  }
}
