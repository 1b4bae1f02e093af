// On the casus page: the integrale controles this pand was part of and the escalaties (BIT
// art. 2.6) raised about it, with links to the controle and to the escalaties overview. Shown to
// the roles that may read them (controls.list / escalations.list: coordinator, member, FG).
import { A } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { hasRole } from '../../lib/session';
import { formatDay, t, type TextKey } from '../../i18n';
import { Status } from '../../components/Form';
import { DataTable } from '../../components/DataTable';

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

      <DataTable
        caption={t('caseEnforcement.controls')}
        resource={controls}
        empty={t('caseEnforcement.noControls')}
        columns={[
          {
            header: t('controls.date'),
            cell: (c) => (
              <A class="utrecht-link" href={`/controles/${c.id}`}>
                {t('caseEnforcement.control', { date: formatDay(c.plannedOn, 'long') })}
                {c.startTime ? `, ${c.startTime}` : ''}
              </A>
            ),
          },
          { header: t('controls.partners'), cell: (c) => c.partners.map((p) => p.shortName).join(', ') },
          {
            header: t('dashboard.status'),
            cell: (c) => (
              <Status tone={c.status === 'geannuleerd' ? 'warning' : c.status === 'uitgevoerd' ? 'ok' : 'neutral'}>
                {t(`controls.status.${c.status}` as TextKey)}
              </Status>
            ),
          },
          { header: t('controls.findings'), class: 'num', cell: (c) => c.findingCount },
        ]}
      />
      <DataTable
        caption={t('caseEnforcement.escalations')}
        resource={escalations}
        empty={t('caseEnforcement.noEscalations')}
        columns={[
          { header: t('escalations.raisedOn'), cell: (e) => formatDay(e.raisedOn) },
          { header: t('escalations.reason'), cell: (e) => e.reason },
          {
            header: t('escalations.status'),
            cell: (e) => <Status tone={e.status === 'open' ? 'warning' : 'ok'}>{t(`escalations.status.${e.status}` as TextKey)}</Status>,
          },
          {
            header: t('escalations.outcome'),
            cell: (e) => (
              <Show when={e.status === 'afgehandeld'}>
                {e.outcome} <span class="muted">({formatDay(e.outcomeOn)})</span>
              </Show>
            ),
          },
        ]}
      />
      <p class="utrecht-paragraph">
        <A class="utrecht-link" href="/escalaties">
          {t('caseEnforcement.allEscalations')}
        </A>
      </p>
    </section>
  );
}
