// The inzage bundle as a self-contained, printable HTML page (issue 11 item 3). It renders exactly
// what dsr.bundle returned.
import type { InzageBundle } from '../privacy/inzage';
import { actionLabels, categoryLabels, dayNl, kindLabels, policeNote, purposeLabels } from './inzage-labels';

import { escapeHtml } from './escape-html';

export function inzageHtml(b: InzageBundle): string {
  const e = escapeHtml;
  const itemTable = (caption: string, items: InzageBundle['subjects'][number]['byPartner'][number]['items']) => `
    <table><caption>${e(caption)}</caption>
      <thead><tr><th scope="col">Gegeven</th><th scope="col">Waarde</th><th scope="col">Vastgelegd op</th><th scope="col">Grondslag</th></tr></thead>
      <tbody>${items.map((i) => `<tr><td>${e(categoryLabels[i.category] ?? i.category)}</td><td>${e(i.value)}</td><td>${e(dayNl(i.recordedOn))}</td><td>${e(i.legalGround ?? '')}</td></tr>`).join('')}</tbody>
    </table>`;
  const subjects = b.subjects
    .map(
      (s, n) => `
    <section class="subject">
      <h2>Betrokkene ${n + 1} — casus ${e(s.case.code)}</h2>
      <p>${e(s.case.address)} · gemeente ${e(s.case.gemeente)} · status ${e(s.case.status)} · geopend ${e(dayNl(s.case.createdAt))}${s.case.closedAt ? ` · afgerond ${e(dayNl(s.case.closedAt))}` : ''}</p>
      <p>Informatieplicht (art. 26): ${s.informedOn ? `geïnformeerd op ${e(dayNl(s.informedOn))}` : s.informPostponedReason ? `uitgesteld — ${e(s.informPostponedReason)}` : 'nog niet geïnformeerd'}</p>
      <h3>Gegevens per verstrekkende partner</h3>
      ${s.byPartner.length === 0 ? '<p>Geen gegevens van andere partners dan de politie.</p>' : s.byPartner.map((p) => itemTable(p.partner, p.items)).join('')}
      ${s.police.length === 0 ? '' : `<div class="police"><h3>Politiegegevens (apart)</h3><p class="note">${e(policeNote)}</p>${s.police.map((p) => itemTable(p.partner, p.items)).join('')}</div>`}
      <h3>Werkafspraken bij deze casus</h3>
      ${s.agreements.length === 0 ? '<p>Geen.</p>' : `<ul>${s.agreements.map((a) => `<li>${e(a.text)} <em>(${e(a.responsible)}, ${e(dayNl(a.createdOn))}, ${e(a.status)})</em></li>`).join('')}</ul>`}
      <h3>Besproken in overleggen</h3>
      ${s.meetings.length === 0 ? '<p>Niet geagendeerd.</p>' : `<ul>${s.meetings.map((m) => `<li>${e(dayNl(m.date))} — ${e(m.title)}: ${e(m.agendaTitle)}</li>`).join('')}</ul>`}
    </section>`,
    )
    .join('');
  const processing =
    b.processing.length === 0
      ? '<p>Geen raadplegingen vastgelegd.</p>'
      : `
    <table><caption>Wie de gegevens verwerkte</caption>
      <thead><tr><th scope="col">Wanneer</th><th scope="col">Partner</th><th scope="col">Handeling</th><th scope="col">Waarvoor</th><th scope="col">Casus</th></tr></thead>
      <tbody>${b.processing.map((p) => `<tr><td>${e(dayNl(p.at))}</td><td>${e(p.partner ?? (p.role === 'coordinator' ? 'Coördinator' : (p.role ?? '')))}</td><td>${e(actionLabels[p.action] ?? p.action)}</td><td>${e(p.purpose ? (purposeLabels[p.purpose] ?? p.purpose) : '')}</td><td>${e(p.caseCode ?? '')}</td></tr>`).join('')}</tbody>
    </table>`;
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Inzageoverzicht verzoek ${b.request.id} — ${e(b.team)}</title>
<style>
  body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; max-width: 52rem; margin: 2rem auto; line-height: 1.45; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 1.75rem; } h3 { font-size: 1rem; }
  .confidential { border: 2px solid #a00; padding: .5rem .75rem; color: #a00; font-weight: bold; }
  .police { border-left: 4px solid #003366; padding-left: .75rem; } .note { font-style: italic; }
  table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } caption { text-align: left; font-weight: bold; }
  th, td { border: 1px solid #999; padding: .25rem .5rem; text-align: left; vertical-align: top; }
  @media print { body { margin: 0; max-width: none; } .noprint { display: none; } }
</style>
</head>
<body>
<main>
<p class="confidential">Vertrouwelijk — bevat persoonsgegevens. Alleen voor de functionaris gegevensbescherming.</p>
<h1>Inzageoverzicht (AVG art. 15, convenant art. 24)</h1>
<p>${e(b.team)} · verzoek ${b.request.id} (${e(kindLabels[b.request.kind] ?? b.request.kind)}) · ontvangen ${e(dayNl(b.request.receivedOn))} · termijn ${e(dayNl(b.request.deadline))} · opgesteld ${e(dayNl(b.generatedAt))}</p>
${subjects}
<h2>Verwerkingsoverzicht</h2>
${processing}
<p class="noprint">Afdrukken of bewaren als PDF: gebruik Afdrukken in uw browser (Ctrl+P).</p>
</main>
</body>
</html>`;
}
