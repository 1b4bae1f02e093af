/**
 * The wire of `meetings.live` (issue 12): the same Server-Sent Events tRPC v11 writes for a
 * subscription (`sseStreamProducer` in @trpc/server, read by the client's `httpSubscriptionLink`),
 * written straight to the socket. tRPC serialises every event per subscriber and pipes it through
 * three web streams per subscriber; on a casus switch with 50 subscribers that was most of the
 * server's time. Here a snapshot is serialised ONCE (../domain/live-wire.ts) and the same bytes go
 * to every subscriber it was built for (one visibility class, ../domain/live-shared.ts).
 *
 * Only the transport differs: the procedure is called through the router (`createCaller`), so the
 * middleware of ../trpc.ts (session, role, second factor), the input schema and the procedure
 * itself decide exactly as for any other call; errors get the same shape (`getErrorShape` with the
 * app's error formatter). Kept in step with @trpc/server 11.x: `connected` with the client options,
 * `data:` + `id:` per tracked event, `ping` after `sse.ping.intervalMs` without an event, `return`
 * at the end, `serialized-error` on an error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getTRPCErrorFromUnknown, isTrackedEnvelope } from '@trpc/server';
import { getErrorShape } from '@trpc/server/unstable-core-do-not-import';
import { appRouter } from '../routers';
import { createCallerFactory, type Context } from '../trpc';
import { liveWire } from '../domain/live-wire';

export const LIVE_PATH = '/trpc/meetings.live';
const PROCEDURE = 'meetings.live';

const sseHeaders = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  Connection: 'keep-alive',
};

const createCaller = createCallerFactory(appRouter);

/** tRPC's `getLastEventId`: the EventSource's header on a reconnect, else the query's. */
function lastEventIdOf(req: IncomingMessage, query: URLSearchParams): string | null {
  const header = req.headers['last-event-id'];
  return (typeof header === 'string' ? header : null) ?? query.get('lastEventId') ?? query.get('Last-Event-Id');
}

/** The raw input as tRPC reads it for a GET (no transformer); undefined when it is not JSON. */
function rawInput(query: URLSearchParams): { ok: true; value: unknown } | { ok: false } {
  const text = query.get('input');
  if (text === null) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Serves a GET of `meetings.live`; false (nothing written) for anything else, which tRPC answers
 * as before (other methods, malformed input).
 */
export function handleLiveSse(
  createContext: (opts: { req: IncomingMessage; res: ServerResponse }) => Context,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const url = new URL(req.url ?? '/', 'http://local');
  if (req.method !== 'GET' || url.pathname !== LIVE_PATH) return false;
  const parsed = rawInput(url.searchParams);
  if (!parsed.ok) return false;
  const lastEventId = lastEventIdOf(req, url.searchParams);
  let input = parsed.value;
  // As tRPC does: the last event id joins the input of a subscription.
  if (lastEventId) input = input && typeof input === 'object' ? { ...input, lastEventId } : (input ?? { lastEventId });
  void stream(createContext({ req, res }), res, input, lastEventId);
  return true;
}

async function stream(ctx: Context, res: ServerResponse, input: unknown, lastEventId: string | null) {
  const config = appRouter._def._config;
  const ping = config.sse?.ping;
  const controller = new AbortController();
  const abort = () => controller.abort();
  res.on('close', abort);
  res.writeHead(200, sseHeaders);
  res.write(`event: connected\ndata: ${JSON.stringify(config.sse?.client ?? {})}\n\n\n`);

  let pingTimer: NodeJS.Timeout | undefined;
  const armPing = () => {
    if (!ping?.enabled) return;
    clearTimeout(pingTimer);
    pingTimer = setTimeout(() => {
      res.write('event: ping\ndata: \n\n\n');
      armPing();
    }, ping.intervalMs ?? 1000);
  };
  armPing();

  let restoreId = lastEventId && !/[\0\n\r]/.test(lastEventId) ? lastEventId : null;
  let iterator: AsyncIterator<unknown> | undefined;
  try {
    const caller = createCaller(ctx, { signal: controller.signal });
    // The subscription's own type is the snapshot; here it is only forwarded.
    const iterable = (await caller.meetings.live(input as Parameters<typeof caller.meetings.live>[0])) as AsyncIterable<unknown>;
    iterator = iterable[Symbol.asyncIterator]();
    for (;;) {
      const next = await iterator.next();
      if (next.done || controller.signal.aborted) break;
      res.cork();
      if (isTrackedEnvelope(next.value)) {
        const [id, data] = next.value;
        restoreId = id;
        res.write('data: ');
        for (const piece of liveWire(data)) res.write(piece);
        res.write(`\nid: ${id}\n\n\n`);
      } else {
        res.write('data: ');
        for (const piece of liveWire(next.value)) res.write(piece);
        // An event without an id would take the last id: clear it, then set it back (as tRPC).
        res.write(restoreId === null ? '\n\n\n' : `\nid: \n\n\nevent: restore-id\ndata: \nid: ${restoreId}\n\n\n`);
      }
      res.uncork();
      armPing();
      // Backpressure: a slow subscriber's stream waits (the next snapshot coalesces), as tRPC's did.
      if (res.writableNeedDrain) await drained(res);
    }
    if (!controller.signal.aborted) res.write('event: return\ndata: \n\n\n');
  } catch (cause) {
    if (!controller.signal.aborted) {
      const error = getTRPCErrorFromUnknown(cause);
      // Only unexpected errors are logged; never the input, which may hold personal data (P7).
      if (error.code === 'INTERNAL_SERVER_ERROR') console.error(`[trpc] ${PROCEDURE}:`, error.cause ?? error);
      const shape = getErrorShape({ config, error, type: 'subscription', path: PROCEDURE, input, ctx });
      res.write(`event: serialized-error\ndata: ${JSON.stringify(shape)}\n\n\n`);
    }
  } finally {
    clearTimeout(pingTimer);
    res.off('close', abort);
    controller.abort();
    await iterator?.return?.();
    res.end();
  }
}

/** Resolves when the socket drains or closes, and leaves no listener behind either way (one wait per update). */
export function drained(res: ServerResponse) {
  return new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
