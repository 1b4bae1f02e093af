import { createSignal, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import { api } from '../../lib/trpc';
import { createAction } from '../../lib/action';
import { logout, me } from '../../lib/session';
import { roleLabel } from '../../lib/labels';
import { locale, setLocale, t } from '../../i18n';
import { Alert, Button, SelectField, TextField } from '../../components/Form';
import TwoFactor from './TwoFactor';
import Sessions from './Sessions';
import Notifications from './Notifications';

export default function Profile() {
  const navigate = useNavigate();
  const [current, setCurrent] = createSignal('');
  const [next, setNext] = createSignal('');
  const [done, setDone] = createSignal(false);
  const change = createAction(async () => {
    await api.auth.changePassword.mutate({ currentPassword: current(), newPassword: next() });
    setCurrent('');
    setNext('');
    setDone(true);
  });
  const chooseLocale = async (value: string) => {
    const next = value === 'en' ? 'en' : 'nl';
    setLocale(next);
    await api.auth.setLocale.mutate({ locale: next }).catch(() => undefined);
  };
  const doLogout = async () => {
    await logout();
    navigate('/inloggen', { replace: true });
  };
  return (
    <section class="stack">
      <h1 class="utrecht-heading-1" tabindex="-1">
        {t('profile.title')}
      </h1>
      <Show when={me()}>
        {(user) => (
          <dl class="facts">
            <dt>{t('team.memberName')}</dt>
            <dd>{user().name}</dd>
            <dt>{t('team.memberEmail')}</dt>
            <dd>{user().email}</dd>
            <dt>{t('team.memberRole')}</dt>
            <dd>{roleLabel(user().role)}</dd>
          </dl>
        )}
      </Show>
      <SelectField
        label={t('profile.language')}
        value={locale()}
        onChange={(e) => void chooseLocale(e.currentTarget.value)}
        options={[
          { value: 'nl', label: 'Nederlands' },
          { value: 'en', label: 'English' },
        ]}
      />
      <form
        class="card stack"
        onSubmit={(e) => {
          e.preventDefault();
          setDone(false);
          void change.run();
        }}
      >
        <h2 class="utrecht-heading-2">{t('profile.changePassword')}</h2>
        <Show when={change.error()}>{(m) => <Alert kind="error">{m()}</Alert>}</Show>
        <Show when={done()}>
          <Alert kind="ok">{t('profile.passwordChanged')}</Alert>
        </Show>
        <TextField
          label={t('profile.currentPassword')}
          type="password"
          autocomplete="current-password"
          value={current()}
          onInput={(e) => setCurrent(e.currentTarget.value)}
          error={change.field('currentPassword')}
        />
        <TextField
          label={t('profile.newPassword')}
          type="password"
          autocomplete="new-password"
          description={t('password.hint')}
          value={next()}
          onInput={(e) => setNext(e.currentTarget.value)}
          error={change.field('newPassword')}
        />
        <Button type="submit" busy={change.busy()}>
          {t('profile.changePassword')}
        </Button>
      </form>
      <Notifications />
      <TwoFactor />
      <Sessions />
      <Button variant="primary" onClick={() => void doLogout()}>
        {t('logout')}
      </Button>
    </section>
  );
}
