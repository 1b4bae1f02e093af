// A lazily loaded page: its chunk and the pages' dictionaries (i18n/pages.ts) load in parallel,
// and the page draws once both are here, so it never shows an untranslated moment.
import { lazy } from 'solid-js';
import { loadPageTexts } from '../i18n';

type Load = Parameters<typeof lazy>[0];

export function page(load: Load) {
  return lazy(() => Promise.all([load(), loadPageTexts()]).then(([module]) => module));
}
