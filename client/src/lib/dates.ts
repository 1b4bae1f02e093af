// The one home of date and time code in the client (issue 12): display, HH:MM, form inputs and
// day arithmetic. Every day shows as dd-mm-jjjj (English: dd/mm/yyyy) unless a heading asks for
// the long form, every instant in Amsterdam time — birth dates included. Dates travel as
// YYYY-MM-DD (a calendar day) or UTC ISO (an instant), see STYLE §10.
import { locale } from '../i18n';

const zone = 'Europe/Amsterdam';
const tag = () => (locale() === 'nl' ? 'nl-NL' : 'en-GB');

/** A calendar day stored as YYYY-MM-DD: "14-02-1990", or in the long form "14 februari 1990". */
export function formatDay(day: string | null | undefined, style: 'long' | 'short' = 'short'): string {
  if (!day) return '';
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d, 12));
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(
    tag(),
    style === 'long'
      ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
      : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' },
  ).format(date);
}

/** An instant stored as UTC ISO, shown in Amsterdam time: "8 december 2026 om 09:30". */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Intl.DateTimeFormat(tag(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone,
  }).format(new Date(iso));
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

const pad = (n: number) => String(n).padStart(2, '0');

function offsetMinutes(at: Date): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The UTC ISO instant of an Amsterdam date (YYYY-MM-DD) and time (HH:MM). */
export function amsterdamToIso(date: string, time: string): string {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess).toISOString();
}

/** Amsterdam date (YYYY-MM-DD) and time (HH:MM) of an instant. */
export function amsterdamParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  return { date, time: formatTime(iso) };
}

/** The Amsterdam wall-clock time of an instant, HH:MM. */
export function formatTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/** A running time in seconds as m:ss (the chair's timer). */
export const formatElapsed = (seconds: number) => `${Math.floor(seconds / 60)}:${pad(seconds % 60)}`;

// <input type="datetime-local"> speaks the browser's wall clock; the server wants ISO instants.
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}

/** The last calendar day of a month `yyyy-mm`. */
export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(new Date(Date.UTC(y!, m, 0)).getUTCDate())}`;
}

/** A calendar day plus whole months, YYYY-MM-DD. */
export function addMonths(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}
