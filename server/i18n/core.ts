import type { Catalog } from './messages';

// Messages of authentication, validation and the team/partner/user administration.
export const coreMessages = {
  'auth.required': { nl: 'Log in om verder te gaan.', en: 'Please log in to continue.' },
  'auth.invalidCredentials': { nl: 'E-mailadres of wachtwoord is onjuist.', en: 'E-mail address or password is incorrect.' },
  'auth.throttled': {
    nl: 'Te veel mislukte pogingen. Probeer het over {minutes} minuten opnieuw.',
    en: 'Too many failed attempts. Try again in {minutes} minutes.',
  },
  'auth.forbidden': { nl: 'U heeft geen toegang tot deze functie.', en: 'You do not have access to this function.' },
  'auth.csrf': {
    nl: 'Verzoek geweigerd: het komt niet van Overleg zelf.',
    en: 'Request refused: it did not come from Overleg itself.',
  },
  'auth.passwordTooWeak': {
    nl: 'Kies een wachtwoord van minstens 12 tekens.',
    en: 'Choose a password of at least 12 characters.',
  },
  'auth.wrongPassword': { nl: 'Het huidige wachtwoord klopt niet.', en: 'The current password is incorrect.' },
  notFound: { nl: 'Niet gevonden.', en: 'Not found.' },
  'conflict.version': {
    nl: 'Iemand anders heeft dit intussen gewijzigd. Laad de nieuwste versie en probeer het opnieuw.',
    en: 'Someone else changed this in the meantime. Load the latest version and try again.',
  },
  internal: { nl: 'Er ging iets mis aan onze kant. Probeer het opnieuw.', en: 'Something went wrong on our side. Please try again.' },
  tooLarge: { nl: 'Het verzoek is te groot.', en: 'The request is too large.' },
  'validation.invalid': { nl: 'Controleer de ingevulde gegevens.', en: 'Please check the data you entered.' },
  'validation.required': { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  'validation.tooLong': { nl: 'Maximaal {max} tekens.', en: 'At most {max} characters.' },
  'validation.tooShort': { nl: 'Minimaal {min} tekens.', en: 'At least {min} characters.' },
  'validation.numberMin': { nl: 'Vul {min} of meer in.', en: 'Enter {min} or more.' },
  'validation.numberMax': { nl: 'Vul {max} of minder in.', en: 'Enter {max} or less.' },
  'validation.tooMany': { nl: 'Hoogstens {max}.', en: 'At most {max}.' },
  'validation.pastDate': {
    nl: 'Deze datum ligt in het verleden. Kies een datum vanaf vandaag.',
    en: 'This date lies in the past. Choose a date from today.',
  },
  'validation.pastDateTime': {
    nl: 'Dit tijdstip ligt in het verleden. Kies een later tijdstip.',
    en: 'This moment lies in the past. Choose a later time.',
  },
  'validation.email': { nl: 'Vul een geldig e-mailadres in.', en: 'Enter a valid e-mail address.' },
  'validation.date': { nl: 'Vul een geldige datum in, zoals 14-02-2027.', en: 'Enter a valid date, such as 14-02-2027.' },
  'validation.datetime': { nl: 'Vul een geldige datum en tijd in.', en: 'Enter a valid date and time.' },
  'validation.dateRange': {
    nl: 'Kies een datum in de jaren {first} tot en met {last}.',
    en: 'Choose a date in the years {first} to {last}.',
  },
  'validation.number': { nl: 'Vul een geldig getal in.', en: 'Enter a valid number.' },
  'validation.choice': { nl: 'Kies een van de mogelijkheden.', en: 'Choose one of the options.' },
  'users.emailTaken': { nl: 'Er bestaat al een account met dit e-mailadres.', en: 'An account with this e-mail address already exists.' },
  'users.partnerRequired': {
    nl: 'Een deelnemer hoort bij een convenantpartner van het team.',
    en: 'A member belongs to a covenant partner of the team.',
  },
  'users.roleNotAllowed': {
    nl: 'De coördinator kan alleen deelnemers en lezers toevoegen; andere rollen beheert de functioneel beheerder.',
    en: 'The coordinator can only add members and viewers; other roles are managed by the administrator.',
  },
  'users.cannotDisableSelf': { nl: 'U kunt uw eigen account niet blokkeren.', en: 'You cannot disable your own account.' },
  'partners.nameTaken': { nl: 'Deze partner bestaat al in het team.', en: 'This partner already exists in the team.' },
  'partners.noticeTooShort': {
    nl: 'Het convenant vraagt een opzegtermijn van {months} maanden (art. 14.3): uittreden kan op of na {earliest}.',
    en: 'The covenant requires {months} months of notice (art. 14.3): the partner can leave on or after {earliest}.',
  },
  'partners.alreadyLeft': { nl: 'Deze partner is al uitgetreden.', en: 'This partner has already left.' },
  'partners.joinBeforeCovenant': {
    nl: 'De toetredingsdatum ligt voor de ingangsdatum van het convenant.',
    en: 'The joining date lies before the start of the covenant.',
  },
  'partners.left': {
    nl: 'Uw organisatie is uitgetreden uit het convenant; u heeft geen toegang meer.',
    en: 'Your organisation has left the covenant; you no longer have access.',
  },
} satisfies Catalog;
