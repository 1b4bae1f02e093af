// The UI's language: Dutch by default, English on request. Each domain keeps its texts in its own
// dictionary file next to this one; they are merged here so keys are checked at compile time.
import { createSignal } from 'solid-js';
import { coreText } from './core';
import { casesText } from './cases';
import { reportsText } from './reports';
import { minutesText } from './minutes';
import { meetingsText } from './meetings';
import { privacyText } from './privacy';
import { accountText } from './account';
import { securityText } from './security';
import { recordText } from './record';
import { formsText } from './forms';
import { breachesText } from './breaches';
import { covenantsText } from './covenants';
import { fgText } from './fg';
import { correctionsText } from './corrections';
import { notifyText } from './notify';
import { partnersText } from './partners';

export type Locale = 'nl' | 'en';
export type Dictionary = Record<string, { nl: string; en: string }>;

const text = { ...coreText, ...casesText, ...reportsText, ...minutesText, ...meetingsText, ...privacyText, ...accountText, ...securityText, ...recordText, ...formsText, ...breachesText, ...covenantsText, ...fgText, ...correctionsText, ...notifyText, ...partnersText };
export type TextKey = keyof typeof text;

const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem('overleg.locale');
const [locale, setLocaleSignal] = createSignal<Locale>(stored === 'en' ? 'en' : 'nl');
export { locale };

export function setLocale(next: Locale) {
  setLocaleSignal(next);
  localStorage.setItem('overleg.locale', next);
  document.documentElement.lang = next;
}
if (typeof document !== 'undefined') document.documentElement.lang = locale();

export function hasText(key: string): key is TextKey {
  return Object.prototype.hasOwnProperty.call(text, key);
}

export function t(key: TextKey, params: Record<string, string | number> = {}): string {
  return text[key][locale()].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

// Date display lives in one place, lib/dates.ts; re-exported for the pages that import it from here.
export { formatDay, formatDateTime, formatDate, today } from '../lib/dates';
