// Two-factor authentication (BIO 23.1a) on the profile page, and as the only screen while the
// team requires it and the account has none: QR code and key, confirm with a code, recovery codes
// shown once; renew codes, or turn it off when the team does not require it.
import { createSignal, For, Show } from 'solid-js';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { me, refreshSession } from '../../lib/session';
import { t } from '../../i18n';
import { Alert, Button, TextField } from '../../components/Form';

type Enrolment = { secret: string; qrSvg: string };

export default function TwoFactor(props: { headingLevel?: 1 | 2 }) {
  const state = () => me()?.twoFactor;
  const [enrolment, setEnrolment] = createSignal<Enrolment | null>(null);
  const [codes, setCodes] = createSignal<string[] | null>(null);
  const [code, setCode] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [renewCode, setRenewCode] = createSignal('');
  const [disabled, setDisabled] = createSignal(false);

  const begin = createAction(async () => {
    setDisabled(false);
    setEnrolment(await api.twoFactor.begin.mutate());
    queueMicrotask(() => document.getElementById('two-factor-qr')?.focus());
  });
  const confirm = createAction(async () => {
    const result = await api.twoFactor.confirm.mutate({ code: code() });
    setEnrolment(null);
    setCode('');
    setCodes(result.recoveryCodes);
    queueMicrotask(() => document.getElementById('recovery-codes-title')?.focus());
  });
  // The session is refreshed only after the codes are put away, so a required-2FA gate does not
  // replace this screen before the user has saved them.
  const doneWithCodes = async () => {
    setCodes(null);
    await refreshSession();
  };
  const renew = createAction(async () => {
    const result = await api.twoFactor.regenerateRecoveryCodes.mutate({ code: renewCode() });
    setRenewCode('');
    setCodes(result.recoveryCodes);
    queueMicrotask(() => document.getElementById('recovery-codes-title')?.focus());
  });
  const disable = createAction(async () => {
    await api.twoFactor.disable.mutate({ password: password() });
    setPassword('');
    setDisabled(true);
    await refreshSession();
  });

  const Heading = (p: { children: string }) =>
    props.headingLevel === 1 ? (
      <h1 class="utrecht-heading-1" tabindex="-1">
        {p.children}
      </h1>
    ) : (
      <h2 class="utrecht-heading-2">{p.children}</h2>
    );

  return (
    <div class="card stack" data-testid="two-factor">
      <Heading>{t('twoFactor.title')}</Heading>
      <Show when={codes()}>
        {(list) => (
          <div class="stack">
            <h3 class="utrecht-heading-3" id="recovery-codes-title" tabindex="-1">
              {t('twoFactor.codesTitle')}
            </h3>
            <Alert kind="warning">{t('twoFactor.codesIntro')}</Alert>
            <ul class="recovery-codes" data-testid="recovery-codes">
              <For each={list()}>{(c) => <li>{c}</li>}</For>
            </ul>
            <Button variant="primary" onClick={() => void doneWithCodes()}>
              {t('twoFactor.codesSaved')}
            </Button>
          </div>
        )}
      </Show>
      <Show when={!codes()}>
        <Show when={disabled()}>
          <Alert kind="ok">{t('twoFactor.disabled')}</Alert>
        </Show>
        <Show
          when={state()?.enabled}
          fallback={
            <>
              <p class="utrecht-paragraph">{state()?.required ? t('twoFactor.requiredNow') : t('twoFactor.off')}</p>
              <Show when={begin.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
              <Show
                when={enrolment()}
                fallback={
                  <Button variant="primary" busy={begin.busy()} onClick={() => void begin.run()}>
                    {t('twoFactor.start')}
                  </Button>
                }
              >
                {(en) => (
                  <form
                    class="stack"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void confirm.run();
                    }}
                    novalidate
                  >
                    <p class="utrecht-paragraph">{t('twoFactor.scan')}</p>
                    {/* An <img>, not inline markup: the server-rendered SVG cannot run as part of the page. */}
                    <img
                      id="two-factor-qr"
                      tabindex="-1"
                      class="qr-code"
                      alt={t('twoFactor.qrAlt')}
                      src={`data:image/svg+xml;base64,${btoa(en().qrSvg)}`}
                    />
                    <dl class="facts">
                      <dt>{t('twoFactor.secret')}</dt>
                      <dd class="secret-text" data-testid="totp-secret">
                        {en()
                          .secret.replace(/(.{4})/g, '$1 ')
                          .trim()}
                      </dd>
                    </dl>
                    <Show when={confirm.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
                    <TextField
                      label={t('twoFactor.confirmCode')}
                      name="code"
                      autocomplete="one-time-code"
                      inputmode="numeric"
                      required
                      value={code()}
                      onInput={(e) => setCode(e.currentTarget.value)}
                      error={confirm.field('code')}
                    />
                    <Button type="submit" variant="primary" busy={confirm.busy()}>
                      {t('twoFactor.confirm')}
                    </Button>
                  </form>
                )}
              </Show>
            </>
          }
        >
          <Alert kind="ok">{t('twoFactor.on', { count: state()?.recoveryCodesLeft ?? 0 })}</Alert>
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void renew.run();
            }}
            novalidate
          >
            <h3 class="utrecht-heading-3">{t('twoFactor.renew')}</h3>
            <Show when={renew.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
            <TextField
              label={t('twoFactor.confirmCode')}
              description={t('twoFactor.renewHint')}
              autocomplete="one-time-code"
              inputmode="numeric"
              value={renewCode()}
              onInput={(e) => setRenewCode(e.currentTarget.value)}
              error={renew.field('code')}
            />
            <Button type="submit" busy={renew.busy()}>
              {t('twoFactor.renew')}
            </Button>
          </form>
          <Show when={!state()?.required} fallback={<p class="utrecht-paragraph muted">{t('twoFactor.requiredByTeam')}</p>}>
            <form
              class="stack"
              onSubmit={(e) => {
                e.preventDefault();
                void disable.run();
              }}
              novalidate
            >
              <h3 class="utrecht-heading-3">{t('twoFactor.disable')}</h3>
              <Show when={disable.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
              <TextField
                label={t('twoFactor.disablePassword')}
                type="password"
                autocomplete="current-password"
                value={password()}
                onInput={(e) => setPassword(e.currentTarget.value)}
                error={disable.field('password')}
              />
              <Button type="submit" variant="danger" busy={disable.busy()}>
                {t('twoFactor.disable')}
              </Button>
            </form>
          </Show>
        </Show>
      </Show>
    </div>
  );
}
