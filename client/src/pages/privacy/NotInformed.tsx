// Informatieplicht (art. 26, issue 11 item 8): betrokkenen nobody has informed yet and with no
// recorded reason for postponing; police-only betrokkenen are left out by the server (26.3).
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDay, t } from '../../i18n';
import { Alert } from '../../components/Form';

export default function NotInformed() {
  const [list] = createResource(() => api.dsr.notInformed.query());
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('fg.informing.title')}</h1>
      <p class="utrecht-paragraph">{t('fg.informing.intro')}</p>
      <Show when={list.error}><Alert kind="error">{(list.error as Error).message}</Alert></Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('fg.informing.caption', { n: list()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('fg.informing.case')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('fg.informing.since')}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            <For each={list()} fallback={<tr class="utrecht-table__row"><td class="utrecht-table__cell" colSpan={2}>{list.loading ? t('app.loading') : t('fg.informing.none')}</td></tr>}>{(r) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell"><A class="utrecht-link" href={`/casussen/${r.caseId}`}>{r.caseCode}</A></td>
                <td class="utrecht-table__cell">{formatDay(r.since)}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
