// A CPU profile of one call on an N-year history (issue 12): for finding what a slow call spends
// its time on. Not part of `npm run bench`.
//
//   npx tsx test/bench/profile-call.ts --years=10 --call=agenda.prefill --runs=20 --out=/tmp/profile
//
// Calls: those of ./tools.ts `benchCalls` (agenda.prefill, reports.progress, dashboard, search and the
// HTTP bench's hot reads). The profile opens in Chrome DevTools; the top self-time functions are printed.
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { benchArgs, benchCalls, cacheEmptier, openHistory } from './tools';

const args = benchArgs();
const years = Number(args.get('years') ?? 10);
const runs = Number(args.get('runs') ?? 20);
const names = (args.get('call') ?? 'agenda.prefill').split(',');
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
// --keep=DIR: keep the generated history there and reuse it on the next run (./tools.ts).
const { deps, h, close } = await openHistory(years, args.get('keep'));
try {
  if (args.has('pragma')) deps.db.$client.pragma(args.get('pragma')!);
  const calls = benchCalls(deps, h);
  // The work of each call, not the read cache.
  const emptyCache = cacheEmptier(deps.db.$client);
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (e, r) => (e ? reject(e) : resolve(r))));
  for (const name of names) {
    const call = calls[name]!;
    for (let i = 0; i < 3; i++) await call();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 100 });
    await post('Profiler.start');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      emptyCache();
      const t0 = performance.now();
      await call();
      times.push(performance.now() - t0);
    }
    const { profile } = (await post('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
    times.sort((a, b) => a - b);
    console.log(`${name} at ${years}×: p50 ${times[Math.floor(runs / 2)]!.toFixed(2)} ms, max ${times.at(-1)!.toFixed(2)} ms`);
    const self = new Map<string, number>();
    let total = 0;
    for (const n of profile.nodes) {
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
      total += n.hitCount ?? 0;
    }
    for (const [key, hits] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`${((hits / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
    if (args.has('out')) writeFileSync(`${args.get('out')!}.${name}.cpuprofile`, JSON.stringify(profile));
  }
} finally {
  close();
}
