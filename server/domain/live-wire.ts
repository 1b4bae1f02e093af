/**
 * A live snapshot as it goes over the wire (issue 12): serialised once, however many subscribers
 * get it. Subscribers of one visibility class receive the very same snapshot object for a change
 * (./live-shared.ts), so its JSON is kept with the object and written to each of them as the same
 * bytes. A snapshot is never changed after it is built, so the bytes always match the object.
 */
const wire = new WeakMap<object, Buffer>();
let serialisations = 0;

/** The JSON of `data` as UTF-8, serialised on first use and shared from then on. */
export function liveWire(data: unknown): Buffer {
  const key = typeof data === 'object' && data !== null ? data : null;
  const known = key && wire.get(key);
  if (known) return known;
  serialisations++;
  const bytes = Buffer.from(JSON.stringify(data) ?? 'null');
  if (key) wire.set(key, bytes);
  return bytes;
}

/** How many snapshots were serialised (not reused) in this process: for tests of the sharing. */
export function liveSerialisations(): number {
  return serialisations;
}
