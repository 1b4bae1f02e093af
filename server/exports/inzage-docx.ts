// The inzage bundle as a Word document (issue 11 item 3): the same content as ./inzage-html.ts.
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { InzageBundle } from '../privacy/inzage';
import { actionLabels, categoryLabels, dayNl, kindLabels, policeNote, purposeLabels } from './inzage-labels';

const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
const table = (header: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) })),
    ],
  });
const para = (text: string, italics = false) => new Paragraph({ children: [new TextRun({ text, italics })] });

export async function inzageDocx(b: InzageBundle): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: 'Inzageoverzicht (AVG art. 15, convenant art. 24)' }),
    para(
      `${b.team} · verzoek ${b.request.id} (${kindLabels[b.request.kind] ?? b.request.kind}) · ontvangen ${dayNl(b.request.receivedOn)} · termijn ${dayNl(b.request.deadline)} · opgesteld ${dayNl(b.generatedAt)}`,
    ),
    para('Vertrouwelijk — bevat persoonsgegevens.', true),
  ];
  const items = (list: InzageBundle['subjects'][number]['byPartner'][number]['items']) =>
    table(
      ['Gegeven', 'Waarde', 'Vastgelegd op', 'Grondslag'],
      list.map((i) => [categoryLabels[i.category] ?? i.category, i.value, dayNl(i.recordedOn), i.legalGround ?? '']),
    );
  b.subjects.forEach((s, n) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: `Betrokkene ${n + 1} — casus ${s.case.code}` }));
    children.push(para(`${s.case.address} · gemeente ${s.case.gemeente} · status ${s.case.status}`));
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Gegevens per verstrekkende partner' }));
    for (const p of s.byPartner) children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: p.partner }), items(p.items));
    if (s.police.length > 0) {
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Politiegegevens (apart)' }), para(policeNote, true));
      for (const p of s.police) children.push(new Paragraph({ heading: HeadingLevel.HEADING_3, text: p.partner }), items(p.items));
    }
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Werkafspraken bij deze casus' }));
    children.push(
      ...(s.agreements.length === 0
        ? [para('Geen.')]
        : s.agreements.map((a) => para(`${a.text} (${a.responsible}, ${dayNl(a.createdOn)}, ${a.status})`))),
    );
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text: 'Besproken in overleggen' }));
    children.push(
      ...(s.meetings.length === 0
        ? [para('Niet geagendeerd.')]
        : s.meetings.map((m) => para(`${dayNl(m.date)} — ${m.title}: ${m.agendaTitle}`))),
    );
  });
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Verwerkingsoverzicht' }));
  children.push(
    b.processing.length === 0
      ? para('Geen raadplegingen vastgelegd.')
      : table(
          ['Wanneer', 'Partner', 'Handeling', 'Waarvoor', 'Casus'],
          b.processing.map((p) => [
            dayNl(p.at),
            p.partner ?? (p.role === 'coordinator' ? 'Coördinator' : (p.role ?? '')),
            actionLabels[p.action] ?? p.action,
            p.purpose ? (purposeLabels[p.purpose] ?? p.purpose) : '',
            p.caseCode ?? '',
          ]),
        ),
  );
  return Packer.toBuffer(new Document({ creator: 'Overleg', title: `Inzageoverzicht verzoek ${b.request.id}`, sections: [{ children }] }));
}
