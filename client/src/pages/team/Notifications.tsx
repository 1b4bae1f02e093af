// The profile's e-mail settings (issue 9 item 14): the weekly task digest on or off.
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { hasRole } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, CheckboxField } from '../../components/Form';

export default function Notifications() {
  const [setting, { mutate }] = createResource(() => (hasRole('coordinator', 'member') ? api.auth.taskDigest.query() : undefined));
  const [saved, setSaved] = createSignal<boolean | null>(null);
  const toggle = createAction(async (enabled: boolean) => {
    const result = await api.auth.setTaskDigest.mutate({ enabled });
    mutate(result);
    setSaved(result.taskDigest);
  });
  return (
    <Show when={setting()}>
      {(current) => (
        <section class="card stack" aria-labelledby="notify-heading">
          <h2 class="utrecht-heading-2" id="notify-heading">
            {t('notify.heading')}
          </h2>
          <Show when={toggle.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
          <CheckboxField
            label={t('notify.digest')}
            description={t('notify.digestHelp')}
            checked={current().taskDigest}
            onChange={(checked) => void toggle.run(checked)}
          />
          <p class="utrecht-paragraph muted" role="status">
            {saved() === null ? '' : saved() ? t('notify.digestOn') : t('notify.digestOff')}
          </p>
          <p class="utrecht-paragraph muted">{t('notify.meetingsNote')}</p>
        </section>
      )}
    </Show>
  );
}
