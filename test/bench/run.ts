// Benchmarks (issue 12): print figures and write them as JSON, never assert on time. `npm run bench`.
//
//   npm run bench                      1× and 10× history, full run (a few minutes)
//   npm run bench -- --quick           1× and 10×, fewer runs and short HTTP/live phases
//   npm run bench -- --years=1,3 --out=/tmp/bench.json
//
// Each scale runs in its own child process (so peak memory is that scale's own): it generates the
// team's history (test/bench/generate.ts) on a file database (WAL, like production), then measures
//  - in-process p50/p95 and CPU per call through createCaller, and the longest event-loop stall;
//  - the live view's fan-out in this process: 50 SSE subscribers while the chair switches casus
//    (delivery latency, event-loop busy time, snapshot builds and audit rows per update);
//  - the server as it runs in production, in a process of its own (./server-process.ts: the
//    compiled `dist/server/start.mjs` started as `npm start` starts it, with the start script's node
//    flags (the heap budget), on the generated database): HTTP throughput of
//    the hot reads with 10 keep-alive connections as a ratio of a bare tRPC + zod + better-sqlite3
//    primary-key server (./bare-server.mjs, also its own process) in the same run; the same live
//    fan-out over HTTP (delivery latency, the server process's CPU time per update); and the server
//    process's peak memory (VmHWM) over all of it.
// The client side of HTTP and SSE runs in a child process of its own (./load-worker.mjs). The
// history is generated at the current time, so the production server's own clock agrees with it.
import { fork, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createTestDeps, type TestDeps } from '../helpers/deps';
import { callerFor } from '../helpers/factories';
import { startTestServer } from '../helpers/http';
import { createSession } from '../../server/auth/sessions';
import { SESSION_COOKIE } from '../../server/routers/auth';
import { amsterdamDate } from '../../server/clock';
import { dailyJobs } from '../../server/jobs';
import { generateHistory, type History } from './generate';
import { startAppProcess, startBareProcess, type ServerProcess } from './server-process';
import { benchArgs, benchCalls, cacheEmptier, keepHistory } from './tools';
import { liveBuildCount } from '../../server/domain/live-shared';
import { randomBytes } from 'node:crypto';

const args = benchArgs();
const quick = args.has('quick');
const here = fileURLToPath(import.meta.url);

