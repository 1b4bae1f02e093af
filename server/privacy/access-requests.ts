/**
 * P14 (art. 20.1, 20.11): a partner not involved in a casus asks access to its betrokkenen with a
 * reason. Decision (documented in db/schema/corrections.ts): the covenant names no one who grants
 * access — each partner answers for the necessity of its own processing (art. 20.11, 21) and the
 * FG reviews processing afterwards (art. 20.2) — so access is granted on the stated reason,
 * immediately, audited, and every request is on the FG's list.
 */
import { desc, eq } from 'drizzle-orm';
import { caseAccessRequests, cases, partners, users } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import { AppError } from '../errors';
import { ownCase } from '../domain/scope';
import { assertNoPersonalData } from './free-text';
import type { Actor } from '../auth/actor';

export function requestCaseAccess(deps: AppDeps, reader: Actor, input: { caseId: number; reason: string }) {
  const c = ownCase(deps.db, reader.teamId, input.caseId);
  // The coordinator sees every casus (./involvement.ts): there is nothing to ask.
  if (reader.role !== 'member' || reader.partnerId === null) throw new AppError('BAD_REQUEST', 'access.notNeeded');
  const reason = input.reason.trim();
  if (reason.length < 10) throw new AppError('BAD_REQUEST', 'access.reasonTooShort', {}, 'reason');
  assertNoPersonalData({ reason }, deps.now());
  const at = deps.now().toISOString();
  deps.db.transaction((tx) => {
    const row = tx
      .insert(caseAccessRequests)
      .values({ teamId: reader.teamId, caseId: c.id, partnerId: reader.partnerId!, userId: reader.id, reason, requestedAt: at })
      .returning({ id: caseAccessRequests.id })
      .get();
    appendAudit(tx, deps.now(), {
      teamId: reader.teamId,
      actorId: reader.id,
      action: 'personal_data.access_requested',
      entity: 'case',
      entityId: c.id,
      caseId: c.id,
      detail: { requestId: row.id, partnerId: reader.partnerId },
    });
  });
  return { granted: true as const };
}

/** The FG's list: who asked access to which casus, when and why. */
export function listAccessRequests(deps: AppDeps, teamId: number) {
  return deps.db
    .select({
      id: caseAccessRequests.id,
      caseId: caseAccessRequests.caseId,
      caseCode: cases.code,
      partner: partners.shortName,
      user: users.name,
      reason: caseAccessRequests.reason,
      requestedAt: caseAccessRequests.requestedAt,
    })
    .from(caseAccessRequests)
    .innerJoin(cases, eq(cases.id, caseAccessRequests.caseId))
    .innerJoin(partners, eq(partners.id, caseAccessRequests.partnerId))
    .innerJoin(users, eq(users.id, caseAccessRequests.userId))
    .where(eq(caseAccessRequests.teamId, teamId))
    .orderBy(desc(caseAccessRequests.id))
    .limit(500)
    .all();
}
