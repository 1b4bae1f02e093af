// Demo casussen (SPEC §6, issue 3 item 7): fictitious problem addresses in every gemeente of both
// teams, betrokkenen with items from several partners (police items included), werkafspraken and
// partner tasks, some overdue. Everything goes through the real domain functions — case codes,
// encryption at rest, the separate police table, case history and the audit chain are the real
// thing. Each record is written with a back-dated clock, in chronological order, so history,
// audit log and case codes read as if the teams had been working for a year.
//
// All people and companies are fictitious (surnames like "Voorbeeldstra", companies like
// "Demobouw"); BSNs come from the 9999xxxxx range the RvIG uses for its test environment and pass
// the 11-proef. Streets and postcode areas are real places of the gemeenten, the cases are not.
// Deterministic: a seeded PRNG, no Math.random; the PIT timeline is anchored on its covenant's
// end date, so PIT case codes (and DEMO_JOURNEY_CASE) are stable.
import { and, count, eq, lt } from 'drizzle-orm';
import { agreements, cases, policeSubjectItems, subjectItems, subjects, tasks, users, type CaseOrigin, type ItemCategory } from '../schema';
import type { AppDeps } from '../../server/deps';
import { addDays, amsterdamDate, amsterdamToUtc } from '../../server/clock';
import { createCase, listThemes, setCaseStatus } from '../../server/domain/cases';
import { createAgreement, setAgreementStatus } from '../../server/domain/agreements';
import { completeTask, createTask, lapseTask } from '../../server/domain/tasks';
import { teamDefs } from './covenants';
import { addItems, addSubject, setInformed, type NewItem } from '../../server/privacy/personal-data';
import { loadActor, type Actor } from '../../server/auth/actor';
import type { DemoIds } from './demo';

/**
 * The casus the browser journey (issue 3) uses: a PIT casus in Helmond with police items, items
 * Senzer may see, and an open task for Senzer. Log in as `senzer@pit.demo` to tick off
 * `senzerTaskTitle`; as `helmond@pit.demo` the police items show on the same casus, as Senzer they
 * do not. The code is stable as long as the seeding clock is after 2025-12-21 (it always is);
 * test/server/demo.test.ts checks it.
 */
export const DEMO_JOURNEY_CASE = {
  team: 'pit',
  code: 'PIT-2025-0016',
  street: 'Mierloseweg',
  houseNumber: 148,
  postcode: '5707 AN',
  city: 'Helmond',
  gemeente: 'helmond',
  senzerTaskTitle: 'Rechtmatigheid bijstand op dit adres toetsen en terugkoppelen in het overleg',
} as const;

export type DemoCasesResult = {
  cases: number;
  subjects: number;
  items: number;
  policeItems: number;
  agreements: number;
  tasks: number;
  tasksOpen: number;
  tasksOverdue: number;
  tasksDone: number;
  tasksLapsed: number;
  journeyCaseId: number;
};

type DemoDeps = Pick<AppDeps, 'db' | 'keys' | 'now' | 'events' | 'config'>;

// ── Deterministic randomness ──────────────────────────────────────────────────────────────────

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  private next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float() {
    return this.next();
  }
  int(min: number, max: number) {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number) {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    const total = list.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of list) {
      r -= w;
      if (r < 0) return v;
    }
    return list.at(-1)![0];
  }
}

// ── Places: real streets and postcode areas of the gemeenten (the casussen are fictitious) ────

type Street = readonly [street: string, postcode: string, city: string];

const places: Record<string, { bagCode: string; streets: Street[] }> = {
  // PIT Peelland
  helmond: {
    bagCode: '0794',
    streets: [
      ['Steenweg', '5701 HG', 'Helmond'],
      ['Kerkstraat', '5701 HP', 'Helmond'],
      ['Molenstraat', '5701 KA', 'Helmond'],
      ['Hoofdstraat', '5706 AK', 'Helmond'],
      ['Deurneseweg', '5709 AJ', 'Helmond'],
      ['Brandevoortse Dreef', '5708 ZB', 'Helmond'],
      ['Heistraat', '5701 HJ', 'Helmond'],
      ['Engelseweg', '5705 AD', 'Helmond'],
    ],
  },
  asten: {
    bagCode: '0743',
    streets: [
      ['Markt', '5721 GE', 'Asten'],
      ['Prins Bernhardstraat', '5721 GB', 'Asten'],
      ['Burgemeester Wijnenstraat', '5721 AG', 'Asten'],
      ['Emmastraat', '5721 EK', 'Asten'],
      ['Ommelseweg', '5721 WT', 'Asten'],
      ['Voordeldonk', '5721 NH', 'Asten'],
    ],
  },
  deurne: {
    bagCode: '0762',
    streets: [
      ['Helmondseweg', '5751 CR', 'Deurne'],
      ['Stationsstraat', '5751 HD', 'Deurne'],
      ['Markt', '5751 BE', 'Deurne'],
      ['Liesselseweg', '5753 AX', 'Deurne'],
      ['Vlierdenseweg', '5756 AB', 'Vlierden'],
      ['Hoofdstraat', '5757 AH', 'Liessel'],
    ],
  },
  'gemert-bakel': {
    bagCode: '1652',
    streets: [
      ['Ridderplein', '5421 CX', 'Gemert'],
      ['Nieuwstraat', '5421 KP', 'Gemert'],
      ['Kerkstraat', '5421 KH', 'Gemert'],
      ['Dorpsstraat', '5761 BP', 'Bakel'],
      ['Deurneseweg', '5761 RA', 'Bakel'],
      ['Hoofdstraat', '5763 AG', 'Milheeze'],
    ],
  },
  laarbeek: {
    bagCode: '1659',
    streets: [
      ['Heuvelplein', '5741 JK', 'Beek en Donk'],
      ['Piet van Thielplein', '5741 CP', 'Beek en Donk'],
      ['Kerkstraat', '5741 HA', 'Beek en Donk'],
      ['Dorpsstraat', '5735 EC', 'Aarle-Rixtel'],
      ['Bosscheweg', '5735 KV', 'Aarle-Rixtel'],
      ['Molenstraat', '5737 BP', 'Lieshout'],
    ],
  },
  someren: {
    bagCode: '0847',
    streets: [
      ['Wilhelminaplein', '5711 EK', 'Someren'],
      ['Kanaalstraat', '5711 EG', 'Someren'],
      ['Postelstraat', '5711 EL', 'Someren'],
      ['Slievenstraat', '5711 PK', 'Someren'],
      ['Molenstraat', '5711 NB', 'Someren'],
      ['Dorpsstraat', '5715 AE', 'Lierop'],
    ],
  },
  // BIT Gooi en Vechtstreek
  blaricum: {
    bagCode: '0376',
    streets: [
      ['Torenlaan', '1261 GE', 'Blaricum'],
      ['Dorpsstraat', '1261 ET', 'Blaricum'],
      ['Huizerweg', '1261 AV', 'Blaricum'],
      ['Eemnesserweg', '1261 HK', 'Blaricum'],
      ['Bierweg', '1261 BK', 'Blaricum'],
    ],
  },
  'gooise-meren': {
    bagCode: '1942',
    streets: [
      ['Havenstraat', '1404 EN', 'Bussum'],
      ['Brinklaan', '1404 GV', 'Bussum'],
      ["Nieuwe 's-Gravelandseweg", '1405 HM', 'Bussum'],
      ['Huizerweg', '1402 AC', 'Bussum'],
      ['Marktstraat', '1411 EA', 'Naarden'],
      ['Cattenhagestraat', '1411 CV', 'Naarden'],
      ['Herengracht', '1398 AE', 'Muiden'],
    ],
  },
  hilversum: {
    bagCode: '0402',
    streets: [
      ['Groest', '1211 EC', 'Hilversum'],
      ['Kerkstraat', '1211 CM', 'Hilversum'],
      ['Langestraat', '1211 GX', 'Hilversum'],
      ['Havenstraat', '1211 KL', 'Hilversum'],
      ['Larenseweg', '1221 CK', 'Hilversum'],
      ['Soestdijkerstraatweg', '1213 XE', 'Hilversum'],
      ['Oude Amersfoortseweg', '1212 AA', 'Hilversum'],
      ['Lage Naarderweg', '1217 GP', 'Hilversum'],
    ],
  },
  huizen: {
    bagCode: '0406',
    streets: [
      ['Oude Raadhuisstraat', '1271 DJ', 'Huizen'],
      ['Havenstraat', '1271 AE', 'Huizen'],
      ['Ceintuurbaan', '1272 VT', 'Huizen'],
      ['Lindenlaan', '1271 BJ', 'Huizen'],
      ['Nieuwe Bussummerweg', '1272 CH', 'Huizen'],
      ['Crailoseweg', '1272 EW', 'Huizen'],
    ],
  },
  laren: {
    bagCode: '0417',
    streets: [
      ['Brink', '1251 KV', 'Laren'],
      ['Naarderstraat', '1251 BD', 'Laren'],
      ['Zevenend', '1251 RL', 'Laren'],
      ['Eemnesserweg', '1251 NE', 'Laren'],
      ['Hilversumseweg', '1251 EW', 'Laren'],
    ],
  },
  wijdemeren: {
    bagCode: '1696',
    streets: [
      ['Oud-Loosdrechtsedijk', '1231 LV', 'Loosdrecht'],
      ['Nieuw-Loosdrechtsedijk', '1231 KR', 'Loosdrecht'],
      ['Kortenhoefsedijk', '1241 LJ', 'Kortenhoef'],
      ['Dammerweg', '1394 GN', 'Nederhorst den Berg'],
      ['Middenweg', '1394 AH', 'Nederhorst den Berg'],
      ['Noordereinde', '1243 JK', "'s-Graveland"],
      ['Stichts End', '1244 PL', 'Ankeveen'],
    ],
  },
};

