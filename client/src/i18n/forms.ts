import type { Dictionary } from './index';

// Texts of the shared states of a page (not found, no access, …), form errors and confirmations.
export const formsText = {
  'resource.notFound.title': { nl: 'Niet gevonden', en: 'Not found' },
  'resource.notFound.text': {
    nl: 'Wat u zoekt bestaat niet (meer) of hoort bij een ander team. Controleer het adres of ga terug naar het overzicht.',
    en: 'What you are looking for does not exist (any more) or belongs to another team. Check the address or go back to the overview.',
  },
  'resource.noAccess.title': { nl: 'Geen toegang', en: 'No access' },
  'resource.noAccess.text': {
    nl: 'Met uw rol kunt u deze pagina niet openen. Denkt u dat dit niet klopt? Vraag het de coördinator van uw team.',
    en: 'Your role does not give access to this page. If you think this is wrong, ask the coordinator of your team.',
  },
  'resource.notYet.title': { nl: 'Nog niet beschikbaar', en: 'Not available yet' },
  'resource.notYet.text': {
    nl: 'Dit verslag is nog in bewerking. U kunt het lezen zodra de coördinator het definitief heeft gemaakt.',
    en: 'These minutes are still being written. You can read them once the coordinator has made them final.',
  },
  'resource.signedOut.title': { nl: 'U bent uitgelogd', en: 'You have been signed out' },
  'resource.signedOut.text': {
    nl: 'Uw sessie is verlopen. Log opnieuw in om verder te gaan.',
    en: 'Your session has expired. Log in again to continue.',
  },
  'resource.failed.title': { nl: 'Laden is niet gelukt', en: 'Loading failed' },
  'resource.failed.text': {
    nl: 'De gegevens konden niet worden opgehaald. Controleer uw verbinding en probeer het opnieuw.',
    en: 'The data could not be loaded. Check your connection and try again.',
  },
  'resource.signIn': { nl: 'Opnieuw inloggen', en: 'Log in again' },
  'resource.retry': { nl: 'Opnieuw proberen', en: 'Try again' },
  'resource.backToCases': { nl: 'Naar de casussen', en: 'To the cases' },
  'resource.backToMeetings': { nl: 'Naar de overleggen', en: 'To the meetings' },
  'resource.backToControls': { nl: 'Naar de controles', en: 'To the inspections' },
  'form.summary': {
    nl: 'Het formulier is niet verstuurd. Verbeter het volgende:',
    en: 'The form was not sent. Please correct the following:',
  },
  'form.busy': { nl: 'Bezig…', en: 'Working…' },
  'confirm.cancel': { nl: 'Annuleren', en: 'Cancel' },
  'confirm.pastDate': { nl: 'Deze datum ligt in het verleden. Toch opslaan?', en: 'This date lies in the past. Save anyway?' },
  'confirm.pastDateOk': { nl: 'Toch opslaan', en: 'Save anyway' },
  'confirm.startEarlyOk': { nl: 'Nu starten', en: 'Start now' },
  'confirm.reopen': {
    nl: 'Het verslag gaat terug naar concept. De deelnemers kunnen het dan niet meer lezen tot u het opnieuw definitief maakt.',
    en: 'The minutes go back to draft. Members cannot read them until you make them final again.',
  },
  'confirm.send': {
    nl: 'Alle deelnemers van de actieve partners krijgen een e-mail met een link naar het verslag. Versturen?',
    en: 'All members of the active partners get an e-mail with a link to the minutes. Send?',
  },
  'minutes.alreadySent': {
    nl: 'Het verslag is zojuist al verstuurd; er is niets opnieuw verstuurd.',
    en: 'The minutes were just sent; nothing was sent again.',
  },
  'tasks.loadFailed': { nl: 'De taken konden niet worden geladen.', en: 'The tasks could not be loaded.' },
} satisfies Dictionary;
