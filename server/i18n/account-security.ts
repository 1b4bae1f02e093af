import type { Catalog } from './messages';

// Messages of two-factor authentication, activation links and the sessions list (issue 8, items 12 and 16).
export const accountSecurityMessages = {
  'twoFactor.alreadyEnabled': { nl: 'Tweestapsverificatie staat al aan.', en: 'Two-factor authentication is already on.' },
  'twoFactor.notStarted': {
    nl: 'Begin eerst met het instellen van tweestapsverificatie.',
    en: 'Start setting up two-factor authentication first.',
  },
  'twoFactor.notEnabled': { nl: 'Tweestapsverificatie staat niet aan.', en: 'Two-factor authentication is not on.' },
  'twoFactor.invalidCode': { nl: 'De code klopt niet. Probeer het opnieuw.', en: 'The code is incorrect. Please try again.' },
  'twoFactor.challengeExpired': {
    nl: 'Deze inlogpoging is verlopen. Log opnieuw in met uw wachtwoord.',
    en: 'This login attempt has expired. Log in again with your password.',
  },
  'twoFactor.requiredByTeam': {
    nl: 'Uw team vereist tweestapsverificatie; u kunt die niet uitzetten.',
    en: 'Your team requires two-factor authentication; you cannot turn it off.',
  },
  'twoFactor.enrolRequired': {
    nl: 'Stel eerst tweestapsverificatie in; daarna kunt u verder.',
    en: 'Set up two-factor authentication first; then you can continue.',
  },
  'activation.invalid': {
    nl: 'Deze activeringslink is ongeldig, al gebruikt of verlopen. Vraag de beheerder om een nieuwe.',
    en: 'This activation link is invalid, already used or expired. Ask the administrator for a new one.',
  },
  'activation.alreadyActive': { nl: 'Dit account is al geactiveerd.', en: 'This account has already been activated.' },
} satisfies Catalog;
