/**
 * The verslag as a Word document (the `docx` library), from the reader's own MinutesView: the
 * same sections as the HTML export, A4 with margins, real headings and tables.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MinutesAction, MinutesView } from '../domain/minutes-view';
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

const heading = (text: string, level: 1 | 2 | 3) =>
  new Paragraph({
    text,
    heading: level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    keepNext: true,
  });

/** Free text keeps its line breaks. */
function prose(text: string): Paragraph[] {
  const lines = text.trim().split(/\r?\n/);
  return [new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) })];
}

const muted = (text: string) => new Paragraph({ children: [new TextRun({ text, italics: true, color: '555555' })] });
const label = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true, spacing: { before: 120 } });

function table(head: string[], rows: string[][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BBBBBB' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cellOf = (text: string, header: boolean) =>
    new TableCell({
      borders,
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'EEF2F7' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: header, size: 20 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cellOf(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cellOf(c, false)) })),
    ],
  });
}

function actionTable(
  actions: MinutesAction[],
  l: MinutesLabels,
  locale: ExportContext['locale'],
  withMeeting: boolean,
): (Paragraph | Table)[] {
  if (actions.length === 0) return [muted(l.none)];
  return [
    table(
      [l.task, l.partner, l.dueDate, 'Status', l.pand, ...(withMeeting ? [l.fromMeeting] : [])],
      actions.map((a) => [
        a.title,
        a.partner,
        humanDate(a.dueDate, locale),
        (l.taskStatus[a.status as keyof MinutesLabels['taskStatus']] ?? a.status) + (a.overdue ? ` (${l.overdue})` : ''),
        a.caseCode ? `${a.caseCode}\n${a.caseAddress ?? ''}` : '',
        ...(withMeeting ? [a.meetingDate ? humanDate(a.meetingDate, locale) : ''] : []),
      ]),
    ),
    new Paragraph({ text: '' }),
  ];
}

export async function renderMinutesDocx(view: MinutesView, ctx: ExportContext): Promise<Buffer> {
  const l = labelsFor(ctx.locale);
  const h = view.header;
  const title = documentTitle(view, l, ctx.locale);
  const body: (Paragraph | Table)[] = [];
  body.push(heading(title, 1));
  body.push(
    new Paragraph({
      children: [
        new TextRun({ text: l.status[view.status].toUpperCase(), bold: true, color: view.status === 'concept' ? 'AA3333' : '154273' }),
        ...(view.approvedIn
          ? [new TextRun({ text: `  ${fill(l.approvedIn, { date: humanDate(view.approvedIn.date, ctx.locale) })}`, color: '555555' })]
          : []),
      ],
    }),
  );
  const meta: [string, string | null][] = [
    [l.date, humanDate(h.date, ctx.locale)],
    [l.time, `${h.time}–${h.endTime}`],
    [l.place, h.location],
    [l.link, h.videoLink],
    [l.chair, h.chair],
  ];
  for (const [key, value] of meta) {
    if (value) body.push(new Paragraph({ children: [new TextRun({ text: `${key}: `, bold: true }), new TextRun(value)] }));
  }
  body.push(
    new Paragraph({
      children: [new TextRun({ text: l.confidential, italics: true, size: 18, color: 'AA3333' })],
      spacing: { before: 120, after: 120 },
    }),
  );

  body.push(heading(l.attendance, 2));
  body.push(
    table(
      [l.partner, l.presence, l.attendees],
      view.attendance.map((a) => [a.partner, l.attendanceStatus[a.status ?? 'unknown'], a.attendees.join(', ')]),
    ),
  );

  if (view.intro.trim()) body.push(heading(l.intro, 2), ...prose(view.intro));

  body.push(heading(l.agenda, 2));
  view.items.forEach((item, index) => {
    body.push(heading(`${index + 1}. ${item.title}`, 3));
    const sub = itemSubline(item, l);
    if (sub) body.push(muted(sub));
    if (item.notes.trim()) body.push(label(l.notes), ...prose(item.notes));
    if (item.decisions.trim()) body.push(label(l.decisions), ...prose(item.decisions));
  });

  body.push(heading(l.panden, 2));
  if (view.panden.length === 0) body.push(muted(l.none));
  for (const pand of view.panden) {
    body.push(heading(`${pand.code} — ${pand.address}`, 3));
    if (pand.agreements.length === 0) body.push(muted(l.noAgreements));
    for (const a of pand.agreements)
      body.push(
        new Paragraph({
          bullet: { level: 0 },
          children: [new TextRun(a.text), new TextRun({ text: ` (${a.responsiblePartner}, ${l.responsible})`, color: '555555' })],
        }),
      );
    if (pand.subjects.length > 0) {
      body.push(label(l.subjects));
      for (const s of pand.subjects) {
        body.push(
          new Paragraph({
            bullet: { level: 0 },
            text: `${l.subjectKind[s.kind]}: ${s.items.map((i) => `${l.categories[i.category]}: ${i.value} (${l.source}: ${i.source})`).join('; ')}`,
          }),
        );
      }
    }
  }

  body.push(heading(l.actions, 2), ...actionTable(view.actions, l, ctx.locale, false));
  body.push(heading(l.carriedOver, 2), ...actionTable(view.carriedOver, l, ctx.locale, true));
  if (view.closing.trim()) body.push(heading(l.closing, 2), ...prose(view.closing));
  body.push(
    new Paragraph({
      children: [
        new TextRun({
          text: fill(l.generated, { at: humanDateTime(ctx.generatedAt, ctx.locale), name: ctx.readerName }),
          size: 16,
          color: '555555',
        }),
      ],
      spacing: { before: 400 },
    }),
  );

  const doc = new Document({
    title,
    creator: 'Overleg',
    description: l.confidential,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ children: [PageNumber.CURRENT], size: 16 })] }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
