// Error messages the server sends, in the caller's language. Keys are stable so the client and
// tests can rely on them (`error.data.key`); the text is for people.
import { coreMessages } from './core';
import { casesMessages } from './cases';
import { minutesMessages } from './minutes';
import { meetingsMessages } from './meetings';

export type Locale = 'nl' | 'en';
export type Catalog = Record<string, Record<Locale, string>>;

// Each domain keeps its messages in its own catalog file next to this one; they are merged here.
const messages = { ...coreMessages, ...casesMessages, ...minutesMessages, ...meetingsMessages };

export type MessageKey = keyof typeof messages;
export type MessageParams = Record<string, string | number>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

export function translate(key: MessageKey, locale: Locale, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function localeFrom(header: string | undefined | null): Locale {
  if (!header) return 'nl';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
