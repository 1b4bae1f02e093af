// The progress report as CSV for Dutch Excel: semicolon separator, UTF-8 with BOM, CRLF, quoting
// per RFC 4180, and cells that a spreadsheet would read as a formula (= + - @, tab, CR) escaped
// with a leading apostrophe. It shows the report's suppressed figures: "< k" and "x" where hidden.
import { exportCell, exportRows, type ProgressReport } from '../domain/reports';

export function csvCell(value: string): string {
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  if (/[;"\r\n]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvLine(cells: string[]): string {
  return cells.map(csvCell).join(';');
}

export function reportCsv(report: ProgressReport): string {
  const k = report.suppression.threshold;
  const lines: string[][] = [
    ['Voortgangsrapportage', report.team.name],
    ['Periode', `${report.period.from} t/m ${report.period.to}`],
    ['Vergeleken met', `${report.previousPeriod.from} t/m ${report.previousPeriod.to}`],
    ['Ontvanger', report.team.recipient],
    [
      'Kleine aantallen (casussen, bevindingen)',
      k > 1 ? `1 t/m ${k - 1} weergegeven als "< ${k}"; x = verborgen tegen terugrekenen` : 'niet onderdrukt',
    ],
    [],
    ['Onderdeel', 'Rij', 'Kenmerk', 'Huidige periode', 'Vorige periode'],
  ];
  for (const h of report.headline) {
    lines.push([
      'Kerncijfers',
      h.label.nl,
      '',
      exportCell(h.current, h.kind, h.mask?.current, k),
      exportCell(h.previous, h.kind, h.mask?.previous, k),
    ]);
  }
  for (const table of report.tables) {
    for (const row of exportRows(table)) {
      for (const column of table.columns) {
        lines.push([
          table.title.nl,
          row.label,
          column.label.nl,
          exportCell(row.current[column.key] ?? null, column.kind, row.mask.current[column.key], k),
          exportCell(row.previous[column.key] ?? null, column.kind, row.mask.previous[column.key], k),
        ]);
      }
    }
  }
  return `\uFEFF${lines.map(csvLine).join('\r\n')}\r\n`;
}
