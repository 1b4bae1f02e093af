// Helpers shared by the overleg pages: labels, Amsterdam wall-clock conversion, section order.
import { t, type TextKey } from '../../i18n';
import type { api } from '../../lib/trpc';
import './meetings.css';

export type Meeting = Awaited<ReturnType<typeof api.meetings.get.query>>;
export type AgendaItem = Meeting['agenda'][number];
export type MeetingSummary = Awaited<ReturnType<typeof api.meetings.list.query>>['upcoming'][number];

export const sections = ['opening', 'verslag', 'nieuwe_casussen', 'lopende_casussen', 'controles', 'themas', 'rondvraag', 'sluiting'] as const;
export type Section = (typeof sections)[number];

export const meetingStatusLabel = (s: string) => t(`meeting.status.${s}` as TextKey);
export const sectionLabel = (s: string) => t(`agenda.section.${s}` as TextKey);
export const attendanceLabel = (s: string) => t(`attendance.status.${s}` as TextKey);
export const agendaStateLabel = (s: string) => t(`agenda.state.${s}` as TextKey);
export const minutesStatusLabel = (s: string) => t(`minutes.status.${s}` as TextKey);
export const statusTone = (s: string) => (s === 'bezig' ? 'warning' : s === 'gesloten' ? 'ok' : s === 'concept' ? 'neutral' : 'neutral') as 'warning' | 'ok' | 'neutral';

const zone = 'Europe/Amsterdam';

function offsetMinutes(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
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

/** Amsterdam date and time (HH:MM) of an instant. */
export function amsterdamParts(iso: string): { date: string; time: string } {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return { date, time };
}

/** Items grouped by section in template order (only sections that have items, unless `all`). */
export function bySection<T extends { section: string }>(items: T[], all = false): { section: Section; items: T[] }[] {
  return sections.map((section) => ({ section, items: items.filter((i) => i.section === section) })).filter((g) => all || g.items.length > 0);
}

export const minutesText = (n: number) => t('agenda.minutes', { n });
