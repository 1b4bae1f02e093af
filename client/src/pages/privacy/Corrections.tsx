// P12 (BIT art. 6.7, AVG art. 16–18; issue 11 item 4): every correction, erasure and restriction
// with its reason, the old value (FG only; the read is audited) and which partners were told and
// acknowledged; and the items that are restricted now.
import { A } from '@solidjs/router';
import { createResource, For, Show, type Resource } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDateTime, t, type TextKey } from '../../i18n';
import { DataTable } from '../../components/DataTable';

/** How many rows a list has; a list that failed to load counts none (its table says why). */
const count = (list: Resource<readonly unknown[]>) => (list.error ? 0 : (list()?.length ?? 0));
const category = (c: string) => t(`item.category.${c}` as TextKey);

export default function Corrections() {
  const [history] = createResource(() => api.corrections.history.query());
  const [restricted] = createResource(() => api.corrections.restricted.query());
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('fg.corrections.title')}
      </h1>
      <p class="utrecht-paragraph">{t('fg.corrections.intro')}</p>
      <DataTable
        caption={t('fg.corrections.caption', { n: count(history) })}
        resource={history}
        empty={t('fg.corrections.none')}
        columns={[
          { header: t('fg.corrections.at'), cell: (r) => formatDateTime(r.at) },
          {
            header: t('fg.corrections.case'),
            cell: (r) => (
              <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                {r.caseCode}
              </A>
            ),
          },
          { header: t('fg.corrections.kind'), cell: (r) => t(`notices.kind.${r.kind}` as TextKey) },
          {
            header: t('fg.corrections.category'),
            cell: (r) => `${category(r.category)}${r.police ? ` (${t('fg.corrections.police')})` : ''}`,
          },
          { header: t('fg.corrections.oldValue'), cell: (r) => r.oldValue ?? '—' },
          { header: t('fg.corrections.reason'), cell: (r) => r.reason },
          { header: t('fg.corrections.by'), cell: (r) => `${r.sourcePartner} — ${r.actor}` },
          {
            header: t('fg.corrections.notified'),
            cell: (r) => (
              <Show when={r.notified.length > 0} fallback={t('fg.corrections.nobody')}>
                <ul class="plain-list">
                  <For each={r.notified}>
                    {(n) => (
                      <li>
                        {n.partner}:{' '}
                        {n.acknowledgedAt
                          ? t('fg.corrections.acknowledged', { at: formatDateTime(n.acknowledgedAt) })
                          : t('fg.corrections.notAcknowledged')}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            ),
          },
        ]}
      />

      <h2 class="utrecht-heading-2">{t('fg.restricted.title')}</h2>
      <p class="utrecht-paragraph">{t('fg.restricted.intro')}</p>
      <DataTable
        caption={t('fg.restricted.caption', { n: count(restricted) })}
        resource={restricted}
        empty={t('fg.restricted.none')}
        columns={[
          {
            header: t('fg.corrections.case'),
            cell: (r) => (
              <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                {r.caseCode}
              </A>
            ),
          },
          {
            header: t('fg.corrections.category'),
            cell: (r) => `${category(r.category)}${r.police ? ` (${t('fg.corrections.police')})` : ''}`,
          },
          { header: t('fg.restricted.value'), cell: (r) => r.value },
          { header: t('fg.restricted.since'), cell: (r) => formatDateTime(r.restrictedAt) },
        ]}
      />
    </section>
  );
}
