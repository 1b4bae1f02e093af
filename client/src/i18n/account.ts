import type { Dictionary } from './index';

// Two-factor authentication, activation links and sessions (issue 8 items 12 and 16).
export const accountText = {
  'login.codeTitle': { nl: 'Tweede stap: code', en: 'Second step: code' },
  'login.codeIntro': {
    nl: 'Vul de code van 6 cijfers uit uw authenticator-app in. Kwijt? Gebruik een van uw herstelcodes.',
    en: 'Enter the 6-digit code from your authenticator app. Lost it? Use one of your recovery codes.',
  },
  'login.code': { nl: 'Code of herstelcode', en: 'Code or recovery code' },
  'login.codeSubmit': { nl: 'Bevestigen', en: 'Confirm' },
  'login.codeBack': { nl: 'Opnieuw beginnen', en: 'Start again' },
  'login.activated': {
    nl: 'Uw account is geactiveerd. Log in met uw nieuwe wachtwoord.',
    en: 'Your account has been activated. Log in with your new password.',
  },

  'activate.title': { nl: 'Account activeren', en: 'Activate account' },
  'activate.intro': {
    nl: 'Kies een eigen wachtwoord voor {email}. Alleen u kent het; de beheerder niet.',
    en: 'Choose your own password for {email}. Only you know it; the administrator does not.',
  },
  'activate.password': { nl: 'Nieuw wachtwoord', en: 'New password' },
  'activate.passwordHint': {
    nl: 'Minstens 12 tekens. Gebruik een lange zin of een wachtwoordmanager; niet uw naam of e-mailadres.',
    en: 'At least 12 characters. Use a long sentence or a password manager; not your name or e-mail address.',
  },
  'activate.repeat': { nl: 'Herhaal het wachtwoord', en: 'Repeat the password' },
  'activate.mismatch': { nl: 'De wachtwoorden zijn niet gelijk.', en: 'The passwords do not match.' },
  'activate.submit': { nl: 'Wachtwoord instellen', en: 'Set password' },
  'activate.noToken': {
    nl: 'Deze pagina opent u met de activeringslink die u van de beheerder kreeg.',
    en: 'Open this page with the activation link you received from the administrator.',
  },
  'activate.toLogin': { nl: 'Naar inloggen', en: 'Go to log in' },

  'twoFactor.title': { nl: 'Tweestapsverificatie', en: 'Two-factor authentication' },
  'twoFactor.on': {
    nl: 'Tweestapsverificatie staat aan. Herstelcodes over: {count}.',
    en: 'Two-factor authentication is on. Recovery codes left: {count}.',
  },
  'twoFactor.off': {
    nl: 'Met tweestapsverificatie vraagt Overleg bij het inloggen ook een code uit een authenticator-app op uw telefoon.',
    en: 'With two-factor authentication Overleg also asks for a code from an authenticator app on your phone when you log in.',
  },
  'twoFactor.requiredNow': {
    nl: 'Uw team vereist tweestapsverificatie. Stel die nu in; daarna kunt u verder met Overleg.',
    en: 'Your team requires two-factor authentication. Set it up now; then you can continue with Overleg.',
  },
  'twoFactor.demoBanner': {
    nl: 'Tweestapsverificatie staat uit voor deze demo, zodat inloggen één klik blijft. In productie is die verplicht. Zet haar aan in uw profiel.',
    en: 'Two-factor authentication is off for this demo, so logging in stays one click. In production it is required. Turn it on in your profile.',
  },
  'twoFactor.demoBannerLink': { nl: 'Naar mijn profiel', en: 'Go to my profile' },
  'twoFactor.start': { nl: 'Tweestapsverificatie instellen', en: 'Set up two-factor authentication' },
  'twoFactor.scan': {
    nl: 'Scan deze QR-code met uw authenticator-app (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP). Kunt u niet scannen? Voer dan de sleutel hieronder in.',
    en: 'Scan this QR code with your authenticator app (for example Microsoft Authenticator, Google Authenticator or FreeOTP). Cannot scan? Enter the key below instead.',
  },
  'twoFactor.qrAlt': { nl: 'QR-code voor uw authenticator-app', en: 'QR code for your authenticator app' },
  'twoFactor.secret': { nl: 'Sleutel', en: 'Key' },
  'twoFactor.confirmCode': { nl: 'Code uit de app', en: 'Code from the app' },
  'twoFactor.confirm': { nl: 'Bevestigen en aanzetten', en: 'Confirm and turn on' },
  'twoFactor.codesTitle': { nl: 'Uw herstelcodes', en: 'Your recovery codes' },
  'twoFactor.codesIntro': {
    nl: 'Bewaar deze codes op een veilige plek. Elke code werkt één keer, als u uw telefoon kwijt bent. U ziet ze alleen nu.',
    en: 'Keep these codes in a safe place. Each code works once, if you lose your phone. You only see them now.',
  },
  'twoFactor.codesSaved': { nl: 'Ik heb de codes bewaard', en: 'I have saved the codes' },
  'twoFactor.renew': { nl: 'Nieuwe herstelcodes maken', en: 'Create new recovery codes' },
  'twoFactor.renewHint': { nl: 'De oude codes werken dan niet meer.', en: 'The old codes then stop working.' },
  'twoFactor.disable': { nl: 'Tweestapsverificatie uitzetten', en: 'Turn off two-factor authentication' },
  'twoFactor.disablePassword': { nl: 'Uw wachtwoord', en: 'Your password' },
  'twoFactor.disabled': { nl: 'Tweestapsverificatie staat uit.', en: 'Two-factor authentication is off.' },
  'twoFactor.requiredByTeam': {
    nl: 'Uw team vereist tweestapsverificatie; uitzetten kan niet.',
    en: 'Your team requires two-factor authentication; it cannot be turned off.',
  },

  'sessions.title': { nl: 'Actieve sessies', en: 'Active sessions' },
  'sessions.started': { nl: 'Ingelogd op', en: 'Logged in at' },
  'sessions.lastSeen': { nl: 'Laatst actief', en: 'Last active' },
  'sessions.expires': { nl: 'Verloopt uiterlijk', en: 'Expires at the latest' },
  'sessions.current': { nl: 'Deze sessie', en: 'This session' },
  'sessions.other': { nl: 'Andere sessie', en: 'Other session' },
  'sessions.endOthers': { nl: 'Alle andere sessies beëindigen', en: 'End all other sessions' },
  'sessions.ended': { nl: '{count} andere sessie(s) beëindigd.', en: '{count} other session(s) ended.' },

  'team.activationHint': {
    nl: 'Het nieuwe lid kiest zelf een wachtwoord met een eenmalige activeringslink, 72 uur geldig.',
    en: 'The new member chooses their own password with a one-time activation link, valid for 72 hours.',
  },
  'team.activationMailed': {
    nl: '{name} is toegevoegd. De activeringslink is per e-mail verstuurd.',
    en: '{name} has been added. The activation link has been sent by e-mail.',
  },
  'team.activationLink': { nl: 'Activeringslink voor {name}', en: 'Activation link for {name}' },
  'team.activationLinkHint': {
    nl: 'E-mail is niet ingesteld: geef deze link persoonlijk door. Hij werkt één keer en verloopt op {until}. Gebruik hem niet zelf.',
    en: 'E-mail is not configured: hand this link over in person. It works once and expires at {until}. Do not use it yourself.',
  },
  'team.activationPending': { nl: 'Wacht op activering (tot {until})', en: 'Awaiting activation (until {until})' },
  'team.activationExpired': { nl: 'Activeringslink verlopen', en: 'Activation link expired' },
  'team.reissue': { nl: 'Nieuwe activeringslink', en: 'New activation link' },
  'team.twoFactorOn': { nl: '2FA aan', en: '2FA on' },
  'team.resetTwoFactor': { nl: '2FA herstellen', en: 'Reset 2FA' },
  'team.resetTwoFactorConfirm': {
    nl: 'Tweestapsverificatie van {name} verwijderen? {name} stelt haar opnieuw in bij de volgende keer inloggen.',
    en: 'Remove two-factor authentication of {name}? {name} sets it up again at the next login.',
  },
  'team.security': { nl: 'Beveiliging', en: 'Security' },
  'team.twoFactorRequired': { nl: '2FA verplicht', en: '2FA required' },
  'team.twoFactorRequiredHint': {
    nl: 'Tweestapsverificatie verplicht voor iedereen die persoonsgegevens kan inzien, en voor beheerders (BIO 23.1a).',
    en: 'Two-factor authentication required for everyone who can see personal data, and for administrators (BIO 23.1a).',
  },
} satisfies Dictionary;
