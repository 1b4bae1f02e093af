/**
 * The verslag as one self-contained, print-ready HTML page: no scripts, no external resources,
 * a print stylesheet for a clean A4 PDF from the browser. Every value is escaped. Built from the
 * reader's own MinutesView, so it holds exactly what the screen shows them.
 */
import type { MinutesAction, MinutesView } from '../domain/minutes-view';
import { escapeHtml } from './escape-html';
import {
  documentTitle,
  fill,
  humanDate,
  humanDateTime,
  itemSubline,
  labelsFor,
  type ExportContext,
  type MinutesLabels,
} from './minutes-labels';

/** Free text keeps its line breaks; nothing in it is interpreted as markup. */
const prose = (text: string) => (text.trim() ? `<p class="prose">${escapeHtml(text.trim()).replace(/\r?\n/g, '<br>')}</p>` : '');

const style = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { font-family: "Segoe UI", Calibri, Arial, sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 190mm; padding: 12mm 10mm; }
  h1 { font-size: 18pt; margin: 0 0 2mm; }
  h2 { font-size: 13.5pt; margin: 8mm 0 2mm; padding-bottom: 1mm; border-bottom: 1.5px solid #154273; color: #154273; }
  h3 { font-size: 11.5pt; margin: 5mm 0 1.5mm; }
  p { margin: 0 0 2mm; }
  .status { display: inline-block; font-size: 9pt; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; border: 1px solid #154273; color: #154273; padding: .5mm 2mm; border-radius: 1mm; }
  .status.concept { border-color: #a33; color: #a33; }
  .confidential { font-size: 9pt; color: #444; border-left: 3px solid #a33; padding-left: 2mm; margin: 3mm 0; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .5mm 6mm; margin: 3mm 0; }
  dl.meta dt { font-weight: 600; }
  dl.meta dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 10pt; }
  caption { text-align: left; font-weight: 600; padding-bottom: 1mm; }
  th, td { border: 1px solid #bbb; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
  th { background: #eef2f7; }
  .label { font-weight: 600; margin-top: 2mm; }
  .muted { color: #555; }
  .overdue { color: #a33; font-weight: 600; }
  ul { margin: 1mm 0 3mm; padding-left: 6mm; }
  footer { margin-top: 10mm; font-size: 8.5pt; color: #555; border-top: 1px solid #ccc; padding-top: 2mm; }
  @page { size: A4; margin: 18mm 16mm 20mm; }
  @media print {
    body { max-width: none; padding: 0; font-size: 10.5pt; }
    h2, h3 { break-after: avoid; page-break-after: avoid; }
    tr, li, .item { break-inside: avoid; page-break-inside: avoid; }
    thead { display: table-header-group; }
    a { color: inherit; text-decoration: none; }
  }
`;

function actionTable(
  actions: MinutesAction[],
  l: MinutesLabels,
  locale: ExportContext['locale'],
  caption: string,
  withMeeting: boolean,
): string {
  if (actions.length === 0) return `<h2>${escapeHtml(caption)}</h2><p class="muted">${escapeHtml(l.none)}</p>`;
  const head = `<tr><th scope="col">${escapeHtml(l.task)}</th><th scope="col">${escapeHtml(l.partner)}</th><th scope="col">${escapeHtml(l.dueDate)}</th><th scope="col">Status</th><th scope="col">${escapeHtml(l.pand)}</th>${withMeeting ? `<th scope="col">${escapeHtml(l.fromMeeting)}</th>` : ''}</tr>`;
  const rows = actions
    .map(
      (a) =>
        `<tr><td>${escapeHtml(a.title)}</td><td>${escapeHtml(a.partner)}</td><td>${escapeHtml(humanDate(a.dueDate, locale))}</td>` +
        `<td>${escapeHtml(l.taskStatus[a.status as keyof MinutesLabels['taskStatus']] ?? a.status)}${a.overdue ? ` <span class="overdue">(${escapeHtml(l.overdue)})</span>` : ''}</td>` +
        `<td>${a.caseCode ? `${escapeHtml(a.caseCode)}<br><span class="muted">${escapeHtml(a.caseAddress)}</span>` : ''}</td>` +
        `${withMeeting ? `<td>${a.meetingDate ? escapeHtml(humanDate(a.meetingDate, locale)) : ''}</td>` : ''}</tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(caption)}</h2><table><caption class="sr-only">${escapeHtml(caption)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table>`;
}

export function renderMinutesHtml(view: MinutesView, ctx: ExportContext): string {
  const l = labelsFor(ctx.locale);
  const h = view.header;
  const title = documentTitle(view, l, ctx.locale);
  const parts: string[] = [];
  parts.push(
    `<header><h1>${escapeHtml(title)}</h1><p><span class="status ${escapeHtml(view.status)}">${escapeHtml(l.status[view.status])}</span>` +
      `${view.approvedIn ? ` <span class="muted">${escapeHtml(fill(l.approvedIn, { date: humanDate(view.approvedIn.date, ctx.locale) }))}</span>` : ''}</p>`,
  );
  parts.push(
    `<dl class="meta"><dt>${escapeHtml(l.date)}</dt><dd>${escapeHtml(humanDate(h.date, ctx.locale))}</dd>` +
      `<dt>${escapeHtml(l.time)}</dt><dd>${escapeHtml(`${h.time}–${h.endTime}`)}</dd>` +
      (h.location ? `<dt>${escapeHtml(l.place)}</dt><dd>${escapeHtml(h.location)}</dd>` : '') +
      (h.videoLink ? `<dt>${escapeHtml(l.link)}</dt><dd>${escapeHtml(h.videoLink)}</dd>` : '') +
      (h.chair ? `<dt>${escapeHtml(l.chair)}</dt><dd>${escapeHtml(h.chair)}</dd>` : '') +
      `</dl><p class="confidential">${escapeHtml(l.confidential)}</p></header>`,
  );

  parts.push(
    `<h2>${escapeHtml(l.attendance)}</h2><table><thead><tr><th scope="col">${escapeHtml(l.partner)}</th><th scope="col">${escapeHtml(l.presence)}</th><th scope="col">${escapeHtml(l.attendees)}</th></tr></thead><tbody>` +
      view.attendance
        .map(
          (a) =>
            `<tr><td>${escapeHtml(a.partner)}</td><td>${escapeHtml(l.attendanceStatus[a.status ?? 'unknown'])}</td><td>${escapeHtml(a.attendees.join(', '))}</td></tr>`,
        )
        .join('') +
      '</tbody></table>',
  );

  if (view.intro.trim()) parts.push(`<h2>${escapeHtml(l.intro)}</h2>${prose(view.intro)}`);

  parts.push(`<h2>${escapeHtml(l.agenda)}</h2>`);
  view.items.forEach((item, index) => {
    const sub = itemSubline(item, l);
    parts.push(
      `<section class="item"><h3>${index + 1}. ${escapeHtml(item.title)}</h3>${sub ? `<p class="muted">${escapeHtml(sub)}</p>` : ''}` +
        (item.notes.trim() ? `<p class="label">${escapeHtml(l.notes)}</p>${prose(item.notes)}` : '') +
        (item.decisions.trim() ? `<p class="label">${escapeHtml(l.decisions)}</p>${prose(item.decisions)}` : '') +
        '</section>',
    );
  });

  parts.push(`<h2>${escapeHtml(l.panden)}</h2>`);
  if (view.panden.length === 0) parts.push(`<p class="muted">${escapeHtml(l.none)}</p>`);
  for (const pand of view.panden) {
    parts.push(`<section class="item"><h3>${escapeHtml(pand.code)} — ${escapeHtml(pand.address)}</h3>`);
    parts.push(
      pand.agreements.length === 0
        ? `<p class="muted">${escapeHtml(l.noAgreements)}</p>`
        : `<ul>${pand.agreements.map((a) => `<li>${escapeHtml(a.text)} <span class="muted">(${escapeHtml(a.responsiblePartner)}, ${escapeHtml(l.responsible)})</span></li>`).join('')}</ul>`,
    );
    if (pand.subjects.length > 0) {
      parts.push(
        `<p class="label">${escapeHtml(l.subjects)}</p><ul>` +
          pand.subjects
            .map(
              (s) =>
                `<li>${escapeHtml(l.subjectKind[s.kind])}: ${s.items.map((i) => `${escapeHtml(l.categories[i.category])}: ${escapeHtml(i.value)} <span class="muted">(${escapeHtml(l.source)}: ${escapeHtml(i.source)})</span>`).join('; ')}</li>`,
            )
            .join('') +
          '</ul>',
      );
    }
    parts.push('</section>');
  }

  parts.push(actionTable(view.actions, l, ctx.locale, l.actions, false));
  parts.push(actionTable(view.carriedOver, l, ctx.locale, l.carriedOver, true));
  if (view.closing.trim()) parts.push(`<h2>${escapeHtml(l.closing)}</h2>${prose(view.closing)}`);
  parts.push(`<footer>${escapeHtml(fill(l.generated, { at: humanDateTime(ctx.generatedAt, ctx.locale), name: ctx.readerName }))}</footer>`);

  return `<!doctype html>
<html lang="${ctx.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${style}  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
