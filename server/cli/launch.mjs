// `npm start`: runs the compiled server with plain node (dist/server/start.mjs), compiling it first
// when it is missing or older than its sources — so `npm install && npm start` works on a fresh
// clone, and a built tree starts without any TypeScript tooling in the process.
//
// package.json starts it with a heap budget (`--max-old-space-size=1024`, issue 12): the server's
// live heap is ~50 MB at ten years of history, but without a budget V8 sizes its heap for the
// machine (4 GB on 16+ GB) and lets garbage grow to four times the live set before a full
// collection — 350 MB resident under load where 200 MB does. The budget is twenty times the live set.
import { pathToFileURL } from 'node:url';
import { buildServer, serverOut, serverStale } from './build-server.mjs';

if (serverStale()) {
  console.log('Server compileren…');
  await buildServer();
}
await import(pathToFileURL(serverOut).href);
