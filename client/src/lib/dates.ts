// The one home of date display in the client. Every day shows as dd-mm-jjjj (English: dd/mm/yyyy)
// unless a heading asks for the long form, every instant in Amsterdam time — birth dates included.
// Dates travel as YYYY-MM-DD (a calendar day) or UTC ISO (an instant), see STYLE §10.
import { locale } from '../i18n';

const zone = 'Europe/Amsterdam';
const tag = () => (locale() === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar day stored as YYYY-MM-DD: "14-02-1990", or in the long form "14 februari 1990". */
export function formatDay(day: string | null | undefined, style: 'long' | 'short' = 'short'): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!, 12));
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(tag(), style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An instant stored as UTC ISO, shown in Amsterdam time: "8 december 2026 om 09:30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tag(), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** The Amsterdam day of an instant, dd-mm-jjjj. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tag(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: zone }).format(new Date(iso));
}

/** Today's calendar day in Amsterdam (plus `offsetDays`), as YYYY-MM-DD. */
export function today(offsetDays = 0): string {
  const d = new Date(Date.now() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** A personal data item's value as shown: a birth date like every other date, the rest as stored. */
export function formatItemValue(category: string, value: string): string {
  return category === 'geboortedatum' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDay(value) : value;
}
