// The page frame: skip link, header with team and user, the role's navigation, and the login gate.
import { A, Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { createEffect, For, Match, Show, Switch } from 'solid-js';
import { hasRole, logout, me } from '../lib/session';
import { locale, setLocale, t } from '../i18n';
import { navItems } from '../routes';
import { api } from '../lib/trpc';
import { Alert, Button } from './Form';
import TwoFactor from '../pages/team/TwoFactor';

export default function Layout(props: RouteSectionProps) {
  const location = useLocation();
  // Move focus to the main heading after navigation, so screen readers announce the new page.
  createEffect(() => {
    location.pathname;
    queueMicrotask(() => document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true }));
  });
  const switchLocale = (next: 'nl' | 'en') => {
    setLocale(next);
    if (me()) void api.auth.setLocale.mutate({ locale: next }).catch(() => undefined);
  };
  return (
    <div class="app">
      <a class="skip-link utrecht-link" href="#main">{t('app.skip')}</a>
      <header class="app-header">
        <div class="app-header__inner">
          <A href="/" class="app-brand">{t('app.name')}</A>
          <div class="app-header__meta">
            <Show when={me()}>{(user) => <A href="/profiel" class="utrecht-link">{user().name}</A>}</Show>
            <div class="lang-switch" role="group" aria-label={t('app.language')}>
              <button type="button" class="lang-switch__button" aria-pressed={locale() === 'nl'} onClick={() => switchLocale('nl')} lang="nl">NL</button>
              <button type="button" class="lang-switch__button" aria-pressed={locale() === 'en'} onClick={() => switchLocale('en')} lang="en">EN</button>
            </div>
          </div>
        </div>
        <Show when={me() && !(me()?.twoFactor.required && !me()?.twoFactor.enabled)}>
          <nav class="app-nav" aria-label={t('app.mainNav')}>
            <ul class="app-nav__list">
              <For each={navItems.filter((item) => hasRole(...item.roles))}>
                {(item) => (
                  <li><A href={item.href} end={item.end} class="app-nav__link" activeClass="app-nav__link--current">{t(item.label)}</A></li>
                )}
              </For>
            </ul>
          </nav>
        </Show>
      </header>
      <main id="main" class="app-main" tabindex="-1">
        <Switch>
          <Match when={me.error}>
            <Alert kind="error">{t('app.networkError')}</Alert>
          </Match>
          <Match when={me.loading && me() === undefined}>
            <p class="utrecht-paragraph" role="status">{t('app.loading')}</p>
          </Match>
          <Match when={location.pathname === '/inloggen' || location.pathname === '/activeren'}>{props.children}</Match>
          <Match when={me() === null}>
            <Navigate href={`/inloggen?terug=${encodeURIComponent(location.pathname + location.search)}`} />
          </Match>
          {/* BIO 23.1a: the team requires 2FA and the account has none: enrolling is all there is (the server enforces it too). */}
          <Match when={me()?.twoFactor.required && !me()?.twoFactor.enabled}>
            <div class="stack">
              <TwoFactor headingLevel={1} />
              <Button onClick={() => void logout()}>{t('logout')}</Button>
            </div>
          </Match>
          <Match when={me()}>
            <Show when={me()?.twoFactor.applies && !me()?.twoFactor.enabled && !me()?.twoFactor.required && location.pathname !== '/profiel'}>
              <div class="notice two-factor-banner" role="note">
                {t('twoFactor.demoBanner')} <A class="utrecht-link" href="/profiel">{t('twoFactor.demoBannerLink')}</A>
              </div>
            </Show>
            {props.children}
          </Match>
        </Switch>
      </main>
    </div>
  );
}
