// A bar chart as native Word content (issue 9 item 18): no image rasteriser is installed, and a
// table of shaded bars stays sharp, editable and readable by a screen reader. Each row holds the
// label, both figures (the chart's text alternative, right beside it) and the bars: this period
// dark, the previous period light, as on the Rapportage screen (client BarChart).
import { AlignmentType, Paragraph, ShadingType, Table, TableBorders, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportChart } from '../domain/report-charts';

const BAR_AREA = 4200; // twentieths of a point (about 7.4 cm)
const CURRENT = '154273';
const PREVIOUS = '8FA8C8';

const text = (value: string, options: { bold?: boolean; right?: boolean; size?: number } = {}) =>
  new Paragraph({ alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text: value, bold: options.bold, size: options.size })] });

/** One bar: a borderless one-row table whose first cell is shaded to the bar's length. */
function bar(value: number, max: number, fill: string, height: number): Table {
  const length = value <= 0 ? 0 : Math.max(60, Math.round((value / max) * BAR_AREA));
  const spacer = () => new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text: '', size: height })] });
  const cells = [
    ...(length > 0 ? [new TableCell({ width: { size: length, type: WidthType.DXA }, shading: { type: ShadingType.CLEAR, color: 'auto', fill }, children: [spacer()] })] : []),
    ...(length < BAR_AREA ? [new TableCell({ width: { size: BAR_AREA - length, type: WidthType.DXA }, children: [spacer()] })] : []),
  ];
  return new Table({
    width: { size: BAR_AREA, type: WidthType.DXA },
    columnWidths: cells.length === 2 ? [length, BAR_AREA - length] : [BAR_AREA],
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: cells })],
  });
}

/** The chart's caption, and the chart: figure, this period, previous period, bars. */
export function chartBlock(chart: ReportChart): (Paragraph | Table)[] {
  const caption = new Paragraph({ spacing: { before: 120 }, children: [new TextRun({ text: `Grafiek: ${chart.title}`, bold: true })] });
  if (chart.bars.length === 0) return [caption, new Paragraph({ children: [new TextRun({ text: 'Geen cijfers om te tonen: verborgen aantallen (< k, x) staan niet in de grafiek.', italics: true, size: 18 })] })];
  const max = Math.max(1, ...chart.bars.flatMap((b) => [b.current, b.previous]));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({ tableHeader: true, children: [
        new TableCell({ children: [text('Kenmerk', { bold: true, size: 18 })] }),
        new TableCell({ children: [text('Deze periode', { bold: true, right: true, size: 18 })] }),
        new TableCell({ children: [text('Vorige periode', { bold: true, right: true, size: 18 })] }),
        new TableCell({ children: [text('Staaf: deze periode (donker), vorige periode (licht)', { bold: true, size: 18 })] }),
      ] }),
      ...chart.bars.map((b) => new TableRow({ children: [
        new TableCell({ children: [text(b.label, { size: 18 })] }),
        new TableCell({ children: [text(String(b.current), { right: true, size: 18 })] }),
        new TableCell({ children: [text(String(b.previous), { right: true, size: 18 })] }),
        new TableCell({ width: { size: BAR_AREA + 200, type: WidthType.DXA }, children: [bar(b.current, max, CURRENT, 14), bar(b.previous, max, PREVIOUS, 10), new Paragraph({ spacing: { after: 0 }, children: [] })] }),
      ] })),
    ],
  });
  const note = new Paragraph({ children: [new TextRun({ text: 'De grafiek toont dezelfde cijfers als de tabel; verborgen aantallen (< k, x) staan er niet in (art. 20.13).', italics: true, size: 18 })] });
  return [caption, table, note];
}
