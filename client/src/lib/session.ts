// Who is logged in. One resource for the whole app; pages read `me()` and `hasRole()`.
import { createResource, createRoot } from 'solid-js';
import { api, isUnauthorized } from './trpc';
import { changeLocale, loadPageTexts } from '../i18n';

type Me = Awaited<ReturnType<typeof api.auth.me.query>>;
export type Role = Me['role'];

async function fetchMe(): Promise<Me | null> {
  try {
    // Opened on an app page (not sign-in or activation): the pages' texts load alongside.
    const signingIn = ['/inloggen', '/activeren'].includes(window.location.pathname);
    if (!signingIn) loadPageTexts().catch(() => undefined);
    const me = await api.auth.me.query();
    // The shell behind the login (menu, banners, dashboard) speaks the pages' dictionaries: the
    // user arrives with them, in the user's own language.
    if (me.locale === 'nl' || me.locale === 'en') await changeLocale(me.locale).catch(() => undefined);
    await loadPageTexts();
    return me;
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

const session = createRoot(() => {
  const [me, { refetch, mutate }] = createResource(fetchMe);
  return { me, refetch, mutate };
});

export const me = session.me;
export const refreshSession = () => session.refetch();

export function hasRole(...roles: Role[]): boolean {
  const user = me();
  return Boolean(user && roles.includes(user.role));
}

export async function logout() {
  try {
    await api.auth.logout.mutate();
  } finally {
    session.mutate(null);
  }
}
