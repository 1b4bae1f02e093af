// The casus's own facts (no personal data): place, theme, origin, when it was opened.
import { Show } from 'solid-js';
import { originLabel } from '../../../lib/labels';
import { formatDate, t } from '../../../i18n';
import type { Casus } from './types';

export function CaseFacts(props: { casus: Casus }) {
  return (
    <section class="card">
      <h2 class="utrecht-heading-2">{t('cases.details')}</h2>
      <dl class="facts">
        <dt>{t('cases.filterGemeente')}</dt>
        <dd>{props.casus.gemeente}</dd>
        <dt>{t('cases.postcode')}</dt>
        <dd>{props.casus.postcode}</dd>
        <Show when={props.casus.bagId}>
          <dt>{t('cases.bagId')}</dt>
          <dd>{props.casus.bagId}</dd>
        </Show>
        <dt>{t('cases.theme')}</dt>
        <dd>{props.casus.theme}</dd>
        <dt>{t('cases.origin')}</dt>
        <dd>{originLabel(props.casus.origin)}</dd>
        <dt>{t('cases.createdAt')}</dt>
        <dd>{formatDate(props.casus.createdAt)}</dd>
        <Show when={props.casus.description}>
          <dt>{t('cases.description')}</dt>
          <dd>{props.casus.description}</dd>
        </Show>
      </dl>
    </section>
  );
}
