// How one Logboek entry's details are worded: the server resolved every id into a name or code
// (audit.list `facts`); here codes become words. Betrokkenen are lettered, never named (P7).
import type { api } from '../../../lib/trpc';
import { categoryLabel, kindLabel, roleLabel } from '../../../lib/labels';
import { formatDay, locale, t } from '../../../i18n';
import { label } from './actions';

export type AuditPage = Awaited<ReturnType<typeof api.audit.list.query>>;
export type AuditEntry = AuditPage['items'][number];
type Fact = AuditEntry['facts'][number];

export function factValue(f: Fact): string {
  switch (f.type) {
    case 'categories':
      return f.value.map(categoryLabel).join(', ');
    case 'category':
      return categoryLabel(f.value);
    case 'names':
      return f.value.join(', ');
    case 'fields':
      return f.value.map((x) => label(`changes.field.${x}`, t('audit.unknown'))).join(', ');
    case 'role':
      return roleLabel(f.value);
    case 'kind':
      return kindLabel(f.value);
    case 'label':
      return f.value[locale()];
    case 'yesNo':
      return f.value ? t('app.yes') : t('app.no');
    case 'count':
      return String(f.value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? formatDay(f.value, 'long') : t('audit.unknown');
    case 'name':
      return f.value === '—' ? t('audit.unknown') : f.value;
    case 'code':
      return label(`audit.value.${f.key}.${f.value}`, t('audit.unknown'));
    case 'text':
      return f.value;
  }
}

export const factLabel = (f: Fact) => label(`audit.detail.${f.key}`, f.key);

/** Betrokkenen of one entry are lettered A, B, … — never numbered like ids, never named. */
export const letter = (i: number) => String.fromCharCode(65 + (i % 26)) + (i >= 26 ? String(Math.floor(i / 26)) : '');
