import type { Catalog } from './messages';

// Messages of the covenant records, their proposals and the wind-down (issue 10).
export const covenantsMessages = {
  'covenants.notProposed': {
    nl: 'Dit voorstel is al beoordeeld.',
    en: 'This proposal has already been decided.',
  },
  'covenants.fourEyes': {
    nl: 'U heeft dit voorstel zelf ingediend. Een ander (de FG) moet het beoordelen: vier ogen.',
    en: 'You made this proposal yourself. Someone else (the DPO) must decide on it: four eyes.',
  },
  'covenants.reasonRequired': {
    nl: 'Geef een reden voor de afwijzing.',
    en: 'Give a reason for the rejection.',
  },
  'covenants.endBeforeStart': {
    nl: 'De einddatum moet na de ingangsdatum liggen.',
    en: 'The end date must be after the start date.',
  },
  'covenants.endOrRule': {
    nl: 'Geef een einddatum of een looptijd (eerste termijn in maanden).',
    en: 'Give an end date or a term (initial term in months).',
  },
  'covenants.signedAfterStart': {
    nl: 'De ondertekening kan niet na de ingangsdatum liggen: het convenant treedt in werking na ondertekening door alle partners.',
    en: 'The signing date cannot be after the start date: the covenant takes effect once all partners signed it.',
  },
  'covenants.notInWindDown': {
    nl: 'Het team heeft een convenant dat van kracht is; een besluit over teruggeven of wissen hoort bij de afbouw.',
    en: 'The team has a covenant in force; a decision to hand back or erase belongs to the wind-down.',
  },
  'covenants.caseDecided': {
    nl: 'Over deze casus is al besloten.',
    en: 'This casus has already been decided on.',
  },
  'covenants.handbackNotDecided': {
    nl: 'De FG heeft niet besloten deze gegevens terug te geven.',
    en: 'The DPO has not decided to hand these data back.',
  },
  'covenants.handbackOwnPartner': {
    nl: 'Alleen de partner die de gegevens verstrekte (of de FG) kan ze terugkrijgen.',
    en: 'Only the partner that provided the data (or the DPO) can receive them back.',
  },
  'covenants.expiryMailSubject': {
    nl: 'Convenant {team} eindigt op {date}',
    en: 'Covenant of {team} ends on {date}',
  },
  'covenants.expiryMailBody': {
    nl: 'Het convenant van {team} eindigt over {days} dagen, op {date}, en er is nog geen goedgekeurd vervolgconvenant. Daarna mogen geen persoonsgegevens meer worden uitgewisseld en gaat het team in afbouw. Registreer een verlenging op de convenantpagina: {link}',
    en: 'The covenant of {team} ends in {days} days, on {date}, and no successor has been approved yet. After that no personal data may be exchanged and the team winds down. Register a renewal on the covenant page: {link}',
  },
} satisfies Catalog;
