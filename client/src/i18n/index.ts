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

export type Locale = 'nl' | 'en';
export type Dictionary = Record<string, { nl: string; en: string }>;

const text = { ...coreText, ...casesText, ...reportsText, ...minutesText, ...meetingsText, ...privacyText, ...accountText, ...securityText, ...recordText };
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

const zone = 'Europe/Amsterdam';
const tag = () => (locale() === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar day stored as YYYY-MM-DD, e.g. "25 november 2026". */
export function formatDay(day: string | null | undefined, style: 'long' | 'short' = 'short'): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!, 12));
  return new Intl.DateTimeFormat(tag(), style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant stored as UTC ISO, shown in Amsterdam time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tag(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: zone }).format(new Date(iso));
}

/** Today's calendar day in Amsterdam, as YYYY-MM-DD. */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}
