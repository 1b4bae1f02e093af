/**
 * The verslag as Markdown, from the reader's own MinutesView. Every value is escaped so that
 * neither Markdown syntax nor embedded HTML in free text is interpreted by a viewer.
 */
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

/** Every kind of line break: in an interpolated value each one would let the value start a block. */
const LINE_BREAKS = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/g;

/**
 * CommonMark lets any ASCII punctuation be backslash-escaped. We escape what starts markup inline
 * (emphasis, code, links, HTML, tables, entities, a heading's closing `#`s) everywhere, and a
 * block marker (heading, list, quote, setext underline, rule) at the start of a line.
 */
const escapeInline = (text: string) => text.replace(/[\\`*_[\]<>|~&#]/g, (c) => `\\${c}`);
const escapeLineStart = (line: string) => line.replace(/^([+=-]|\d{1,9}[.)])/, (mark: string) => `${mark.slice(0, -1)}\\${mark.slice(-1)}`);

/**
 * One interpolated value: always a single line of plain text wherever the renderer puts it —
 * line breaks collapse to a space, leading and trailing whitespace goes (indentation would make
 * code, also right after a list marker), and markup is escaped, including a block marker at its
 * start (`- # x` would be a heading inside a list item).
 */
export function escapeMarkdown(value: string | null | undefined): string {
  return escapeLineStart(
    escapeInline(
      String(value ?? '')
        .replace(LINE_BREAKS, ' ')
        .trim(),
    ),
  );
}
const cell = escapeMarkdown;
/**
 * Free text of several lines (notes, decisions): each line is escaped like a value and kept as a
 * line (hard break); a blank line separates paragraphs. Nothing in it can become another block.
 */
const block = (text: string) =>
  text
    .trim()
    .split(LINE_BREAKS)
    .map((line) => escapeMarkdown(line))
    .join('  \n');

function actionTable(actions: MinutesAction[], l: MinutesLabels, locale: ExportContext['locale'], withMeeting: boolean): string[] {
  if (actions.length === 0) return [`_${escapeMarkdown(l.none)}_`, ''];
  const head = [l.task, l.partner, l.dueDate, 'Status', l.pand, ...(withMeeting ? [l.fromMeeting] : [])];
  const lines = [`| ${head.map(cell).join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const a of actions) {
    const status = (l.taskStatus[a.status as keyof MinutesLabels['taskStatus']] ?? a.status) + (a.overdue ? ` (${l.overdue})` : '');
    const row = [
      a.title,
      a.partner,
      humanDate(a.dueDate, locale),
      status,
      a.caseCode ? `${a.caseCode}, ${a.caseAddress}` : '',
      ...(withMeeting ? [a.meetingDate ? humanDate(a.meetingDate, locale) : ''] : []),
    ];
    lines.push(`| ${row.map(cell).join(' | ')} |`);
  }
  return [...lines, ''];
}

export function renderMinutesMarkdown(view: MinutesView, ctx: ExportContext): string {
  const l = labelsFor(ctx.locale);
  const h = view.header;
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(documentTitle(view, l, ctx.locale))}`, '');
  out.push(
    `**${escapeMarkdown(l.status[view.status])}**${view.approvedIn ? ` — ${escapeMarkdown(fill(l.approvedIn, { date: humanDate(view.approvedIn.date, ctx.locale) }))}` : ''}`,
    '',
  );
  out.push(`- **${escapeMarkdown(l.date)}:** ${escapeMarkdown(humanDate(h.date, ctx.locale))}`);
  out.push(`- **${escapeMarkdown(l.time)}:** ${escapeMarkdown(`${h.time}–${h.endTime}`)}`);
  if (h.location) out.push(`- **${escapeMarkdown(l.place)}:** ${escapeMarkdown(h.location)}`);
  if (h.videoLink) out.push(`- **${escapeMarkdown(l.link)}:** ${escapeMarkdown(h.videoLink)}`);
  if (h.chair) out.push(`- **${escapeMarkdown(l.chair)}:** ${escapeMarkdown(h.chair)}`);
  out.push('', `> ${escapeMarkdown(l.confidential)}`, '');

  out.push(
    `## ${escapeMarkdown(l.attendance)}`,
    '',
    `| ${cell(l.partner)} | ${cell(l.presence)} | ${cell(l.attendees)} |`,
    '| --- | --- | --- |',
  );
  for (const a of view.attendance)
    out.push(`| ${cell(a.partner)} | ${cell(l.attendanceStatus[a.status ?? 'unknown'])} | ${cell(a.attendees.join(', '))} |`);
  out.push('');

  if (view.intro.trim()) out.push(`## ${escapeMarkdown(l.intro)}`, '', block(view.intro), '');

  out.push(`## ${escapeMarkdown(l.agenda)}`, '');
  view.items.forEach((item, index) => {
    out.push(`### ${index + 1}. ${escapeMarkdown(item.title)}`, '');
    const sub = itemSubline(item, l);
    if (sub) out.push(`_${escapeMarkdown(sub)}_`, '');
    if (item.notes.trim()) out.push(`**${escapeMarkdown(l.notes)}**  `, block(item.notes), '');
    if (item.decisions.trim()) out.push(`**${escapeMarkdown(l.decisions)}**  `, block(item.decisions), '');
  });

  out.push(`## ${escapeMarkdown(l.panden)}`, '');
  if (view.panden.length === 0) out.push(`_${escapeMarkdown(l.none)}_`, '');
  for (const pand of view.panden) {
    out.push(`### ${escapeMarkdown(pand.code)} — ${escapeMarkdown(pand.address)}`, '');
    if (pand.agreements.length === 0) out.push(`_${escapeMarkdown(l.noAgreements)}_`);
    for (const a of pand.agreements)
      out.push(`- ${escapeMarkdown(a.text)} (${escapeMarkdown(a.responsiblePartner)}, ${escapeMarkdown(l.responsible)})`);
    out.push('');
    if (pand.subjects.length > 0) {
      out.push(`**${escapeMarkdown(l.subjects)}**`, '');
      for (const s of pand.subjects) {
        out.push(
          `- ${escapeMarkdown(l.subjectKind[s.kind])}: ${s.items.map((i) => `${escapeMarkdown(l.categories[i.category])}: ${escapeMarkdown(i.value)} (${escapeMarkdown(l.source)}: ${escapeMarkdown(i.source)})`).join('; ')}`,
        );
      }
      out.push('');
    }
  }

  out.push(`## ${escapeMarkdown(l.actions)}`, '', ...actionTable(view.actions, l, ctx.locale, false));
  out.push(`## ${escapeMarkdown(l.carriedOver)}`, '', ...actionTable(view.carriedOver, l, ctx.locale, true));
  if (view.closing.trim()) out.push(`## ${escapeMarkdown(l.closing)}`, '', block(view.closing), '');
  out.push(
    '---',
    '',
    `_${escapeMarkdown(fill(l.generated, { at: humanDateTime(ctx.generatedAt, ctx.locale), name: ctx.readerName }))}_`,
    '',
  );
  return out.join('\n');
}
