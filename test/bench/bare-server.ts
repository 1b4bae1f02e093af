// The yardstick for HTTP throughput (issue 12): a bare tRPC v11 + zod + better-sqlite3 server
// answering one primary-key select. The app's hot reads are reported as a ratio of its req/s.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { z } from 'zod';
import type Database from 'better-sqlite3';

export async function startBareServer(sqlite: Database.Database): Promise<{ origin: string; server: Server }> {
  const t = initTRPC.create();
  const byId = sqlite.prepare('select id, code, street, house_number, city, status from cases where id = ?');
  const router = t.router({
    row: t.procedure.input(z.object({ id: z.number().int().positive() })).query(({ input }) => byId.get(input.id) ?? null),
  });
  const handler = createHTTPHandler({ router, basePath: '/trpc/' });
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