// How many casussen per gemeente (the journey casus comes on top of Helmond's).
const casesPerGemeente: Record<'pit' | 'bit', Record<string, number>> = {
  pit: { helmond: 6, asten: 3, deurne: 4, 'gemert-bakel': 4, laarbeek: 3, someren: 3 },
  bit: { hilversum: 6, 'gooise-meren': 5, huizen: 4, blaricum: 3, laren: 3, wijdemeren: 4 },
};

// ── Fictitious people and companies ──────────────────────────────────────────────────────────

const firstNames = [
  'Karin',
  'Ruud',
  'Sandra',
  'Henk',
  'Ahmed',
  'Fatima',
  'Kevin',
  'Priscilla',
  'Marco',
  'Yvonne',
  'Dennis',
  'Bianca',
  'Tomasz',
  'Agnieszka',
  'Ionut',
  'Andreea',
  'Sevda',
  'Gerrit',
  'Mehmet',
  'Chantal',
];
const surnames = [
  'Voorbeeldstra',
  'van Verzinselen',
  'Proefhuizen',
  'de Bedenker',
  'Fictiefsma',
  'Demokamp',
  'Nepveld',
  'van Testerlo',
  'Schijnhout',
  'Verzonnenbroek',
  'Oefenmans',
  'van Denkbeeld',
  'Modelhoven',
  'van Bedacht',
  'Testowski',
  'Exemplescu',
  'Proefoglu',
];
const companies = [
  'Demobouw',
  'Voorbeeld Uitzendbureau',
  'Fictief Vastgoedbeheer',
  'Proefhandel Internationaal',
  'Nepwonen Verhuur',
  'Bedacht Autobedrijf',
  'Testcar Export',
  'Schijnholding',
  'Denkbeeld Logistiek',
  'Verzonnen Installatietechniek',
  'Modelshop Import',
  'Oefenhuis Kamerverhuur',
];
const companyForms = ['B.V.', 'B.V.', 'V.O.F.', 'Holding B.V.'];
const plateLetters = 'BDFGHJKLNPRSTVXZ';

type Identity = {
  kind: 'person' | 'company';
  naw: string;
  birth: string;
  gender: 'man' | 'vrouw';
  phone: string;
  bsn: string;
  plate: string;
};

function makeBsn(rng: Rng, used: Set<string>): string {
  for (;;) {
    const body = `9999${String(rng.int(0, 9999)).padStart(4, '0')}`;
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += Number(body[i]) * (9 - i);
    const check = sum % 11; // 11-proef: sum − check ≡ 0 (mod 11)
    if (check === 10) continue;
    const bsn = `${body}${check}`;
    if (used.has(bsn)) continue;
    used.add(bsn);
    return bsn;
  }
}

function makePlate(rng: Rng): string {
  const L = () => plateLetters[rng.int(0, plateLetters.length - 1)]!;
  const D = () => String(rng.int(0, 9));
  switch (rng.int(0, 5)) {
    case 0:
      return `${L()}${L()}-${D()}${D()}${D()}-${L()}`; // sidecode 9
    case 1:
      return `${rng.int(1, 9)}-${L()}${L()}${L()}-${D()}${D()}`; // sidecode 8
    case 2:
      return `${L()}${L()}${L()}-${D()}${D()}-${L()}`; // sidecode 11
    case 3:
      return `${L()}-${D()}${D()}${D()}-${L()}${L()}`; // sidecode 10
    case 4:
      return `PO ${rng.int(10, 99)}${rng.int(100, 999)}${L()}`; // Polish plate: accepted with a warning
    default:
      return `${D()}${D()}-${L()}${L()}${L()}-${rng.int(1, 9)}`; // sidecode 7
  }
}

// ── Content per theme (descriptions, werkafspraken, tasks: no personal data) ─────────────────

type Who = 'gemeente' | 'politie' | 'vrbzo' | 'senzer' | 'bsob';
type TaskTpl = { who: Who; title: string; note: string };
// `alt`: the text for a team without that partner (BIT has no Senzer, BSOB or veiligheidsregio).
type AgreementTpl = { who: Who; text: string; alt?: string; tasks: TaskTpl[] };
type ThemeTpl = { descriptions: string[]; agreements: AgreementTpl[]; naleving: string[] };

