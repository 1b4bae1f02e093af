// The casus's history: what happened when and by whom, oldest first.
import { For } from 'solid-js';
import { caseStatusLabel } from '../../../lib/labels';
import { formatDateTime, hasText, t } from '../../../i18n';
import type { Casus } from './types';

export function CaseHistory(props: { history: Casus['history'] }) {
  return (
    <section>
      <h2 class="utrecht-heading-2">{t('history.title')}</h2>
      <ol class="utrecht-ordered-list">
        <For each={props.history}>
          {(e) => (
            <li>
              {formatDateTime(e.at)} — {historyLabel(e.kind, e.detail)}
              {e.actor ? ` (${e.actor})` : ''}
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}

function historyLabel(kind: string, detail: Record<string, unknown> | null): string {
  const key = `history.${kind}`;
  let label = hasText(key) ? t(key) : t('history.other');
  if (kind === 'status' && detail && typeof detail.to === 'string') label += `: ${caseStatusLabel(detail.to)}`;
  return label;
}
