// Benchmarks: print figures, never assert on time. `npm run bench`.
// Builds a realistic large team on a file database (WAL, like production) through the real
// procedures, then times the read paths people wait for.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { seedDemo } from '../../db/seed';
import { hashPassword } from '../../server/auth/passwords';

const CASES = Number(process.env.BENCH_CASES ?? 1000);
const dir = mkdtempSync(join(tmpdir(), 'overleg-bench-'));

async function measure(name: string, runs: number, fn: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  console.log(`${name.padEnd(52)} p50 ${pct(50).padStart(7)} ms   p95 ${pct(95).padStart(7)} ms   (${runs} runs)`);
}

async function main() {
  console.log(`Overleg benchmarks — Node ${process.version}, SQLite file in ${dir}\n`);

  // 1. The demo seed that `npm start` runs on a fresh machine.
  {
    const deps = createTestDeps({ file: join(dir, 'demo.db') });
    const start = performance.now();
    const { cases } = await seedDemo(deps, hashPassword, deps.now());
    console.log(`demo seed (both teams, ${cases.cases} casussen)`.padEnd(52), `${(performance.now() - start).toFixed(0)} ms\n`);
    deps.db.$client.close();
  }

  // 2. A large team: CASES casussen, two betrokkenen with four items each, three tasks per casus.
  const deps = createTestDeps({ file: join(dir, 'large.db') });
  const bit = makeTeam(deps, 'bit');
  const coordinator = await makeUser(deps, bit, 'coordinator', 'hilversum');
  const gemeente = await makeUser(deps, bit, 'member', 'huizen');
  const politie = await makeUser(deps, bit, 'member', 'politie');
  const asCoordinator = callerFor(deps, coordinator);
  const gemeenten = ['blaricum', 'gooise-meren', 'hilversum', 'huizen', 'laren', 'wijdemeren'];
  const buildStart = performance.now();
  let lastId = 0;
  for (let i = 0; i < CASES; i++) {
    deps.clock.set(new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString());
    const { id } = await asCoordinator.cases.create({
      gemeentePartnerId: bit.partnerIds[gemeenten[i % gemeenten.length]!]!, street: `Laan ${i % 97}`, houseNumber: (i % 300) + 1,
      postcode: '1211 AA', city: 'Hilversum', theme: 'Woonoverlast', status: 'actief',
    });
    lastId = id;
    for (const source of ['huizen', 'politie'] as const) {
      await asCoordinator.subjects.add({
        caseId: id, kind: 'person', sourcePartnerId: bit.partnerIds[source]!,
        items: [
          { category: 'naw', value: `Persoon ${i}, Laan ${i % 97}` },
          { category: 'geboortedatum', value: '1980-01-01' },
          { category: 'telefoon', value: '06 12345678' },
          { category: 'kenteken', value: 'AB-123-C' },
        ],
      });
    }
    const { id: agreementId } = await asCoordinator.agreements.create({ caseId: id, text: 'Controle', responsiblePartnerId: bit.partnerIds.huizen! });
    for (const p of ['huizen', 'politie', 'laren'] as const) {
      await asCoordinator.tasks.create({ title: 'Actie', assigneePartnerId: bit.partnerIds[p]!, dueDate: i % 4 === 0 ? '2026-01-15' : '2027-03-01', agreementId });
    }
  }
  deps.clock.set('2026-11-25T09:00:00Z');
  console.log(`built ${CASES} casussen, ${CASES * 2} betrokkenen, ${CASES * 8} items, ${CASES * 3} tasks`.padEnd(52), `${(performance.now() - buildStart).toFixed(0)} ms\n`);

  const asGemeente = callerFor(deps, gemeente);
  const asPolitie = callerFor(deps, politie);
  await measure('cases.list first page (50), coordinator', 200, () => asCoordinator.cases.list({}));
  await measure('cases.list search "Laan 42"', 200, () => asCoordinator.cases.list({ search: 'Laan 42' }));
  await measure('cases.list has overdue tasks', 100, () => asCoordinator.cases.list({ hasOverdueTasks: true }));
  await measure('cases.get (2 betrokkenen, 8 items), coordinator', 300, () => asCoordinator.cases.get({ id: lastId }));
  await measure('cases.get, gemeente member (matrix applied)', 300, () => asGemeente.cases.get({ id: lastId }));
  await measure(`tasks.mine (${CASES} open tasks of the partner)`, 50, () => asPolitie.tasks.mine());
  await measure('tasks.list overdue, coordinator', 50, () => asCoordinator.tasks.list({ overdue: true }));
  deps.db.$client.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
