import type { Catalog } from './messages';

// Messages of login throttling, account locks, rate limits and the password policy (issue 8).
export const securityMessages = {
  'request.batchTooLarge': {
    nl: 'Te veel verzoeken tegelijk: stuur er hoogstens 10 in één keer.',
    en: 'Too many calls at once: send at most 10 in one request.',
  },
  'request.authNotBatched': {
    nl: 'Inloggen en wachtwoordzaken gaan altijd in een eigen verzoek.',
    en: 'Logging in and password changes always travel in a request of their own.',
  },
  'auth.retryInSeconds': {
    nl: 'Te veel mislukte pogingen. Wacht {seconds} seconden en probeer het dan opnieuw.',
    en: 'Too many failed attempts. Wait {seconds} seconds and try again.',
  },
  'auth.accountLocked': {
    nl: 'Dit account is geblokkeerd na te veel mislukte inlogpogingen. Vraag de functioneel beheerder van uw team het vrij te geven, of probeer het over 24 uur opnieuw.',
    en: 'This account is locked after too many failed login attempts. Ask your team’s administrator to unlock it, or try again in 24 hours.',
  },
  busy: {
    nl: 'Het is even erg druk. Probeer het over een paar seconden opnieuw.',
    en: 'The server is very busy right now. Try again in a few seconds.',
  },
  rateLimited: {
    nl: 'U vraagt dit te vaak op. Probeer het over {seconds} seconden opnieuw.',
    en: 'You are requesting this too often. Try again in {seconds} seconds.',
  },
  'auth.passwordWeak': {
    nl: 'Kies een sterker wachtwoord: {reason}',
    en: 'Choose a stronger password: {reason}',
  },
  'auth.passwordHasPersonalInfo': {
    nl: 'Kies een sterker wachtwoord: het mag uw naam of e-mailadres niet bevatten.',
    en: 'Choose a stronger password: it must not contain your name or e-mail address.',
  },
  'security.lockMailSubject': {
    nl: 'Overleg {team}: een account is geblokkeerd',
    en: 'Overleg {team}: an account has been locked',
  },
  'security.lockMailBody': {
    nl: 'Een account van uw team is geblokkeerd na te veel mislukte inlogpogingen. Bekijk de beveiligingsmeldingen en geef het account zo nodig vrij op de teampagina:\n\n{link}\n\nDeze e-mail bevat bewust geen namen of adressen.',
    en: 'An account of your team has been locked after too many failed login attempts. Review the security events and unlock the account if appropriate on the Team page:\n\n{link}\n\nThis e-mail deliberately contains no names or addresses.',
  },
  'security.notLocked': { nl: 'Dit account is niet geblokkeerd.', en: 'This account is not locked.' },
} satisfies Catalog;
