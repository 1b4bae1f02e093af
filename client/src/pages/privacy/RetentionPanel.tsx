// On the FG's home page: the casussen past their retention period (art. 25), loudly, with a link.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDay, t } from '../../i18n';

export default function RetentionPanel() {
  const [due] = createResource(() => api.retention.preview.query());
  return (
    <Show when={(due()?.length ?? 0) > 0}>
      <section class="card stack" aria-labelledby="retention-panel-title">
        <h2 class="utrecht-heading-2" id="retention-panel-title">
          {t('retention.panelTitle')}
        </h2>
        <p class="utrecht-paragraph overdue">{t('retention.panelText', { n: due()!.length })}</p>
        <ul>
          <For each={due()!.slice(0, 10)}>
            {(d) => (
              <li>
                {d.code} — {t('retention.overdueSince', { date: formatDay(d.dueSince) })}
              </li>
            )}
          </For>
        </ul>
        <p class="utrecht-paragraph">
          <A class="utrecht-link" href="/privacy/bewaartermijnen">
            {t('retention.panelLink')}
          </A>
        </p>
      </section>
    </Show>
  );
}