const themeContent: Record<string, ThemeTpl> = {
  Ondermijning: {
    descriptions: [
      'Bedrijfsunit met wisselende huurders en weinig zichtbare bedrijfsactiviteit; signalen van een mogelijke dekmantel.',
      'Horecazaak met opvallend weinig bezoekers en een hoge omzet volgens signalen uit de wijk.',
      'Loods op het bedrijventerrein met nachtelijke activiteit en afgeplakte ramen.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Integrale controle van het pand onder regie van de gemeente; Bibob-toets bij de huurovereenkomst.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Integrale controle plannen en vergunningen op dit adres naast elkaar leggen',
            note: 'Controle uitgevoerd; geen vergunning voor het huidige gebruik. Vooraankondiging last onder dwangsom verstuurd.',
          },
          {
            who: 'politie',
            title: 'Politie-informatie over het pand inbrengen in het volgende overleg',
            note: 'Informatie ingebracht in het overleg en vastgelegd bij de betrokkenen.',
          },
        ],
      },
      {
        who: 'bsob',
        text: 'BSOB toetst de WOZ-registratie en de gebruiksfunctie van het object.',
        alt: 'Gemeente toetst de WOZ-registratie en de gebruiksfunctie van het object.',
        tasks: [
          {
            who: 'bsob',
            title: 'WOZ-registratie en gebruiksfunctie van het object controleren',
            note: 'WOZ-object herzien en gebruiksfunctie aangepast; navorderingsaanslag opgelegd.',
          },
        ],
      },
    ],
    naleving: [
      'Vermoedelijk gebruik van het pand als dekmantel voor criminele activiteiten',
      'Huurovereenkomst vermoedelijk op naam van een katvanger',
    ],
  },
  Woonoverlast: {
    descriptions: [
      'Herhaalde meldingen van geluidsoverlast en vervuiling rond het portiek; buurtbemiddeling gaf geen resultaat.',
      'Tuin en woning ernstig vervuild; omwonenden melden ongedierte.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Gemeente voert regie op een gezamenlijke aanpak met woningcorporatie en wijkteam.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Keukentafelgesprek organiseren met woningcorporatie en wijkteam',
            note: 'Gesprek gevoerd; afspraken over schoonmaak en begeleiding vastgelegd in een plan van aanpak.',
          },
          {
            who: 'politie',
            title: 'Overzicht van meldingen van het afgelopen halfjaar aanleveren',
            note: 'Overzicht aangeleverd; het aantal meldingen neemt af sinds de start van de aanpak.',
          },
        ],
      },
      {
        who: 'politie',
        text: 'Politie verhoogt het toezicht in de avonduren (wijkagent).',
        tasks: [
          {
            who: 'politie',
            title: 'Extra surveillance in de avonduren en terugkoppeling aan het overleg',
            note: 'Vier avonden gesurveilleerd; geen overlast waargenomen.',
          },
        ],
      },
    ],
    naleving: ['Herhaalde overlast in strijd met de APV en het huurcontract', 'Ernstige vervuiling van woning en tuin (APV)'],
  },
  'Huisvesting arbeidsmigranten': {
    descriptions: [
      'Eengezinswoning vermoedelijk bewoond door meer personen dan toegestaan; veel wisselende busjes met buitenlandse kentekens.',
      'Voormalige boerderij in het buitengebied mogelijk in gebruik als logiesgebouw zonder vergunning.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Gemeente controleert de bewoning en de BRP-inschrijvingen op het adres (adresonderzoek).',
        tasks: [
          { who: 'gemeente', title: 'Adresonderzoek BRP uitvoeren', note: 'Adresonderzoek afgerond; inschrijvingen gecorrigeerd.' },
          {
            who: 'vrbzo',
            title: 'Brandveiligheid bij de bewoning beoordelen',
            note: 'Controle uitgevoerd; rookmelders geplaatst na aanschrijving.',
          },
        ],
      },
      {
        who: 'bsob',
        text: 'BSOB beoordeelt de toeristenbelasting voor logiesverstrekking.',
        alt: 'Gemeente beoordeelt de toeristenbelasting voor logiesverstrekking.',
        tasks: [
          {
            who: 'bsob',
            title: 'Aanslag toeristenbelasting voor logiesverstrekking beoordelen',
            note: 'Aanslag opgelegd over de afgelopen twee jaar.',
          },
        ],
      },
    ],
    naleving: [
      'Huisvesting van meer arbeidsmigranten dan het bestemmingsplan toestaat',
      'Feitelijke bewoning wijkt af van de inschrijving in de BRP',
    ],
  },
  'Drugs / hennep': {
    descriptions: [
      'Signalen van verhoogd stroomverbruik en een kenmerkende geur; mogelijk een hennepkwekerij in de schuur.',
      'Drukte aan de deur met kortstondige bezoeken; mogelijk handel vanuit de woning.',
    ],
    agreements: [
      {
        who: 'politie',
        text: 'Politie onderzoekt de signalen en bepaalt de inzet.',
        tasks: [
          {
            who: 'politie',
            title: 'Signalen verifiëren en terugkoppelen of inzet volgt',
            note: 'Ruiming uitgevoerd; proces-verbaal opgemaakt.',
          },
        ],
      },
      {
        who: 'gemeente',
        text: 'Gemeente beoordeelt sluiting op grond van art. 13b Opiumwet.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Voornemen sluiting art. 13b Opiumwet voorbereiden',
            note: 'Voornemen verzonden; woning voor drie maanden gesloten.',
          },
          { who: 'senzer', title: 'Nagaan of op dit adres uitkeringen lopen', note: 'Nagegaan en teruggekoppeld in het overleg.' },
        ],
      },
    ],
    naleving: ['Vermoedelijke hennepteelt in de woning of bijgebouwen', 'Vermoedelijke handel in verdovende middelen vanuit de woning'],
  },
  Milieu: {
    descriptions: [
      'Opslag van afval en autowrakken op het erf; mogelijke bodemverontreiniging.',
      'Bedrijf lijkt zonder melding te werken met gevaarlijke stoffen.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Gemeente laat de omgevingsdienst een milieucontrole uitvoeren.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Milieucontrole door de omgevingsdienst laten uitvoeren',
            note: 'Controle uitgevoerd; hersteltermijn van zes weken gegeven.',
          },
          {
            who: 'politie',
            title: 'Herkomst van de opgeslagen voertuigen nagaan',
            note: 'Voertuigen nagelopen; twee gesignaleerde voertuigen in beslag genomen.',
          },
        ],
      },
    ],
    naleving: ['Opslag van afvalstoffen zonder vergunning (Omgevingswet)', 'Werken met gevaarlijke stoffen zonder melding'],
  },
  'Bouw- en woningtoezicht': {
    descriptions: [
      'Bijgebouw zonder vergunning verbouwd tot zelfstandige woonruimte.',
      'Woning gesplitst in kamers zonder omzettingsvergunning.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Gemeente start een handhavingstraject bouw- en woningtoezicht.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Bouwkundige controle en vooraankondiging last onder dwangsom',
            note: 'Vooraankondiging verstuurd; de eigenaar heeft een zienswijze ingediend.',
          },
          {
            who: 'vrbzo',
            title: 'Vluchtwegen en brandcompartimentering beoordelen',
            note: 'Beoordeeld; tweede vluchtweg ontbreekt, meegenomen in het handhavingsbesluit.',
          },
        ],
      },
    ],
    naleving: ['Kamerverhuur zonder omzettingsvergunning', 'Bouwwerk zonder omgevingsvergunning in gebruik'],
  },
  Brandveiligheid: {
    descriptions: [
      'Bedrijfsverzamelgebouw met vermoedelijk bewoning op de verdieping; vluchtwegen geblokkeerd.',
      'Opslag van brandbare materialen in een kelder onder woningen.',
    ],
    agreements: [
      {
        who: 'vrbzo',
        text: 'Veiligheidsregio voert een brandveiligheidscontrole uit en adviseert de gemeente.',
        alt: 'Gemeente laat de brandweer een brandveiligheidscontrole uitvoeren en bepaalt het vervolg.',
        tasks: [
          {
            who: 'vrbzo',
            title: 'Brandveiligheidscontrole uitvoeren en advies opstellen',
            note: 'Controle uitgevoerd; advies om de bovenverdieping te ontruimen is opgevolgd.',
          },
          {
            who: 'gemeente',
            title: 'Bestuurlijk vervolg op het brandveiligheidsadvies bepalen',
            note: 'Last onder bestuursdwang opgelegd; het gebruik is beëindigd.',
          },
        ],
      },
    ],
    naleving: [
      'Bewoning van een bedrijfspand zonder gebruiksmelding brandveilig gebruik',
      'Geblokkeerde vluchtwegen bij controle aangetroffen',
    ],
  },
  Uitkeringsfraude: {
    descriptions: [
      'Signalen dat meer volwassenen op het adres wonen dan bekend is; mogelijk onrechtmatige uitkeringen.',
      'Op het adres ingeschreven uitkeringsgerechtigden lijken elders te verblijven.',
    ],
    agreements: [
      {
        who: 'senzer',
        text: 'Senzer toetst de rechtmatigheid van de uitkeringen op dit adres.',
        alt: 'Gemeente (werk en inkomen) toetst de rechtmatigheid van de uitkeringen op dit adres.',
        tasks: [
          {
            who: 'senzer',
            title: 'Rechtmatigheidsonderzoek bijstand op dit adres uitvoeren',
            note: 'Onderzoek afgerond; uitkering herzien en teruggevorderd.',
          },
          {
            who: 'gemeente',
            title: 'Huisbezoek samen met de uitkeringsinstantie plannen',
            note: 'Huisbezoek afgelegd; bevindingen gedeeld in het overleg.',
          },
        ],
      },
    ],
    naleving: ['Vermoedelijk niet gemelde samenwoning bij bijstandsuitkering', 'Vermoedelijk niet opgegeven inkomsten uit onderverhuur'],
  },
  'Fiscale fraude': {
    descriptions: [
      'Bedrijf staat ingeschreven op een woonadres zonder zichtbare bedrijfsactiviteit; signalen van een schijnconstructie.',
      'Verhuur van vakantiewoningen zonder registratie.',
    ],
    agreements: [
      {
        who: 'bsob',
        text: 'BSOB onderzoekt de gemeentelijke belastingen en heffingen van het object.',
        alt: 'Gemeente onderzoekt de gemeentelijke belastingen en heffingen van het object.',
        tasks: [
          {
            who: 'bsob',
            title: 'Heffingen en registratie van het object nagaan',
            note: 'Registratie aangepast; aanslagen over drie jaar opgelegd.',
          },
          {
            who: 'gemeente',
            title: 'Bedrijfsactiviteit toetsen aan het bestemmingsplan',
            note: 'Activiteit in strijd met het bestemmingsplan; aanschrijving verstuurd.',
          },
        ],
      },
    ],
    naleving: ['Toeristenbelasting niet afgedragen bij vakantieverhuur', 'Vermoedelijke schijninschrijving van een onderneming'],
  },
  Overig: {
    descriptions: [
      'Leegstaand pand met signalen van kraak en illegale bewoning.',
      'Pand waar na sluitingstijd regelmatig bijeenkomsten plaatsvinden.',
    ],
    agreements: [
      {
        who: 'gemeente',
        text: 'Gemeente neemt contact op met de eigenaar over beveiliging en gebruik van het pand.',
        tasks: [
          {
            who: 'gemeente',
            title: 'Eigenaar aanschrijven over beveiliging van het pand',
            note: 'Eigenaar heeft het pand dichtgezet en een camera geplaatst.',
          },
          {
            who: 'politie',
            title: 'Surveillance rond het pand en terugkoppeling aan het overleg',
            note: 'Gesurveilleerd; geen nieuwe signalen.',
          },
        ],
      },
    ],
    naleving: ['Illegale bewoning van een leegstaand pand', 'Gebruik in strijd met de exploitatievergunning'],
  },
};

