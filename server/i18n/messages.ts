// Error messages the server sends, in the caller's language. Keys are stable so the client and
// tests can rely on them (`error.data.key`); the text is for people.
import { coreMessages } from './core';
import { casesMessages } from './cases';
import { controlsMessages } from './controls';
import { minutesMessages } from './minutes';
import { meetingsMessages } from './meetings';
import { accountSecurityMessages } from './account-security';
import { securityMessages } from './security';
import { retentionBreachesMessages } from './retention-breaches';
import { covenantsMessages } from './covenants';
import { auditMessages } from './audit';
import { dataSubjectRightsMessages } from './data-subject-rights';
import { correctionsMessages } from './corrections';
import { notificationsMessages } from './notifications';
import { partnersMessages } from './partners';

export type Locale = 'nl' | 'en';
export type Catalog = Record<string, Record<Locale, string>>;

// Each domain keeps its messages in its own catalog file next to this one; they are merged here.
const messages = {
  ...coreMessages,
  ...casesMessages,
  ...controlsMessages,
  ...minutesMessages,
  ...meetingsMessages,
  ...accountSecurityMessages,
  ...securityMessages,
  ...retentionBreachesMessages,
  ...covenantsMessages,
  ...auditMessages,
  ...dataSubjectRightsMessages,
  ...correctionsMessages,
  ...notificationsMessages,
  ...partnersMessages,
};

export type MessageKey = keyof typeof messages;
/** A param is a value, or text already worded per language (e.g. a library's own feedback). */
export type MessageParams = Record<string, string | number | Record<Locale, string>>;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(messages, key);
}

/** Calendar days in params are shown the way the reader writes them: 25-01-2027 or 25 Jan 2027. */
function formatParam(value: string | number | Record<Locale, string>, locale: Locale): string {
  if (typeof value === 'object') return value[locale];
  const text = String(value);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!day) return text;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 12));
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    day: '2-digit',
    month: locale === 'nl' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function translate(key: MessageKey, locale: Locale, params: MessageParams = {}): string {
  return messages[key][locale].replace(/\{(\w+)\}/g, (_, name: string) =>
    name in params ? formatParam(params[name]!, locale) : `{${name}}`,
  );
}

export function localeFrom(header: string | undefined | null): Locale {
  if (!header) return 'nl';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'nl';
}
