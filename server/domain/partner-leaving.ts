// art. 14 (PIT 14.3, BIT 14.2): when a partner leaves, its open tasks go to another partner. The
// coordinator reassigns each with the existing task edit (tasks.update, with its change log).
import type { Actor } from '../auth/actor';
import { isNotNull, and, eq } from 'drizzle-orm';
import { partners } from '../../db/schema';
import type { AppDeps } from '../deps';
import { listTasks } from './tasks';

export function openTasksOfLeavingPartners(deps: AppDeps, actor: Actor) {
  const leaving = deps.db
    .select({ id: partners.id, leftOn: partners.leftOn })
    .from(partners)
    .where(and(eq(partners.teamId, actor.teamId), isNotNull(partners.leftOn)))
    .all();
  return leaving.flatMap((p) =>
    listTasks(deps, actor, { partnerId: p.id, status: 'open' }).map((t) => ({ ...t, partnerLeftOn: p.leftOn! })),
  );
}
