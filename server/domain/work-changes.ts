/**
 * The change log of tasks and werkafspraken: every edit, lapse (vervallen), reopening and
 * knelpunt, with the fields that changed and the reason. The assignee partner reads it in
 * "Mijn taken" so a new deadline or a reassignment never goes unnoticed. Titles, dates and
 * partner ids only — free text here is, like all free text, without personal data (P1).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { partners, users, workChanges, type WorkChangeKind } from '../../db/schema';
import type { Db } from '../../db/client';
import { preparedPerDb } from '../prepared';

export type FieldChange = { from: string | number | null; to: string | number | null };
export type Changes = Record<string, FieldChange>;

/** The fields of `next` that differ from `current`, as from/to pairs. */
export function diff<T extends Record<string, string | number | null>>(current: T, next: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, to] of Object.entries(next) as [string, T[keyof T] | undefined][]) {
    if (to === undefined || current[field] === to) continue;
    changes[field] = { from: current[field] ?? null, to };
  }
  return changes;
}

export function recordWorkChange(
  tx: Db,
  at: Date,
  entry: {
    teamId: number;
    taskId?: number | null;
    agreementId?: number | null;
    kind: WorkChangeKind;
    changes?: Changes;
    reason?: string | null;
    actorId: number;
  },
) {
  tx.insert(workChanges)
    .values({
      teamId: entry.teamId,
      taskId: entry.taskId ?? null,
      agreementId: entry.agreementId ?? null,
      kind: entry.kind,
      changes: JSON.stringify(entry.changes ?? {}),
      reason: entry.reason ?? null,
      actorId: entry.actorId,
      at: at.toISOString(),
    })
    .run();
}

export type WorkChangeView = { at: string; kind: WorkChangeKind; actor: string | null; reason: string | null; changes: Changes };

/**
 * The change logs of the given tasks (or werkafspraken), oldest first, keyed by their id. A
 * partner id in a change is shown as the partner's short name.
 */
// changeLogs' queries, prepared once per connection (issue 12: "Mijn taken" reads them on every
// call). The ids go in as one JSON array (json_each), so one statement serves any number of them.
const idList = () => sql`(select value from json_each(${sql.placeholder('ids')}))`;
const logsBy = (column: typeof workChanges.taskId | typeof workChanges.agreementId) =>
  preparedPerDb((db) =>
    db
      .select()
      .from(workChanges)
      .where(and(eq(workChanges.teamId, sql.placeholder('teamId')), inArray(column, idList())))
      .orderBy(asc(workChanges.id))
      .prepare(),
  );
const logQueries = {
  task: logsBy(workChanges.taskId),
  agreement: logsBy(workChanges.agreementId),
  actors: preparedPerDb((db) => db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, idList())).prepare()),
  partners: preparedPerDb((db) =>
    db
      .select({ id: partners.id, name: partners.shortName })
      .from(partners)
      .where(eq(partners.teamId, sql.placeholder('teamId')))
      .prepare(),
  ),
};

export function changeLogs(db: Db, teamId: number, by: 'task' | 'agreement', ids: number[]): Map<number, WorkChangeView[]> {
  const logs = new Map<number, WorkChangeView[]>();
  if (ids.length === 0) return logs;
  const rows = logQueries[by](db).all({ teamId, ids: JSON.stringify(ids) });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((x): x is number => x !== null))];
  const actors = new Map(
    actorIds.length === 0
      ? []
      : logQueries
          .actors(db)
          .all({ ids: JSON.stringify(actorIds) })
          .map((u) => [u.id, u.name]),
  );
  const partnerNames = new Map(
    logQueries
      .partners(db)
      .all({ teamId })
      .map((p) => [p.id, p.name]),
  );
  for (const row of rows) {
    const key = (by === 'task' ? row.taskId : row.agreementId)!;
    const changes = JSON.parse(row.changes) as Changes;
    for (const field of ['assigneePartnerId', 'responsiblePartnerId']) {
      const c = changes[field];
      if (c) changes[field] = { from: partnerNames.get(Number(c.from)) ?? null, to: partnerNames.get(Number(c.to)) ?? null };
    }
    const list = logs.get(key) ?? [];
    list.push({ at: row.at, kind: row.kind, actor: row.actorId ? (actors.get(row.actorId) ?? null) : null, reason: row.reason, changes });
    logs.set(key, list);
  }
  return logs;
}
