// Helpers shared by the overleg pages: labels, Amsterdam wall-clock conversion, section order.
import { t, type TextKey } from '../../i18n';
import type { api } from '../../lib/trpc';
import './meetings.css';
import { agendaSections as sections, type AgendaSection as Section } from '../../../../db/schema/enums';

export type Meeting = Awaited<ReturnType<typeof api.meetings.get.query>>;
export type AgendaItem = Meeting['agenda'][number];
export type MeetingSummary = Awaited<ReturnType<typeof api.meetings.list.query>>['upcoming'][number];

export { sections, type Section };

export const meetingStatusLabel = (s: string) => t(`meeting.status.${s}` as TextKey);
export const sectionLabel = (s: string) => t(`agenda.section.${s}` as TextKey);
export const attendanceLabel = (s: string) => t(`attendance.status.${s}` as TextKey);
export const agendaStateLabel = (s: string) => t(`agenda.state.${s}` as TextKey);
export const minutesStatusLabel = (s: string) => t(`minutes.status.${s}` as TextKey);
export const statusTone = (s: string) => (s === 'bezig' ? 'warning' : s === 'gesloten' ? 'ok' : s === 'concept' ? 'neutral' : 'neutral');

/** Items grouped by section in template order (only sections that have items, unless `all`). */
export function bySection<T extends { section: string }>(items: T[], all = false): { section: Section; items: T[] }[] {
  return sections
    .map((section) => ({ section, items: items.filter((i) => i.section === section) }))
    .filter((g) => all || g.items.length > 0);
}

export const minutesText = (n: number) => t('agenda.minutes', { n });
