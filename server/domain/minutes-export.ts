/**
 * The verslag for an export file (HTML, DOCX, Markdown): the same view as the screen, read for
 * the purpose 'export' (P6, and no personal data in wind-down) and audited with the format. The
 * procedure `minutes.export` decides who may export, like every other read; /export/minutes only
 * renders what it returns (issue 12).
 */
import type { AppDeps } from '../deps';
import type { Actor } from '../auth/actor';
import { appendAudit } from '../audit';
import { buildMinutesView, type MinutesView } from './minutes-view';

export const minutesExportFormats = ['html', 'docx', 'md'] as const;
export type MinutesExportFormat = (typeof minutesExportFormats)[number];

export function exportMinutesView(deps: AppDeps, actor: Actor, input: { meetingId: number; format: MinutesExportFormat }): MinutesView {
  // Every carried-over action: the exported verslag is the complete record.
  const view = buildMinutesView(deps, actor, input.meetingId, 'export', 'all');
  appendAudit(deps.db, deps.now(), {
    teamId: actor.teamId,
    actorId: actor.id,
    action: 'minutes.exported',
    entity: 'minutes',
    entityId: view.id,
    detail: { meetingId: view.meetingId, format: input.format, status: view.status },
  });
  return view;
}
