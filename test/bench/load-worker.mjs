// The benchmark's client side, in its own child process (forked by run.ts, messages over IPC) so
// the server process's busy time and its memory are the server's alone: keep-alive HTTP load with
// N connections, and SSE subscribers that report when each snapshot arrived (wall clock,
// performance.timeOrigin + now, comparable across processes). Plain JavaScript so it runs without
// a loader.
import http from 'node:http';

const send = (message) => process.send(message);
// The bench is gone: so is its client.
process.on('disconnect', () => process.exit(0));

const nowMs = () => performance.timeOrigin + performance.now();

/** `connections` keep-alive loops against `paths` (round robin) for `durationMs`. */
async function load({ origin, paths, cookie, connections, durationMs }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL(origin);
  const end = Date.now() + durationMs;
  let requests = 0;
  let errors = 0;
  let bytes = 0;
  const latencies = [];
  let next = 0;
  const one = (path) =>
    new Promise((resolve) => {
      const start = nowMs();
      const req = http.request({ host: url.hostname, port: url.port, path, agent, headers: cookie ? { cookie } : {} }, (res) => {
        let n = 0;
        res.on('data', (c) => (n += c.length));
        res.on('end', () => {
          if (res.statusCode !== 200) errors++;
          bytes += n;
          latencies.push(nowMs() - start);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const loop = async () => {
    while (Date.now() < end) {
      await one(paths[next++ % paths.length]);
      requests++;
    }
  };
  const started = nowMs();
  await Promise.all(Array.from({ length: connections }, loop));
  const seconds = (nowMs() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests,
    errors,
    rps: requests / seconds,
    bytesPerRequest: Math.round(bytes / Math.max(1, requests)),
    p50: latencies[Math.floor(latencies.length / 2)] ?? 0,
  };
}

const streams = [];

/** Opens one SSE stream per cookie; reports every snapshot's current agenda item and arrival time. */
function openStreams({ origin, path, input, cookies }) {
  const url = new URL(origin);
  return Promise.all(
    cookies.map(
      (cookie, index) =>
        new Promise((resolve, reject) => {
          const req = http.get(
            {
              host: url.hostname,
              port: url.port,
              path: `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`,
              headers: { cookie, accept: 'text/event-stream' },
            },
            (res) => {
              if (res.statusCode !== 200) return reject(new Error(`stream ${index}: HTTP ${res.statusCode}`));
              res.setEncoding('utf8');
              let buffer = '';
              let first = true;
              res.on('data', (text) => {
                const at = nowMs();
                buffer += text;
                let cut;
                while ((cut = buffer.indexOf('\n\n')) !== -1) {
                  const block = buffer.slice(0, cut);
                  buffer = buffer.slice(cut + 2);
                  const data = block
                    .split('\n')
                    .filter((l) => l.startsWith('data:'))
                    .map((l) => l.slice(5).trimStart())
                    .join('');
                  if (!data) continue;
                  let parsed;
                  try {
                    parsed = JSON.parse(data);
                  } catch {
                    continue;
                  }
                  const current = parsed?.meeting?.currentAgendaItemId;
                  if (current === undefined) continue;
                  if (first) {
                    first = false;
                    resolve();
                  }
                  send({
                    type: 'snapshot',
                    index,
                    at,
                    current,
                    bytes: data.length,
                    subjects: JSON.stringify(parsed?.current?.casus?.subjects ?? null),
                  });
                }
              });
              res.on('error', () => {});
            },
          );
          req.on('error', reject);
          streams.push(req);
        }),
    ),
  );
}

process.on('message', async (message) => {
  try {
    if (message.type === 'load') send({ type: 'result', id: message.id, result: await load(message) });
    else if (message.type === 'open') {
      await openStreams(message);
      send({ type: 'result', id: message.id, result: { opened: message.cookies.length } });
    } else if (message.type === 'close') {
      for (const s of streams) s.destroy();
      streams.length = 0;
      send({ type: 'result', id: message.id, result: {} });
    }
  } catch (error) {
    send({ type: 'result', id: message.id, error: String(error) });
  }
});
