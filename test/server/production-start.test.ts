// `npm start` gives the server a heap budget (issue 12): without one, V8 sizes the heap for the
// machine (4 GB on 16+ GB) and lets garbage grow to four times the live set before a full
// collection — the server sat at 350 MB resident under load with ~50 MB live at ten years of
// history. The bench starts the server with the same command (test/bench/server-process.ts).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { startCommand } from '../bench/server-process';

describe('the production start command', () => {
  it('runs the launcher on plain node with a heap budget of 1 GB', () => {
    expect(startCommand()).toEqual(['--max-old-space-size=1024', 'server/cli/launch.mjs']);
  });

  it('the budget is in force in a node started with those flags', () => {
    const flags = startCommand().filter((a) => a.startsWith('--'));
    const probe = spawnSync(
      process.execPath,
      [...flags, '-e', "process.stdout.write(String(require('node:v8').getHeapStatistics().heap_size_limit))"],
      {
        encoding: 'utf8',
      },
    );
    expect(probe.status).toBe(0);
    const limitMb = Number(probe.stdout) / 2 ** 20;
    // The old space's 1,024 MB plus the young generation's semi-spaces.
    expect(limitMb).toBeGreaterThanOrEqual(1024);
    expect(limitMb).toBeLessThan(1200);
  });
});
