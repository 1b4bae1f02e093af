// A bar chart as native Word content (issue 9 item 18): no image rasteriser is installed, and a
// table with shaded bars stays sharp, editable and readable by a screen reader. Each row holds the
// label, both figures (the chart's text alternative, right beside it) and the bars: this period
// dark, the previous period light, as on the Rapportage screen (client BarChart).
import { AlignmentType, Paragraph, ShadingType, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportChart } from '../domain/report-charts';

const BAR_CHARS = 40; // the longest bar, in shaded spaces (about 7 cm)
const CURRENT = '154273';
const PREVIOUS = '8FA8C8';

const text = (value: string, options: { bold?: boolean; right?: boolean; size?: number } = {}) =>
  new Paragraph({
    alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [new TextRun({ text: value, bold: options.bold, size: options.size })],
  });

/**
 * One bar: a run of non-breaking spaces shaded to the bar's length (one table per chart, nothing
 * nested, so the document stays simple to read back and to check).
 */
function bar(value: number, max: number, fill: string, size: number): Paragraph {
  const length = value <= 0 ? 0 : Math.max(1, Math.round((value / max) * BAR_CHARS));
  return new Paragraph({
    spacing: { before: 0, after: 20 },
    children:
      length === 0 ? [] : [new TextRun({ text: '\u00A0'.repeat(length), size, shading: { type: ShadingType.CLEAR, color: 'auto', fill } })],
  });
}

/** The chart's caption, and the chart: figure, this period, previous period, bars. */
export function chartBlock(chart: ReportChart): (Paragraph | Table)[] {
  const caption = new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: `Grafiek: ${chart.title}`, bold: true })] });
  if (chart.bars.length === 0)
    return [
      caption,
      new Paragraph({
        children: [
          new TextRun({
            text: 'Geen cijfers om te tonen: verborgen aantallen (< k, x) staan niet in de grafiek.',
            italics: true,
            size: 18,
          }),
        ],
      }),
    ];
  const max = Math.max(1, ...chart.bars.flatMap((b) => [b.current, b.previous]));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        tableHeader: true,
        children: [
          new TableCell({ children: [text('Kenmerk', { bold: true, size: 18 })] }),
          new TableCell({ children: [text('Deze periode', { bold: true, right: true, size: 18 })] }),
          new TableCell({ children: [text('Vorige periode', { bold: true, right: true, size: 18 })] }),
          new TableCell({ children: [text('Staaf: deze periode (donker), vorige periode (licht)', { bold: true, size: 18 })] }),
        ],
      }),
      ...chart.bars.map(
        (b) =>
          new TableRow({
            children: [
              new TableCell({ children: [text(b.label, { size: 18 })] }),
              new TableCell({ children: [text(String(b.current), { right: true, size: 18 })] }),
              new TableCell({ children: [text(String(b.previous), { right: true, size: 18 })] }),
              new TableCell({
                width: { size: 45, type: WidthType.PERCENTAGE },
                children: [bar(b.current, max, CURRENT, 16), bar(b.previous, max, PREVIOUS, 12)],
              }),
            ],
          }),
      ),
    ],
  });
  const note = new Paragraph({
    children: [
      new TextRun({
        text: 'De grafiek toont dezelfde cijfers als de tabel; verborgen aantallen (< k, x) staan er niet in (art. 20.13).',
        italics: true,
        size: 18,
      }),
    ],
  });
  return [caption, table, note];
}
