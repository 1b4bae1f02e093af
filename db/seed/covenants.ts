// The two teams as their covenants define them (shared/seeds): partner organisations, kinds,
// covenant dates, reporting cadence and the sharing matrix of art. 20.3–20.7. These are real
// public organisations, not demo data: production uses them too (npm run create-admin).
import type { Audience, ItemCategory, PartnerKind, ReportingCadence } from '../schema';
import { itemCategories, partnerKinds } from '../schema';
import { allowedAudiences } from '../../server/privacy/visibility';

export type PartnerDef = { name: string; shortName: string; kind: PartnerKind; slug: string };
export type CovenantDef = {
  title: string;
  citation: string;
  documentRef?: string;
  signedOn?: string | null;
  startsOn: string;
  endsOn: string | null;
  renewalRule: string | null;
  /** BIT art. 14.1: initial term and tacit renewal; the end date is computed from them. */
  initialTermMonths?: number | null;
  tacitRenewalMonths?: number | null;
  reportingCadence: ReportingCadence;
  reportRecipient: string;
  /** Minimum written notice before a partner leaves: PIT art. 14.3 two months; BIT art. 14.2 none. */
  leaveNoticeMonths: number;
  changes?: string;
};
export type TeamDef = {
  slug: 'pit' | 'bit';
  code: string;
  name: string;
  region: string;
  covenant: CovenantDef;
  /**
   * Where the seeded sharing matrix comes from, as its history shows it. PIT's covenant lists the
   * categories per kind (art. 20.3–20.7); BIT's names none, so its matrix is its own
   * configuration — seeded with the same table as a labelled demo default, not as BIT law.
   */
  matrixBasis: string;
  partners: PartnerDef[];
  /** art. 26.4: the partner (slug) that informs betrokkenen for the team; absent = the coordinator. */
  informingPartner?: string;
};

const gemeente = (name: string, slug: string): PartnerDef => ({ name: `Gemeente ${name}`, shortName: name, kind: 'gemeente', slug });

export const teamDefs: TeamDef[] = [
  {
    slug: 'pit',
    code: 'PIT',
    name: 'PIT Peelland',
    region: 'Peelland (basisteam Peelland)',
    covenant: {
      title: 'Convenant betreffende integrale overheidshandhaving — Peelland Interventieteam',
      citation: 'PIT convenant 2022 - 2025',
      documentRef: 'PIT convenant 2022 - 2025 (art. 16.2)',
      startsOn: '2022-01-01',
      // art. 14.1: the covenant runs for a period that ends on 1 January 2026.
      endsOn: '2026-01-01',
      renewalRule: null,
      // art. 4.2: yearly progress report to the partners.
      reportingCadence: 'yearly',
      reportRecipient: 'De convenantpartners (stuurgroep PIT)',
      // art. 14.3: a partner leaves with at least two months' written notice.
      leaveNoticeMonths: 2,
    },
    matrixBasis: 'PIT convenant art. 20.3–20.7',
    partners: [
      gemeente('Helmond', 'helmond'),
      gemeente('Asten', 'asten'),
      gemeente('Deurne', 'deurne'),
      gemeente('Gemert-Bakel', 'gemert-bakel'),
      gemeente('Laarbeek', 'laarbeek'),
      gemeente('Someren', 'someren'),
      { name: 'Politie Eenheid Oost-Brabant', shortName: 'Politie', kind: 'politie', slug: 'politie' },
      { name: 'Veiligheidsregio Brabant-Zuidoost', shortName: 'VRBZO', kind: 'veiligheidsregio', slug: 'vrbzo' },
      { name: 'Senzer (Werkbedrijf Atlant De Peel)', shortName: 'Senzer', kind: 'sociale_dienst', slug: 'senzer' },
      { name: 'Belastingsamenwerking Oost-Brabant', shortName: 'BSOB', kind: 'belastingen', slug: 'bsob' },
    ],
    // PIT art. 26.4: "dan informeert de gemeente Helmond betrokkene conform artikel 14 AVG".
    informingPartner: 'helmond',
  },
  {
    slug: 'bit',
    code: 'BIT',
    name: 'BIT Gooi en Vechtstreek',
    region: 'Gooi en Vechtstreek (politiedistrict)',
    covenant: {
      title: 'Kaderconvenant betreffende integrale overheidshandhaving — Bestuurlijk Interventieteam Gooi en Vechtstreek',
      citation: 'BIT convenant 2022',
      documentRef: 'BIT convenant 2022 (art. 16.2)',
      startsOn: '2022-01-01',
      // BIT art. 14.1: one year, then tacitly renewed for five years unless the first-year
      // evaluation calls for change: the end date (2022 + 1 + 5 = 2028-01-01) is computed.
      endsOn: null,
      initialTermMonths: 12,
      tacitRenewalMonths: 60,
      renewalRule:
        'Eén jaar, daarna stilzwijgend verlengd met vijf jaar tenzij de evaluatie van het eerste jaar tot wijziging noopt (art. 14.1)',
      // BIT art. 4: half-yearly to the DVC.
      reportingCadence: 'half_yearly',
      reportRecipient: 'Districtelijk Veiligheidscollege (DVC) Gooi en Vechtstreek',
      // BIT art. 14.2: written notice to all partners, without a minimum term.
      leaveNoticeMonths: 0,
    },
    matrixBasis: 'Eigen configuratie van het team (demo-standaard)',
    partners: [
      gemeente('Blaricum', 'blaricum'),
      gemeente('Gooise Meren', 'gooise-meren'),
      gemeente('Hilversum', 'hilversum'),
      gemeente('Huizen', 'huizen'),
      gemeente('Laren', 'laren'),
      gemeente('Wijdemeren', 'wijdemeren'),
      { name: 'Politie Eenheid Midden-Nederland', shortName: 'Politie', kind: 'politie', slug: 'politie' },
    ],
  },
];

