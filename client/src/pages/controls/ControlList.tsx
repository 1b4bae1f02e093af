// Integrale controles: upcoming and past, with a link to plan one (coordinator).
import { A, useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDay, t, type TextKey } from '../../i18n';
import { Status } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

export const controlStatusLabel = (s: string) => t(`controls.status.${s}` as TextKey);

export default function ControlList() {
  const [params, setParams] = useSearchParams<{ wanneer?: string }>();
  const when = (): 'past' | 'upcoming' => (params.wanneer === 'eerder' ? 'past' : 'upcoming');
  const [controls] = createResource(when, (w) => api.controls.list.query({ when: w }));
  return (
    <section class="stack">
      <div class="page-header">
        <h1 class="utrecht-heading-1" tabindex="-1">
          {t('controls.title')}
        </h1>
        <Show when={hasRole('coordinator')}>
          <A class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action" href="/controles/nieuw">
            {t('controls.plan')}
          </A>
        </Show>
      </div>
      <div class="row" role="group" aria-label={t('controls.title')}>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          aria-pressed={when() === 'upcoming'}
          onClick={() => setParams({ wanneer: undefined })}
        >
          {t('controls.upcoming')}
        </button>
        <button
          type="button"
          class="utrecht-button utrecht-button--secondary-action"
          aria-pressed={when() === 'past'}
          onClick={() => setParams({ wanneer: 'eerder' })}
        >
          {t('controls.past')}
        </button>
      </div>
      <DataTable
        caption={t('controls.caption', { n: controls()?.length ?? 0 })}
        resource={controls}
        empty={t('controls.none')}
        columns={[
          {
            header: t('controls.date'),
            cell: (c) => (
              <>
                <A class="utrecht-link" href={`/controles/${c.id}`}>
                  {formatDay(c.plannedOn, 'long')}
                  {c.startTime ? `, ${c.startTime}` : ''}
                </A>
              </>
            ),
          },
          { header: t('controls.cases'), cell: (c) => c.cases.map((x) => `${x.code} ${x.address}`).join('; ') },
          { header: t('controls.partners'), cell: (c) => c.partners.map((p) => p.shortName).join(', ') },
          {
            header: t('dashboard.status'),
            cell: (c) => (
              <>
                <Status tone={c.status === 'geannuleerd' ? 'warning' : c.status === 'uitgevoerd' ? 'ok' : 'neutral'}>
                  {controlStatusLabel(c.status)}
                </Status>
              </>
            ),
          },
          { header: t('controls.findings'), class: 'num', cell: (c) => c.findingCount },
        ]}
      />
    </section>
  );
}
