/**
 * JSON.parse is typed `any`, which would switch type checking off for everything read from it.
 * Tests parse JSON they know the shape of (an audit row's detail, a stored version); this names
 * that shape once, at the parse, and defaults to `unknown` for payloads only compared whole.
 */
export function parseJson<T = unknown>(text: string): T {
  return JSON.parse(text) as T;
}
