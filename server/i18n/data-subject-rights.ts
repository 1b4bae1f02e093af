import type { Catalog } from './messages';

// Messages of the FG's register of data-subject requests and the informatieplicht (issue 11 items 2, 8).
export const dataSubjectRightsMessages = {
  'dsr.dateInFuture': { nl: 'Deze datum ligt in de toekomst.', en: 'This date is in the future.' },
  'dsr.closed': { nl: 'Dit verzoek is al afgehandeld.', en: 'This request has already been closed.' },
  'dsr.alreadyExtended': {
    nl: 'De termijn van dit verzoek is al verlengd; dat kan maar één keer (AVG art. 12.3).',
    en: 'This request has already been extended; that is possible only once (GDPR art. 12.3).',
  },
  'dsr.extendTooLate': {
    nl: 'Verlengen kan alleen binnen de eerste maand (AVG art. 12.3).',
    en: 'An extension is possible only within the first month (GDPR art. 12.3).',
  },
  'dsr.notForwarded': {
    nl: 'Stuur het verzoek eerst door naar de betrokken partners (art. 24.3 en 24.4).',
    en: 'Forward the request to the partners concerned first (art. 24.3 and 24.4).',
  },
  'dsr.reportBeforeForward': {
    nl: 'De terugkoppeling kan niet eerder zijn dan het doorsturen.',
    en: 'The report back cannot be earlier than the forwarding.',
  },
  'subjects.informNotYours': {
    nl: 'Alleen de partner die namens het team informeert, of de coördinator, legt de informatieplicht vast (art. 26.4).',
    en: "Only the partner that informs on the team's behalf, or the coordinator, records the duty to inform (art. 26.4).",
  },
  'subjects.informedInFuture': {
    nl: 'De datum van informeren kan niet in de toekomst liggen.',
    en: 'The date of informing cannot be in the future.',
  },
  'subjects.informPoliceOnly': {
    nl: 'Deze betrokkene is alleen bekend uit politiegegevens; daarvoor geldt de informatieplicht van het team niet (art. 26.3).',
    en: "This person is known only from police data; the team's duty to inform does not apply (art. 26.3).",
  },
} satisfies Catalog;
