// The live writer waits for a slow subscriber's socket to drain before its next snapshot (issue 12).
// Each wait listens for 'drain' and 'close'; whichever comes first must take both listeners away,
// or every update of a long overleg leaves one behind on the response (Node warned after ten).
import { describe, expect, it } from 'vitest';
import { createServer, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { drained } from '../../server/http/live-sse';

describe('the live writer waiting for a slow subscriber', () => {
  it('leaves no drain or close listener behind after twenty waits', async () => {
    let counts: { drain: number; close: number } | undefined;
    const server = createServer((_req, res: ServerResponse) => {
      void (async () => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        const base = { drain: res.listenerCount('drain'), close: res.listenerCount('close') };
        const chunk = 'x'.repeat(64 * 1024); // above the socket's high-water mark: every write must wait
        for (let i = 0; i < 20; i++) {
          res.write(chunk);
          expect(res.writableNeedDrain).toBe(true);
          await drained(res);
        }
        counts = { drain: res.listenerCount('drain') - base.drain, close: res.listenerCount('close') - base.close };
        res.end();
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const received = await new Promise<number>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path: '/' }, (res) => {
        let n = 0;
        res.on('data', (c: Buffer) => (n += c.length));
        res.on('end', () => resolve(n));
      })
        .on('error', reject)
        .end();
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(received).toBe(20 * 64 * 1024);
    expect(counts).toEqual({ drain: 0, close: 0 });
  });
});
