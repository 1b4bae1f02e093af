// The dictionaries of the pages behind the login, loaded with the first lazy page or the session
// (one chunk per language), never in the entry. A new dictionary file goes here (or in ./shell.ts
// when the login screen needs it) and its type in ./index.ts.
export { accountText } from './account';
export { casesText } from './cases';
export { reportsText } from './reports';
export { minutesText } from './minutes';
export { meetingsText } from './meetings';
export { privacyText } from './privacy';
export { securityText } from './security';
export { recordText } from './record';
export { formsText } from './forms';
export { breachesText } from './breaches';
export { covenantsText } from './covenants';
export { fgText } from './fg';
export { correctionsText } from './corrections';
export { notifyText } from './notify';
export { partnersText } from './partners';
