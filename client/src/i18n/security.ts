import type { Dictionary } from './index';

// The administrator's security overview on the Team page (issue 8) and the password hints.
export const securityText = {
  'security.title': { nl: 'Beveiliging', en: 'Security' },
  'security.intro': {
    nl: 'Mislukte en geweigerde inlogpogingen van de afgelopen 30 dagen, per bron-adres en uur. Meldingen voor onbekende e-mailadressen gelden voor de hele installatie.',
    en: 'Failed and refused login attempts of the last 30 days, per source address and hour. Events for unknown e-mail addresses concern the whole installation.',
  },
  'security.locked': { nl: 'Geblokkeerde accounts', en: 'Locked accounts' },
  'security.noneLocked': { nl: 'Er zijn geen geblokkeerde accounts.', en: 'No accounts are locked.' },
  'security.lockedAt': { nl: 'Geblokkeerd op', en: 'Locked at' },
  'security.until': { nl: 'Tot', en: 'Until' },
  'security.unlock': { nl: 'Vrijgeven', en: 'Unlock' },
  'security.unlocked': { nl: 'Het account van {name} is vrijgegeven.', en: 'The account of {name} has been unlocked.' },
  'security.events': { nl: 'Beveiligingsmeldingen', en: 'Security events' },
  'security.noEvents': { nl: 'Geen meldingen in de afgelopen 30 dagen.', en: 'No events in the last 30 days.' },
  'security.when': { nl: 'Laatst', en: 'Last' },
  'security.what': { nl: 'Wat', en: 'What' },
  'security.account': { nl: 'Account', en: 'Account' },
  'security.address': { nl: 'Bron-adres', en: 'Source address' },
  'security.count': { nl: 'Aantal', en: 'Count' },
  'security.unknownAccount': { nl: 'onbekend e-mailadres', en: 'unknown e-mail address' },
  'security.kind.login.failed': { nl: 'Mislukte inlogpoging', en: 'Failed login' },
  'security.kind.login.unknownAccount': { nl: 'Inlogpoging voor onbekend e-mailadres', en: 'Login for an unknown e-mail address' },
  'security.kind.login.refused': { nl: 'Inlogpoging geweigerd (te veel pogingen)', en: 'Login refused (too many attempts)' },
  'security.kind.password.failed': { nl: 'Onjuist huidig wachtwoord bij wijzigen', en: 'Wrong current password when changing it' },
  'security.kind.account.locked': { nl: 'Account geblokkeerd', en: 'Account locked' },
  'security.kind.account.unlocked': { nl: 'Account vrijgegeven', en: 'Account unlocked' },
  'security.kind.reads.mass': {
    nl: 'Veel betrokkenen in korte tijd ingezien (melding aan de FG, geen blokkade)',
    en: 'Many data subjects read in a short time (alert to the DPO, not a block)',
  },
  'security.kind.audit.chainBroken': { nl: 'Breuk in de hashketen van het logboek', en: 'Break in the audit log’s hash chain' },
  'password.hint': {
    nl: 'Minstens 12 tekens, niet te raden en zonder uw naam of e-mailadres. Tip: een zin van vier of meer ongewone woorden.',
    en: 'At least 12 characters, not guessable and without your name or e-mail address. Tip: a phrase of four or more unusual words.',
  },
} satisfies Dictionary;
