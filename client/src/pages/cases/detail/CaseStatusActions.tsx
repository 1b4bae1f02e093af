// The coordinator's status buttons: activate a signaal, close, reopen, or withdraw the casus.
import { Show } from 'solid-js';
import { api } from '../../../lib/trpc';
import { createAction } from '../../../lib/action';
import { caseStatusLabel } from '../../../lib/labels';
import { t } from '../../../i18n';
import { Alert, Button } from '../../../components/Form';
import { CaseWithdraw } from '../CaseWithdraw';
import type { Casus, OnChange } from './types';

export function CaseStatusActions(props: { casus: Casus; onChange: OnChange }) {
  const change = createAction(async (status: 'signaal' | 'actief' | 'afgerond') => {
    await api.cases.setStatus.mutate({ id: props.casus.id, status, version: props.casus.version });
    props.onChange(t('cases.statusChanged', { status: caseStatusLabel(status) }));
  });
  return (
    <div class="inline-form">
      <Show when={change.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
      <Show when={props.casus.status === 'signaal'}>
        <Button variant="primary" busy={change.busy()} onClick={() => void change.run('actief')}>
          {t('cases.activate')}
        </Button>
      </Show>
      <Show when={props.casus.status !== 'afgerond'}>
        <Button busy={change.busy()} onClick={() => void change.run('afgerond')}>
          {t('cases.close')}
        </Button>
      </Show>
      <Show when={props.casus.status === 'afgerond'}>
        <Button busy={change.busy()} onClick={() => void change.run('actief')}>
          {t('cases.reopen')}
        </Button>
      </Show>
      <Show when={props.casus.status === 'signaal' || props.casus.status === 'actief'}>
        <CaseWithdraw casus={props.casus} onChange={props.onChange} />
      </Show>
    </div>
  );
}
