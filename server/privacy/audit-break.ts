/**
 * A broken audit chain is a possible data breach (art. 22, P10; issue 11 item 7): the check opens
 * a draft incident for the FG to assess, and records a security event so it is seen at once.
 *
 * The draft incident goes into the breach register (issue 11 item 6), where the FG's clocks start.
 */
import { securityEvents } from '../../db/schema';
import type { AppDeps } from '../deps';
import { appendAudit } from '../audit';
import type { ChainBreak } from '../audit-chain';
import { openDraftIncident } from '../domain/breaches';

/**
 * Reports the first break a team's FG sees, once per break: a second check that finds the same
 * break opens nothing new. The description holds ids only, never personal data (P7).
 */
export function reportChainBreak(deps: AppDeps, teamId: number, first: ChainBreak): void {
  const iso = deps.now().toISOString();
  const inserted = deps.db
    .insert(securityEvents)
    .values({
      aggregateKey: ['audit.chainBroken', teamId, first.id].join('|'),
      kind: 'audit.chainBroken',
      teamId,
      userId: null,
      ip: '-',
      firstAt: iso,
      lastAt: iso,
      count: 1,
    })
    .onConflictDoNothing()
    .returning({ id: securityEvents.id })
    .all();
  if (inserted.length === 0) return;
  appendAudit(deps.db, deps.now(), {
    teamId,
    action: 'audit.chain_broken',
    entity: 'audit',
    entityId: first.id,
    detail: { brokenAt: first.id },
  });
  openDraftIncident(
    deps,
    teamId,
    `De controle van het logboek vond een breuk in de hashketen bij regel ${first.id} (${iso}). Mogelijk is het logboek gewijzigd of ingekort.`,
  );
}
