/**
 * What a batched tRPC request may hold, decided before any call runs (issue 8, items 4 and 5).
 * A batch runs its calls in parallel inside one request: 1,400 logins in one POST froze the
 * server for 11 s and slipped past the login throttle. So: at most MAX_BATCH_CALLS calls, and
 * never an `auth.*` procedure together with anything else (the client sends those unbatched).
 */
import type { MessageKey } from '../i18n/messages';

export const MAX_BATCH_CALLS = 10;

/** The message key to refuse the request with, or null when it may go to tRPC. */
export function batchRefusal(url: URL): Extract<MessageKey, 'request.batchTooLarge' | 'request.authNotBatched'> | null {
  if (url.searchParams.get('batch') !== '1') return null;
  const raw = url.pathname.replace(/^\/trpc\/?/, '').replace(/\/+$/, '');
  let decoded: string;
  try {
    // tRPC decodes the path before it splits on commas, so an encoded comma counts too.
    decoded = decodeURIComponent(raw);
  } catch {
    return null; // tRPC itself refuses a malformed path before dispatch.
  }
  const paths = decoded.split(',');
  if (paths.length > MAX_BATCH_CALLS) return 'request.batchTooLarge';
  if (paths.length > 1 && paths.some((path) => path.trim().startsWith('auth.'))) return 'request.authNotBatched';
  return null;
}
