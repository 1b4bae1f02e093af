import type { Catalog } from './messages';

// Messages of retention (art. 25) and the data-breach register (art. 22), issue 11 items 5–6.
export const retentionBreachesMessages = {
  'retention.alreadyDecided': {
    nl: 'Over deze vernietigingslijst is al besloten.',
    en: 'This destruction list has already been decided on.',
  },
  'retention.mailDrawnSubject': {
    nl: 'Vernietigingslijst klaar voor de FG — {team}',
    en: 'Destruction list ready for the DPO — {team}',
  },
  'retention.mailDrawnBody': {
    nl: 'Voor {team} staat een nieuwe vernietigingslijst klaar (bewaartermijnen, convenant art. 25). De functionaris gegevensbescherming beoordeelt hem; pas na goedkeuring worden persoonsgegevens verwijderd.\n\n{link}',
    en: 'A new destruction list is ready for {team} (retention periods, covenant art. 25). The data protection officer reviews it; personal data are erased only after approval.\n\n{link}',
  },
  'retention.mailApprovedSubject': {
    nl: 'Vernietigingslijst goedgekeurd — {team}',
    en: 'Destruction list approved — {team}',
  },
  'retention.mailApprovedBody': {
    nl: 'De functionaris gegevensbescherming van {team} heeft een vernietigingslijst goedgekeurd; de persoonsgegevens op die lijst zijn verwijderd. De casussen en cijfers blijven.\n\n{link}',
    en: 'The data protection officer of {team} approved a destruction list; the personal data on it have been erased. The cases and figures stay.\n\n{link}',
  },
  'breaches.futureDate': {
    nl: 'Dit tijdstip ligt in de toekomst.',
    en: 'This moment lies in the future.',
  },
  'breaches.beforeDiscovery': {
    nl: 'Dit tijdstip ligt vóór de ontdekking van het incident.',
    en: 'This moment lies before the incident was discovered.',
  },
  'breaches.reasonRequired': {
    nl: 'Geef de reden waarom betrokkenen niet worden geïnformeerd.',
    en: 'Give the reason why the data subjects are not informed.',
  },
} satisfies Catalog;
