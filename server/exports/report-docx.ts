// The progress report as a Word document, ready to send to the partners (PIT) or the DVC (BIT):
// title, recipient, generated narrative, the coordinator's toelichting and knelpunten (BIT art.
// 4.1), key figures, the charts of the screen and the tables, current against previous period. It
// shows the report's suppressed figures ("< k", "x"), as every output does; the charts are drawn
// from the same suppressed report (../domain/report-charts.ts).
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { exportCell, exportRows, formatDateNl, type ProgressReport } from '../domain/reports';
import { reportCharts } from '../domain/report-charts';
import type { ReportNarrative } from '../domain/report-narrative';
import { chartBlock } from './report-docx-chart';

const cell = (text: string, options: { bold?: boolean; right?: boolean } = {}) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: options.bold })],
      }),
    ],
  });

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => cell(h, { bold: true, right: i > 0 })) }),
      ...rows.map((r) => new TableRow({ children: r.map((text, i) => cell(text, { right: i > 0 })) })),
    ],
  });
}

/** The coordinator's own words, paragraph by paragraph (blank lines separate paragraphs). */
function toelichting(narrative: ReportNarrative): Paragraph[] {
  const heading = new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Toelichting en knelpunten' });
  if (!narrative || narrative.text.trim() === '') {
    return [
      heading,
      new Paragraph({
        children: [new TextRun({ text: 'De coördinator heeft voor deze periode geen toelichting geschreven.', italics: true })],
      }),
    ];
  }
  const paragraphs = narrative.text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map(
      (p) =>
        new Paragraph({
          spacing: { after: 120 },
          children: p.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
        }),
    );
  // The date, not the author's name: the report carries no personal data (art. 20.13).
  const stamp = new Paragraph({
    children: [
      new TextRun({
        text: `Toelichting van de coördinator, bijgewerkt op ${formatDateNl(narrative.updatedAt.slice(0, 10))}.`,
        italics: true,
        size: 18,
      }),
    ],
  });
  return [heading, ...paragraphs, stamp];
}

export async function reportDocx(report: ProgressReport, narrative: ReportNarrative = null): Promise<Buffer> {
  const charts = new Map(reportCharts(report).map((c) => [c.id, c]));
  const k = report.suppression.threshold;
  const period = `${formatDateNl(report.period.from)} t/m ${formatDateNl(report.period.to)}`;
  const previous = `${formatDateNl(report.previousPeriod.from)} t/m ${formatDateNl(report.previousPeriod.to)}`;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: `Voortgangsrapportage ${report.team.name}` }),
    new Paragraph({ children: [new TextRun({ text: 'Periode: ', bold: true }), new TextRun(period)] }),
    new Paragraph({ children: [new TextRun({ text: 'Vergeleken met: ', bold: true }), new TextRun(previous)] }),
    new Paragraph({ children: [new TextRun({ text: 'Aan: ', bold: true }), new TextRun(report.team.recipient)] }),
    new Paragraph({
      children: [new TextRun({ text: 'Opgesteld: ', bold: true }), new TextRun(formatDateNl(report.generatedAt.slice(0, 10)))],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Samenvatting' }),
    ...report.narrative.map((text) => new Paragraph({ text, spacing: { after: 120 } })),
    ...toelichting(narrative),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Kerncijfers' }),
    ...chartBlock(charts.get('headline')!),
    table(
      ['Kenmerk', 'Deze periode', 'Vorige periode'],
      report.headline.map((h) => [
        h.label.nl,
        exportCell(h.current, h.kind, h.mask?.current, k),
        exportCell(h.previous, h.kind, h.mask?.previous, k),
      ]),
    ),
  ];
  for (const t of report.tables) {
    if (t.rows.length === 0) continue;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: t.title.nl }));
    const chart = charts.get(t.id);
    if (chart) children.push(...chartBlock(chart));
    const header = [
      t.rowHeader.nl,
      ...t.columns.flatMap((c) => (t.columns.length > 3 ? [c.label.nl] : [c.label.nl, `${c.label.nl} (vorige)`])),
    ];
    const rows = exportRows(t).map((r) => [
      r.label,
      ...t.columns.flatMap((c) => {
        const cur = exportCell(r.current[c.key] ?? null, c.kind, r.mask.current[c.key], k);
        const prev = exportCell(r.previous[c.key] ?? null, c.kind, r.mask.previous[c.key], k);
        return t.columns.length > 3 ? [`${cur} (${prev})`] : [cur, prev];
      }),
    ]);
    children.push(table(header, rows));
    if (t.columns.length > 3)
      children.push(new Paragraph({ children: [new TextRun({ text: 'Tussen haakjes: de vorige periode.', italics: true, size: 18 })] }));
    if (t.suppressible && k > 1) {
      children.push(
        new Paragraph({
          children: [
            new TextRun({
              text: `Aantallen van 1 t/m ${k - 1} zijn weergegeven als "< ${k}"; "x" is een aantal dat is verborgen zodat een klein aantal niet uit totalen is terug te rekenen (art. 20.13: niet herleidbaar).`,
              italics: true,
              size: 18,
            }),
          ],
        }),
      );
    }
  }
  children.push(
    new Paragraph({
      spacing: { before: 240 },
      children: [new TextRun({ text: 'Deze rapportage bevat geen persoonsgegevens (convenant art. 20.13).', italics: true, size: 18 })],
    }),
  );
  const doc = new Document({
    creator: 'Overleg',
    title: `Voortgangsrapportage ${report.team.name} ${report.period.from} – ${report.period.to}`,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
