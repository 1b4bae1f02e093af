// Activation (issue 8 item 12): a new account's user chooses their own password with the one-time
// link from the administrator. The token is in the fragment (#…), so it never reaches a server log.
import { A, useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { errorMessage } from '../../lib/trpc';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export default function Activate() {
  const navigate = useNavigate();
  const token = typeof location === 'undefined' ? '' : decodeURIComponent(location.hash.replace(/^#/, ''));
  const [account] = createResource(
    () => token || null,
    (tk) => api.auth.activation.query({ token: tk }),
  );
  const [password, setPassword] = createSignal('');
  const [repeat, setRepeat] = createSignal('');
  const [mismatch, setMismatch] = createSignal(false);
  const activate = createAction(async () => {
    await api.auth.activate.mutate({ token, password: password() });
    navigate('/inloggen?geactiveerd=1', { replace: true });
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setMismatch(password() !== repeat());
    if (!mismatch()) void activate.run();
  };
  return (
    <section class="login stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('activate.title')}
      </h1>
      <Show when={token} fallback={<Alert kind="info">{t('activate.noToken')}</Alert>}>
        <Show when={account.state === 'errored'}>
          <Alert kind="error">{errorMessage(account.error, t('app.networkError'))}</Alert>
          <p class="utrecht-paragraph">
            <A class="utrecht-link" href="/inloggen">
              {t('activate.toLogin')}
            </A>
          </p>
        </Show>
        <Show when={account()}>
          {(acc) => (
            <form class="utrecht-form stack" onSubmit={submit} novalidate>
              <p class="utrecht-paragraph">{t('activate.intro', { email: acc().email })}</p>
              <Show when={activate.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
              {/* The e-mail as username lets password managers save the new password for the right account. */}
              <input type="email" name="username" autocomplete="username" value={acc().email} readonly hidden />
              <TextField
                label={t('activate.password')}
                type="password"
                name="new-password"
                autocomplete="new-password"
                required
                description={t('activate.passwordHint')}
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                error={activate.field('password')}
              />
              <TextField
                label={t('activate.repeat')}
                type="password"
                name="repeat-password"
                autocomplete="new-password"
                required
                value={repeat()}
                onInput={(e) => setRepeat(e.currentTarget.value)}
                error={mismatch() ? t('activate.mismatch') : undefined}
              />
              <Button type="submit" variant="primary" busy={activate.busy()}>
                {t('activate.submit')}
              </Button>
            </form>
          )}
        </Show>
      </Show>
    </section>
  );
}
