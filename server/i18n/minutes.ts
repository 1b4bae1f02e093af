import type { Catalog } from './messages';

// Messages of the verslag (minutes), its exports and its distribution by e-mail.
export const minutesMessages = {
  'minutes.notAvailable': {
    nl: 'Er is (nog) geen verslag van dit overleg beschikbaar.',
    en: 'No minutes of this meeting are available (yet).',
  },
  'minutes.notEditable': {
    nl: 'Dit verslag is niet meer in concept en kan niet worden bewerkt. Zet het eerst terug naar concept.',
    en: 'These minutes are no longer a draft and cannot be edited. Return them to draft first.',
  },
  'minutes.unknownItem': { nl: 'Dit agendapunt hoort niet bij dit overleg.', en: 'This agenda item does not belong to this meeting.' },
  'minutes.invalidTransition': {
    nl: 'Een verslag met status "{from}" kan niet de status "{to}" krijgen.',
    en: 'Minutes with status "{from}" cannot become "{to}".',
  },
  'minutes.approveInLaterMeeting': {
    nl: 'Een verslag wordt vastgesteld in een later overleg dat bezig of gesloten is (agendapunt 2).',
    en: 'Minutes are approved in a later meeting that is running or closed (agenda item 2).',
  },
  'minutes.notFinal': {
    nl: 'Maak het verslag eerst definitief; een concept wordt niet verstuurd.',
    en: 'Finalise the minutes first; a draft is not sent.',
  },
  'minutes.noRecipients': {
    nl: 'Er zijn geen deelnemers van actieve partners om het verslag naar te sturen.',
    en: 'There are no members of active partners to send the minutes to.',
  },
  'minutes.mailNotConfigured': {
    nl: 'E-mail is niet ingesteld op deze server (SMTP_URL ontbreekt). Vraag de functioneel beheerder om het in te stellen, of deel de link naar het verslag zelf.',
    en: 'E-mail is not configured on this server (SMTP_URL is missing). Ask the administrator to set it up, or share the link to the minutes yourself.',
  },
  'minutes.mailFailed': {
    nl: 'Het verslag kon niet worden verstuurd: de mailserver is niet bereikbaar. Probeer het later opnieuw.',
    en: 'The minutes could not be sent: the mail server cannot be reached. Please try again later.',
  },
  'minutes.mailSubject': { nl: 'Verslag overleg {team} van {date}', en: 'Minutes of the {team} meeting of {date}' },
  'minutes.mailBody': {
    nl: 'Goedendag,\n\nHet verslag van het overleg van {team} van {date} staat klaar in Overleg:\n\n{link}\n\nLog in om het te lezen. Om privacyredenen staat de inhoud niet in deze e-mail.\n\nMet vriendelijke groet,\nde coördinator',
    en: 'Hello,\n\nThe minutes of the {team} meeting of {date} are ready in Overleg:\n\n{link}\n\nLog in to read them. For privacy reasons the content is not included in this e-mail.\n\nKind regards,\nthe coordinator',
  },
} satisfies Catalog;
