import type { Catalog } from './messages';

// P12 corrections, P14 access requests and P1 free text (issue 11 items 4 and 9).
export const correctionsMessages = {
  'corrections.providerOnly': {
    nl: 'Alleen de partner die dit gegeven heeft verstrekt (of de coördinator namens die partner) kan het corrigeren, verwijderen of beperken (BIT art. 6.7).',
    en: 'Only the partner that provided this item (or the coordinator on its behalf) can correct, erase or restrict it (BIT art. 6.7).',
  },
  'corrections.erased': {
    nl: 'Dit gegeven is verwijderd en kan niet meer worden gewijzigd.',
    en: 'This item was erased and can no longer be changed.',
  },
  'corrections.unchanged': {
    nl: 'De nieuwe waarde is gelijk aan de huidige: er valt niets te corrigeren.',
    en: 'The new value equals the current one: nothing to correct.',
  },
  'corrections.alreadyRestricted': { nl: 'Dit gegeven is al beperkt.', en: 'This item is already restricted.' },
  'corrections.notRestricted': { nl: 'Dit gegeven is niet beperkt.', en: 'This item is not restricted.' },
  'access.notNeeded': { nl: 'U ziet de betrokkenen van deze casus al.', en: 'You already see the betrokkenen of this casus.' },
  'access.reasonTooShort': {
    nl: 'Geef een reden van minstens 10 tekens: waarom is inzage nodig voor uw taak in deze casus (art. 20.11)?',
    en: 'Give a reason of at least 10 characters: why does your task in this casus need access (art. 20.11)?',
  },
  'freeText.personalData': {
    nl: 'Het veld ‘{field}’ lijkt {kind} te bevatten. Vrije tekst is niet voor persoonsgegevens (art. 20.9): leg ze vast als gegeven bij de betrokkene.',
    en: 'The field ‘{field}’ seems to contain {kind}. Free text is not for personal data (art. 20.9): record them as an item of the betrokkene.',
  },
} satisfies Catalog;
