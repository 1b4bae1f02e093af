// P12 (BIT art. 6.7, AVG art. 16–18; issue 11 item 4): every correction, erasure and restriction
// with its reason, the old value (FG only; the read is audited) and which partners were told and
// acknowledged; and the items that are restricted now.
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { formatDateTime, t, type TextKey } from '../../i18n';
import { LoadError } from '../../components/ResourceError';

const th = 'utrecht-table__header-cell';
const td = 'utrecht-table__cell';
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
      <Show when={(history.error ?? restricted.error) as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('fg.corrections.caption', { n: history()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class={th} scope="col">
                {t('fg.corrections.at')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.case')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.kind')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.category')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.oldValue')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.reason')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.by')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.notified')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For
              each={history()}
              fallback={
                <tr class="utrecht-table__row">
                  <td class={td} colSpan={8}>
                    {history.loading ? t('app.loading') : t('fg.corrections.none')}
                  </td>
                </tr>
              }
            >
              {(r) => (
                <tr class="utrecht-table__row">
                  <td class={td}>{formatDateTime(r.at)}</td>
                  <td class={td}>
                    <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                      {r.caseCode}
                    </A>
                  </td>
                  <td class={td}>{t(`notices.kind.${r.kind}` as TextKey)}</td>
                  <td class={td}>
                    {category(r.category)}
                    {r.police ? ` (${t('fg.corrections.police')})` : ''}
                  </td>
                  <td class={td}>{r.oldValue ?? '—'}</td>
                  <td class={td}>{r.reason}</td>
                  <td class={td}>
                    {r.sourcePartner} — {r.actor}
                  </td>
                  <td class={td}>
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
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>

      <h2 class="utrecht-heading-2">{t('fg.restricted.title')}</h2>
      <p class="utrecht-paragraph">{t('fg.restricted.intro')}</p>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('fg.restricted.caption', { n: restricted()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header">
            <tr class="utrecht-table__row">
              <th class={th} scope="col">
                {t('fg.corrections.case')}
              </th>
              <th class={th} scope="col">
                {t('fg.corrections.category')}
              </th>
              <th class={th} scope="col">
                {t('fg.restricted.value')}
              </th>
              <th class={th} scope="col">
                {t('fg.restricted.since')}
              </th>
            </tr>
          </thead>
          <tbody class="utrecht-table__body">
            <For
              each={restricted()}
              fallback={
                <tr class="utrecht-table__row">
                  <td class={td} colSpan={4}>
                    {restricted.loading ? t('app.loading') : t('fg.restricted.none')}
                  </td>
                </tr>
              }
            >
              {(r) => (
                <tr class="utrecht-table__row">
                  <td class={td}>
                    <A class="utrecht-link" href={`/casussen/${r.caseId}`}>
                      {r.caseCode}
                    </A>
                  </td>
                  <td class={td}>
                    {category(r.category)}
                    {r.police ? ` (${t('fg.corrections.police')})` : ''}
                  </td>
                  <td class={td}>{r.value}</td>
                  <td class={td}>{formatDateTime(r.restrictedAt)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
