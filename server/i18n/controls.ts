import type { Catalog } from './messages';

// Messages of integrale controles, escalaties, the progress report and the dashboard.
export const controlsMessages = {
  'controls.noCases': {
    nl: 'Kies minstens één casus (pand) voor de controle.',
    en: 'Choose at least one casus (pand) for the inspection.',
  },
  'controls.noPartners': { nl: 'Kies minstens één deelnemende partner.', en: 'Choose at least one participating partner.' },
  'controls.partnerInactive': {
    nl: 'Een gekozen partner neemt op de controledatum niet deel aan het convenant.',
    en: 'A chosen partner does not take part in the covenant on the inspection date.',
  },
  'controls.caseClosed': { nl: 'Een gekozen casus is afgerond; heropen hem eerst.', en: 'A chosen casus is closed; reopen it first.' },
  'controls.cancelled': { nl: 'Deze controle is geannuleerd.', en: 'This inspection has been cancelled.' },
  'controls.alreadyHeld': {
    nl: 'Deze controle is al uitgevoerd en kan niet meer worden gewijzigd of geannuleerd.',
    en: 'This inspection has already taken place and can no longer be changed or cancelled.',
  },
  'controls.notYet': {
    nl: 'Bevindingen worden vastgelegd op of na de controledatum.',
    en: 'Findings are recorded on or after the inspection date.',
  },
  'controls.notParticipating': {
    nl: 'Deze partner nam niet deel aan de controle.',
    en: 'This partner did not take part in the inspection.',
  },
  'controls.ownPartnerOnly': {
    nl: 'U legt alleen bevindingen vast van uw eigen organisatie.',
    en: "You can only record your own organisation's findings.",
  },
  'controls.partnerRequired': { nl: 'Kies de partner van wie deze bevinding is.', en: 'Choose the partner this finding belongs to.' },
  'controls.unknownFindingType': {
    nl: 'Dit soort bevinding hoort niet bij een partner van het soort "{kind}".',
    en: 'This kind of finding does not belong to a partner of kind "{kind}".',
  },
  'controls.caseNotInControl': { nl: 'Deze casus hoort niet bij de controle.', en: 'This casus is not part of the inspection.' },
  'escalations.alreadyResolved': { nl: 'Deze escalatie is al afgehandeld.', en: 'This escalation has already been resolved.' },
  'escalations.outcomeBeforeRaised': {
    nl: 'De datum van de uitkomst ligt voor de datum van escaleren.',
    en: 'The outcome date lies before the date it was raised.',
  },
  'escalations.inFuture': { nl: 'Deze datum ligt in de toekomst.', en: 'This date lies in the future.' },
  'reports.periodOrder': {
    nl: 'De begindatum moet voor of op de einddatum liggen.',
    en: 'The start date must be on or before the end date.',
  },
  'reports.periodMonths': {
    nl: 'Een rapportage beslaat hele kalendermaanden: van de eerste dag van een maand tot en met de laatste dag van een maand.',
    en: 'A report covers whole calendar months: from the first day of a month to the last day of a month.',
  },
  'reports.periodTooLong': { nl: 'Een rapportageperiode is hoogstens vijf jaar.', en: 'A report period is at most five years.' },
  'reports.thresholdRange': { nl: 'Kies een drempel van 1 tot en met 50.', en: 'Choose a threshold from 1 to 50.' },
} satisfies Catalog;
