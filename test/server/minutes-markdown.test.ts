// The Markdown export with hostile values in every field: whatever a title, street, name or note
// holds, the document keeps exactly the blocks the renderer wrote (no value starts a heading,
// list, quote, code block, table, HTML block or rule), and the text itself survives.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderMinutesMarkdown } from '../../server/exports/minutes-markdown';
import type { MinutesView } from '../../server/domain/minutes-view';

/**
 * The block a line opens, per CommonMark/GFM, written independently of the renderer: container
 * markers (quote, list item) are peeled off, then the leaf (heading, rule, fence, HTML, table
 * row, link definition, indented code, setext underline or plain text).
 */
export function blockShape(line: string): string {
  const shape: string[] = [];
  let rest = line;
  for (;;) {
    if (/^( {4,}|\t)\S/.test(rest)) return [...shape, 'code'].join('>');
    rest = rest.replace(/^ {0,3}/, '');
    if (/^([-*_])([ \t]*\1){2,}[ \t]*$/.test(rest)) return [...shape, 'rule'].join('>');
    if (/^(=+|-+)[ \t]*$/.test(rest)) return [...shape, 'setext'].join('>');
    const quote = /^>[ \t]?/.exec(rest);
    if (quote) {
      shape.push('quote');
      rest = rest.slice(quote[0].length);
      continue;
    }
    const item = /^([-+*]|\d{1,9}[.)])([ \t]+|$)/.exec(rest);
    if (item) {
      shape.push('list');
      if (/^ {5,}\S|^\t/.test(rest.slice(item[1]!.length))) return [...shape, 'code'].join('>');
      rest = rest.slice(item[0].length);
      continue;
    }
    break;
  }
  let leaf = 'text';
  if (/^#{1,6}([ \t]|$)/.test(rest)) leaf = `h${/^#+/.exec(rest)![0].length}`;
  else if (/^(`{3,}|~{3,})/.test(rest)) leaf = 'fence';
  else if (/^<[A-Za-z/!?]/.test(rest)) leaf = 'html';
  else if (/^\|/.test(rest))
    leaf = `table${rest.match(/(?<!\\)\|/g)!.length}`; // cells = unescaped pipes
  else if (/^\[[^\]]*\]:/.test(rest)) leaf = 'linkdef';
  else if (rest.trim() === '') leaf = 'blank';
  return [...shape, leaf].join('>');
}

/** The text a reader sees: backslash escapes of ASCII punctuation removed. */
const unescape = (md: string) => md.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const collapse = (value: string) => value.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ').trim();

/** A verslag with every free-text field taken from `v(slot)` — the same shape whatever the values. */
function viewOf(v: (slot: string) => string): MinutesView {
  const action = (n: number) => ({
    id: n,
    title: v(`action${n}.title`),
    partner: v(`action${n}.partner`),
    dueDate: '2026-12-08',
    status: 'open',
    overdue: n === 1,
    caseId: 7,
    caseCode: v(`action${n}.caseCode`),
    caseAddress: v(`action${n}.caseAddress`),
    meetingDate: '2026-11-10',
  });
  return {
    id: 1,
    meetingId: 1,
    status: 'definitief',
    currentVersion: 2,
    finalisedAt: '2026-11-24T10:30:00Z',
    approvedAt: null,
    approvedIn: { meetingId: 2, date: '2026-12-08' },
    distributedAt: null,
    updatedAt: '2026-11-24T10:30:00Z',
    mailConfigured: false,
    header: {
      team: v('team'),
      teamCode: 'PIT',
      title: v('meetingTitle'),
      startsAt: '2026-11-24T08:30:00Z',
      date: '2026-11-24',
      time: '09:30',
      endTime: '11:00',
      location: v('location'),
      videoLink: v('videoLink'),
      chair: v('chair'),
      meetingStatus: 'gesloten',
    },
    intro: v('intro'),
    closing: v('closing'),
    attendance: [
      {
        partnerId: 1,
        partner: v('attendance.partner'),
        shortName: v('attendance.short'),
        kind: 'gemeente',
        status: 'aanwezig',
        attendees: [v('attendee1'), v('attendee2')],
      },
      { partnerId: 2, partner: v('attendance2.partner'), shortName: v('attendance2.short'), kind: 'politie', status: null, attendees: [] },
    ],
    items: [
      {
        agendaItemId: 1,
        section: 'opening',
        title: v('item1.title'),
        caseId: null,
        caseCode: null,
        caseAddress: null,
        presenter: null,
        notes: v('item1.notes'),
        decisions: v('item1.decisions'),
      },
      {
        agendaItemId: 2,
        section: 'lopende_casussen',
        title: v('item2.title'),
        caseId: 7,
        caseCode: v('item2.caseCode'),
        caseAddress: v('item2.street'),
        presenter: v('item2.presenter'),
        notes: v('item2.notes'),
        decisions: v('item2.decisions'),
      },
    ],
    panden: [
      {
        caseId: 7,
        code: v('pand.code'),
        address: v('pand.street'),
        agreements: [{ id: 1, text: v('agreement.text'), responsiblePartner: v('agreement.partner'), status: 'lopend' }],
        subjects: [
          {
            id: 'opaque-subject-3',
            kind: 'person',
            items: [
              { category: 'naw', value: v('subject.naw'), masked: false, source: v('subject.source') },
              { category: 'naleving', value: v('subject.naleving'), masked: false, source: v('subject.source2') },
            ],
          },
        ],
      },
    ],
    actions: [action(1), action(2)],
    carriedOver: [action(3)],
  } as MinutesView;
}

const ctx = (readerName: string) => ({ locale: 'nl' as const, readerName, generatedAt: new Date('2026-11-25T09:00:00Z') });
const render = (v: (slot: string) => string) => renderMinutesMarkdown(viewOf(v), ctx(v('reader')));
/**
 * The document's skeleton: every line that opens anything but a paragraph line. Free text may
 * add lines of text (a note of three lines is three lines), never anything else.
 */
const shapes = (md: string) =>
  md
    .split('\n')
    .map(blockShape)
    .filter((s) => s !== 'text' && s !== 'blank');

// Benign values: one word each (free text: two lines, as a real note has).
const benign = (slot: string) => (/notes|decisions|intro|closing/.test(slot) ? 'Eerste regel\nTweede regel' : 'Tekst');

const hostile = [
  'Kerkstraat 1\n# Kop',
  '\n## Kop',
  'a\r# kop',
  'a\r\n### kop',
  'x\u2028# kop',
  'x\u0085# kop',
  'x\v# kop',
  'x\f# kop',
  '# Kop ##',
  '###### zes',
  '> citaat',
  '>> dubbel',
  '- lijst',
  '+ lijst',
  '* lijst',
  '1. lijst',
  '1) lijst',
  '123456789. lijst',
  '=====',
  '-----',
  '***',
  '___',
  '- - -',
  '```js',
  '~~~',
  '    code',
  '\tcode',
  '-     code na lijstteken',
  '<script>alert(1)</script>',
  '<!-- x -->',
  '| a | b |',
  '[x]: https://evil.example',
  '[link](https://evil.example)',
  '![img](x)',
  '&amp; &#35;',
  '`code`',
  '_nadruk_',
  '**vet**',
  '~~door~~',
  '\\# al ontsnapt',
  'a\n===',
  'a\n---',
  'a\n\n    code',
  'a\n- b\n> c\n# d\n1. e\n<div>\n| f |\n```\n[g]: /h',
];

describe('the Markdown export escapes every interpolated value', () => {
  it('a hostile value in any field starts no block of its own, and its text survives', () => {
    const expected = shapes(render(benign));
    // Sanity: the renderer's own structure is what the shapes see.
    expect(expected.filter((s) => /^h\d$/.test(s)).length).toBe(1 + 7 + 2 + 1); // title; attendance, intro, agenda, panden, actions, carried over, closing; 2 items; 1 pand
    expect(expected).toContain('list>text');
    expect(expected).toContain('quote>text');
    expect(expected).toContain('table4'); // | partner | presence | attendees |
    for (const value of hostile) {
      const md = render(() => value);
      expect(shapes(md), JSON.stringify(value)).toEqual(expected);
      // Free text keeps its lines; a value on one line is its text, collapsed.
      const text = unescape(md);
      for (const line of value.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/)) if (line.trim()) expect(text).toContain(line.trim());
      expect(text).toContain(`### 2. ${collapse(value)}`);
      expect(text).toContain(`### ${collapse(value)} — ${collapse(value)}`);
    }
  });

  it('the agenda title and street of the report: a newline makes no heading', () => {
    const md = render((slot) =>
      slot === 'item2.title' ? 'Bespreking\n# Ingevoegde kop' : slot === 'pand.street' ? 'Kerkstraat 1\n## Nog een kop' : benign(slot),
    );
    expect(md).toContain('### 2. Bespreking \\# Ingevoegde kop');
    expect(md).toContain('### Tekst — Kerkstraat 1 \\#\\# Nog een kop');
    expect(md.split('\n').filter((l) => /^#/.test(l))).toEqual([
      '# Verslag Tekst — 24 november 2026',
      '## Aanwezigheid',
      '## Inleiding',
      '## Agendapunten',
      '### 1. Tekst',
      '### 2. Bespreking \\# Ingevoegde kop',
      '## Werkafspraken per pand',
      '### Tekst — Kerkstraat 1 \\#\\# Nog een kop',
      '## Actielijst',
      '## Openstaande acties uit eerdere overleggen',
      '## Afsluiting',
    ]);
  });

  it("property: random markup in every field never changes the document's blocks", () => {
    const expected = shapes(render(benign));
    const unit = fc.constantFrom(...'#>-+*=_`~|<>[]()!&\\ \t\n\r\u2028 .)019aZé:/'.split(''));
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ unit, maxLength: 24 }).map((s) => `${s}x`),
          { minLength: 1, maxLength: 12 },
        ),
        (values) => {
          let n = 0;
          const md = render(() => values[n++ % values.length]!);
          expect(shapes(md)).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 20261128 },
    );
  });
});