type CallFigure = { p50: number; p95: number; cpuMs: number; maxStallMs: number; bytes: number; runs: number };
type LiveFigure = { subscribers: number; updates: number; p50: number; p95: number; max: number; auditRowsPerUpdate: number };
type ScaleResult = {
  years: number;
  generateMs: number;
  counts: Record<string, number>;
  calls: Record<string, CallFigure>;
  http: { bareRps: number; endpoints: Record<string, { rps: number; ratio: number; errors: number; bytes: number }> };
  live: LiveFigure & { serverMsPerUpdate: number; buildsPerUpdate: number };
  /** The production server in its own process: the live fan-out over HTTP and its peak memory. */
  serverProcess: { live: LiveFigure & { cpuMsPerUpdate: number }; peakRssMb: number; jobsMs: number };
  eventLoopMaxMs: number;
  /** The bench's own process, the generator's peak included. */
  peakRssMb: number;
  /** After the history was generated and its garbage collected. */
  rssAfterGenerationMb: number;
  /** The bench process's highest RSS sampled (every 20 ms) while its in-process calls and live phase ran. */
  serverPeakRssMb: number;
  /** process.memoryUsage() at that sample (MB): what the peak is made of (the rest is native: SQLite, code). */
  serverPeakBreakdownMb: { heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
};

/** A full collection, so what the generator left behind is not counted as the server's. */
function collectGarbage() {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

const emptyLive = () => ({
  subscribers: 0,
  updates: 0,
  p50: 0,
  p95: 0,
  max: 0,
  auditRowsPerUpdate: 0,
  serverMsPerUpdate: 0,
  buildsPerUpdate: 0,
});

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

// ── One scale, in a child process ────────────────────────────────────────────────────────────

async function runScale(years: number): Promise<ScaleResult> {
  const dir = mkdtempSync(join(tmpdir(), 'overleg-bench-'));
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  try {
    const master = randomBytes(32);
    // Minutes, not milliseconds: the history's dates are whole minutes like a user's.
    const now = new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString();
    const deps = createTestDeps({ file: join(dir, 'overleg.db'), master, now });
    const genStart = performance.now();
    const h = await generateHistory(deps, years);
    const generateMs = performance.now() - genStart;
    console.error(`  ${years}×: generated in ${(generateMs / 1000).toFixed(1)} s`, h.counts);
    // The parent measures growth with both histories in one process (growth.ts): it gets a copy.
    const keepDir = args.get('keep-history');
    if (keepDir) keepHistory(deps, master, h, years, keepDir);
    // The generator runs in this process too: its garbage is collected before the server's own
    // memory is sampled (peakRssMb stays the whole process, generator included).
    collectGarbage();
    const afterGenerationMb = process.memoryUsage().rss / 1024 / 1024;
    let serverPeakRss = afterGenerationMb;
    let atPeak = process.memoryUsage();
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      if (usage.rss / 1024 / 1024 > serverPeakRss) [serverPeakRss, atPeak] = [usage.rss / 1024 / 1024, usage];
    }, 20);
    loop.reset();
    // `--only=calls` (or live: the in-process fan-out; process: the production server's HTTP, live
    // and memory phases) runs one part: for looking into one figure.
    const only = args.get('only');
    const calls = !only || only === 'calls' ? await measureCalls(deps, h, loop) : {};
    const live = !only || only === 'live' ? await measureLive(deps, h) : emptyLive();
    clearInterval(sampler);
    const processed = !only || only === 'http' || only === 'process' ? await measureServerProcess(deps, h, dir, master) : null;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    deps.db.$client.close();
    return {
      years,
      generateMs: round(generateMs, 0),
      counts: h.counts,
      calls,
      http: processed?.http ?? { bareRps: 0, endpoints: {} },
      live,
      serverProcess: processed?.serverProcess ?? { live: { ...emptyLive(), cpuMsPerUpdate: 0 }, peakRssMb: 0, jobsMs: 0 },
      eventLoopMaxMs: round(loop.max / 1e6, 1),
      peakRssMb: round(peakRssMb, 0),
      rssAfterGenerationMb: round(afterGenerationMb, 0),
      serverPeakRssMb: round(serverPeakRss, 0),
      serverPeakBreakdownMb: {
        heapUsed: round(atPeak.heapUsed / 1024 / 1024, 0),
        heapTotal: round(atPeak.heapTotal / 1024 / 1024, 0),
        external: round(atPeak.external / 1024 / 1024, 0),
        arrayBuffers: round(atPeak.arrayBuffers / 1024 / 1024, 0),
      },
    };
  } finally {
    loop.disable();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measureCalls(deps: TestDeps, h: History, loop: ReturnType<typeof monitorEventLoopDelay>) {
  const sqlite = deps.db.$client;
  const calls = benchCalls(deps, h);
  const n = (full: number) => (quick ? Math.max(5, Math.ceil(full / 5)) : full);
  const runs: Record<string, number> = {
    'auth.me': 500,
    'partners.list': 500,
    'cases.list': 300,
    search: 200,
    'cases.get': 300,
    'tasks.mine': 200,
    'meetings.list': 100,
    'meetings.get': 200,
    'minutes.get': 200,
    dashboard: 100,
    'agenda.prefill': 30,
    'reports.progress': 30,
    'audit check': 10,
  };
  const plan = Object.entries(runs).map(([name, full]) => [name, n(full), calls[name]!] as const);
  const start = deps.now().toISOString();
  // These figures are the work of each call, not the read cache (server/read-cache.ts) that
  // answers a repeated question while the database is unchanged: one row written to a scratch
  // table before each call empties it (a few µs, inside the CPU figure). The HTTP phase measures
  // the server as it serves, cache included.
  const emptyCache = cacheEmptier(sqlite);
  const result: Record<string, CallFigure> = {};
  for (const [name, runs, fn] of plan) {
    let bytes = 0;
    for (let i = 0; i < Math.min(5, runs); i++) bytes = JSON.stringify(await fn()).length; // warm up
    loop.reset();
    const times: number[] = [];
    // CPU per call: the median of five batches' means — the garbage collection a call causes stays
    // in its batch's mean, a batch disturbed by another process on the machine drops out.
    const batchCpuMs: number[] = [];
    const batch = Math.ceil(runs / 5);
    for (let start = 0; start < runs; start += batch) {
      const count = Math.min(batch, runs - start);
      const cpu = process.cpuUsage();
      for (let i = 0; i < count; i++) {
        emptyCache();
        const t0 = performance.now();
        await fn();
        times.push(performance.now() - t0);
        // Let the loop turn, so the delay monitor sees a call that blocked it.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const used = process.cpuUsage(cpu);
      batchCpuMs.push((used.user + used.system) / 1000 / count);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
    batchCpuMs.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    result[name] = {
      p50: round(pct(times, 50), 3),
      p95: round(pct(times, 95), 3),
      cpuMs: round(pct(batchCpuMs, 50), 3),
      maxStallMs: round(loop.max / 1e6, 1),
      bytes,
      runs,
    };
  }
  deps.clock.set(start);
  return result;
}

/** Messages to and from the load worker (load-worker.mjs). */
type LiveArrival = { index: number; at: number; current: number | null; bytes: number; subjects: string };
type WorkerMessage = ({ type: 'snapshot' } & LiveArrival) | { type: 'result'; id: number; result?: unknown; error?: string };
/** What one `load` run reports. */
type LoadRun = { requests: number; errors: number; rps: number; bytesPerRequest: number; p50: number };
function client() {
  // Plain node, without the bench's loader (tsx): the client needs none.
  const worker = fork(fileURLToPath(new URL('./load-worker.mjs', import.meta.url)), [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let seq = 0;
  const pending = new Map<number, (r: WorkerMessage & { type: 'result' }) => void>();
  const snapshots: LiveArrival[] = [];
  worker.on('message', (m: WorkerMessage) => {
    if (m.type === 'snapshot') snapshots.push(m);
    else if (m.type === 'result') {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    }
  });
  return {
    snapshots,
    async send<T = unknown>(message: Record<string, unknown>): Promise<T> {
      const id = ++seq;
      const reply = await new Promise<WorkerMessage & { type: 'result' }>((resolve) => {
        pending.set(id, resolve);
        worker.send({ ...message, id });
      });
      if (reply.error) throw new Error(reply.error);
      return reply.result as T;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (worker.exitCode !== null) return resolve();
        worker.once('exit', () => resolve());
        worker.kill();
      }),
  };
}

const cookieFor = (deps: TestDeps, userId: number) => `${SESSION_COOKIE}=${createSession(deps.db, deps.config, userId, deps.now()).token}`;
const q = (path: string, input?: unknown) =>
  `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`;

/** The production server in its own process: HTTP throughput, the live fan-out over HTTP, peak memory. */
async function measureServerProcess(deps: TestDeps, h: History, dataDir: string, master: Buffer) {
  deps.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const app = await startAppProcess(dataDir, master);
  try {
    // A fresh server runs the day's jobs (digests, expiry warnings, retention over the whole
    // history) at start: their memory counts in the peak, their time not in the throughput.
    const jobsMs = await dailyJobsDone(deps);
    const http = await measureHttp(deps, h, app);
    const live = await measureLiveOverHttp(deps, h, app);
    return { http, serverProcess: { live, peakRssMb: round(app.peakRssMb(), 0), jobsMs: round(jobsMs, 0) } };
  } finally {
    await app.stop();
  }
}

/** Waits until the server process has recorded every daily job as run today; returns how long that took. */
async function dailyJobsDone(deps: TestDeps): Promise<number> {
  const today = amsterdamDate(deps.now());
  const started = performance.now();
  const done = deps.db.$client.prepare('select count(*) n from job_runs where name = ? and last_run_on >= ?');
  while (!dailyJobs.every((job) => (done.get(job.name, today) as { n: number }).n === 1)) {
    if (performance.now() - started > 300_000) throw new Error('the daily jobs did not finish within 5 minutes');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return performance.now() - started;
}

async function measureHttp(deps: TestDeps, h: History, app: ServerProcess) {
  const durationMs = quick ? 1000 : 3000;
  const connections = 10;
  const load = client();
  const bare = await startBareProcess(dbFileOf(deps));
  try {
    const coordinator = cookieFor(deps, h.coordinator.id);
    const politie = cookieFor(deps, h.members.politie![0]!.id);
    const caseIds = (deps.db.$client.prepare('select id from cases order by id desc limit 50').all() as { id: number }[]).map((r) => r.id);
    const bareRun = () =>
      load.send<LoadRun>({ type: 'load', origin: bare.origin, paths: caseIds.map((id) => q('row', { id })), connections, durationMs });
    await load.send({ type: 'load', origin: bare.origin, paths: [q('row', { id: caseIds[0] })], connections, durationMs: 300 }); // warm up
    const bareFirst = await bareRun();
    const endpoints: Record<string, { path: string; cookie: string }> = {
      'auth.me': { path: q('auth.me'), cookie: coordinator },
      'partners.list': { path: q('partners.list'), cookie: coordinator },
      'cases.list': { path: q('cases.list', {}), cookie: coordinator },
      'tasks.mine': { path: q('tasks.mine'), cookie: politie },
      'meetings.get': { path: q('meetings.get', { id: h.lastHeldMeetingId }), cookie: coordinator },
      'minutes.get': { path: q('minutes.get', { meetingId: h.lastHeldMeetingId }), cookie: coordinator },
    };
    const out: ScaleResult['http']['endpoints'] = {};
    const measured: Record<string, LoadRun> = {};
    for (const [name, e] of Object.entries(endpoints)) {
      await load.send({ type: 'load', origin: app.origin, paths: [e.path], cookie: e.cookie, connections, durationMs: 300 });
      measured[name] = await load.send<LoadRun>({
        type: 'load',
        origin: app.origin,
        paths: [e.path],
        cookie: e.cookie,
        connections,
        durationMs,
      });
    }
    // The yardstick before and after the app's runs: the machine is shared, so take their mean.
    const bareLast = await bareRun();
    const bareRps = (bareFirst.rps + bareLast.rps) / 2;
    for (const [name, r] of Object.entries(measured))
      out[name] = { rps: round(r.rps, 0), ratio: round(r.rps / bareRps, 3), errors: r.errors, bytes: r.bytesPerRequest };
    return { bareRps: round(bareRps, 0), endpoints: out };
  } finally {
    await load.close();
    await bare.stop();
  }
}

/** The database file of a bench run (createTestDeps opened it by name). */
const dbFileOf = (deps: TestDeps) => deps.db.$client.name;

const SUBSCRIBERS = 50;

/**
 * Opens 50 live streams (one per member, round robin over the partners: 7 visibility classes),
 * then lets the chair switch casus `updates` times, waiting each time until every subscriber has
 * the snapshot with the new casus. `around` brackets each switch for the caller's own figures.
 */
async function runSwitches(
  deps: TestDeps,
  h: History,
  origin: string,
  switchTo: (itemId: number) => Promise<void>,
  around: { before(): void; after(): void },
) {
  // Thirty switches after one unmeasured (the first builds and compiles what the rest reuse): with
  // twelve, one disturbed switch moved the CPU figure by several ms.
  const updates = quick ? 4 : 30;
  const load = client();
  const sqlite = deps.db.$client;
  const partners = Object.keys(h.members);
  const users = Array.from({ length: SUBSCRIBERS }, (_, i) => h.members[partners[i % partners.length]!]![Math.floor(i / partners.length)]!);
  const cookies = users.map((u) => cookieFor(deps, u.id));
  try {
    await load.send({ type: 'open', origin, path: 'meetings.live', input: { meetingId: h.liveMeetingId }, cookies });
    const latencies: number[] = [];
    let auditRows = 0;
    const auditCount = () => (sqlite.prepare('select count(*) n from audit_log').get() as { n: number }).n;
    for (let u = -1; u < updates; u++) {
      const measured = u >= 0;
      const itemId = h.liveCaseItemIds[(u + 2) % h.liveCaseItemIds.length]!;
      const before = load.snapshots.length;
      const audit0 = auditCount();
      if (measured) around.before();
      const t0 = performance.timeOrigin + performance.now();
      await switchTo(itemId);
      const got = new Set<number>();
      while (got.size < SUBSCRIBERS) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        for (const s of load.snapshots.slice(before))
          if (s.current === itemId && !got.has(s.index)) {
            got.add(s.index);
            if (measured) latencies.push(s.at - t0);
          }
      }
      if (!measured) continue;
      around.after();
      auditRows += auditCount() - audit0;
    }
    latencies.sort((a, b) => a - b);
    await load.send({ type: 'close' });
    return {
      subscribers: SUBSCRIBERS,
      updates,
      p50: round(pct(latencies, 50), 1),
      p95: round(pct(latencies, 95), 1),
      max: round(latencies.at(-1) ?? 0, 1),
      auditRowsPerUpdate: round(auditRows / updates, 1),
    };
  } finally {
    await load.close();
  }
}

/** The live fan-out in this process: event-loop busy time and snapshot builds per update. */
async function measureLive(deps: TestDeps, h: History): Promise<ScaleResult['live']> {
  const app = await startTestServer(deps);
  const chair = callerFor(deps, h.coordinator);
  let busyMs = 0;
  let builds = 0;
  let builds0 = 0;
  let elu0 = performance.eventLoopUtilization();
  // BENCH_PROFILE=file.cpuprofile: a CPU profile of the switches alone.
  const inspector = process.env.BENCH_PROFILE ? new (await import('node:inspector')).Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => inspector!.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  if (inspector) {
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
  }
  try {
    const figure = await runSwitches(
      deps,
      h,
      app.origin,
      async (agendaItemId) => void (await chair.meetings.setCurrentItem({ meetingId: h.liveMeetingId, agendaItemId })),
      {
        before() {
          builds0 = liveBuildCount(deps);
          elu0 = performance.eventLoopUtilization();
        },
        after() {
          busyMs += performance.eventLoopUtilization(elu0).active;
          builds += liveBuildCount(deps) - builds0;
        },
      },
    );
    if (inspector)
      writeFileSync(process.env.BENCH_PROFILE!, JSON.stringify(((await post('Profiler.stop')) as { profile: unknown }).profile));
    return {
      ...figure,
      serverMsPerUpdate: round(busyMs / figure.updates, 1),
      buildsPerUpdate: round(builds / figure.updates, 1),
    };
  } finally {
    await app.close();
  }
}

/** The same fan-out against the production server process; the chair switches over HTTP. */
async function measureLiveOverHttp(deps: TestDeps, h: History, app: ServerProcess) {
  const chairCookie = cookieFor(deps, h.coordinator.id);
  let cpuMs = 0;
  let cpu0 = 0;
  const figure = await runSwitches(
    deps,
    h,
    app.origin,
    async (agendaItemId) => {
      const res = await fetch(`${app.origin}/trpc/meetings.setCurrentItem`, {
        method: 'POST',
        headers: { origin: app.origin, cookie: chairCookie, 'content-type': 'application/json' },
        body: JSON.stringify({ meetingId: h.liveMeetingId, agendaItemId }),
      });
      if (!res.ok) throw new Error(`setCurrentItem: HTTP ${res.status} ${await res.text()}`);
    },
    {
      before: () => void (cpu0 = app.cpuMs()),
      after: () => void (cpuMs += app.cpuMs() - cpu0),
    },
  );
  return { ...figure, cpuMsPerUpdate: round(cpuMs / figure.updates, 1) };
}

// ── The parent: one child per scale, then the table ──────────────────────────────────────────

/** growth.ts --out: CPU per call at the two scales, measured side by side in one process. */
type GrowthFigures = Record<string, { small: number; large: number; growth: number }>;

function table(results: ScaleResult[], growth: GrowthFigures | undefined) {
  const [small, large] = [results[0]!, results.at(-1)!];
  const lines: string[] = [];
  const growthLabel = `${large.years}/${small.years}`;
  lines.push(
    `Overleg bench — Node ${process.version}${quick ? ' (quick)' : ''}; history: ${results.map((r) => `${r.years}× = ${r.counts.cases} casussen, ${r.counts.items} items, ${r.counts.tasks} tasks, ${r.counts.meetings} overleggen, ${r.counts.auditRows} audit rows (generated in ${(r.generateMs / 1000).toFixed(1)} s)`).join('; ')}`,
  );
  lines.push('');
  lines.push(
    `${'in-process call'.padEnd(18)}${results.map((r) => `${`p50 ${r.years}×`.padStart(10)}${`p95 ${r.years}×`.padStart(10)}${`cpu ${r.years}×`.padStart(10)}`).join('')}${`growth ${growthLabel}`.padStart(14)}${growth ? 'one process'.padStart(13) : ''}${'stall'.padStart(8)}${'KB'.padStart(8)}`,
  );
  for (const name of Object.keys(large.calls)) {
    const s = small.calls[name]!;
    const l = large.calls[name]!;
    const together = growth?.[name];
    lines.push(
      `${name.padEnd(18)}${results.map((r) => `${r.calls[name]!.p50.toFixed(2).padStart(10)}${r.calls[name]!.p95.toFixed(2).padStart(10)}${r.calls[name]!.cpuMs.toFixed(2).padStart(10)}`).join('')}${`${(l.cpuMs / Math.max(s.cpuMs, 0.001)).toFixed(2)}×`.padStart(14)}${growth ? (together ? `${together.growth.toFixed(2)}×` : '–').padStart(13) : ''}${l.maxStallMs.toFixed(0).padStart(8)}${(l.bytes / 1024).toFixed(1).padStart(8)}`,
    );
  }
  lines.push(
    `(ms; cpu = CPU time per call, the median of five batches; growth = cpu at the largest / smallest history, each measured in its own process${growth ? '; one process = the same growth with both histories open in one process, their batches alternating (growth.ts) — the figure for the goal' : ''}; stall = longest event-loop delay during that call at the largest)`,
  );
  lines.push('');
  lines.push(
    `${'HTTP, 10 conns'.padEnd(18)}${results.map((r) => `${`req/s ${r.years}×`.padStart(12)}${`ratio ${r.years}×`.padStart(10)}`).join('')}`,
  );
  lines.push(`${'bare tRPC PK'.padEnd(18)}${results.map((r) => `${String(r.http.bareRps).padStart(12)}${'1.000'.padStart(10)}`).join('')}`);
  for (const name of Object.keys(large.http.endpoints)) {
    lines.push(
      `${name.padEnd(18)}${results.map((r) => `${String(r.http.endpoints[name]!.rps).padStart(12)}${r.http.endpoints[name]!.ratio.toFixed(3).padStart(10)}`).join('')}${large.http.endpoints[name]!.errors ? `  (${large.http.endpoints[name]!.errors} errors)` : ''}`,
    );
  }
  lines.push('(the compiled server in its own process, as in production, vs the bare server in its own process)');
  lines.push('');
  for (const r of results) {
    lines.push(
      `live ${r.years}×, in the bench process: ${r.live.subscribers} SSE subscribers, ${r.live.updates} casus switches: delivery p50 ${r.live.p50} ms, p95 ${r.live.p95} ms, max ${r.live.max} ms; event loop busy ${r.live.serverMsPerUpdate} ms per update; ${r.live.buildsPerUpdate} snapshot builds and ${r.live.auditRowsPerUpdate} audit rows per update`,
    );
  }
  for (const r of results) {
    const l = r.serverProcess.live;
    lines.push(
      `live ${r.years}×, production server process: ${l.subscribers} SSE subscribers, ${l.updates} casus switches over HTTP: delivery p50 ${l.p50} ms, p95 ${l.p95} ms, max ${l.max} ms; server CPU ${l.cpuMsPerUpdate} ms per update (all threads); ${l.auditRowsPerUpdate} audit rows per update`,
    );
  }
  lines.push('');
  for (const r of results)
    lines.push(
      `${r.years}×: production server process, from its start (the day's jobs at start took ${(r.serverProcess.jobsMs / 1000).toFixed(1)} s) through the HTTP and live phases: peak RSS ${r.serverProcess.peakRssMb} MB`,
    );
  for (const r of results) {
    lines.push(
      `${r.years}×: event-loop max delay ${r.eventLoopMaxMs} ms over the run; bench process peak RSS ${r.peakRssMb} MB (generator included); after generation + GC ${r.rssAfterGenerationMb} MB; in-process calls and live peak ${r.serverPeakRssMb} MB (JS heap ${r.serverPeakBreakdownMb.heapUsed} of ${r.serverPeakBreakdownMb.heapTotal} MB, external ${r.serverPeakBreakdownMb.external} MB)`,
    );
  }
  return lines.join('\n');
}

if (args.has('scale')) {
  const result = await runScale(Number(args.get('scale')));
  writeFileSync(args.get('child-out')!, JSON.stringify(result));
} else {
  const years = (args.get('years') ?? '1,10').split(',').map(Number);
  const out = args.get('out') ?? join(import.meta.dirname, 'results.json');
  const tmp = mkdtempSync(join(tmpdir(), 'overleg-bench-out-'));
  // Growth is measured again with both histories side by side in one process (growth.ts): across
  // two processes, sub-millisecond CPU per call differs by more than the growth to be measured.
  const interleaved = years.length >= 2 && (!args.has('only') || args.get('only') === 'calls');
  const histories = join(tmp, 'histories');
  mkdirSync(histories);
  const results: ScaleResult[] = [];
  for (const y of years) {
    const file = join(tmp, `${y}.json`);
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        here,
        `--scale=${y}`,
        `--child-out=${file}`,
        ...(quick ? ['--quick'] : []),
        ...(args.has('only') ? [`--only=${args.get('only')}`] : []),
        ...(interleaved && (y === years[0] || y === years.at(-1)) ? [`--keep-history=${histories}`] : []),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`bench at ${y}× failed (exit ${child.status})`);
    results.push(JSON.parse(readFileSync(file, 'utf8')) as ScaleResult);
  }
  let growth: GrowthFigures | undefined;
  if (interleaved) {
    const file = join(tmp, 'growth.json');
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        fileURLToPath(new URL('./growth.ts', import.meta.url)),
        `--keep=${histories}`,
        `--years=${years[0]},${years.at(-1)}`,
        `--out=${file}`,
        ...(quick ? ['--batches=5'] : []),
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`bench growth failed (exit ${child.status})`);
    growth = JSON.parse(readFileSync(file, 'utf8')) as GrowthFigures;
  }
  rmSync(tmp, { recursive: true, force: true });
  console.log(table(results, growth));
  writeFileSync(out, JSON.stringify({ at: new Date().toISOString(), node: process.version, quick, results, growth }, null, 2));
  console.log(`\nfigures written to ${out}`);
}
