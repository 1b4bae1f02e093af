// The texts the first screen needs before anyone is logged in: the app's frame, sign-in with its
// second step, and the activation and not-found pages. Loaded with the entry (Dutch) or on demand
// (English); every other dictionary comes with the pages (./pages.ts). See ./index.ts.
export { coreText } from './core';
export { accountText } from './account';
