import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { api, errorKey } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { me, refreshSession } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

export default function Login() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  // Second step (BIO 23.1a): the password opened a challenge; the session comes with the code.
  const [challenge, setChallenge] = createSignal<string | null>(null);
  const [code, setCode] = createSignal('');
  const target = () => {
    const back = typeof params.terug === 'string' ? params.terug : '/';
    return back.startsWith('/') && !back.startsWith('//') ? back : '/';
  };
  createEffect(() => {
    if (me()) navigate(target(), { replace: true });
  });
  const focusHeading = () => queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus());
  const login = createAction(async () => {
    const result = await api.auth.login.mutate({ email: email(), password: password() });
    if (result.secondFactor) {
      setPassword('');
      setChallenge(result.secondFactor.challenge);
      focusHeading();
      return;
    }
    await refreshSession();
  });
  const restart = () => {
    setChallenge(null);
    setCode('');
    focusHeading();
  };
  const confirmCode = createAction(async () => {
    try {
      await api.auth.loginCode.mutate({ challenge: challenge()!, code: code() });
    } catch (e) {
      // A void or expired challenge: back to the password, with the reason shown there.
      if (errorKey(e) === 'twoFactor.challengeExpired') restart();
      throw e;
    }
    await refreshSession();
  });
  return (
    <section class="login">
      <Show
        when={challenge()}
        fallback={
          <>
            <h1 class="utrecht-heading-1" tabindex="-1">
              {t('login.title')}
            </h1>
            <p class="utrecht-paragraph">{t('login.intro')}</p>
            <Show when={params.geactiveerd === '1'}>
              <Alert kind="ok">{t('login.activated')}</Alert>
            </Show>
            <form
              class="utrecht-form stack"
              onSubmit={(e) => {
                e.preventDefault();
                void login.run();
              }}
              novalidate
            >
              <Show when={login.error() ?? confirmCode.error()}>{(message) => <Alert kind="error">{message()}</Alert>}</Show>
              <TextField
                label={t('login.email')}
                type="email"
                name="email"
                autocomplete="username"
                required
                value={email()}
                onInput={(e) => setEmail(e.currentTarget.value)}
                error={login.field('email')}
              />
              <TextField
                label={t('login.password')}
                type="password"
                name="password"
                autocomplete="current-password"
                required
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                error={login.field('password')}
              />
              <Button type="submit" variant="primary" busy={login.busy()}>
                {login.busy() ? t('login.busy') : t('login.submit')}
              </Button>
            </form>
          </>
        }
      >
        <h1 class="utrecht-heading-1" tabindex="-1">
          {t('login.codeTitle')}
        </h1>
        <form
          class="utrecht-form stack"
          onSubmit={(e) => {
            e.preventDefault();
            void confirmCode.run();
          }}
          novalidate
        >
          <Show when={confirmCode.error()}>{(message) => <Alert kind="error">{message()}</Alert>}</Show>
          <TextField
            label={t('login.code')}
            description={t('login.codeIntro')}
            name="code"
            autocomplete="one-time-code"
            inputmode="text"
            autocapitalize="off"
            spellcheck={false}
            required
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
            error={confirmCode.field('code')}
            autofocus
          />
          <div class="row">
            <Button type="submit" variant="primary" busy={confirmCode.busy()}>
              {t('login.codeSubmit')}
            </Button>
            <Button variant="subtle" onClick={restart}>
              {t('login.codeBack')}
            </Button>
          </div>
        </form>
      </Show>
    </section>
  );
}
