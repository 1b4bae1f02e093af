// The casus page's heading: code and gemeente, the address as title, status and priority.
import { Show } from 'solid-js';
import { address, caseStatusLabel } from '../../../lib/labels';
import { t } from '../../../i18n';
import { Status } from '../../../components/Form';
import type { Casus } from './types';

export function CaseHeader(props: { casus: Casus }) {
  return (
    <div class="page-header">
      <div>
        <p class="utrecht-paragraph muted">
          {props.casus.code} · {props.casus.gemeente}
        </p>
        <h1 class="utrecht-heading-1" tabindex="-1">
          {address(props.casus)}
        </h1>
      </div>
      <div>
        <Status tone={props.casus.status === 'afgerond' ? 'ok' : props.casus.status === 'signaal' ? 'warning' : 'neutral'}>
          {caseStatusLabel(props.casus.status)}
        </Status>
        <Show when={props.casus.priority === 'hoog'}>
          {' '}
          <Status tone="danger">{t('case.priority.hoog')}</Status>
        </Show>
      </div>
    </div>
  );
}
