// P14 (art. 20.1, 20.11; issue 11 item 9): a partner not involved in a casus asked access to its
// betrokkenen with a reason; the FG reviews who asked what and why.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDateTime, t } from '../../i18n';
import { Alert } from '../../components/Form';

const th = 'utrecht-table__header-cell';
const td = 'utrecht-table__cell';

export default function AccessRequests() {
  const [list] = createResource(() => api.access.list.query());
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('fg.access.title')}</h1>
      <p class="utrecht-paragraph">{t('fg.access.intro')}</p>
      <Show when={list.error}><Alert kind="error">{(list.error as Error).message}</Alert></Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('fg.access.caption', { n: list()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class={th} scope="col">{t('fg.corrections.at')}</th>
            <th class={th} scope="col">{t('fg.corrections.case')}</th>
            <th class={th} scope="col">{t('fg.access.who')}</th>
            <th class={th} scope="col">{t('fg.corrections.reason')}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            <For each={list()} fallback={<tr class="utrecht-table__row"><td class={td} colSpan={4}>{list.loading ? t('app.loading') : t('fg.access.none')}</td></tr>}>{(r) => (
              <tr class="utrecht-table__row">
                <td class={td}>{formatDateTime(r.requestedAt)}</td>
                <td class={td}><A class="utrecht-link" href={`/casussen/${r.caseId}`}>{r.caseCode}</A></td>
                <td class={td}>{r.partner} — {r.user}</td>
                <td class={td}>{r.reason}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
