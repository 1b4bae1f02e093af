import type { Catalog } from './messages';

// Messages of overleggen, the agenda, attendance, chair mode and the calendar.
export const meetingsMessages = {
  'live.tooManyStreams': {
    nl: 'U volgt al {max} live-overleggen tegelijk. Sluit eerst een ander venster met de live-weergave.',
    en: 'You already follow {max} live meetings at once. Close another live view window first.',
  },
  'live.accessChanged': {
    nl: 'Uw toegang is gewijzigd; de live-weergave is gestopt. Laad de pagina opnieuw.',
    en: 'Your access has changed; the live view has stopped. Reload the page.',
  },
  'meetings.invalidTransition': {
    nl: 'Een overleg met status "{from}" kan niet naar "{to}". De volgorde is concept → gepubliceerd → bezig → gesloten.',
    en: 'A meeting with status "{from}" cannot go to "{to}". The order is concept → published → in progress → closed.',
  },
  'meetings.startEarly': {
    nl: 'Dit overleg staat gepland op {date} om {time}. Weet u zeker dat u het nu al wilt starten?',
    en: 'This meeting is planned for {date} at {time}. Are you sure you want to start it now?',
  },
  'meetings.closed': {
    nl: 'Dit overleg is gesloten; wijzigingen horen nu in het verslag.',
    en: 'This meeting is closed; changes now belong in the minutes.',
  },
  'meetings.notRunning': {
    nl: 'Dit kan alleen tijdens het overleg (status "bezig").',
    en: 'This is only possible during the meeting (status "in progress").',
  },
  'meetings.seriesEmpty': {
    nl: 'Deze reeks levert geen enkel overleg op: kies een einddatum na de eerste datum.',
    en: 'This series produces no meetings: choose an end date after the first date.',
  },
  'meetings.seriesTooLong': {
    nl: 'Een reeks kan hoogstens {max} overleggen aanmaken.',
    en: 'A series can create at most {max} meetings.',
  },
  'meetings.invalidTime': { nl: 'Vul een tijd in als UU:MM, bijvoorbeeld 09:30.', en: 'Enter a time as HH:MM, for example 09:30.' },
  'meetings.onlyConceptRemoved': {
    nl: 'Alleen een overleg in concept kan worden verwijderd.',
    en: 'Only a meeting in draft can be removed.',
  },
  'meetings.hasCaptured': {
    nl: 'Aan dit overleg hangen al werkafspraken of taken; het kan niet meer worden verwijderd.',
    en: 'Work agreements or tasks are already linked to this meeting; it can no longer be removed.',
  },
  'agenda.hasCaptured': {
    nl: 'Bij dit agendapunt zijn al werkafspraken of taken vastgelegd; het kan niet worden verwijderd.',
    en: 'Work agreements or tasks were already recorded under this agenda item; it cannot be removed.',
  },
  'agenda.proposalsClosed': {
    nl: 'Voorstellen voor de agenda kunnen alleen tot het overleg begint.',
    en: 'Agenda items can only be proposed until the meeting starts.',
  },
  'agenda.notProposed': {
    nl: 'Dit agendapunt is geen openstaand voorstel.',
    en: 'This agenda item is not an open proposal.',
  },
  'agenda.notAccepted': {
    nl: 'Alleen een geaccepteerd agendapunt kan het huidige punt zijn.',
    en: 'Only an accepted agenda item can be the current item.',
  },
  'agenda.templateSections': {
    nl: 'Het sjabloon bevat elk onderdeel van de agenda precies één keer; onderdelen kunnen wel worden uitgezet.',
    en: 'The template holds every agenda section exactly once; sections can be switched off.',
  },
  'agenda.templateTitleRequired': {
    nl: 'Geef elk onderdeel met een vast agendapunt een titel.',
    en: 'Give every section with a fixed agenda item a title.',
  },
  'agenda.badPosition': { nl: 'Deze positie bestaat niet in dit onderdeel.', en: 'This position does not exist in this section.' },
  'attendance.notOfPartner': {
    nl: 'Een aanwezige hoort bij de gekozen partner van het team.',
    en: 'An attendee belongs to the chosen partner of the team.',
  },
  'attendance.attendeesOnlyWhenPresent': {
    nl: 'Deelnemers vult u alleen in bij "aanwezig".',
    en: 'Attendees are only filled in for "present".',
  },
  'regrets.afterStart': {
    nl: 'Afmelden of een vervanger doorgeven kan alleen voordat het overleg begint.',
    en: 'Regrets or a delegate can only be sent before the meeting starts.',
  },
  'regrets.delegateRequired': { nl: 'Kies wie er in uw plaats komt.', en: 'Choose who comes in your place.' },
  'regrets.delegateNotOfPartner': {
    nl: 'Een vervanger is een actieve collega van uw eigen organisatie.',
    en: 'A delegate is an active colleague of your own organisation.',
  },
  'regrets.delegateOnlyForDelegate': {
    nl: 'Een vervanger geeft u alleen door bij "vervanger".',
    en: 'A delegate is only given with "delegate".',
  },
  'regrets.reasonOnlyForRegrets': { nl: 'Een reden geeft u alleen bij afmelden.', en: 'A reason is only given with regrets.' },
} satisfies Catalog;
