/**
 * Amsterdam calendar days and wall-clock times (STYLE §10: dates are stored as UTC ISO strings or
 * YYYY-MM-DD days and shown in Europe/Amsterdam). Pure and dependency-free — only the built-in
 * Intl — so the server and the client use the same code (server/shared/, issue 12).
 */
export const TIME_ZONE = 'Europe/Amsterdam';

// Formatters are costly to build (about a millisecond each); build them once.
const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

// Since 1970 Amsterdam is a whole number of hours ahead of UTC (CET/CEST, switching on the hour),
// so every instant of one UTC hour falls on the same Amsterdam day: a report turns thousands of
// timestamps into days, and formatting each was a tenth of its time (issue 12). Bounded.
const dayByUtcHour = new Map<number, string>();

/** The Amsterdam calendar day of an instant, as YYYY-MM-DD. */
export function amsterdamDate(at: Date): string {
  const ms = at.getTime();
  if (!(ms >= 0)) return dayFormat.format(at);
  const hour = Math.floor(ms / 3_600_000);
  let day = dayByUtcHour.get(hour);
  if (day === undefined) {
    if (dayByUtcHour.size >= 20_000) dayByUtcHour.clear();
    dayByUtcHour.set(hour, (day = dayFormat.format(at)));
  }
  return day;
}

/** The Amsterdam wall-clock time of an instant, as HH:MM (24 hours). */
export function amsterdamTime(at: Date): string {
  return timeFormat.format(at);
}

/** Amsterdam wall-clock date and time (HH:MM) of an instant. */
export function amsterdamWallClock(at: Date): { date: string; time: string } {
  return { date: amsterdamDate(at), time: amsterdamTime(at) };
}

function offsetMinutes(at: Date): number {
  const name = offsetFormat.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The UTC instant of a wall-clock time (HH:MM) in Amsterdam, e.g. 09:30 on 2026-03-31 → 07:30Z
 * (summer time). Two passes settle the offset around DST changes.
 */
export function amsterdamToUtc(date: string, time: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  let guess = wall;
  for (let i = 0; i < 2; i++) guess = wall - offsetMinutes(new Date(guess)) * 60_000;
  return new Date(guess);
}

/** Adds whole calendar months to a YYYY-MM-DD date (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Adds (or with a negative number subtracts) calendar days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}
