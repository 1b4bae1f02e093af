// The servers the bench measures over HTTP, each in a process of its own (issue 12): the app as it
// runs in production (what `npm start` runs: `dist/server/start.mjs` on plain node with the start
// script's node flags, compiled first when stale, NODE_ENV=production) on the generated database,
// and the bare tRPC yardstick (./bare-server.mjs). Their memory and CPU time are read from /proc,
// so they are the server's alone — not the bench's, which also holds the generator's leftovers
// and a TypeScript loader.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverStale } from '../../server/cli/build-server.mjs';

export type ServerProcess = {
  origin: string;
  child: ChildProcess;
  /** Peak resident memory of the process so far (VmHWM), MB. */
  peakRssMb(): number;
  /** User + system CPU time of the process so far (all its threads), ms. */
  cpuMs(): number;
  stop(): Promise<void>;
};

const CLOCK_TICKS_PER_SECOND = 100; // Linux USER_HZ

function procStatus(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.split(/\s+/)[1]) / 1024 : 0; // kB → MB
}

function procCpuMs(pid: number): number {
  // Fields after the command name "(…)": state is field 3, utime 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

function measured(child: ChildProcess, origin: string): ServerProcess {
  const pid = child.pid!;
  return {
    origin,
    child,
    peakRssMb: () => procStatus(pid, 'VmHWM'),
    cpuMs: () => procCpuMs(pid),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What `npm start` runs, without the `node`: package.json's start script (the launcher with the
 * production node flags, e.g. the heap budget), so the bench measures the server as it is started.
 */
export function startCommand(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...args] = scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`the bench expects the start script to run node: ${scripts.start}`);
  return args;
}

/**
 * The production server on `dataDir/overleg.db`, with the data key's master given as APP_DATA_KEY
 * (the generator wrote the personal data with it).
 */
export async function startAppProcess(dataDir: string, master: Buffer): Promise<ServerProcess> {
  if (serverStale()) await buildServer();
  const port = await freePort();
  // BENCH_SERVER_FLAGS: node flags for the server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`
  // or `--trace-gc` (with BENCH_SERVER_OUT=<file> to keep what the server prints).
  const flags = (process.env.BENCH_SERVER_FLAGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...flags, ...startCommand()], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      APP_DATA_KEY: master.toString('hex'),
      HOST: '127.0.0.1',
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (process.env.BENCH_SERVER_OUT) appendFileSync(process.env.BENCH_SERVER_OUT, chunk);
      if (out.includes('Overleg draait op')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server stopped before it listened (exit ${code}): ${out}`)));
  });
  return measured(child, `http://127.0.0.1:${port}`);
}

/** The bare tRPC + zod + better-sqlite3 server, read-only on the same database file. */
export async function startBareProcess(dbFile: string): Promise<ServerProcess> {
  const child = fork(fileURLToPath(new URL('./bare-server.mjs', import.meta.url)), [dbFile], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    child.once('message', (m: { origin: string }) => resolve(m.origin));
    child.once('exit', (code) => reject(new Error(`the bare server stopped (exit ${code})`)));
  });
  return measured(child, origin);
}
