// A tRPC subscription over Server-Sent Events, read with fetch as any client would.
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../server/routers';

export type SseEvent = { event: string; id: string | null; data: string };

/** Subscribes over SSE and collects the events; `until` waits (without timers) for a matching one. */
export async function subscribe(origin: string, cookie: string, path: string, input: unknown) {
  const controller = new AbortController();
  const res = await fetch(`${origin}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  let raw = '';
  const waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const pump = (async () => {
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        buffer += text;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const e: SseEvent = { event: 'message', id: null, data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) e.event = line.slice(6).trim();
            else if (line.startsWith('id:')) e.id = line.slice(3).trim();
            else if (line.startsWith('data:')) e.data += line.slice(5).trimStart();
          }
          events.push(e);
          for (const w of [...waiters])
            if (w.pred(e)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve(e);
            }
        }
      }
    } catch {
      // aborted
    }
  })();
  return {
    status: res.status,
    /** Resolves when the server ends the response (or the client closes it). */
    ended: pump,
    contentType: res.headers.get('content-type'),
    events,
    get raw() {
      return raw;
    },
    until(pred: (e: SseEvent) => boolean): Promise<SseEvent> {
      const found = events.find(pred);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ pred, resolve }));
    },
    async close() {
      controller.abort();
      await pump;
    },
  };
}

/** One `meetings.live` snapshot as it arrives over the wire (dates as ISO strings). */
export type LiveData = inferRouterOutputs<AppRouter>['meetings']['live'] extends AsyncIterable<{ data: infer D }> ? D : never;

/** The live snapshot an event carries. */
export const liveData = (e: SseEvent) => JSON.parse(e.data) as LiveData;

/** A snapshot event whose data satisfies `check`. */
export const snapshot = (check: (data: LiveData) => boolean) => (e: SseEvent) => {
  if (e.event !== 'message' || !e.data) return false;
  return check(liveData(e));
};
