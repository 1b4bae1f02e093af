/**
 * Who is who in a team, by name: its users for the histories that say who proposed and who
 * decided (joinings, sharing proposals, suspensions), and an overleg's team and chair for
 * meetings.get and the verslag.
 */
import { eq, sql } from 'drizzle-orm';
import { teams, users } from '../../db/schema';
import type { Db } from '../../db/client';
import type { AppDeps } from '../deps';
import { preparedPerDb } from '../prepared';

/** The names of a team's users by id: one query per history; another team's user id, or none, gives null. */
export function teamUserNames(deps: AppDeps, teamId: number): (id: number | null) => string | null {
  const names = new Map(
    deps.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(eq(users.teamId, teamId))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return (id) => (id === null ? null : (names.get(id) ?? null));
}

// Read for every overleg and verslag shown: prepared once per connection (issue 12).
const teamById = preparedPerDb((db) =>
  db
    .select({ name: teams.name, code: teams.code })
    .from(teams)
    .where(eq(teams.id, sql.placeholder('id')))
    .prepare(),
);
const userNameById = preparedPerDb((db) =>
  db
    .select({ name: users.name })
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
);

/** An overleg's team (name and code) and its chair's name (null without a chair). */
export function meetingTeamAndChair(db: Db, meeting: { teamId: number; chairUserId: number | null }) {
  const team = teamById(db).get({ id: meeting.teamId })!;
  const chair = meeting.chairUserId === null ? null : (userNameById(db).get({ id: meeting.chairUserId })?.name ?? null);
  return { team, chair };
}
