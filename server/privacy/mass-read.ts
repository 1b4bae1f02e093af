/**
 * P6 (art. 23; issue 11 item 7): an account that reads the data of many betrokkenen in a short
 * time is a sign of misuse (browsing, harvesting) or of a stolen session. The FG is alerted — a
 * `security_events` row for the team's security overview and a `security.mass_read` entry in the
 * Logboek — but the read is never blocked: the work of the overleg goes on. Thresholds are team
 * settings (`teams.mass_read_subjects` distinct betrokkenen within `teams.mass_read_minutes`).
 * One alert per account per hour; further crossings in that hour count up on the same event.
 */
import type { Actor } from '../auth/actor';
import { eq, sql } from 'drizzle-orm';
import { teams } from '../../db/schema';
import type { Db } from '../../db/client';
import { appendAudit } from '../audit';
import { recordSecurityEvent } from '../domain/security';
import { preparedPerDb, preparedSql } from '../prepared';

const READ_ACTIONS = ['personal_data.read', 'personal_data.bsn_revealed'];

/** Distinct betrokkenen whose data the account was shown since `since`. */
// Counted after every read that names betrokkenen: prepared once per connection (issue 12).
const distinctSubjectsQuery = preparedSql(
  `SELECT count(DISTINCT s.subject_id) AS n FROM audit_log a JOIN audit_subjects s ON s.audit_id = a.id
     WHERE a.actor_id = ? AND a.at >= ? AND a.action IN (${READ_ACTIONS.map(() => '?').join(', ')})`,
);
// The same count for many accounts at once; the ids go in as one JSON array, so one statement serves any number.
const distinctSubjectsPerAccountQuery = preparedSql(
  `SELECT a.actor_id AS id, count(DISTINCT s.subject_id) AS n FROM audit_log a JOIN audit_subjects s ON s.audit_id = a.id
     WHERE a.actor_id IN (SELECT value FROM json_each(?)) AND a.at >= ? AND a.action IN (${READ_ACTIONS.map(() => '?').join(', ')})
     GROUP BY a.actor_id`,
);
const thresholdsQuery = preparedPerDb((db) =>
  db
    .select({ subjects: teams.massReadSubjects, minutes: teams.massReadMinutes })
    .from(teams)
    .where(eq(teams.id, sql.placeholder('teamId')))
    .prepare(),
);

export function distinctSubjectsRead(db: Db, userId: number, since: string): number {
  const row = distinctSubjectsQuery(db).get(userId, since, ...READ_ACTIONS) as { n: number };
  return row.n;
}

/** Call after auditing a read that named betrokkenen. */
export function noteMassRead(db: Db, at: Date, actor: Pick<Actor, 'id' | 'teamId'>): void {
  const team = thresholds(db, actor.teamId);
  if (!team) return;
  const n = distinctSubjectsRead(db, actor.id, new Date(at.getTime() - team.minutes * 60_000).toISOString());
  if (n > team.subjects) raiseMassRead(db, at, actor, n, team);
}

/**
 * `noteMassRead` for many accounts of one team that read at `at` (the live view's subscribers of
 * one change, ../domain/live-shared.ts): the same count per account, in one statement for all.
 */
export function noteMassReads(db: Db, at: Date, teamId: number, userIds: readonly number[]): void {
  const ids = [...new Set(userIds)];
  const team = ids.length > 0 ? thresholds(db, teamId) : undefined;
  if (!team) return;
  const since = new Date(at.getTime() - team.minutes * 60_000).toISOString();
  const rows = distinctSubjectsPerAccountQuery(db).all(JSON.stringify(ids), since, ...READ_ACTIONS) as { id: number; n: number }[];
  const counts = new Map(rows.map((r) => [r.id, r.n]));
  for (const id of ids) {
    const n = counts.get(id) ?? 0;
    if (n > team.subjects) raiseMassRead(db, at, { id, teamId }, n, team);
  }
}

function thresholds(db: Db, teamId: number) {
  return thresholdsQuery(db).get({ teamId });
}

/** The alert: one security event per account per hour, counting up; its first crossing in the Logboek. */
function raiseMassRead(db: Db, at: Date, actor: Pick<Actor, 'id' | 'teamId'>, n: number, team: MassReadSettings): void {
  if (!recordSecurityEvent(db, at, { kind: 'reads.mass', teamId: actor.teamId, userId: actor.id, ip: '-' })) return;
  appendAudit(db, at, {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'security.mass_read',
    entity: 'user',
    entityId: actor.id,
    detail: { subjects: n, minutes: team.minutes, threshold: team.subjects },
  });
}

export type MassReadSettings = { subjects: number; minutes: number };

/** The team's thresholds, for the FG's form. */
export function massReadSettings(db: Db, teamId: number): MassReadSettings {
  return db.select({ subjects: teams.massReadSubjects, minutes: teams.massReadMinutes }).from(teams).where(eq(teams.id, teamId)).get()!;
}

/**
 * The FG sets the thresholds (art. 23: the FG supervises the processing). Audited with the old and
 * new values, so a loosened alert can always be traced to who loosened it and when.
 */
export function setMassReadSettings(db: Db, at: Date, actor: Pick<Actor, 'id' | 'teamId'>, input: MassReadSettings): MassReadSettings {
  db.transaction((tx) => {
    const before = massReadSettings(tx, actor.teamId);
    if (before.subjects === input.subjects && before.minutes === input.minutes) return;
    tx.update(teams).set({ massReadSubjects: input.subjects, massReadMinutes: input.minutes }).where(eq(teams.id, actor.teamId)).run();
    appendAudit(tx, at, {
      teamId: actor.teamId,
      actorId: actor.id,
      action: 'audit.mass_read_settings',
      entity: 'team',
      entityId: actor.teamId,
      detail: { from: before, to: input },
    });
  });
  return massReadSettings(db, actor.teamId);
}
