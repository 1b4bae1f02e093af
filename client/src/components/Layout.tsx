// The page frame: skip link, header with team and user, the role's navigation, and the login gate.
import { A, Navigate, useLocation, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, Match, on, onCleanup, Show, Switch } from 'solid-js';
import { hasRole, logout, me } from '../lib/session';
import { pageTitle } from '../lib/page-title';
import { locale, setLocale, t } from '../i18n';
import { navItems } from '../routes';
import { api } from '../lib/trpc';
import { Alert, Button } from './Form';

// Drawn only behind the login, so not in the entry the login page waits for (issue 12).
const TwoFactor = lazy(() => import('../pages/team/TwoFactor'));
const BreachBanner = lazy(() => import('../pages/privacy/BreachBanner'));
const CovenantBanner = lazy(() => import('./CovenantBanner'));

export default function Layout(props: RouteSectionProps) {
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = createSignal(false);
  let menuButton: HTMLButtonElement | undefined;
  // The tab names the page (WCAG 2.4.2), in the chosen language.
  createEffect(() => {
    document.title = pageTitle(location.pathname);
  });
  // After an in-app navigation focus moves to the new page's heading, so screen readers announce
  // it and keyboard users start at the top of the content (not on the first load: the browser
  // starts there anyway). Pages load lazily and some draw their h1 after their data arrive.
  let navigation = 0;
  createEffect(
    on(
      () => location.pathname,
      (_path, previous) => {
        setMenuOpen(false);
        const token = ++navigation;
        if (previous === undefined) return;
        const oldHeading = document.querySelector('main h1');
        const trigger = document.activeElement;
        const deadline = Date.now() + 3000;
        const attempt = () => {
          if (token !== navigation) return;
          const heading = document.querySelector<HTMLElement>('main h1');
          const fresh = heading && (heading !== oldHeading || !oldHeading.isConnected);
          if (heading && (fresh || Date.now() > deadline)) {
            // Never take focus from something the user went to in the meantime.
            const active = document.activeElement;
            if (active === trigger || active === document.body || active === null || active?.id === 'main' || !active.isConnected) {
              if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
              heading.focus({ preventScroll: true });
            }
            return;
          }
          if (Date.now() <= deadline) requestAnimationFrame(attempt);
        };
        requestAnimationFrame(attempt);
      },
    ),
  );
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && menuOpen()) {
      setMenuOpen(false);
      menuButton?.focus();
    }
  };
  document.addEventListener('keydown', closeOnEscape);
  onCleanup(() => document.removeEventListener('keydown', closeOnEscape));
  const doLogout = async () => {
    await logout();
    navigate('/inloggen', { replace: true });
  };
  const switchLocale = (next: 'nl' | 'en') => {
    setLocale(next);
    if (me()) void api.auth.setLocale.mutate({ locale: next }).catch(() => undefined);
  };
  return (
    <div class="app">
      <a class="skip-link utrecht-link" href="#main">
        {t('app.skip')}
      </a>
      <header class="app-header" classList={{ 'is-menu-open': menuOpen() }}>
        <div class="app-header__inner">
          <A href="/" class="app-brand">
            {t('app.name')}
          </A>
          {/* On a phone the menu, the user and the language fold behind one button (issue 9 item 12). */}
          <button
            type="button"
            class="app-menu-button"
            ref={menuButton}
            aria-expanded={menuOpen()}
            aria-controls={me() ? 'app-menu app-nav-list' : 'app-menu'}
            onClick={() => setMenuOpen(!menuOpen())}
          >
            <span aria-hidden="true" class="app-menu-button__icon">
              {menuOpen() ? '✕' : '☰'}
            </span>{' '}
            {t('app.menu')}
          </button>
          <div class="app-header__meta" id="app-menu">
            <Show when={me()}>
              {(user) => (
                <>
                  <A href="/profiel" class="utrecht-link">
                    {user().name}
                  </A>
                  <A href="/datalek-melden" class="utrecht-link">
                    {t('breaches.report')}
                  </A>
                  <button type="button" class="app-header__logout" onClick={() => void doLogout()}>
                    {t('logout')}
                  </button>
                </>
              )}
            </Show>
            <div class="lang-switch" role="group" aria-label={t('app.language')}>
              <button
                type="button"
                class="lang-switch__button"
                aria-pressed={locale() === 'nl'}
                onClick={() => switchLocale('nl')}
                lang="nl"
              >
                NL
              </button>
              <button
                type="button"
                class="lang-switch__button"
                aria-pressed={locale() === 'en'}
                onClick={() => switchLocale('en')}
                lang="en"
              >
                EN
              </button>
            </div>
          </div>
        </div>
        <Show when={me() && !(me()?.twoFactor.required && !me()?.twoFactor.enabled)}>
          <nav class="app-nav" aria-label={t('app.mainNav')}>
            <ul class="app-nav__list" id="app-nav-list">
              <For each={navItems.filter((item) => hasRole(...item.roles))}>
                {(item) => (
                  <li>
                    <A href={item.href} end={item.end} class="app-nav__link" activeClass="app-nav__link--current">
                      {t(item.label)}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </nav>
        </Show>
      </header>
      <main id="main" class="app-main" tabindex="-1">
        <Switch>
          {/* Sign-in and activation draw at once; the session check runs alongside (issue 12). */}
          <Match when={location.pathname === '/inloggen' || location.pathname === '/activeren'}>{props.children}</Match>
          <Match when={me.state === 'errored'}>
            <Alert kind="error">{t('app.networkError')}</Alert>
          </Match>
          <Match when={me.loading && me() === undefined}>
            <p class="utrecht-paragraph" role="status">
              {t('app.loading')}
            </p>
          </Match>
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
            <Show
              when={me()?.twoFactor.applies && !me()?.twoFactor.enabled && !me()?.twoFactor.required && location.pathname !== '/profiel'}
            >
              <div class="notice two-factor-banner" role="note">
                {t('twoFactor.demoBanner')}{' '}
                <A class="utrecht-link" href="/profiel">
                  {t('twoFactor.demoBannerLink')}
                </A>
              </div>
            </Show>
            <BreachBanner />
            <CovenantBanner />
            {props.children}
          </Match>
        </Switch>
      </main>
    </div>
  );
}
