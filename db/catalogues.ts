// Catalogues of an integrale controle (art. 1.2, SPEC §2 step 6): what each kind of partner can
// find, and the follow-up measures. Codes are stored; labels are shown (Dutch first, English).
import type { PartnerKind } from './schema/enums';

export type Label = { nl: string; en: string };

export const findingCatalogue = {
  gemeente: {
    bouw: { nl: 'Bouwregelgeving (Bbl/Omgevingswet)', en: 'Building regulations' },
    woon: { nl: 'Woonregelgeving (bewoning, kamerverhuur)', en: 'Housing regulations (occupancy, room letting)' },
    apv: { nl: 'APV-overtreding', en: 'Local bye-law (APV) violation' },
    bibob: { nl: 'Bibob-signaal', en: 'Bibob (integrity screening) signal' },
    milieu: { nl: 'Milieuovertreding', en: 'Environmental violation' },
    brp: { nl: 'Onjuiste inschrijving BRP', en: 'Incorrect population register entry' },
    drank_horeca: { nl: 'Alcoholwet / horeca', en: 'Alcohol Act / hospitality' },
  },
  politie: {
    strafbaar_feit: { nl: 'Strafbaar feit', en: 'Criminal offence' },
    hennep: { nl: 'Hennepkwekerij', en: 'Cannabis cultivation' },
    drugs: { nl: 'Drugs (Opiumwet)', en: 'Drugs (Opium Act)' },
    wapens: { nl: 'Wapens en munitie', en: 'Weapons and ammunition' },
    energiediefstal: { nl: 'Energiediefstal', en: 'Energy theft' },
  },
  veiligheidsregio: {
    brandonveilig: { nl: 'Brandonveilige situatie', en: 'Fire-unsafe situation' },
    vluchtweg: { nl: 'Vluchtweg ontoereikend', en: 'Inadequate escape route' },
    overbewoning: { nl: 'Overbewoning (brandveiligheid)', en: 'Overcrowding (fire safety)' },
  },
  sociale_dienst: {
    uitkering_onterecht: { nl: 'Uitkering onterecht ontvangen', en: 'Benefit wrongly received' },
    woonsituatie: { nl: 'Woonsituatie wijkt af', en: 'Living situation differs' },
    inkomsten_verzwegen: { nl: 'Inkomsten niet gemeld', en: 'Income not reported' },
  },
  belastingen: {
    naheffing: { nl: 'Grondslag voor naheffing', en: 'Grounds for additional assessment' },
    toeristenbelasting: { nl: 'Toeristenbelasting niet afgedragen', en: 'Tourist tax not paid' },
    woz: { nl: 'WOZ-gegevens onjuist', en: 'Property valuation data incorrect' },
  },
  overig: {
    overig: { nl: 'Overige bevinding', en: 'Other finding' },
  },
} as const satisfies Record<PartnerKind, Record<string, Label>>;

/** Every finding type also allows "geen overtreding" for a partner that found nothing. */
export const noFinding = { geen_overtreding: { nl: 'Geen overtreding', en: 'No violation' } } as const;

export const measures = {
  last_onder_dwangsom: { nl: 'Last onder dwangsom', en: 'Order subject to penalty' },
  last_onder_bestuursdwang: { nl: 'Last onder bestuursdwang', en: 'Administrative enforcement order' },
  bestuurlijke_boete: { nl: 'Bestuurlijke boete', en: 'Administrative fine' },
  sluiting: { nl: 'Sluiting', en: 'Closure' },
  proces_verbaal: { nl: 'Proces-verbaal', en: 'Official police report' },
  naheffing: { nl: 'Naheffing', en: 'Additional tax assessment' },
  uitkering_herzien: { nl: 'Uitkering herzien', en: 'Benefit revised' },
  uitkering_stopgezet: { nl: 'Uitkering stopgezet', en: 'Benefit stopped' },
  waarschuwing: { nl: 'Waarschuwing', en: 'Warning' },
  geen: { nl: 'Geen maatregel', en: 'No measure' },
} as const satisfies Record<string, Label>;

export type MeasureCode = keyof typeof measures;
export const measureCodes = Object.keys(measures) as [MeasureCode, ...MeasureCode[]];

/** The finding types a partner of this kind may record (its catalogue plus "geen overtreding"). */
export function findingTypesFor(kind: PartnerKind): Record<string, Label> {
  return { ...findingCatalogue[kind], ...noFinding };
}

export function findingLabel(code: string): Label {
  for (const kind of Object.keys(findingCatalogue) as PartnerKind[]) {
    const label = (findingCatalogue[kind] as Record<string, Label>)[code];
    if (label) return label;
  }
  return (noFinding as Record<string, Label>)[code] ?? { nl: code, en: code };
}

export function measureLabel(code: string): Label {
  return (measures as Record<string, Label>)[code] ?? { nl: code, en: code };
}
