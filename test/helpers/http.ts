import type { AddressInfo } from 'node:net';
import type { inferRouterError, inferRouterOutputs } from '@trpc/server';
import { createAppServer } from '../../server/http/server';
import type { AppRouter } from '../../server/routers';
import type { TestDeps } from './deps';

/** The real HTTP server on a free loopback port, for what only HTTP can show. */
export async function startTestServer(deps: TestDeps) {
  const server = createAppServer(deps);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

type Outputs = inferRouterOutputs<AppRouter>;
/** Every procedure the app serves, as its HTTP path: `auth.me`, `meetings.calendarFeed`, … */
export type ProcedurePath = { [R in keyof Outputs]: `${R}.${Extract<keyof Outputs[R], string>}` }[keyof Outputs];
type OutputOf<P extends ProcedurePath> = P extends `${infer R extends keyof Outputs}.${infer N}`
  ? N extends keyof Outputs[R]
    ? Outputs[R][N]
    : never
  : never;
/** tRPC's JSON envelope: `result` when the call succeeded, `error` (server/trpc.ts errorFormatter) when not. */
export type TrpcBody<T> = { result?: { data: T }; error?: inferRouterError<AppRouter> };

/** A minimal JSON client for tRPC's HTTP wire format (what any integration would send). */
export function trpcHttp(origin: string) {
  let cookie = '';
  const headers = (extra: Record<string, string> = {}) => ({ origin, ...(cookie ? { cookie } : {}), ...extra });
  const remember = (res: Response) => {
    const set = res.headers.getSetCookie();
    for (const c of set) cookie = c.split(';')[0]!.endsWith('=') ? '' : c.split(';')[0]!;
  };
  return {
    get cookie() {
      return cookie;
    },
    async mutation<P extends ProcedurePath>(path: P, input?: unknown, extra: Record<string, string> = {}) {
      const res = await fetch(`${origin}/trpc/${path}`, {
        method: 'POST',
        headers: headers({ 'content-type': 'application/json', ...extra }),
        body: input === undefined ? undefined : JSON.stringify(input),
      });
      remember(res);
      return { status: res.status, headers: res.headers, body: (await res.json()) as TrpcBody<OutputOf<P>> };
    },
    async query<P extends ProcedurePath>(path: P, input?: unknown, extra: Record<string, string> = {}) {
      const q = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
      const res = await fetch(`${origin}/trpc/${path}${q}`, { headers: headers(extra) });
      remember(res);
      return { status: res.status, headers: res.headers, body: (await res.json()) as TrpcBody<OutputOf<P>> };
    },
  };
}
