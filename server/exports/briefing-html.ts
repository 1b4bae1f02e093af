// The printable briefing of an integrale controle for one partner: a self-contained HTML page
// with a print stylesheet (browser → PDF). It renders exactly what controls.briefing returned,
// which holds only the betrokkenen that partner may see.
import { findingLabel } from '../../db/catalogues';
import type { Briefing } from '../domain/controls';
import { formatDateNl } from '../domain/reports';

import { escapeHtml } from './escape-html';

const categoryLabels: Record<string, string> = {
  naw: 'Naam en adres',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  telefoon: 'Telefoon',
  kenteken: 'Kenteken',
  naleving: 'Naleving',
};

export function briefingHtml(b: Briefing): string {
  const e = escapeHtml;
  const partnerName = (id: number) => b.partners.find((p) => p.id === id)?.name ?? '';
  const when = `${formatDateNl(b.control.plannedOn)}${b.control.startTime ? `, ${b.control.startTime} uur` : ''}`;
  const cases = b.cases
    .map(
      (c) => `
    <section class="pand">
      <h2>${e(c.address)} <span class="code">${e(c.code)}</span></h2>
      <p>${e(c.postcode)} · gemeente ${e(c.gemeente)} · thema ${e(c.theme)}</p>
      ${c.agreements.length ? `<h3>Lopende werkafspraken</h3><ul>${c.agreements.map((a) => `<li>${e(a.text)} <em>(${e(a.responsible)})</em></li>`).join('')}</ul>` : ''}
      <h3>Betrokkenen</h3>
      ${
        c.subjects.length === 0
          ? '<p>Geen betrokkenen die voor deze partner zichtbaar zijn.</p>'
          : c.subjects
              .map(
                (s) => `
        <table><caption>${s.kind === 'company' ? 'Bedrijf' : 'Persoon'}</caption>
          <thead><tr><th scope="col">Gegeven</th><th scope="col">Waarde</th><th scope="col">Bron</th></tr></thead>
          <tbody>${s.items.map((i) => `<tr><td>${e(categoryLabels[i.category] ?? i.category)}</td><td>${e(i.value)}</td><td>${e(partnerName(i.sourcePartnerId))}</td></tr>`).join('')}</tbody>
        </table>`,
              )
              .join('')
      }
    </section>`,
    )
    .join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Briefing integrale controle ${e(b.control.plannedOn)}${b.forPartner ? ` — ${e(b.forPartner.name)}` : ''}</title>
<style>
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; line-height: 1.45; }
  h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin-top: 1.5rem; } h3 { font-size: 1rem; }
  .code { font-weight: normal; color: #555; font-size: .9rem; }
  .confidential { border: 2px solid #a00; padding: .5rem .75rem; color: #a00; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: bold; }
  th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  .pand { page-break-inside: avoid; }
  @media print { body { margin: 0; max-width: none; } .noprint { display: none; } a { color: inherit; text-decoration: none; } }
</style>
</head>
<body>
<p class="confidential">Vertrouwelijk — alleen voor ${b.forPartner ? e(b.forPartner.name) : 'de coördinator'}. Niet verder verspreiden (convenant art. 20).</p>
<h1>Briefing integrale controle</h1>
<p>${e(b.team)} · ${e(when)}${b.control.status === 'geannuleerd' ? ' · <strong>GEANNULEERD</strong>' : ''}</p>
<h2>Deelnemende partners</h2>
<ul>${b.partners.map((p) => `<li>${e(p.name)}</li>`).join('')}</ul>
${b.control.briefingNotes ? `<h2>Aandachtspunten</h2><p>${e(b.control.briefingNotes).replace(/\n/g, '<br>')}</p>` : ''}
${cases}
${b.findingTypes.length ? `<h2>Soorten bevindingen voor ${e(b.forPartner?.name ?? '')}</h2><ul>${b.findingTypes.map((f) => `<li>${e(findingLabel(f.code).nl)}</li>`).join('')}</ul>` : ''}
<p class="noprint">Afdrukken of bewaren als PDF: gebruik Afdrukken in uw browser (Ctrl+P).</p>
</body>
</html>`;
}
