// The hand-back of one partner's own personal data of a casus at wind-down (issue 10 item 4): a
// self-contained HTML page to print or save. It renders only what handbackExport returned —
// that partner's own items, nothing any other partner provided.
import type { Handback } from '../domain/wind-down';

import { escapeHtml } from './escape-html';
const categoryLabels: Record<string, string> = {
  naw: 'Naam en adres',
  geboortedatum: 'Geboortedatum',
  bsn: 'BSN',
  geslacht: 'Geslacht',
  telefoon: 'Telefoon',
  kenteken: 'Kenteken',
  naleving: 'Naleving',
};

export function handbackHtml(h: Handback): string {
  const e = escapeHtml;
  const body =
    h.subjects.length === 0
      ? '<p>Deze partner heeft bij deze casus geen persoonsgegevens (meer) verstrekt.</p>'
      : h.subjects
          .map(
            (s) => `
    <table><caption>${s.kind === 'company' ? 'Bedrijf' : 'Persoon'}</caption>
      <thead><tr><th scope="col">Gegeven</th><th scope="col">Waarde</th><th scope="col">Vastgelegd</th></tr></thead>
      <tbody>${s.items.map((i) => `<tr><td>${e(categoryLabels[i.category] ?? i.category)}</td><td>${e(i.value)}</td><td>${e(i.createdAt.slice(0, 10))}</td></tr>`).join('')}</tbody>
    </table>`,
          )
          .join('');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Teruggave persoonsgegevens ${e(h.caseCode)} — ${e(h.partner)}</title>
<style>
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; max-width: 48rem; margin: 2rem auto; line-height: 1.45; }
  .confidential { border: 2px solid #a00; padding: .5rem .75rem; color: #a00; font-weight: bold; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: bold; }
  th, td { border: 1px solid #999; padding: .3rem .5rem; text-align: left; }
</style>
</head>
<body>
<main>
<h1>Teruggave persoonsgegevens casus ${e(h.caseCode)}</h1>
<p>Voor: <strong>${e(h.partner)}</strong> — uitsluitend de gegevens die deze partner zelf heeft verstrekt (convenant art. 14.5 en 21).</p>
<p class="confidential">Vertrouwelijk. De geheimhoudingsplicht blijft na afloop van het convenant gelden (art. 14.5).</p>
${body}
<p>Aangemaakt op ${e(h.generatedAt.slice(0, 10))}.</p>
</main>
</body>
</html>`;
}