const followUps: { title: string; note: string }[] = [
  { title: 'Hercontrole uitvoeren na afloop van de hersteltermijn', note: 'Hercontrole uitgevoerd; overtreding opgeheven.' },
  { title: 'Stand van zaken inbrengen in het volgende overleg', note: 'Stand van zaken toegelicht in het overleg.' },
  { title: 'Vervolgstappen afstemmen met de eigenaar van het pand', note: 'Afgestemd; eigenaar werkt mee aan herstel.' },
  { title: 'Bevindingen van de controle vastleggen en delen', note: 'Bevindingen vastgelegd in het dossier en gedeeld met de partners.' },
  {
    title: 'Resultaat van de aanschrijving nagaan en terugkoppelen',
    note: 'Aanschrijving opgevolgd; terugkoppeling gegeven in het overleg.',
  },
  { title: 'Mogelijkheden voor een gezamenlijke vervolgcontrole verkennen', note: 'Vervolgcontrole ingepland met de betrokken partners.' },
];

const kindNaleving: Record<Exclude<Who, 'gemeente'>, string[]> = {
  politie: [
    'Meerdere politiemeldingen over overlast en vermoedelijke drugshandel op het adres',
    'Voertuig meermaals waargenomen bij een vermoedelijke hennepkwekerij',
    'Betrokken bij een vermoedelijke witwasconstructie (lopend onderzoek)',
    'Eerder aangetroffen met een grote hoeveelheid contant geld',
  ],
  senzer: [
    'Bijstandsuitkering; leefvorm op het adres onduidelijk, heronderzoek rechtmatigheid',
    'Uitkering; vermoedelijk niet gemelde inkomsten',
    'Bijstandsuitkering; verblijf in het buitenland niet gemeld',
  ],
  bsob: [
    'Afvalstoffenheffing voor één persoon terwijl vermoedelijk meer bewoners',
    'Geen aanslag toeristenbelasting terwijl vermoedelijk logies wordt verstrekt',
    'WOZ-object vermoedelijk onjuist geregistreerd (woon- in plaats van bedrijfsfunctie)',
  ],
  vrbzo: ['Overbewoning zonder gebruiksmelding brandveilig gebruik', 'Bij eerdere controle geen werkende rookmelders aangetroffen'],
};

const legalGrounds: Record<'pit' | 'bit', { gemeente: string; politie: string }> = {
  pit: {
    gemeente: 'Art. 20.3 sub c convenant PIT: noodzakelijk voor eenduidige identificatie bij het adresonderzoek (Wet BRP)',
    politie: 'Art. 20 Wpg jo. art. 20.3 sub c convenant PIT: verstrekking aan het samenwerkingsverband',
  },
  bit: {
    gemeente: 'Art. 20.3 sub c kaderconvenant BIT: identificatie van de betrokkene bij de integrale controle (Wet BRP)',
    politie: 'Art. 20 Wpg jo. art. 20.3 sub c kaderconvenant BIT: verstrekking aan het samenwerkingsverband',
  },
};

const themeWeights: Record<'pit' | 'bit', (readonly [string, number])[]> = {
  pit: [
    ['Ondermijning', 4],
    ['Huisvesting arbeidsmigranten', 5],
    ['Drugs / hennep', 4],
    ['Uitkeringsfraude', 3],
    ['Woonoverlast', 2],
    ['Milieu', 2],
    ['Bouw- en woningtoezicht', 2],
    ['Brandveiligheid', 2],
    ['Fiscale fraude', 2],
    ['Overig', 1],
  ],
  bit: [
    ['Ondermijning', 4],
    ['Woonoverlast', 4],
    ['Bouw- en woningtoezicht', 3],
    ['Fiscale fraude', 3],
    ['Drugs / hennep', 3],
    ['Huisvesting arbeidsmigranten', 2],
    ['Brandveiligheid', 2],
    ['Milieu', 2],
    ['Uitkeringsfraude', 1],
    ['Overig', 1],
  ],
};

/**
 * When the demo accounts and teams were "created": before the first demo casus, so no record is
 * older than the people who made it.
 */
export function demoAccountsSince(now: Date): Date {
  return new Date(Math.min(now.getTime() - 400 * 86_400_000, Date.parse('2024-12-02T08:00:00Z')));
}

// ── The seeder ────────────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;

/**
 * Seeds the casussen of both demo teams through the domain functions, with a back-dated clock.
 * `deps.now` is not used: every record gets its own moment; `now` is "today" of the demo.
 */
