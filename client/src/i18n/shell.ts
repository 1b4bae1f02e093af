// The texts the first screen needs before anyone is logged in: the app's frame and sign-in with its
// second step. Evaluated at build time only (vite.config.ts localeTexts): the entry carries the
// Dutch strings, English is fetched on demand; every other text comes with the pages (./pages.ts).
import { accountText } from './account';

export { coreText } from './core';
/** Of the account texts, the login's second step only. */
export const loginText = Object.fromEntries(Object.entries(accountText).filter(([key]) => key.startsWith('login.')));
