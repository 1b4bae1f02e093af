/**
 * The names of a team's users by id, for the histories that say who proposed and who decided
 * (joinings, sharing proposals, suspensions). One query per history; another team's user id, or
 * none, gives null.
 */
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppDeps } from '../deps';

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
