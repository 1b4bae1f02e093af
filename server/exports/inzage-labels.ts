// Dutch labels of the inzage bundle (the answer goes to a Dutch data subject; the FG may translate).
export const categoryLabels: Record<string, string> = {
  naw: 'Naam en adres',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  geslacht: 'Geslacht',
  telefoon: 'Telefoon',
  kenteken: 'Kenteken',
  naleving: 'Aard en omvang vermeende niet-naleving',
};
export const kindLabels: Record<string, string> = {
  inzage: 'Inzage',
  rectificatie: 'Rectificatie',
  verwijdering: 'Verwijdering',
  beperking: 'Beperking',
  bezwaar: 'Bezwaar',
};
export const actionLabels: Record<string, string> = {
  'personal_data.read': 'Ingezien',
  'personal_data.created': 'Vastgelegd',
  'personal_data.bsn_revealed': 'BSN getoond',
  'personal_data.erased': 'Verwijderd',
};
export const purposeLabels: Record<string, string> = {
  screen: 'casusbehandeling (scherm)',
  minutes: 'verslag van het overleg',
  export: 'export',
  live: 'overleg (live)',
  briefing: 'briefing integrale controle',
};
export const policeNote =
  'Dit deel bevat politiegegevens. Over verstrekking beslist de politie zelf (Wet politiegegevens art. 27; convenant art. 24.4–24.5): het verzoek is voor dit deel doorgestuurd naar de politie.';
export const dayNl = (iso: string) => {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}-${m}-${y}`;
};
