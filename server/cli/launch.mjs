// `npm start`: runs the compiled server with plain node (dist/server/start.mjs), compiling it first
// when it is missing or older than its sources — so `npm install && npm start` works on a fresh
// clone, and a built tree starts without any TypeScript tooling in the process.
import { pathToFileURL } from 'node:url';
import { buildServer, serverOut, serverStale } from './build-server.mjs';

if (serverStale()) {
  console.log('Server compileren…');
  await buildServer();
}
await import(pathToFileURL(serverOut).href);
