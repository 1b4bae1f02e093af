/**
 * The one way a domain function loads a row by an id that a caller gave: through the caller's
 * team. A row of another team answers NOT_FOUND exactly like an id that does not exist, so ids
 * are no existence oracle and a procedure can never act on another team's data (issue 8 item 1).
 * Domain functions never `select … where id = ?` on a caller's id in any other way; the
 * personal-data tables have their own scoped lookups in ../privacy/personal-data.ts, behind
 * opaque ids that are bound to the team as well.
 *
 * Rows hang off the team directly (team_id) or through their parent: an agenda item through its
 * overleg, a finding through its controle, a verslag through its overleg.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  agendaItems,
  agreements,
  breaches,
  cases,
  controls,
  escalations,
  findings,
  meetings,
  minutes,
  partners,
  retentionLists,
  tasks,
  themes,
  users,
} from '../../db/schema';
import type { Db } from '../../db/client';
import { notFound } from '../errors';
import { preparedPerDb } from '../prepared';

/** Tables that carry the team themselves. */
type TeamTable =
  | typeof cases
  | typeof meetings
  | typeof agreements
  | typeof tasks
  | typeof controls
  | typeof escalations
  | typeof partners
  | typeof users
  | typeof themes
  | typeof retentionLists
  | typeof breaches;

// The lookup per table, prepared once per connection (issue 12): every by-id read starts here.
// The union of tables is one shape to drizzle here: every one has `id` and `team_id`.
const buildLookup = (t: typeof cases) =>
  preparedPerDb((db) =>
    db
      .select()
      .from(t)
      .where(and(eq(t.id, sql.placeholder('id')), eq(t.teamId, sql.placeholder('teamId'))))
      .prepare(),
  );
const lookups = new Map<TeamTable, ReturnType<typeof buildLookup>>();

function inTeam<T extends TeamTable>(db: Db, table: T, teamId: number, id: number): T['$inferSelect'] {
  let lookup = lookups.get(table);
  if (!lookup) lookups.set(table, (lookup = buildLookup(table as typeof cases)));
  const row = lookup(db).get({ id, teamId }) as T['$inferSelect'] | undefined;
  if (!row) throw notFound();
  return row;
}

/** Every id must be one of the team's rows; any other (or missing) id is NOT_FOUND. */
function allInTeam<T extends TeamTable>(db: Db, table: T, teamId: number, ids: number[]): T['$inferSelect'][] {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const t = table as typeof cases;
  const rows = db
    .select()
    .from(t)
    .where(and(eq(t.teamId, teamId), inArray(t.id, unique)))
    .all();
  if (rows.length !== unique.length) throw notFound();
  return rows;
}

export const ownCase = (db: Db, teamId: number, id: number) => inTeam(db, cases, teamId, id);
export const ownCases = (db: Db, teamId: number, ids: number[]) => allInTeam(db, cases, teamId, ids);
export const ownMeeting = (db: Db, teamId: number, id: number) => inTeam(db, meetings, teamId, id);
export const ownAgreement = (db: Db, teamId: number, id: number) => inTeam(db, agreements, teamId, id);
export const ownTask = (db: Db, teamId: number, id: number) => inTeam(db, tasks, teamId, id);
export const ownControl = (db: Db, teamId: number, id: number) => inTeam(db, controls, teamId, id);
export const ownEscalation = (db: Db, teamId: number, id: number) => inTeam(db, escalations, teamId, id);
export const ownPartner = (db: Db, teamId: number, id: number) => inTeam(db, partners, teamId, id);
export const ownPartners = (db: Db, teamId: number, ids: number[]) => allInTeam(db, partners, teamId, ids);
export const ownUser = (db: Db, teamId: number, id: number) => inTeam(db, users, teamId, id);

/** An agenda item of one of the team's overleggen, with that overleg's status. */
export function ownAgendaItem(db: Db, teamId: number, id: number) {
  const row = db
    .select({ item: agendaItems, status: meetings.status })
    .from(agendaItems)
    .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
    .where(and(eq(agendaItems.id, id), eq(meetings.teamId, teamId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** A finding of one of the team's controles, with its source partner's kind (for canSeeFinding). */
export function ownFinding(db: Db, teamId: number, id: number) {
  const row = db
    .select({
      id: findings.id,
      partnerId: findings.partnerId,
      kind: partners.kind,
      controlId: findings.controlId,
      caseId: findings.caseId,
    })
    .from(findings)
    .innerJoin(controls, eq(controls.id, findings.controlId))
    .innerJoin(partners, eq(partners.id, findings.partnerId))
    .where(and(eq(findings.id, id), eq(controls.teamId, teamId)))
    .get();
  if (!row) throw notFound();
  return row;
}

/** The verslag of one of the team's overleggen, with the overleg's start. */
const minutesLookup = preparedPerDb((db) =>
  db
    .select({ row: minutes, startsAt: meetings.startsAt })
    .from(minutes)
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(and(eq(minutes.meetingId, sql.placeholder('meetingId')), eq(meetings.teamId, sql.placeholder('teamId'))))
    .prepare(),
);
export function ownMinutes(db: Db, teamId: number, meetingId: number) {
  const row = minutesLookup(db).get({ meetingId, teamId });
  if (!row) throw notFound();
  return row;
}
export const ownRetentionList = (db: Db, teamId: number, id: number) => inTeam(db, retentionLists, teamId, id);
export const ownBreach = (db: Db, teamId: number, id: number) => inTeam(db, breaches, teamId, id);
