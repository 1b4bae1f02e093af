// All dates are stored as UTC ISO strings and shown in Europe/Amsterdam (STYLE §10).
export const TIME_ZONE = 'Europe/Amsterdam';

export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Amsterdam calendar day of an instant, as YYYY-MM-DD. */
export function amsterdamDate(at: Date): string {
  return dayFormat.format(at);
}

/** Adds whole calendar months to a YYYY-MM-DD date (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/**
 * The UTC instant of a wall-clock time in Amsterdam, e.g. 09:30 on 2026-03-31 → 07:30Z (summer
 * time). Two passes settle the offset around DST changes.
 */
export function amsterdamToUtc(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

// Formatters are costly to build (about a millisecond each); build them once.
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function offsetMinutes(at: Date): number {
  const parts = offsetFormat.formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** Amsterdam wall-clock date and time (HH:MM) of an instant. */
export function amsterdamWallClock(at: Date): { date: string; time: string } {
  const time = timeFormat.format(at);
  return { date: amsterdamDate(at), time };
}
