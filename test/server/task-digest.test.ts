// Issue 9 item 14: the weekly task digest — counts and a link, once a week, not when nothing is
// open, not to whoever turned it off in the profile.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { partners, users } from '../../db/schema';
import { createTestDeps } from '../helpers/deps';
import { callerFor, makeTeam, makeUser } from '../helpers/factories';
import { startSmtpSink } from '../helpers/smtp-sink';
import { wholeMail } from '../helpers/mime';
import { closeMailTransports } from '../../server/mail';
import { runDueJobs } from '../../server/jobs';

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

const TITLES = [
  'Eigenaar Jansen aanschrijven',
  'Bewoners Steeg 1 bezoeken',
  'Voertuig bij de Steeg natrekken',
  'Last onder dwangsom opstellen',
];

async function scenario() {
  // Wednesday 25 November 2026.
  const deps = createTestDeps({ config: { smtpUrl: sink.url, publicUrl: 'https://overleg.example.nl' } });
  const pit = makeTeam(deps, 'pit', { endsOn: '2030-01-01' });
  const coordinator = await makeUser(deps, pit, 'coordinator', 'helmond');
  const politie = await makeUser(deps, pit, 'member', 'politie');
  const politieOptedOut = await makeUser(deps, pit, 'member', 'politie');
  const asten = await makeUser(deps, pit, 'member', 'asten');
  const senzer = await makeUser(deps, pit, 'member', 'senzer'); // nothing open
  const gemert = await makeUser(deps, pit, 'member', 'gemert-bakel'); // partner left
  await makeUser(deps, pit, 'viewer', null);
  const coord = callerFor(deps, coordinator);
  const politieId = pit.partnerIds.politie!;
  await coord.tasks.create({ title: TITLES[0]!, assigneePartnerId: politieId, dueDate: '2026-11-20', confirmPast: true }); // overdue on Monday 30 Nov
  await coord.tasks.create({ title: TITLES[1]!, assigneePartnerId: politieId, dueDate: '2026-12-03' }); // due within 7 days
  await coord.tasks.create({ title: TITLES[2]!, assigneePartnerId: politieId, dueDate: '2027-01-15' }); // later
  await coord.tasks.create({ title: TITLES[3]!, assigneePartnerId: pit.partnerIds.asten!, dueDate: '2026-12-07' }); // due within 7 days
  const senzerTask = await coord.tasks.create({ title: 'Afgerond', assigneePartnerId: pit.partnerIds.senzer!, dueDate: '2026-12-01' });
  await coord.tasks.create({ title: 'Gemert taak', assigneePartnerId: pit.partnerIds['gemert-bakel']!, dueDate: '2026-12-01' });
  deps.db.update(partners).set({ leftOn: '2026-11-26' }).where(eq(partners.id, pit.partnerIds['gemert-bakel']!)).run();
  await callerFor(deps, politieOptedOut).auth.setTaskDigest({ enabled: false });
  return { deps, pit, senzerTask, coordinator, politie, politieOptedOut, asten, senzer, gemert };
}

const mailTo = (email: string) => sink.messages.filter((m) => m.to.includes(email));

describe('weekly task digest (issue 9 item 14)', () => {
  it('on Monday: counts per state and a link for each member and the coordinator; not to opted-out users or with nothing open', async () => {
    const s = await scenario();
    // Finish the Senzer task: Senzer then has nothing open and gets no mail.
    await callerFor(s.deps, s.senzer).tasks.complete({ id: s.senzerTask.id, resultNote: 'Klaar' });
    s.deps.clock.set('2026-11-28T09:00:00Z'); // Saturday: no digest in the weekend
    await runDueJobs(s.deps);
    expect(sink.messages).toHaveLength(0);
    s.deps.clock.set('2026-11-30T06:00:00Z'); // Monday 07:00 in Amsterdam
    await runDueJobs(s.deps);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([s.coordinator.email, s.politie.email, s.asten.email].sort());
    const politie = wholeMail(mailTo(s.politie.email)[0]!.raw);
    expect(politie).toContain('- open: 3\n- binnen 7 dagen af te ronden: 1\n- over de termijn: 1');
    expect(politie).toContain('https://overleg.example.nl/mijn-taken');
    expect(politie).toContain('https://overleg.example.nl/profiel');
    const asten = wholeMail(mailTo(s.asten.email)[0]!.raw);
    expect(asten).toContain('- open: 1\n- binnen 7 dagen af te ronden: 1\n- over de termijn: 0');
    const team = wholeMail(mailTo(s.coordinator.email)[0]!.raw);
    // The team: 3 politie + 1 Asten + 1 of the partner that left (still open).
    expect(team).toContain('- open: 5\n- binnen 7 dagen af te ronden: 3\n- over de termijn: 1');
    expect(team).toContain('https://overleg.example.nl/taken');
    for (const message of sink.messages) {
      const text = wholeMail(message.raw);
      for (const title of [...TITLES, 'Gemert taak', 'Jansen', 'Steeg 1', 'Voertuig']) expect(text).not.toContain(title);
    }
  });

  it('goes out once a week: not again on Tuesday, again next Monday; a missed Monday is caught up on Tuesday', async () => {
    const s = await scenario();
    s.deps.clock.set('2026-12-01T06:00:00Z'); // Tuesday: this week's digest was not yet sent
    await runDueJobs(s.deps);
    expect(mailTo(s.politie.email)).toHaveLength(1);
    s.deps.clock.set('2026-12-02T06:00:00Z');
    await runDueJobs(s.deps);
    s.deps.clock.set('2026-12-04T06:00:00Z');
    await runDueJobs(s.deps);
    expect(mailTo(s.politie.email)).toHaveLength(1);
    s.deps.clock.set('2026-12-07T06:00:00Z');
    await runDueJobs(s.deps);
    expect(mailTo(s.politie.email)).toHaveLength(2);
    expect(s.deps.db.select({ on: users.taskDigestSentOn }).from(users).where(eq(users.id, s.politie.id)).get()!.on).toBe('2026-12-07');
  });

  it('the opt-out: auth.setTaskDigest off and on again, read back with auth.taskDigest, respected by the job', async () => {
    const s = await scenario();
    const member = callerFor(s.deps, s.politie);
    expect((await member.auth.taskDigest()).taskDigest).toBe(true);
    expect(await member.auth.setTaskDigest({ enabled: false })).toEqual({ taskDigest: false });
    expect((await member.auth.taskDigest()).taskDigest).toBe(false);
    s.deps.clock.set('2026-11-30T06:00:00Z');
    await runDueJobs(s.deps);
    expect(mailTo(s.politie.email)).toHaveLength(0);
    expect(mailTo(s.politieOptedOut.email)).toHaveLength(0);
    expect(await member.auth.setTaskDigest({ enabled: true })).toEqual({ taskDigest: true });
    s.deps.clock.set('2026-12-07T06:00:00Z');
    await runDueJobs(s.deps);
    expect(mailTo(s.politie.email)).toHaveLength(1);
    expect(mailTo(s.politieOptedOut.email)).toHaveLength(0);
  });
});