/**
 * DEMO ONLY — not a real covenant. The real PIT covenant ended on 1 January 2026 (art. 14.1) and
 * no successor is public; so that the PIT demo team can work today, the demo seed registers this
 * clearly labelled fictitious successor. Production never gets it: a real team registers its own
 * renewal on the Convenant page (proposal by admin/coordinator, approval by the FG).
 */
export const demoSuccessors: Partial<Record<TeamDef['slug'], CovenantDef>> = {
  pit: {
    title: 'Fictief vervolgconvenant PIT Peelland 2026–2029 (demo, geen echt convenant)',
    citation: 'Fictief vervolgconvenant (demo)',
    documentRef: 'DEMO-FICTIEF-PIT-2026',
    signedOn: '2025-12-15',
    startsOn: '2026-01-01',
    endsOn: '2030-01-01',
    renewalRule: null,
    reportingCadence: 'yearly',
    reportRecipient: 'De convenantpartners (stuurgroep PIT)',
    leaveNoticeMonths: 2,
    changes: 'Fictief (demo): zet het PIT convenant 2022 - 2025 ongewijzigd voort, zodat de demo vandaag persoonsgegevens kan vastleggen.',
  },
};

/** art. 20.3–20.7 (SPEC §4 P2): the seeded matrix is the covenant's limits themselves, each at its widest. */
export function defaultSharingMatrix(): { sourceKind: PartnerKind; category: ItemCategory; audience: Audience }[] {
  return partnerKinds.flatMap((sourceKind) =>
    itemCategories.flatMap((category) => {
      const widest = allowedAudiences(sourceKind, category)[0];
      return widest ? [{ sourceKind, category, audience: widest }] : [];
    }),
  );
}

export const defaultThemes = [
  'Ondermijning',
  'Woonoverlast',
  'Huisvesting arbeidsmigranten',
  'Drugs / hennep',
  'Milieu',
  'Bouw- en woningtoezicht',
  'Brandveiligheid',
  'Uitkeringsfraude',
  'Fiscale fraude',
  'Overig',
];
