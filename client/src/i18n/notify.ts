// Notifications in the profile and the report's toelichting (issue 9 items 14 and 18).
import type { Dictionary } from './index';

export const notifyText = {
  'notify.heading': { nl: 'E-mailberichten', en: 'E-mail notifications' },
  'notify.digest': { nl: 'Wekelijks overzicht van open taken', en: 'Weekly overview of open tasks' },
  'notify.digestHelp': {
    nl: 'Op maandag het aantal open taken, taken die binnen 7 dagen af moeten en taken over de termijn, met een link. Nooit de taken zelf.',
    en: 'On Monday the number of open tasks, tasks due within 7 days and overdue tasks, with a link. Never the tasks themselves.',
  },
  'notify.digestOn': { nl: 'U ontvangt het wekelijkse overzicht.', en: 'You receive the weekly overview.' },
  'notify.digestOff': { nl: 'U ontvangt geen wekelijks overzicht meer.', en: 'You no longer receive the weekly overview.' },
  'notify.meetingsNote': {
    nl: 'Uitnodigingen voor overleggen (gepubliceerd, verplaatst) krijgt u altijd: die horen bij uw deelname.',
    en: 'Meeting invitations (published, moved) are always sent: they belong to your participation.',
  },
  'reports.narrativeHeading': { nl: 'Toelichting en knelpunten', en: 'Explanation and bottlenecks' },
  'reports.narrativeLabel': { nl: 'Uw toelichting: voortgang en knelpunten', en: 'Your explanation: progress and bottlenecks' },
  'reports.narrativeHelp': {
    nl: 'Komt in de Word-rapportage. Schrijf over voortgang en knelpunten in woorden, zonder namen, adressen of andere persoonsgegevens. Hoogstens 5000 tekens.',
    en: 'Goes into the Word report. Describe progress and bottlenecks in words, without names, addresses or other personal data. At most 5000 characters.',
  },
  'reports.narrativeSave': { nl: 'Toelichting opslaan', en: 'Save explanation' },
  'reports.narrativeSaved': { nl: 'Toelichting opgeslagen (versie {version}).', en: 'Explanation saved (version {version}).' },
  'reports.narrativeStamp': {
    nl: 'Versie {version}, bijgewerkt op {date} door {name}.',
    en: 'Version {version}, updated on {date} by {name}.',
  },
  'reports.narrativeNone': {
    nl: 'De coördinator heeft voor deze periode nog geen toelichting geschreven.',
    en: 'The coordinator has not written an explanation for this period yet.',
  },
  'audit.action.report.narrative_saved': { nl: 'Toelichting rapportage opgeslagen', en: 'Report explanation saved' },
  'meeting.cancel': { nl: 'Overleg afzeggen', en: 'Cancel meeting' },
  'meeting.cancelConfirm': {
    nl: 'Dit overleg afzeggen? Het verdwijnt, en de partners krijgen een afzegging voor hun agenda.',
    en: 'Cancel this meeting? It is removed, and the partners get a cancellation for their calendar.',
  },
  'audit.action.meeting.cancelled': { nl: 'Overleg afgezegd', en: 'Meeting cancelled' },
} satisfies Dictionary;
