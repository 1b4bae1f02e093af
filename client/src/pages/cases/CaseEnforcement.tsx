// On the casus page: the integrale controles this pand was part of and the escalaties (BIT
// art. 2.6) raised about it, with links to the controle and to the escalaties overview. Shown to
// the roles that may read them (controls.list / escalations.list: coordinator, member, FG).
import { A } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDay, t, type TextKey } from '../../i18n';
import { Status } from '../../components/Form';
import { LoadError } from '../../components/ResourceError';

export function CaseEnforcement(props: { caseId: number }) {
  return (
    <Show when={hasRole('coordinator', 'member', 'privacy')}>
      <EnforcementSection caseId={props.caseId} />
    </Show>
  );
}

function EnforcementSection(props: { caseId: number }) {
  const [controls] = createResource(
    () => props.caseId,
    (caseId) => api.controls.list.query({ when: 'all', caseId }),
  );
  const [escalations] = createResource(
    () => props.caseId,
    (caseId) => api.escalations.list.query({ caseId }),
  );
  return (
    <section class="stack" aria-labelledby="enforcement-heading" data-testid="case-enforcement">
      <h2 class="utrecht-heading-2" id="enforcement-heading">
        {t('caseEnforcement.title')}
      </h2>

      <Show when={controls.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show
        when={(controls() ?? []).length > 0}
        fallback={<p class="utrecht-paragraph">{controls.loading ? t('app.loading') : t('caseEnforcement.noControls')}</p>}
      >
        <div class="table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('caseEnforcement.controls')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('controls.date')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('controls.partners')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('dashboard.status')}
                </th>
                <th class="utrecht-table__header-cell num" scope="col">
                  {t('controls.findings')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={controls()}>
                {(c) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">
                      <A class="utrecht-link" href={`/controles/${c.id}`}>
                        {t('caseEnforcement.control', { date: formatDay(c.plannedOn, 'long') })}
                        {c.startTime ? `, ${c.startTime}` : ''}
                      </A>
                    </td>
                    <td class="utrecht-table__cell">{c.partners.map((p) => p.shortName).join(', ')}</td>
                    <td class="utrecht-table__cell">
                      <Status tone={c.status === 'geannuleerd' ? 'warning' : c.status === 'uitgevoerd' ? 'ok' : 'neutral'}>
                        {t(`controls.status.${c.status}` as TextKey)}
                      </Status>
                    </td>
                    <td class="utrecht-table__cell num">{c.findingCount}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>

      <Show when={escalations.error as unknown}>{(e) => <LoadError error={e()} />}</Show>
      <Show
        when={(escalations() ?? []).length > 0}
        fallback={<p class="utrecht-paragraph">{escalations.loading ? t('app.loading') : t('caseEnforcement.noEscalations')}</p>}
      >
        <div class="table-wrap">
          <table class="utrecht-table">
            <caption class="utrecht-table__caption">{t('caseEnforcement.escalations')}</caption>
            <thead class="utrecht-table__header">
              <tr class="utrecht-table__row">
                <th class="utrecht-table__header-cell" scope="col">
                  {t('escalations.raisedOn')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('escalations.reason')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('escalations.status')}
                </th>
                <th class="utrecht-table__header-cell" scope="col">
                  {t('escalations.outcome')}
                </th>
              </tr>
            </thead>
            <tbody class="utrecht-table__body">
              <For each={escalations()}>
                {(e) => (
                  <tr class="utrecht-table__row">
                    <td class="utrecht-table__cell">{formatDay(e.raisedOn)}</td>
                    <td class="utrecht-table__cell">{e.reason}</td>
                    <td class="utrecht-table__cell">
                      <Status tone={e.status === 'open' ? 'warning' : 'ok'}>{t(`escalations.status.${e.status}` as TextKey)}</Status>
                    </td>
                    <td class="utrecht-table__cell">
                      <Show when={e.status === 'afgehandeld'}>
                        {e.outcome} <span class="muted">({formatDay(e.outcomeOn)})</span>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/escalaties">
          {t('caseEnforcement.allEscalations')}
        </A>
      </p>
    </section>
  );
}
