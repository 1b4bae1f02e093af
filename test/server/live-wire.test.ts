// The live wire (issue 12, ../../server/domain/live-wire.ts) puts a snapshot's JSON together from
// the JSON of its parts, so parts shared by several visibility classes are serialised once. The
// bytes must be exactly what JSON.stringify of the whole snapshot writes.
import { describe, expect, it } from 'vitest';
import { liveSerialisedBytes, liveWire } from '../../server/domain/live-wire';

const text = (data: unknown) => Buffer.concat(liveWire(data)).toString('utf8');

describe('liveWire', () => {
  it('writes exactly the bytes of JSON.stringify for snapshots of every shape', () => {
    const shapes: unknown[] = [
      { at: '2026-11-25T09:00:00.000Z', meeting: { id: 1, agenda: [{ id: 2, notes: 'Één “citaat”\n' }] }, current: null, captured: [] },
      { skipped: undefined, fn: () => 1, kept: 0, nested: { deeper: { list: [1, 'twee', null, true] } }, date: new Date(0) },
      { 2: 'integer keys first', b: 'then', 1: 'in order', 'met spatie': '✓', '"quoted"': 'key' },
      { toJSON: () => ({ replaced: true }) },
      Object.assign(Object.create(null) as object, { bare: 'object' }),
      [{ a: 1 }, { b: 2 }],
      'een tekst',
      42,
      null,
      {},
    ];
    for (const shape of shapes) expect(text(shape)).toBe(JSON.stringify(shape));
    expect(text(undefined)).toBe('null');
  });

  it('serialises a part shared by several snapshots once; the second snapshot costs only its own parts', () => {
    const meeting = { id: 7, agenda: Array.from({ length: 50 }, (_, i) => ({ id: i, title: `Punt ${i}` })) };
    const captured = { agreements: [{ id: 1, text: 'Afspraak' }], tasks: [] };
    const first = { at: 'x', meeting, current: { item: 1 }, captured };
    const second = { at: 'x', meeting, current: { item: 2 }, captured };
    liveWire(first);
    const before = liveSerialisedBytes();
    expect(text(second)).toBe(JSON.stringify(second));
    // Only the new parts: the `at` value and `current`.
    expect(liveSerialisedBytes() - before).toBe(JSON.stringify('x').length + JSON.stringify(second.current).length);
    // The same snapshot again: nothing serialised at all.
    expect(text(second)).toBe(JSON.stringify(second));
    expect(liveSerialisedBytes() - before).toBe(JSON.stringify('x').length + JSON.stringify(second.current).length);
  });
});
