// Issue 9.5: a knelpunt reaches the coordinator — on the home page, as a distinct state in the
// task overview, and by e-mail (a link only, never personal data).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/deps';
import { callerFor, errorOf, makeTeam, makeUser } from '../helpers/factories';
import { makeCase } from '../helpers/cases';
import { startSmtpSink } from '../helpers/smtp-sink';
import { closeMailTransports } from '../../server/mail';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  sink = await startSmtpSink();
});
afterEach(() => {
  sink.messages.length = 0;
});
afterAll(async () => {
  closeMailTransports();
  await sink.close();
});

const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function setup(mail = true) {
  const deps = createTestDeps({
    config: mail ? { smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl', mailFrom: 'Overleg <overleg@pit.example.nl>' } : {},
  });
  const pit = makeTeam(deps, 'pit');
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const senzer = await makeUser(deps, pit, 'member', 'senzer');
  const bsob = await makeUser(deps, pit, 'member', 'bsob');
  const pand = await makeCase(deps, pit, coordinator, { street: 'Bloemstraat', status: 'actief' });
  const c = callerFor(deps, coordinator);
  const task = await c.tasks.create({
    title: 'Uitkeringsdossier nagaan',
    assigneePartnerId: pit.partnerIds.senzer!,
    dueDate: '2026-12-10',
    caseId: pand.id,
  });
  return { deps, pit, coordinator, senzer, bsob, pand, c, task };
}

describe('tasks.reportBlocker', () => {
  it("blocks the task with the reason: first in the overview, filterable, and on the coordinator's home page", async () => {
    const { deps, pit, c, senzer, pand, task } = await setup(false);
    // An overdue task would come first, but a knelpunt goes before it.
    await c.tasks.create({ title: 'Andere taak', assigneePartnerId: pit.partnerIds.bsob!, dueDate: '2026-11-01', confirmPast: true });
    await callerFor(deps, senzer).tasks.reportBlocker({
      id: task.id,
      version: 1,
      note: 'Geen toegang tot het dossier van de andere gemeente.',
    });
    const overview = await c.tasks.list();
    expect(overview[0]).toMatchObject({
      id: task.id,
      status: 'open',
      blockerNote: 'Geen toegang tot het dossier van de andere gemeente.',
      blockedAt: deps.now().toISOString(),
    });
    expect((await c.tasks.list({ blocked: true })).map((t) => t.id)).toEqual([task.id]);
    const home = await c.dashboard.get();
    if (home.kind !== 'coordinator') throw new Error('expected the coordinator dashboard');
    expect(home.blockers).toEqual([
      {
        taskId: task.id,
        title: 'Uitkeringsdossier nagaan',
        partner: 'Senzer',
        caseId: pand.id,
        caseCode: pand.code,
        note: 'Geen toegang tot het dossier van de andere gemeente.',
        blockedAt: deps.now().toISOString(),
        dueDate: '2026-12-10',
      },
    ]);
    // The partner sees it in its change log too.
    expect((await callerFor(deps, senzer).tasks.mine())[0]!.changes.map((x) => [x.kind, x.reason])).toEqual([
      ['blocked', 'Geen toegang tot het dossier van de andere gemeente.'],
    ]);
  });

  it('the coordinator resolves it: the task is open and unblocked again, the resolution is in the history', async () => {
    const { deps, c, senzer, bsob, task } = await setup(false);
    await callerFor(deps, senzer).tasks.reportBlocker({ id: task.id, version: 1, note: 'Wacht op machtiging.' });
    expect((await errorOf(() => callerFor(deps, bsob).tasks.resolveBlocker({ id: task.id, version: 2 }))).code).toBe('FORBIDDEN');
    expect((await errorOf(() => c.tasks.resolveBlocker({ id: task.id, version: 1 }))).code).toBe('CONFLICT');
    await c.tasks.resolveBlocker({ id: task.id, version: 2, note: 'Machtiging geregeld.' });
    const [row] = await c.tasks.list();
    expect(row).toMatchObject({ id: task.id, status: 'open', blockerNote: null, blockedAt: null, version: 3 });
    expect(row!.changes.map((x) => [x.kind, x.reason])).toEqual([
      ['blocked', 'Wacht op machtiging.'],
      ['unblocked', 'Machtiging geregeld.'],
    ]);
    expect(await c.tasks.list({ blocked: true })).toEqual([]);
    expect((await errorOf(() => c.tasks.resolveBlocker({ id: task.id, version: 3 }))).key).toBe('tasks.notBlocked');
    // An empty knelpunt is refused and changes nothing.
    expect((await errorOf(() => callerFor(deps, senzer).tasks.reportBlocker({ id: task.id, version: 3, note: '  ' }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await c.tasks.list())[0]!.version).toBe(3);
  });

  it("mails the team's coordinators a link only: no task, casus, address, partner or reason", async () => {
    const { deps, coordinator, senzer, pand, task } = await setup();
    await callerFor(deps, senzer).tasks.reportBlocker({ id: task.id, version: 1, note: 'Eigenaar weigert medewerking.' });
    expect(sink.messages.map((m) => m.to)).toEqual([[coordinator.email]]);
    const mail = decoded(sink.messages[0]!.raw);
    expect(mail).toContain(`https://overleg.example.nl/taken?knelpunt=${task.id}`);
    expect(mail).toContain('Knelpunt gemeld');
    for (const forbidden of ['Uitkeringsdossier', 'Eigenaar weigert', 'Bloemstraat', pand.code, '5701', 'Senzer', senzer.name])
      expect(mail).not.toContain(forbidden);
  });
});
