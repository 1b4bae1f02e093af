// The UI's language: Dutch by default, English on request. Each domain keeps its texts in its own
// dictionary file next to this one (both languages side by side); their types are merged here so
// keys are checked at compile time. At run time only what the screen needs travels (issue 12): the
// build reduces a dictionary module to one language (`?locale=nl`, vite.config.ts localeTexts);
// the entry carries the Dutch login texts (./shell.ts), the pages' dictionaries (./pages.ts) come
// with the first lazy page or the session, and English is fetched when someone chooses it.
import { createSignal, untrack } from 'solid-js';
import shellNl from './shell?locale=nl';
import type { coreText } from './core';
import type { casesText } from './cases';
import type { reportsText } from './reports';
import type { minutesText } from './minutes';
import type { meetingsText } from './meetings';
import type { privacyText } from './privacy';
import type { accountText } from './account';
import type { securityText } from './security';
import type { recordText } from './record';
import type { formsText } from './forms';
import type { breachesText } from './breaches';
import type { covenantsText } from './covenants';
import type { fgText } from './fg';
import type { correctionsText } from './corrections';
import type { notifyText } from './notify';
import type { partnersText } from './partners';

export type Locale = 'nl' | 'en';
export type Dictionary = Record<string, { nl: string; en: string }>;

type AllTexts = typeof coreText &
  typeof casesText &
  typeof reportsText &
  typeof minutesText &
  typeof meetingsText &
  typeof privacyText &
  typeof accountText &
  typeof securityText &
  typeof recordText &
  typeof formsText &
  typeof breachesText &
  typeof covenantsText &
  typeof fgText &
  typeof correctionsText &
  typeof notifyText &
  typeof partnersText;
export type TextKey = keyof AllTexts;

type Texts = Record<string, string>;
type Part = 'shell' | 'pages';
const loaders: Record<Part, Record<Locale, () => Promise<Texts>>> = {
  shell: { nl: () => Promise.resolve(shellNl), en: () => import('./shell?locale=en').then((m) => m.default) },
  pages: { nl: () => import('./pages?locale=nl').then((m) => m.default), en: () => import('./pages?locale=en').then((m) => m.default) },
};
const strings: Record<Locale, Texts> = { nl: { ...shellNl }, en: {} };
const loading = new Map<string, Promise<void>>([['shell:nl', Promise.resolve()]]);
// Bumped when strings arrive, so a text drawn before its dictionary came is drawn again.
const [version, setVersion] = createSignal(0);
let pagesWanted = false;

function load(part: Part, lang: Locale): Promise<void> {
  const id = `${part}:${lang}`;
  let pending = loading.get(id);
  if (!pending) {
    pending = loaders[part][lang]().then((texts) => {
      Object.assign(strings[lang], texts);
      setVersion((v) => v + 1);
    });
    // A failed fetch (network) may be retried by the next call.
    pending.catch(() => loading.delete(id));
    loading.set(id, pending);
  }
  return pending;
}

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('overleg.locale');
const [locale, setLocaleSignal] = createSignal<Locale>(stored === 'en' ? 'en' : 'nl');
export { locale };

/** Resolves when the first screen's texts in the chosen language are here (main.tsx waits). */
export const textsReady: Promise<void> = load('shell', untrack(locale));

/** The pages' dictionaries in the current language; lazy pages and the session wait for them. */
export function loadPageTexts(): Promise<void> {
  pagesWanted = true;
  return load('pages', untrack(locale));
}

/** Switches once the language's texts are here, so nothing flashes half translated. */
export async function changeLocale(next: Locale): Promise<void> {
  await Promise.all([load('shell', next), pagesWanted ? load('pages', next) : undefined]);
  setLocaleSignal(next);
  localStorage.setItem('overleg.locale', next);
  document.documentElement.lang = next;
}

export function setLocale(next: Locale) {
  // Offline: the page stays in the language it has.
  changeLocale(next).catch(() => undefined);
}
if (typeof document !== 'undefined') document.documentElement.lang = untrack(locale);

export function hasText(key: string): key is TextKey {
  version();
  return Object.prototype.hasOwnProperty.call(strings[locale()], key);
}

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  version();
  const text = strings[locale()][key];
  if (text === undefined) {
    // A shell component showing a page's text before the pages' dictionary came: fetch it; the
    // text appears when it arrives (version).
    loadPageTexts().catch(() => undefined);
    return '';
  }
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

// Date display lives in one place, lib/dates.ts; re-exported for the pages that import it from here.
export { formatDay, formatDateTime, formatDate, today } from '../lib/dates';
