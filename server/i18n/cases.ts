import type { Catalog } from './messages';

// Messages of casussen, betrokkenen and the sharing matrix.
export const casesMessages = {
  'subjects.covenantEnded': {
    nl: 'Het convenant is op {date} geëindigd en er is geen vervolgconvenant van kracht: het team is in afbouw. Nieuwe persoonsgegevens, casussen en partners en het tonen van een BSN zijn niet toegestaan, want daarvoor is geen grondslag meer.',
    en: 'The covenant ended on {date} and no successor is in force: the team is winding down. New personal data, casussen and partners and revealing a BSN are not allowed: there is no longer a legal basis.',
  },
  'subjects.partnerSuspended': {
    nl: 'De deelname van {partner} is geschorst (BIT art. 6.6): zolang de schorsing duurt, verstrekt en ziet deze partner geen persoonsgegevens.',
    en: 'The participation of {partner} is suspended (BIT art. 6.6): while the suspension lasts, this partner neither provides nor sees personal data.',
  },
  'subjects.partnerNotJoined': {
    nl: '{partner} is nog niet toegetreden tot het convenant (art. 12) en kan nog geen persoonsgegevens verstrekken.',
    en: '{partner} has not yet joined the covenant (art. 12) and cannot provide personal data yet.',
  },
  'subjects.partnerLeft': {
    nl: '{partner} is uitgetreden uit het convenant (art. 14) en verstrekt geen persoonsgegevens meer.',
    en: '{partner} has left the covenant (art. 14) and no longer provides personal data.',
  },
  'subjects.partnerWithoutAnnex': {
    nl: 'Het convenant noemt {partner} niet: deze partner verstrekt pas persoonsgegevens als een door de FG goedgekeurde bijlage er categorieën aan toekent (art. 12.2, 13).',
    en: 'The covenant does not name {partner}: this partner provides personal data only once an FG-approved annex gives it categories (art. 12.2, 13).',
  },
  'subjects.categoryNotAllowed': {
    nl: 'Een partner van het soort "{kind}" mag de categorie "{category}" niet verstrekken (convenant art. 20).',
    en: 'A partner of kind "{kind}" may not provide the category "{category}" (covenant art. 20).',
  },
  'sharing.categoryBeyondCovenant': {
    nl: 'Het convenant (art. {article}) staat niet toe dat een partner van het soort "{kind}" de categorie "{category}" verstrekt. De deelmatrix kan dat niet verruimen.',
    en: 'The covenant (art. {article}) does not allow a partner of kind "{kind}" to provide the category "{category}". The sharing matrix cannot widen that.',
  },
  'sharing.audienceBeyondCovenant': {
    nl: 'Het convenant (art. {article}) staat niet toe dat "{category}" van een partner van het soort "{kind}" breder wordt gedeeld: politiegegevens gaan alleen naar de gemeenten. De deelmatrix kan dat niet verruimen.',
    en: 'The covenant (art. {article}) does not allow "{category}" from a partner of kind "{kind}" to be shared more widely: police data go to the municipalities only. The sharing matrix cannot widen that.',
  },
  'subjects.bsnNeedsLegalGround': {
    nl: 'Gegeven {index}: een BSN mag alleen worden vastgelegd met de wettelijke grondslag (art. 20.3c).',
    en: 'Item {index}: a BSN may only be recorded with its legal ground (art. 20.3c).',
  },
  'subjects.invalidBsn': {
    nl: 'Gegeven {index}: dit is geen geldig BSN (11-proef).',
    en: 'Item {index}: this is not a valid BSN (11-check).',
  },
  'subjects.invalidPhone': {
    nl: 'Gegeven {index}: dit is geen geldig telefoonnummer.',
    en: 'Item {index}: this is not a valid phone number.',
  },
  'subjects.invalidKenteken': {
    nl: 'Gegeven {index}: dit is geen geldig kenteken.',
    en: 'Item {index}: this is not a valid licence plate.',
  },
  'subjects.foreignKenteken': {
    nl: 'Dit is geen Nederlands kenteken; het is vastgelegd zoals ingevoerd (buitenlands kenteken?).',
    en: 'This is not a Dutch licence plate; it was recorded as entered (a foreign plate?).',
  },
  'subjects.invalidBirthDate': {
    nl: 'Gegeven {index}: vul een geldige geboortedatum in.',
    en: 'Item {index}: enter a valid date of birth.',
  },
  'subjects.sourceRequired': {
    nl: 'Geef aan namens welke partner u deze gegevens vastlegt.',
    en: 'State on behalf of which partner you record these data.',
  },
  'subjects.ownPartnerOnly': {
    nl: 'U legt alleen gegevens vast namens uw eigen organisatie.',
    en: 'You can only record data on behalf of your own organisation.',
  },
  'subjects.noItems': { nl: 'Leg minstens één gegeven vast.', en: 'Record at least one item.' },
  'subjects.informNeedsOne': {
    nl: 'Vul de datum van informeren in óf de reden van uitstel.',
    en: 'Enter the date the person was informed or the reason for postponing.',
  },
  'cases.unknownTheme': { nl: 'Kies een thema uit de lijst van het team.', en: "Choose a theme from the team's list." },
  'cases.notAGemeente': {
    nl: 'Kies een gemeente die partner is van het team.',
    en: 'Choose a municipality that is a partner of the team.',
  },
  'cases.invalidPostcode': { nl: 'Vul een geldige postcode in, zoals 5701 AB.', en: 'Enter a valid Dutch postcode, such as 5701 AB.' },
  'cases.invalidBagId': {
    nl: 'Een BAG-id heeft 16 cijfers en is van een pand (objecttype 10) of verblijfsobject (01).',
    en: 'A BAG id has 16 digits and identifies a building (object type 10) or dwelling (01).',
  },
  'cases.invalidHouseNumber': {
    nl: 'Vul een huisnummer in, eventueel met toevoeging, zoals 12, 12a of 12-2.',
    en: 'Enter a house number, with an addition if needed, such as 12, 12a or 12-2.',
  },
  'cases.invalidAddition': {
    nl: 'Een toevoeging is hoogstens vier letters of cijfers, zoals A of 2.',
    en: 'An addition is at most four letters or digits, such as A or 2.',
  },
  'cases.additionTwice': {
    nl: 'De toevoeging staat al in het huisnummer; laat dit veld leeg.',
    en: 'The addition is already part of the house number; leave this field empty.',
  },
  'cases.invalidTransition': { nl: 'Deze statuswijziging is niet mogelijk.', en: 'This status change is not possible.' },
  'tasks.alreadyDone': {
    nl: 'Deze taak is intussen al afgehandeld. Vernieuw de lijst om de actuele stand te zien.',
    en: 'This task has already been completed in the meantime. Refresh the list to see the current state.',
  },
  'tasks.notOpen': { nl: 'Deze taak is niet meer open.', en: 'This task is no longer open.' },
  'tasks.ownPartnerOnly': {
    nl: 'U kunt alleen taken van uw eigen organisatie afhandelen.',
    en: "You can only handle your own organisation's tasks.",
  },
  'tasks.resultRequired': {
    nl: 'Beschrijf kort wat er is gedaan (actiegegevens, zonder persoonsgegevens).',
    en: 'Briefly describe what was done (action data, without personal data).',
  },
  'tasks.assigneeNotOfPartner': {
    nl: 'De gekozen persoon hoort niet bij de gekozen partner.',
    en: 'The chosen person does not belong to the chosen partner.',
  },
  'tasks.partnerInactive': {
    nl: 'Deze partner neemt (nog) niet deel aan het convenant.',
    en: 'This partner does not take part in the covenant (yet).',
  },
  'tasks.blockerRequired': {
    nl: 'Beschrijf kort wat de taak blokkeert (zonder persoonsgegevens).',
    en: 'Briefly describe what blocks the task (without personal data).',
  },
  'tasks.notBlocked': { nl: 'Bij deze taak staat geen knelpunt open.', en: 'This task has no open blocker.' },
  'tasks.reasonRequired': {
    nl: 'Geef een reden op waarom de taak vervalt (zonder persoonsgegevens).',
    en: 'Give a reason why the task lapses (without personal data).',
  },
  'tasks.blockerMailSubject': { nl: 'Knelpunt gemeld bij een taak van {team}', en: 'Blocker reported on a task of {team}' },
  'tasks.blockerMailBody': {
    nl: 'Goedendag,\n\nEen partner heeft een knelpunt gemeld bij een taak van {team}. Bekijk het in Overleg:\n\n{link}\n\nOm privacyredenen staat de inhoud niet in deze e-mail.\n\nMet vriendelijke groet,\nOverleg',
    en: 'Hello,\n\nA partner reported a blocker on a task of {team}. See it in Overleg:\n\n{link}\n\nFor privacy reasons the content is not included in this e-mail.\n\nKind regards,\nOverleg',
  },
  'agreements.notOpen': { nl: 'Deze werkafspraak is niet meer open.', en: 'This agreement is no longer open.' },
  'agreements.reasonRequired': {
    nl: 'Geef een reden op waarom de werkafspraak vervalt (zonder persoonsgegevens).',
    en: 'Give a reason why the agreement lapses (without personal data).',
  },
  'cases.withdrawOnlySignal': {
    nl: 'Alleen een signaal of lopende casus kan worden ingetrokken.',
    en: 'Only a signal or a running case can be withdrawn.',
  },
  'cases.withdrawn': { nl: 'Deze casus is ingetrokken.', en: 'This case has been withdrawn.' },
} satisfies Catalog;
