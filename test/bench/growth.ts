// Growth of CPU per call from one history to another, both measured in this one process (issue 12).
// `npm run bench` measures each scale in its own child process, one after the other; below a
// millisecond, CPU per call differs by ±0.07 ms between two processes doing identical work (auth.me
// reads the same five rows at every scale and still showed 1.3–1.7×). Here both histories are open
// side by side and their batches alternate (1×, 10×, 1×, …), so the process, its heap and the
// machine's drifting load weigh on both alike. Prints figures; asserts nothing.
//
//   npx tsx test/bench/growth.ts [--years=1,10] [--call=search,cases.list] [--batches=30] [--keep=/tmp/keep] [--out=growth.json]
//
// `npm run bench` runs it on the histories its scales generated and shows the result in its table.
import { writeFileSync } from 'node:fs';
import { benchArgs, benchCalls, cacheEmptier, openHistory } from './tools';

const args = benchArgs();
const [smallYears, largeYears] = (args.get('years') ?? '1,10').split(',').map(Number) as [number, number];
// Thirty per side: with ten, calls under a millisecond moved by ±0.4× between runs (tasks.mine,
// whose statements take the same time at both scales, read 1.44–1.57×; with forty, 1.05–1.06×).
const batches = Number(args.get('batches') ?? 30);
const keep = args.get('keep');

const scales = await Promise.all([smallYears, largeYears].map((years) => openHistory(years, keep)));
const sides = scales.map(({ deps, h }) => ({ calls: benchCalls(deps, h), emptyCache: cacheEmptier(deps.db.$client) }));
const names = args.get('call')?.split(',') ?? Object.keys(sides[0]!.calls);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const figures: Record<string, { small: number; large: number; growth: number }> = {};
console.log(`${'call'.padEnd(18)}${`cpu ${smallYears}×`.padStart(10)}${`cpu ${largeYears}×`.padStart(10)}${'growth'.padStart(9)}`);
try {
  for (const name of names) {
    // A batch is ~40 ms of work, whatever the call costs.
    const probe = performance.now();
    for (const side of sides) await side.calls[name]!();
    const perBatch = Math.max(3, Math.round(40 / Math.max(0.05, (performance.now() - probe) / 2)));
    for (const side of sides) for (let i = 0; i < perBatch; i++) await side.calls[name]!(); // warm up
    const cpuMs: number[][] = [[], []];
    for (let b = 0; b < batches; b++)
      for (const [s, side] of sides.entries()) {
        const cpu = process.cpuUsage();
        for (let i = 0; i < perBatch; i++) {
          side.emptyCache();
          await side.calls[name]!();
        }
        const used = process.cpuUsage(cpu);
        cpuMs[s]!.push((used.user + used.system) / 1000 / perBatch);
      }
    const [small, large] = cpuMs.map(median) as [number, number];
    figures[name] = {
      small: Math.round(small * 1000) / 1000,
      large: Math.round(large * 1000) / 1000,
      growth: Math.round((large / small) * 100) / 100,
    };
    console.log(
      `${name.padEnd(18)}${small.toFixed(3).padStart(10)}${large.toFixed(3).padStart(10)}${`${(large / small).toFixed(2)}×`.padStart(9)}`,
    );
  }
} finally {
  for (const { close } of scales) close();
}
console.log(
  '(ms of CPU per call, the median of the batches; each call after one row written to a scratch table, so the read cache answers nothing)',
);
const out = args.get('out');
if (out) writeFileSync(out, JSON.stringify(figures, null, 2));
