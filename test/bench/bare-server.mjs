// The yardstick for HTTP throughput (issue 12): a bare tRPC v11 + zod + better-sqlite3 server
// answering one primary-key select, in a process of its own like the app's (run.ts forks it with
// the database file as argument and gets its origin over IPC). The app's hot reads are reported as
// a ratio of its req/s. Plain JavaScript, so it runs on plain node like the compiled server.
import { createServer } from 'node:http';
import Database from 'better-sqlite3';
import { initTRPC } from '@trpc/server';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { z } from 'zod';

const sqlite = new Database(process.argv[2], { readonly: true });
const t = initTRPC.create();
const byId = sqlite.prepare('select id, code, street, house_number, city, status from cases where id = ?');
const router = t.router({
  row: t.procedure.input(z.object({ id: z.number().int().positive() })).query(({ input }) => byId.get(input.id) ?? null),
});
const handler = createHTTPHandler({ router, basePath: '/trpc/' });
const server = createServer((req, res) => void handler(req, res));
server.listen(0, '127.0.0.1', () => process.send({ origin: `http://127.0.0.1:${server.address().port}` }));
process.on('disconnect', () => process.exit(0));
