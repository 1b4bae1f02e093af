/**
 * A live snapshot as it goes over the wire (issue 12): serialised once, however many subscribers
 * get it. Subscribers of one visibility class receive the very same snapshot object for a change
 * (./live-shared.ts), so its JSON is kept with the object and written to each of them as the same
 * bytes. A snapshot is never changed after it is built, so the bytes always match the object.
 *
 * The parts of a snapshot that are the same for several classes (the overleg per role, what was
 * captured, built once per change by `sharedValue`) are the same objects in every class's
 * snapshot: a snapshot's JSON is put together from the JSON of its parts, each serialised once —
 * byte for byte what `JSON.stringify` of the whole snapshot gives. The pieces are written to the
 * socket one after the other (corked: one writev), never copied into one buffer per snapshot.
 */
const wire = new WeakMap<object, readonly Buffer[]>();
const parts = new WeakMap<object, Buffer>();
let serialisations = 0;
let serialisedBytes = 0;

const OPEN = Buffer.from('{');
const CLOSE = Buffer.from('}');

/** The JSON of `data` as UTF-8 in pieces (to write in this order), serialised on first use and shared from then on. */
export function liveWire(data: unknown): readonly Buffer[] {
  const key = typeof data === 'object' && data !== null ? data : null;
  const known = key && wire.get(key);
  if (known) return known;
  serialisations++;
  const pieces = key && isPlainRecord(key) ? fromParts(key) : [stringified(data)];
  if (key) wire.set(key, pieces);
  return pieces;
}

/** A plain object without its own JSON form: JSON.stringify writes its entries one by one. */
function isPlainRecord(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value) as unknown;
  return (proto === Object.prototype || proto === null) && !('toJSON' in value);
}

/** `{"key":value,...}` as JSON.stringify writes it (same order, undefined/functions left out), each object value from its own cache. */
function fromParts(record: Record<string, unknown>): Buffer[] {
  const chunks: Buffer[] = [OPEN];
  let separator = '';
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
    chunks.push(Buffer.from(`${separator}${JSON.stringify(name)}:`));
    chunks.push(typeof value === 'object' && value !== null ? part(value) : stringified(value));
    separator = ',';
  }
  chunks.push(CLOSE);
  return chunks;
}

function part(value: object): Buffer {
  const known = parts.get(value);
  if (known) return known;
  const bytes = stringified(value);
  parts.set(value, bytes);
  return bytes;
}

function stringified(value: unknown): Buffer {
  const bytes = Buffer.from(JSON.stringify(value) ?? 'null');
  serialisedBytes += bytes.length;
  return bytes;
}

/** How many snapshots were serialised (not reused) in this process: for tests of the sharing. */
export function liveSerialisations(): number {
  return serialisations;
}

/** How many bytes of JSON were produced by JSON.stringify in this process: for tests of the sharing. */
export function liveSerialisedBytes(): number {
  return serialisedBytes;
}