export function seedDemoCases(deps: DemoDeps, ids: DemoIds, now: Date): DemoCasesResult {
  const clock = { at: now };
  const d: AppDeps = { ...deps, now: () => clock.at };
  const rng = new Rng(20_251_125);
  const usedBsns = new Set<string>();
  const usedAddresses = new Set<string>();
  const today = amsterdamDate(now);
  const latest = new Date(now.getTime() - 60 * 60_000); // nothing after an hour ago

  // Every write runs at its own moment, all in chronological order (ties in planning order).
  type Action = { at: Date; seq: number; run: () => void };
  const actions: Action[] = [];
  const schedule = (at: Date, run: () => void) => {
    if (at > latest) throw new Error('demo seed: action planned in the future');
    actions.push({ at, seq: actions.length, run });
  };

  const sessionCache = new Map<number, Actor>();
  const session = (userId: number): Actor => {
    let s = sessionCache.get(userId);
    if (!s) {
      const u = deps.db.select().from(users).where(eq(users.id, userId)).get()!;
      s = loadActor(deps.db, u);
      sessionCache.set(userId, s);
    }
    return s;
  };
  const reader = session;
  const caseVersion = (id: number) => deps.db.select({ v: cases.version }).from(cases).where(eq(cases.id, id)).get()!.v;
  const agreementVersion = (id: number) => deps.db.select({ v: agreements.version }).from(agreements).where(eq(agreements.id, id)).get()!.v;

  // A weekday moment during office hours, `days` after `from` (never before `from`).
  const weekday = (day: string) => {
    const dow = new Date(`${day}T12:00:00Z`).getUTCDay();
    return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
  };
  // Office hours never cross a DST change, so one UTC offset per day will do (amsterdamToUtc is slow).
  const offsets = new Map<string, number>();
  const moment = (day: string, r: Rng = rng) => {
    const date = weekday(day);
    let offset = offsets.get(date);
    if (offset === undefined) offsets.set(date, (offset = Date.parse(`${date}T12:00:00Z`) - amsterdamToUtc(date, '12:00').getTime()));
    return new Date(
      Date.parse(`${date}T${String(r.int(8, 16)).padStart(2, '0')}:${String(r.int(0, 11) * 5).padStart(2, '0')}:00Z`) - offset,
    );
  };
  // Creation dates draw from their own stream, so they (and so the PIT case codes) do not depend on "now".
  const dateRng = new Rng(4_2026);
  const after = (from: Date, minDays: number, maxDays: number): Date => {
    const t = moment(addDays(amsterdamDate(from), rng.int(minDays, maxDays)));
    return t > from ? t : new Date(from.getTime() + rng.int(10, 50) * 60_000);
  };
  const dayOffset = (from: Date, days: number) => addDays(amsterdamDate(from), days);

  let journeyCaseId = 0;

  for (const teamSlug of ['pit', 'bit'] as const) {
    const t = ids.teams[teamSlug];
    // The demo's history follows the real covenant: PIT recorded personal data until its end
    // (2026-01-01), not under the fictitious successor registered for today's demo.
    const realCovenant = teamDefs.find((x) => x.slug === teamSlug)!.covenant;
    const themeNames = new Set(
      listThemes(d, t.teamId)
        .filter((x) => x.active)
        .map((x) => x.name),
    );
    const coordinator = t.userIds.coordinator!;
    const has = (slug: string) => t.partnerIds[slug] !== undefined;
    const memberOf = (slug: string) => t.userIds[slug]!;
    // After the covenant's end no personal data may be recorded: the last moment for items.
    const itemDeadline = realCovenant.endsOn ? amsterdamToUtc(addDays(realCovenant.endsOn, -1), '17:00') : null;
    const windowEnd = new Date(Math.min(now.getTime() - 10 * DAY_MS, itemDeadline ? itemDeadline.getTime() - 20 * DAY_MS : Infinity));
    const windowStart = new Date(windowEnd.getTime() - 340 * DAY_MS);
    const lg = legalGrounds[teamSlug];

    const resolveWho = (who: Who, gemeente: string): string => (who === 'gemeente' || !has(who) ? gemeente : who);

    const identity = (kind: 'person' | 'company', street: Street, houseNumber: number): Identity => {
      const [s, pc, city] = street;
      const address = `${s} ${houseNumber}, ${pc} ${city}`;
      const name = kind === 'person' ? `${rng.pick(firstNames)} ${rng.pick(surnames)}` : `${rng.pick(companies)} ${rng.pick(companyForms)}`;
      const areaCode = teamSlug === 'pit' ? '0492' : '035';
      return {
        kind,
        naw: `${name}, ${address}`,
        birth: `${rng.int(1958, 2003)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
        gender: rng.chance(0.5) ? 'man' : 'vrouw',
        phone:
          kind === 'person' || rng.chance(0.4)
            ? `06${rng.int(1, 5)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`
            : `${areaCode}${rng.int(5, 6)}${String(rng.int(0, 99_999)).padStart(10 - areaCode.length - 1, '0')}`,
        bsn: '',
        plate: makePlate(rng),
      };
    };

    const itemsFor = (who: Who, id: Identity, theme: string, force: ItemCategory[] = []): NewItem[] => {
      const items: NewItem[] = [];
      const want = (c: ItemCategory, p: number) => force.includes(c) || rng.chance(p);
      const bsn = () => {
        id.bsn ||= makeBsn(rng, usedBsns);
        return id.bsn;
      };
      const themeNaleving = themeContent[theme]!.naleving;
      if (who === 'gemeente') {
        items.push({ category: 'naw', value: id.naw });
        if (id.kind === 'person') {
          if (want('geboortedatum', 0.6)) items.push({ category: 'geboortedatum', value: id.birth });
          if (want('bsn', 0.45)) items.push({ category: 'bsn', value: bsn(), legalGround: lg.gemeente });
          // art. 20.9: geslacht is not recorded; the draw stays so the rest of the demo is unchanged.
          rng.chance(0.4);
        }
        if (want('telefoon', 0.5)) items.push({ category: 'telefoon', value: id.phone });
        if (want('kenteken', 0.15)) items.push({ category: 'kenteken', value: id.plate });
        items.push({ category: 'naleving', value: rng.pick(themeNaleving) });
      } else if (who === 'politie') {
        if (want('naw', 0.5)) items.push({ category: 'naw', value: id.naw });
        if (id.kind === 'person' && want('bsn', 0.15)) items.push({ category: 'bsn', value: bsn(), legalGround: lg.politie });
        if (want('kenteken', 0.65)) items.push({ category: 'kenteken', value: id.plate });
        if (want('telefoon', 0.3)) items.push({ category: 'telefoon', value: id.phone });
        items.push({ category: 'naleving', value: rng.pick(kindNaleving.politie) });
      } else if (who === 'senzer') {
        if (want('naw', 0.3)) items.push({ category: 'naw', value: id.naw });
        if (want('geboortedatum', 0.5)) items.push({ category: 'geboortedatum', value: id.birth });
        items.push({ category: 'naleving', value: rng.pick(kindNaleving.senzer) });
      } else {
        if (want('naw', 0.3)) items.push({ category: 'naw', value: id.naw });
        items.push({ category: 'naleving', value: rng.pick(kindNaleving[who]) });
      }
      return items;
    };

    type Group = { who: Who; force?: ItemCategory[] };
    type SubjectPlan = { kind: 'person' | 'company'; groups: Group[] };

    /** Plans one betrokkene: the gemeente records it first, other partners add their items. */
    const planSubject = (
      ref: { id: number },
      gemeente: string,
      plan: SubjectPlan,
      street: Street,
      houseNumber: number,
      theme: string,
      from: Date,
      status: 'signaal' | 'actief' | 'afgerond',
      closeAt: Date | null,
    ) => {
      const id = identity(plan.kind, street, houseNumber);
      // `general`: known from more than police data (art. 26.3: informing excludes police data).
      const subject = { id: '', general: false };
      let at = from;
      plan.groups.forEach((group, index) => {
        at = after(at, index === 0 ? 0 : 1, index === 0 ? 3 : 9);
        if (itemDeadline && at >= itemDeadline) return; // no legal basis after the covenant's end
        if (closeAt && at >= closeAt) return;
        if (at > latest) return;
        const slug = resolveWho(group.who, gemeente);
        const items = itemsFor(group.who, id, theme, group.force);
        const sourcePartnerId = t.partnerIds[slug]!;
        const actor = memberOf(slug);
        schedule(at, () => {
          if (group.who !== 'politie') subject.general = true;
          if (!subject.id) {
            subject.id = addSubject(d, { caseId: ref.id, kind: plan.kind, items, sourcePartnerId, actor: reader(actor) }).id;
          } else {
            // In the overleg the coordinator records on the partner's behalf (SPEC §2): a partner not yet
            // involved in the casus does not see its betrokkenen before it provides data (P14).
            addItems(d, { subjectId: subject.id, items, sourcePartnerId, actor: reader(coordinator) });
          }
        });
      });
      // P11 (art. 26.4): informed once the casus is closed; postponed while an investigation runs.
      if (status === 'afgerond' && closeAt) {
        const informedAt = after(closeAt, 3, 20);
        if (informedAt <= latest) {
          schedule(informedAt, () => {
            if (subject.id && subject.general)
              setInformed(d, reader(coordinator), { subjectId: subject.id, informedOn: amsterdamDate(informedAt), postponedReason: null });
          });
        }
      } else if (status === 'actief' && rng.chance(0.5)) {
        const postponeAt = after(at, 1, 5);
        if (postponeAt <= latest) {
          schedule(postponeAt, () => {
            if (subject.id && subject.general)
              setInformed(d, reader(coordinator), {
                subjectId: subject.id,
                informedOn: null,
                postponedReason: 'Informeren zou het lopende onderzoek schaden (art. 26.4 convenant); opnieuw beoordelen bij afronding.',
              });
          });
        }
      }
    };

    type TaskPlan = {
      title: string;
      note: string;
      who: string;
      createdAt: Date;
      due: string;
      agreement: { id: number } | null;
      outcome: 'open' | 'done' | 'lapsed';
      doneAt?: Date;
    };

    const openPlanned = new Map<string, number>();
    const scheduleTask = (ref: { id: number }, p: TaskPlan) => {
      const task = { id: 0 };
      if (p.outcome === 'open') openPlanned.set(p.who, (openPlanned.get(p.who) ?? 0) + 1);
      schedule(p.createdAt, () => {
        task.id = createTask(d, session(coordinator), {
          title: p.title,
          assigneePartnerId: t.partnerIds[p.who]!,
          dueDate: p.due,
          agreementId: p.agreement?.id ?? null,
          caseId: p.agreement ? null : ref.id,
        }).id;
      });
      if (p.outcome === 'done') {
        schedule(p.doneAt!, () => completeTask(d, session(memberOf(p.who)), { id: task.id, resultNote: p.note }));
      } else if (p.outcome === 'lapsed') {
        schedule(p.doneAt!, () => {
          const row = deps.db.select().from(tasks).where(eq(tasks.id, task.id)).get()!;
          lapseTask(d, session(coordinator), { id: row.id, version: row.version, reason: 'Niet meer nodig: de situatie is veranderd.' });
        });
      }
    };

    /** Decides how a task ends: done before the casus closes, or open (overdue or not yet due). */
    const taskOutcome = (createdAt: Date, due: string, closeAt: Date | null): Pick<TaskPlan, 'outcome' | 'doneAt'> => {
      if (closeAt) {
        const limit = new Date(closeAt.getTime() - 2 * DAY_MS);
        let doneAt = moment(addDays(due, -rng.int(0, 8)));
        if (doneAt > limit) doneAt = limit;
        if (doneAt <= createdAt) doneAt = new Date(createdAt.getTime() + 3 * 60 * 60_000);
        return { outcome: rng.chance(0.08) ? 'lapsed' : 'done', doneAt };
      }
      if (due < today) {
        // Some stay open: overdue (rarely for months, more often for a few weeks).
        if (rng.chance(due < addDays(today, -60) ? 0.12 : 0.45)) return { outcome: 'open' };
        let doneAt = moment(addDays(due, rng.int(-8, 6)));
        if (doneAt <= createdAt) doneAt = new Date(createdAt.getTime() + 3 * 60 * 60_000);
        return doneAt <= latest ? { outcome: 'done', doneAt } : { outcome: 'open' };
      }
      if (rng.chance(0.2)) {
        const doneAt = after(createdAt, 2, 10);
        if (doneAt <= latest) return { outcome: 'done', doneAt };
      }
      return { outcome: 'open' };
    };

    type CasePlan = {
      gemeente: string;
      street: Street;
      houseNumber: number;
      addition: string | null;
      theme: string;
      origin: CaseOrigin;
      reporter: string;
      createdAt: Date;
      status: 'signaal' | 'actief' | 'afgerond';
      description: string;
      bagId: string | null;
      journey?: boolean;
      withSubjects: boolean;
    };

    const pickAddress = (gemeente: string): { street: Street; houseNumber: number; addition: string | null } => {
      for (;;) {
        const street = rng.pick(places[gemeente]!.streets);
        const houseNumber = rng.int(2, 180);
        const key = `${street[0]}|${street[2]}|${houseNumber}`;
        if (usedAddresses.has(key)) continue;
        usedAddresses.add(key);
        return { street, houseNumber, addition: rng.chance(0.12) ? rng.pick(['A', 'B', 'C']) : null };
      }
    };

    const plans: CasePlan[] = [];
    const gemeenten = Object.keys(casesPerGemeente[teamSlug]);
    const span = windowEnd.getTime() - windowStart.getTime();
    for (const gemeente of gemeenten) {
      const n = casesPerGemeente[teamSlug][gemeente]!;
      for (let i = 0; i < n; i++) {
        // Spread over the window: one slot per casus, jittered within it.
        const createdAt = moment(amsterdamDate(new Date(windowStart.getTime() + span * ((i + dateRng.float()) / n))), dateRng);
        const theme = rng.weighted(themeWeights[teamSlug].filter(([name]) => themeNames.has(name)));
        const ageDays = (now.getTime() - createdAt.getTime()) / DAY_MS;
        const status: CasePlan['status'] =
          ageDays > 150 && rng.chance(0.45)
            ? 'afgerond'
            : ageDays < 45 && rng.chance(0.6)
              ? 'signaal'
              : rng.chance(0.1)
                ? 'signaal'
                : 'actief';
        const origin = rng.weighted([
          ['eigen_waarneming', 4],
          ['melding', 4],
          ['avo_verzoek', 2],
        ] as const);
        const reporter =
          origin === 'eigen_waarneming' && rng.chance(0.35) ? rng.pick(['politie', 'vrbzo', 'senzer', 'bsob'].filter(has)) : gemeente;
        const { street, houseNumber, addition } = pickAddress(gemeente);
        const bagId = rng.chance(0.4) ? `${places[gemeente]!.bagCode}01${String(rng.int(0, 9_999_999)).padStart(10, '0')}` : null;
        plans.push({
          gemeente,
          street,
          houseNumber,
          addition,
          theme,
          origin,
          reporter,
          createdAt,
          status,
          description: rng.pick(themeContent[theme]!.descriptions),
          bagId,
          withSubjects: true,
        });
      }
    }
    if (teamSlug === 'pit') {
      // The browser journey's casus (see DEMO_JOURNEY_CASE), recorded while the covenant was in force.
      const journeyStreet: Street = [DEMO_JOURNEY_CASE.street, DEMO_JOURNEY_CASE.postcode, DEMO_JOURNEY_CASE.city];
      usedAddresses.add(`${journeyStreet[0]}|${journeyStreet[2]}|${DEMO_JOURNEY_CASE.houseNumber}`);
      plans.push({
        gemeente: 'helmond',
        street: journeyStreet,
        houseNumber: DEMO_JOURNEY_CASE.houseNumber,
        addition: null,
        theme: 'Uitkeringsfraude',
        origin: 'avo_verzoek',
        reporter: 'helmond',
        createdAt: moment(dayOffset(windowStart, 245), dateRng),
        status: 'actief',
        description: themeContent.Uitkeringsfraude!.descriptions[0]!,
        bagId: '0794010000148123',
        journey: true,
        withSubjects: true,
      });
      // After the covenant's end signals still come in, but no personal data can be recorded.
      if (itemDeadline && now.getTime() - itemDeadline.getTime() > 60 * DAY_MS) {
        for (const gemeente of ['helmond', 'deurne']) {
          const createdAt = moment(
            amsterdamDate(
              new Date(itemDeadline.getTime() + rng.float() * (now.getTime() - itemDeadline.getTime() - 20 * DAY_MS) + 10 * DAY_MS),
            ),
          );
          const { street, houseNumber, addition } = pickAddress(gemeente);
          plans.push({
            gemeente,
            street,
            houseNumber,
            addition,
            theme: 'Woonoverlast',
            origin: 'melding',
            reporter: gemeente,
            createdAt,
            status: 'signaal',
            description: themeContent.Woonoverlast!.descriptions[0]!,
            bagId: null,
            withSubjects: false,
          });
        }
      }
    }

    for (const plan of plans) {
      const ref = { id: 0 };
      schedule(plan.createdAt, () => {
        const row = createCase(d, reader(memberOf(plan.reporter)), {
          gemeentePartnerId: t.partnerIds[plan.gemeente]!,
          street: plan.street[0],
          houseNumber: plan.houseNumber,
          houseNumberAddition: plan.addition,
          postcode: plan.street[1],
          city: plan.street[2],
          bagId: plan.bagId,
          theme: plan.theme,
          origin: plan.origin,
          description: plan.description,
        });
        ref.id = row.id;
        if (plan.journey) journeyCaseId = row.id;
      });

      if (plan.journey) {
        planJourney(ref, plan.createdAt);
        continue;
      }

      // The next overleg turns the signal into an active casus.
      let activatedAt = plan.status === 'signaal' ? null : after(plan.createdAt, 7, 21);
      if (activatedAt && activatedAt.getTime() > now.getTime() - DAY_MS) activatedAt = null; // the overleg is still to come
      let closeAt: Date | null = null;
      if (plan.status === 'afgerond' && activatedAt) {
        closeAt = after(activatedAt, 70, 160);
        if (closeAt > new Date(now.getTime() - 3 * DAY_MS)) closeAt = null;
      }
      const status = !activatedAt ? 'signaal' : plan.status === 'afgerond' && !closeAt ? 'actief' : plan.status;
      if (activatedAt)
        schedule(activatedAt, () => setCaseStatus(d, reader(coordinator), { id: ref.id, status: 'actief', version: caseVersion(ref.id) }));

      // Betrokkenen: the gemeente's record first, then police, Senzer, BSOB, VRBZO items.
      if (plan.withSubjects) {
        const subjectCount = status === 'signaal' ? rng.int(0, 1) : rng.int(1, 3);
        let policeGiven = false;
        for (let s = 0; s < subjectCount; s++) {
          const kind: 'person' | 'company' = s > 0 && rng.chance(0.4) ? 'company' : 'person';
          const groups: Group[] = [{ who: 'gemeente' }];
          if (status !== 'signaal' && (rng.chance(0.55) || (!policeGiven && s === subjectCount - 1 && rng.chance(0.5)))) {
            groups.push({ who: 'politie' });
            policeGiven = true;
          }
          if (
            has('senzer') &&
            kind === 'person' &&
            status !== 'signaal' &&
            (['Uitkeringsfraude', 'Huisvesting arbeidsmigranten'].includes(plan.theme) || rng.chance(0.25))
          )
            groups.push({ who: 'senzer' });
          if (has('bsob') && status !== 'signaal' && (kind === 'company' || plan.theme === 'Fiscale fraude' || rng.chance(0.15)))
            groups.push({ who: 'bsob' });
          if (has('vrbzo') && status !== 'signaal' && ['Brandveiligheid', 'Huisvesting arbeidsmigranten'].includes(plan.theme))
            groups.push({ who: 'vrbzo' });
          planSubject(ref, plan.gemeente, { kind, groups }, plan.street, plan.houseNumber, plan.theme, plan.createdAt, status, closeAt);
        }
        // Now and then the police know someone the others do not: only gemeenten and coordinator see it.
        if (status === 'actief' && rng.chance(0.2) && activatedAt) {
          planSubject(
            ref,
            plan.gemeente,
            { kind: 'person', groups: [{ who: 'politie', force: ['naw'] }] },
            plan.street,
            plan.houseNumber,
            plan.theme,
            activatedAt,
            status,
            closeAt,
          );
        }
      }

      if (!activatedAt) {
        if (status === 'signaal' && rng.chance(0.3)) {
          // A quick check before the overleg decides.
          const createdAt = after(plan.createdAt, 1, 4);
          if (createdAt <= latest) {
            const due = addDays(amsterdamDate(createdAt), rng.int(10, 21));
            scheduleTask(ref, {
              title: 'Vooronderzoek: beschikbare informatie over het adres verzamelen',
              note: 'Informatie verzameld en ingebracht in het overleg.',
              who: plan.gemeente,
              createdAt,
              due,
              agreement: null,
              ...taskOutcome(createdAt, due, null),
            });
          }
        }
        continue;
      }

      // Werkafspraken made in the overleg that activated the casus, each with tasks.
      const tpl = themeContent[plan.theme]!;
      const chosen = tpl.agreements.slice(0, rng.int(1, tpl.agreements.length));
      let lastTask = activatedAt;
      const agreementRefs: { id: number }[] = [];
      for (const a of chosen) {
        const aRef = { id: 0 };
        agreementRefs.push(aRef);
        const aAt = new Date(activatedAt.getTime() + rng.int(5, 40) * 60_000);
        const responsible = resolveWho(a.who, plan.gemeente);
        const text = a.who !== 'gemeente' && !has(a.who) ? a.alt! : a.text;
        schedule(aAt, () => {
          aRef.id = createAgreement(d, session(coordinator), { caseId: ref.id, text, responsiblePartnerId: t.partnerIds[responsible]! }).id;
        });
        for (const tt of a.tasks) {
          const createdAt = new Date(aAt.getTime() + rng.int(1, 20) * 60_000);
          const due = addDays(amsterdamDate(createdAt), rng.int(14, 42));
          if (closeAt && due >= amsterdamDate(closeAt)) continue;
          lastTask = createdAt > lastTask ? createdAt : lastTask;
          scheduleTask(ref, {
            title: tt.title,
            note: tt.note,
            who: resolveWho(tt.who, plan.gemeente),
            createdAt,
            due,
            agreement: aRef,
            ...taskOutcome(createdAt, due, closeAt),
          });
        }
      }
      // Follow-ups in later overleggen (every four weeks, up to two), and for a running casus one
      // from a recent overleg, so "Mijn taken" has current work besides the overdue.
      const involved = [...new Set(chosen.flatMap((a) => [a.who, ...a.tasks.map((x) => x.who)]))];
      const remaining = [...followUps];
      const followUp = (createdAt: Date, spread = false) => {
        const due = addDays(amsterdamDate(createdAt), rng.int(14, 35));
        if (closeAt && (createdAt >= closeAt || due >= amsterdamDate(closeAt))) return false;
        const f = remaining.splice(rng.int(0, remaining.length - 1), 1)[0]!;
        const candidates = [plan.gemeente, ...involved.map((w) => resolveWho(w, plan.gemeente))];
        // Recent work goes to the involved partner with the least open work, so every partner has some.
        const who = spread
          ? candidates.reduce((a, b) => ((openPlanned.get(b) ?? 0) < (openPlanned.get(a) ?? 0) ? b : a))
          : rng.chance(0.5)
            ? plan.gemeente
            : resolveWho(rng.pick(involved), plan.gemeente);
        scheduleTask(ref, {
          title: f.title,
          note: f.note,
          who,
          createdAt,
          due,
          agreement: rng.pick(agreementRefs),
          ...taskOutcome(createdAt, due, closeAt),
        });
        return true;
      };
      for (let round = 1; round <= 2; round++) {
        const createdAt = moment(addDays(amsterdamDate(activatedAt), 28 * round));
        if (createdAt > latest || rng.chance(0.35) || !followUp(createdAt)) break;
      }
      if (!closeAt && now.getTime() - activatedAt.getTime() > 70 * DAY_MS && rng.chance(0.85)) {
        followUp(moment(addDays(today, -rng.int(7, 35))), true);
      }
      if (closeAt) {
        const close = closeAt;
        // Werkafspraken carried out, then the coordinator closes the casus.
        for (const aRef of agreementRefs) {
          schedule(new Date(close.getTime() - DAY_MS), () =>
            setAgreementStatus(d, session(coordinator), { id: aRef.id, status: 'uitgevoerd', version: agreementVersion(aRef.id) }),
          );
        }
        schedule(close, () => setCaseStatus(d, reader(coordinator), { id: ref.id, status: 'afgerond', version: caseVersion(ref.id) }));
      }
    }

    /** The journey casus: fixed content so the browser test can rely on it. */
    function planJourney(ref: { id: number }, createdAt: Date) {
      const activatedAt = after(createdAt, 14, 14);
      schedule(activatedAt, () => setCaseStatus(d, reader(coordinator), { id: ref.id, status: 'actief', version: caseVersion(ref.id) }));
      const street: Street = [DEMO_JOURNEY_CASE.street, DEMO_JOURNEY_CASE.postcode, DEMO_JOURNEY_CASE.city];
      // A resident with items from Helmond, the police and Senzer; a company with Helmond and BSOB items;
      // and a person only the police know (gemeenten and coordinator see it, Senzer does not).
      planSubject(
        ref,
        'helmond',
        {
          kind: 'person',
          groups: [
            { who: 'gemeente', force: ['bsn', 'telefoon', 'geboortedatum'] },
            { who: 'politie', force: ['kenteken'] },
            { who: 'senzer', force: ['geboortedatum'] },
          ],
        },
        street,
        DEMO_JOURNEY_CASE.houseNumber,
        'Uitkeringsfraude',
        createdAt,
        'actief',
        null,
      );
      planSubject(
        ref,
        'helmond',
        { kind: 'company', groups: [{ who: 'gemeente' }, { who: 'bsob' }] },
        street,
        DEMO_JOURNEY_CASE.houseNumber,
        'Uitkeringsfraude',
        createdAt,
        'actief',
        null,
      );
      planSubject(
        ref,
        'helmond',
        { kind: 'person', groups: [{ who: 'politie', force: ['naw', 'kenteken'] }] },
        street,
        DEMO_JOURNEY_CASE.houseNumber,
        'Uitkeringsfraude',
        activatedAt,
        'actief',
        null,
      );
      const senzerAgreement = { id: 0 };
      const helmondAgreement = { id: 0 };
      const aAt = new Date(activatedAt.getTime() + 20 * 60_000);
      schedule(aAt, () => {
        senzerAgreement.id = createAgreement(d, session(coordinator), {
          caseId: ref.id,
          text: 'Senzer toetst de rechtmatigheid van de uitkeringen op dit adres.',
          responsiblePartnerId: t.partnerIds.senzer!,
        }).id;
        helmondAgreement.id = createAgreement(d, session(coordinator), {
          caseId: ref.id,
          text: 'Gemeente Helmond voert een adresonderzoek uit en plant met Senzer een huisbezoek.',
          responsiblePartnerId: t.partnerIds.helmond!,
        }).id;
      });
      const tAt = new Date(aAt.getTime() + 10 * 60_000);
      const done = (due: string) => ({
        outcome: 'done' as const,
        doneAt: new Date(Math.min(moment(addDays(due, -3)).getTime(), latest.getTime())),
      });
      const due1 = addDays(amsterdamDate(tAt), 21);
      scheduleTask(ref, {
        title: 'Adresonderzoek BRP uitvoeren',
        note: 'Adresonderzoek afgerond; twee inschrijvingen onjuist, gecorrigeerd.',
        who: 'helmond',
        createdAt: tAt,
        due: due1,
        agreement: helmondAgreement,
        ...done(due1),
      });
      const due2 = addDays(amsterdamDate(tAt), 28);
      scheduleTask(ref, {
        title: 'Gegevens uitkeringen op het adres aanleveren voor het overleg',
        note: 'Aangeleverd en besproken in het overleg.',
        who: 'senzer',
        createdAt: tAt,
        due: due2,
        agreement: senzerAgreement,
        ...done(due2),
      });
      // Recent overleggen: an overdue police task and Senzer's open task for the journey.
      const recent = moment(addDays(today, -42));
      scheduleTask(ref, {
        title: 'Politie-informatie over het adres actualiseren',
        note: '',
        who: 'politie',
        createdAt: recent,
        due: addDays(today, -7),
        agreement: null,
        outcome: 'open',
      });
      const last = moment(addDays(today, -14));
      scheduleTask(ref, {
        title: DEMO_JOURNEY_CASE.senzerTaskTitle,
        note: '',
        who: 'senzer',
        createdAt: last,
        due: addDays(today, 14),
        agreement: senzerAgreement,
        outcome: 'open',
      });
      scheduleTask(ref, {
        title: 'Huisbezoek samen met Senzer plannen',
        note: '',
        who: 'helmond',
        createdAt: new Date(last.getTime() + 5 * 60_000),
        due: addDays(today, 21),
        agreement: helmondAgreement,
        outcome: 'open',
      });
    }
  }

  actions.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  // One outer transaction: the demo lands whole or not at all, and a file database is not synced
  // once per record (the domain functions' own transactions become savepoints inside it).
  deps.db.$client.transaction(() => {
    for (const action of actions) {
      clock.at = action.at;
      action.run();
    }
  })();

  const n = (q: { n: number } | undefined) => q?.n ?? 0;
  const db = deps.db;
  return {
    cases: n(db.select({ n: count() }).from(cases).get()),
    subjects: n(db.select({ n: count() }).from(subjects).get()),
    items: n(db.select({ n: count() }).from(subjectItems).get()),
    policeItems: n(db.select({ n: count() }).from(policeSubjectItems).get()),
    agreements: n(db.select({ n: count() }).from(agreements).get()),
    tasks: n(db.select({ n: count() }).from(tasks).get()),
    tasksOpen: n(db.select({ n: count() }).from(tasks).where(eq(tasks.status, 'open')).get()),
    tasksOverdue: n(
      db
        .select({ n: count() })
        .from(tasks)
        .where(and(eq(tasks.status, 'open'), lt(tasks.dueDate, today)))
        .get(),
    ),
    tasksDone: n(db.select({ n: count() }).from(tasks).where(eq(tasks.status, 'gereed')).get()),
    tasksLapsed: n(db.select({ n: count() }).from(tasks).where(eq(tasks.status, 'vervallen')).get()),
    journeyCaseId,
  };
}
