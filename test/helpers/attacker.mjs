// The attacker of issue 8 item 5, in a process of its own as it would be on another machine:
//   node attacker.mjs '{"origin":"http://127.0.0.1:1234","cookie":"overleg_session=…","durationMs":3000}'
// Sends 1,400 logins and 150 reports in one batched request each, then floods for durationMs:
// wrong logins on 6 connections, reports and their CSV export on 6. Prints `started`, then at the
// end the statuses as JSON.
const { origin, cookie, durationMs } = JSON.parse(process.argv[2]);
const statuses = {};
const tally = async (res) => {
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  await res.body?.cancel();
};
const json = { origin, 'content-type': 'application/json' };
const year = { from: '2026-01-01', to: '2026-12-31' };
const batch = (paths, input, headers) =>
  fetch(`${origin}/trpc/${paths.join(',')}?batch=1`, {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify(Object.fromEntries(paths.map((_, i) => [String(i), input]))),
  }).then(tally);
process.stdout.write('started\n');
const until = Date.now() + durationMs;
const bursts = [
  batch(Array(1400).fill('auth.login'), { email: 'coordinator@pit.demo', password: 'fout-wachtwoord' }, {}),
  batch(Array(150).fill('reports.progress'), year, { cookie }),
];
const flood = Array.from({ length: 12 }, async (_, worker) => {
  for (let i = 0; Date.now() < until; i++) {
    const res =
      worker < 6
        ? await fetch(`${origin}/trpc/auth.login`, {
            method: 'POST',
            headers: json,
            body: JSON.stringify({ email: `poging-${worker}-${i}@pit.demo`, password: 'fout-wachtwoord' }),
          })
        : i % 2 === 0
          ? await fetch(`${origin}/trpc/reports.progress?input=${encodeURIComponent(JSON.stringify(year))}`, { headers: { cookie } })
          : await fetch(`${origin}/export/report.csv?from=${year.from}&to=${year.to}`, { headers: { cookie } });
    await tally(res);
  }
});
await Promise.all([...bursts, ...flood]);
process.stdout.write(JSON.stringify(statuses));
