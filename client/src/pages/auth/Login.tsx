import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { me, refreshSession } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const target = () => {
    const back = typeof params.terug === 'string' ? params.terug : '/';
    return back.startsWith('/') && !back.startsWith('//') ? back : '/';
  };
  createEffect(() => {
    if (me()) navigate(target(), { replace: true });
  });
  const login = createAction(async () => {
    await api.auth.login.mutate({ email: email(), password: password() });
    await refreshSession();
  });
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    void login.run();
  };
  return (
    <section class="login">
      <h1 class="utrecht-heading-1" tabindex="-1">{t('login.title')}</h1>
      <p class="utrecht-paragraph">{t('login.intro')}</p>
      <form class="utrecht-form stack" onSubmit={submit} novalidate>
        <Show when={login.error()}>{(message) => <Alert kind="error">{message()}</Alert>}</Show>
        <TextField label={t('login.email')} type="email" name="email" autocomplete="username" required value={email()}
          onInput={(e) => setEmail(e.currentTarget.value)} error={login.field('email')} />
        <TextField label={t('login.password')} type="password" name="password" autocomplete="current-password" required value={password()}
          onInput={(e) => setPassword(e.currentTarget.value)} error={login.field('password')} />
        <Button type="submit" variant="primary" busy={login.busy()}>{login.busy() ? t('login.busy') : t('login.submit')}</Button>
      </form>
    </section>
  );
}
