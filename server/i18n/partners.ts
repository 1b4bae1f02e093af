import type { Catalog } from './messages';

// Messages of joining, leaving and suspending partners and of matrix proposals (PIT art. 12–14, BIT art. 6.6, art. 13).
export const partnersMessages = {
  'partners.joiningDecided': { nl: 'Over dit verzoek is al besloten.', en: 'This request has already been decided.' },
  'partners.consentRecorded': {
    nl: 'De instemming van deze partner is al vastgelegd.',
    en: "This partner's consent has already been recorded.",
  },
  'partners.annexMissing': {
    nl: 'Leg eerst de referentie van de ondertekende toetredingsbijlage vast (art. 12.2).',
    en: 'First record the reference of the signed accession annex (art. 12.2).',
  },
  'partners.consentsMissing': {
    nl: 'Nog niet alle partners hebben ingestemd met de toetreding (art. 12.1).',
    en: 'Not every partner has consented to the joining yet (art. 12.1).',
  },
  'partners.leaveBeforeNotice': {
    nl: 'De uittreedatum kan niet voor de datum van de opzegging liggen.',
    en: 'The leaving date cannot lie before the date of notice.',
  },
  'partners.suspensionOpen': {
    nl: 'Voor deze partner loopt al een voorstel of schorsing.',
    en: 'A proposal or suspension is already open for this partner.',
  },
  'partners.suspensionNotInEffect': { nl: 'Deze schorsing is niet van kracht.', en: 'This suspension is not in effect.' },
  'sharing.proposalDecided': { nl: 'Over dit voorstel is al besloten.', en: 'This proposal has already been decided.' },
  'sharing.duplicateCell': {
    nl: 'Een voorstel noemt elke combinatie van soort partner en categorie hoogstens één keer.',
    en: 'A proposal names each combination of partner kind and category at most once.',
  },
} satisfies Catalog;
