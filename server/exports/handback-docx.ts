// The wind-down hand-back as a Word document: the same content as ./handback-html.ts — only what
// handbackExport returned, that partner's own items in full (art. 14.5: it is that partner's data).
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Handback } from '../domain/wind-down';
import { categoryLabels } from './inzage-labels';

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const para = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...options })] });

export async function handbackDocx(h: Handback): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: `Teruggave persoonsgegevens casus ${h.caseCode}` }),
    para(`Voor: ${h.partner} — uitsluitend de gegevens die deze partner zelf heeft verstrekt (convenant art. 14.5 en 21).`),
    para('Vertrouwelijk. De geheimhoudingsplicht blijft na afloop van het convenant gelden (art. 14.5).', { bold: true }),
  ];
  if (h.subjects.length === 0) children.push(para('Deze partner heeft bij deze casus geen persoonsgegevens (meer) verstrekt.'));
  for (const s of h.subjects) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: s.kind === 'company' ? 'Bedrijf' : 'Persoon' }));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['Gegeven', 'Waarde', 'Vastgelegd'].map((t) => cell(t, true)) }),
          ...s.items.map(
            (i) =>
              new TableRow({ children: [cell(categoryLabels[i.category] ?? i.category), cell(i.value), cell(i.createdAt.slice(0, 10))] }),
          ),
        ],
      }),
    );
  }
  children.push(para(`Aangemaakt op ${h.generatedAt.slice(0, 10)}.`, { italics: true }));
  return Packer.toBuffer(new Document({ creator: 'Overleg', title: `Teruggave ${h.caseCode} — ${h.partner}`, sections: [{ children }] }));
}
