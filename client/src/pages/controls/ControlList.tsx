// Integrale controles: upcoming and past, with a link to plan one (coordinator).
import { A, useSearchParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDay, t, type TextKey } from '../../i18n';
import { Alert, Status } from '../../components/Form';

export const controlStatusLabel = (s: string) => t(`controls.status.${s}` as TextKey);

export default function ControlList() {
  const [params, setParams] = useSearchParams<{ wanneer?: string }>();
  const when = () => (params.wanneer === 'eerder' ? 'past' : 'upcoming') as 'past' | 'upcoming';
  const [controls] = createResource(when, (w) => api.controls.list.query({ when: w }));
  return (
    <section class="stack">
      <div class="page-header">
        <h1 class="utrecht-heading-1" tabindex="-1">{t('controls.title')}</h1>
        <Show when={hasRole('coordinator')}>
          <A class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/controles/nieuw">{t('controls.plan')}</A>
        </Show>
      </div>
      <div class="row" role="group" aria-label={t('controls.title')}>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-pressed={when() === 'upcoming'} onClick={() => setParams({ wanneer: undefined })}>{t('controls.upcoming')}</button>
        <button type="button" class="utrecht-button utrecht-button--secondary-action" aria-pressed={when() === 'past'} onClick={() => setParams({ wanneer: 'eerder' })}>{t('controls.past')}</button>
      </div>
      <Show when={controls.error}><Alert kind="error">{(controls.error as Error).message}</Alert></Show>
      <div class="table-wrap">
        <table class="utrecht-table">
          <caption class="utrecht-table__caption">{t('controls.caption', { n: controls()?.length ?? 0 })}</caption>
          <thead class="utrecht-table__header"><tr class="utrecht-table__row">
            <th class="utrecht-table__header-cell" scope="col">{t('controls.date')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('controls.cases')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('controls.partners')}</th>
            <th class="utrecht-table__header-cell" scope="col">{t('dashboard.status')}</th>
            <th class="utrecht-table__header-cell num" scope="col">{t('controls.findings')}</th>
          </tr></thead>
          <tbody class="utrecht-table__body">
            <For each={controls()} fallback={<tr class="utrecht-table__row"><td class="utrecht-table__cell" colSpan={5}>{controls.loading ? t('app.loading') : t('controls.none')}</td></tr>}>{(c) => (
              <tr class="utrecht-table__row">
                <td class="utrecht-table__cell"><A class="utrecht-link" href={`/controles/${c.id}`}>{formatDay(c.plannedOn, 'long')}{c.startTime ? `, ${c.startTime}` : ''}</A></td>
                <td class="utrecht-table__cell">{c.cases.map((x) => `${x.code} ${x.address}`).join('; ')}</td>
                <td class="utrecht-table__cell">{c.partners.map((p) => p.shortName).join(', ')}</td>
                <td class="utrecht-table__cell"><Status tone={c.status === 'geannuleerd' ? 'warning' : c.status === 'uitgevoerd' ? 'ok' : 'neutral'}>{controlStatusLabel(c.status)}</Status></td>
                <td class="utrecht-table__cell num">{c.findingCount}</td>
              </tr>
            )}</For>
          </tbody>
        </table>
      </div>
    </section>
  );
}
