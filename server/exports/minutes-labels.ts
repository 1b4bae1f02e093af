// The fixed words of an exported verslag, in the reader's language (Dutch first).
import type { AgendaSection, ItemCategory } from '../../db/schema';
import type { Locale } from '../i18n/messages';
import { TIME_ZONE } from '../clock';
import type { MinutesView } from '../domain/minutes-view';

const nl = {
  document: 'Verslag',
  status: { concept: 'Concept', definitief: 'Definitief', vastgesteld: 'Vastgesteld' },
  approvedIn: 'Vastgesteld in het overleg van {date}',
  date: 'Datum',
  time: 'Tijd',
  place: 'Plaats',
  link: 'Videoverbinding',
  chair: 'Voorzitter',
  attendance: 'Aanwezigheid',
  partner: 'Partner',
  presence: 'Aanwezig',
  attendees: 'Namens de partner',
  attendanceStatus: { aanwezig: 'aanwezig', afwezig: 'afwezig', afgemeld: 'afgemeld', unknown: 'niet geregistreerd' },
  agenda: 'Agendapunten',
  notes: 'Aantekeningen',
  decisions: 'Besluiten',
  presenter: 'Inbreng',
  intro: 'Inleiding',
  closing: 'Afsluiting',
  panden: 'Werkafspraken per pand',
  noAgreements: 'Geen werkafspraken vastgelegd.',
  responsible: 'eindverantwoordelijk',
  subjects: 'Betrokkenen',
  subjectKind: { person: 'Persoon', company: 'Bedrijf' },
  source: 'bron',
  actions: 'Actielijst',
  carriedOver: 'Openstaande acties uit eerdere overleggen',
  task: 'Actie',
  dueDate: 'Uiterlijk',
  pand: 'Pand',
  taskStatus: { open: 'open', gereed: 'gereed', vervallen: 'vervallen' },
  overdue: 'te laat',
  fromMeeting: 'Overleg',
  none: 'Geen.',
  confidential: 'Vertrouwelijk — bevat mogelijk persoonsgegevens; alleen voor deelnemers aan het convenant. Niet doorsturen.',
  generated: 'Gemaakt op {at} voor {name}',
  sections: {
    opening: 'Opening',
    verslag: 'Verslag en actielijst vorig overleg',
    nieuwe_casussen: 'Nieuwe casussen',
    lopende_casussen: 'Lopende casussen',
    controles: 'Integrale controles',
    themas: "Thema's en pilots",
    rondvraag: 'Rondvraag',
    sluiting: 'Sluiting',
  } satisfies Record<AgendaSection, string>,
  categories: {
    naw: 'NAW',
    geboortedatum: 'Geboortedatum',
    bsn: 'BSN',
    telefoon: 'Telefoon',
    kenteken: 'Kenteken',
    naleving: 'Naleving',
  } satisfies Record<ItemCategory, string>,
};

export type MinutesLabels = typeof nl;

const en: MinutesLabels = {
  document: 'Minutes',
  status: { concept: 'Draft', definitief: 'Final', vastgesteld: 'Approved' },
  approvedIn: 'Approved in the meeting of {date}',
  date: 'Date',
  time: 'Time',
  place: 'Place',
  link: 'Video link',
  chair: 'Chair',
  attendance: 'Attendance',
  partner: 'Partner',
  presence: 'Present',
  attendees: 'On behalf of the partner',
  attendanceStatus: { aanwezig: 'present', afwezig: 'absent', afgemeld: 'excused', unknown: 'not recorded' },
  agenda: 'Agenda items',
  notes: 'Notes',
  decisions: 'Decisions',
  presenter: 'Presented by',
  intro: 'Introduction',
  closing: 'Closing',
  panden: 'Work agreements per address',
  noAgreements: 'No work agreements recorded.',
  responsible: 'responsible',
  subjects: 'Persons and companies involved',
  subjectKind: { person: 'Person', company: 'Company' },
  source: 'source',
  actions: 'Action list',
  carriedOver: 'Open actions from earlier meetings',
  task: 'Action',
  dueDate: 'Due',
  pand: 'Address',
  taskStatus: { open: 'open', gereed: 'done', vervallen: 'lapsed' },
  overdue: 'overdue',
  fromMeeting: 'Meeting',
  none: 'None.',
  confidential: 'Confidential — may contain personal data; for covenant participants only. Do not forward.',
  generated: 'Generated on {at} for {name}',
  sections: {
    opening: 'Opening',
    verslag: 'Minutes and action list of the previous meeting',
    nieuwe_casussen: 'New cases',
    lopende_casussen: 'Ongoing cases',
    controles: 'Joint inspections',
    themas: 'Themes and pilots',
    rondvraag: 'Any other business',
    sluiting: 'Closing',
  },
  categories: {
    naw: 'Name and address',
    geboortedatum: 'Date of birth',
    bsn: 'BSN',
    telefoon: 'Phone',
    kenteken: 'Licence plate',
    naleving: 'Compliance',
  },
};

export function labelsFor(locale: Locale): MinutesLabels {
  return locale === 'en' ? en : nl;
}

export const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

/** A YYYY-MM-DD date as people read it: 25 november 2026. */
export function humanDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
}

export function humanDateTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    timeZone: TIME_ZONE,
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
}

/** What every renderer needs besides the view: who asked, when, and in which language. */
export type ExportContext = { locale: Locale; readerName: string; generatedAt: Date };

export const documentTitle = (view: MinutesView, l: MinutesLabels, locale: Locale) =>
  `${l.document} ${view.header.team} — ${humanDate(view.header.date, locale)}`;

export const fileBase = (view: MinutesView) => `verslag-${view.header.teamCode.toLowerCase()}-${view.header.date}`;

/** Under an agenda item's title: its section (unless the title says it already), pand and presenter. */
export function itemSubline(item: MinutesView['items'][number], l: MinutesLabels): string {
  const section = l.sections[item.section];
  return [
    section.toLowerCase() === item.title.trim().toLowerCase() ? null : section,
    item.caseCode ? `${item.caseCode} — ${item.caseAddress}` : null,
    item.presenter ? `${l.presenter}: ${item.presenter}` : null,
  ]
    .filter(Boolean)
    .join(' · ');
}
