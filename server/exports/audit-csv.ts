// The Logboek as CSV for the FG (issue 11 item 7), in the same dialect as the report CSV
// (./report-csv.ts: semicolons, UTF-8 with BOM, CRLF, RFC 4180 quoting and a guard against
// spreadsheet formulas — a value starting with = + - @ gets a leading apostrophe). Ids are
// resolved into names and codes as on screen; betrokkenen are counted, never named (P7).
import type { AuditListItem } from '../domain/audit-log';
import type { AuditFact } from '../domain/audit-display';
import { csvLine } from './report-csv';

const when = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function factText(f: AuditFact): string {
  switch (f.type) {
    case 'categories':
    case 'names':
    case 'fields':
      return `${f.key}: ${f.value.join(', ')}`;
    case 'label':
      return `${f.key}: ${f.value.nl}`;
    case 'yesNo':
      return `${f.key}: ${f.value ? 'ja' : 'nee'}`;
    default:
      return `${f.key}: ${String(f.value)}`;
  }
}

export const AUDIT_CSV_HEADER = [
  'Regel',
  'Tijdstip (Amsterdam)',
  'Gebruiker',
  'Rol',
  'Partner',
  'Handeling',
  'Onderwerp',
  'Casus',
  'Betrokkenen',
  'Politiegegevens',
  'Details',
];

export function auditCsv(items: AuditListItem[]): string {
  const lines = [AUDIT_CSV_HEADER];
  for (const e of items) {
    lines.push([
      String(e.id),
      when.format(new Date(e.at)),
      e.actor?.name ?? 'systeem',
      e.actor?.role ?? '',
      e.actor?.partner ?? '',
      e.action,
      [e.entity, e.subject].filter(Boolean).join(': '),
      e.caseCode ?? '',
      String(e.subjects.length),
      e.subjects.some((s) => s.police) ? 'ja' : 'nee',
      e.facts.map(factText).join('; '),
    ]);
  }
  return `\uFEFF${lines.map(csvLine).join('\r\n')}\r\n`;
}
