// P14 (art. 20.1, 20.11): a member whose partner is not involved in the casus sees no betrokkenen
// and may ask access with a reason; access is granted on the reason, audited, and the FG sees it.
import { createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export function AccessRequest(props: { caseId: number; onChange: (m?: string) => void }) {
  const [reason, setReason] = createSignal('');
  const ask = createAction(async () => {
    await api.access.request.mutate({ caseId: props.caseId, reason: reason() });
    props.onChange(t('access.granted'));
  });
  return (
    <Show when={hasRole('member')}>
      <form
        class="card stack"
        aria-labelledby="access-heading"
        onSubmit={(e) => {
          e.preventDefault();
          void ask.run();
        }}
      >
        <h2 class="utrecht-heading-2" id="access-heading">
          {t('access.title')}
        </h2>
        <p class="utrecht-paragraph">{t('access.notInvolved')}</p>
        <Show when={ask.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <TextField
          label={t('access.reason')}
          name="reason"
          description={t('freeText.hint')}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          error={ask.field('reason')}
          autocomplete="off"
        />
        <div class="inline-form">
          <Button type="submit" variant="primary" busy={ask.busy()}>
            {t('access.submit')}
          </Button>
        </div>
      </form>
    </Show>
  );
}
