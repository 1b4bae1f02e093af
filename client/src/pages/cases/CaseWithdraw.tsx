// Issue 9.4: the coordinator withdraws a casus recorded by mistake, with a reason. Irreversible:
// the form says what happens and asks for a deliberate second step.
import { createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export function CaseWithdraw(props: { casus: { id: number; version: number }; onChange: (m?: string) => void }) {
  const [open, setOpen] = createSignal(false);
  const [reason, setReason] = createSignal('');
  let opener: HTMLButtonElement | undefined;
  const withdraw = createAction(async () => {
    await api.cases.withdraw.mutate({ id: props.casus.id, version: props.casus.version, reason: reason() });
    setOpen(false);
    props.onChange(t('withdraw.done'));
  });
  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <Show
      when={open()}
      fallback={
        <Button
          variant="subtle"
          ref={(el: HTMLButtonElement) => (opener = el)}
          onClick={() => {
            withdraw.reset();
            setReason('');
            setOpen(true);
          }}
        >
          {t('withdraw.open')}
        </Button>
      }
    >
      <form
        class="card stack"
        aria-labelledby="withdraw-title"
        onSubmit={(e) => {
          e.preventDefault();
          void withdraw.run();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 class="utrecht-heading-3" id="withdraw-title">
          {t('withdraw.title')}
        </h2>
        <Show when={withdraw.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <TextField
          label={t('withdraw.reason')}
          description={t('withdraw.hint')}
          maxLength={500}
          value={reason()}
          onInput={(e) => setReason(e.currentTarget.value)}
          error={withdraw.field('reason')}
          ref={(el: HTMLInputElement) => queueMicrotask(() => el.focus())}
        />
        <div class="inline-form">
          <Button type="submit" variant="danger" busy={withdraw.busy()}>
            {t('withdraw.confirm')}
          </Button>
          <Button onClick={close}>{t('app.cancel')}</Button>
        </div>
      </form>
    </Show>
  );
}
