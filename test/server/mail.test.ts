// "Verslag versturen": e-mail to the partners' members through an in-process SMTP sink.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, minutes, partners, users } from '../../db/schema';
import { callerFor, errorOf, makeUser, TEST_PASSWORD } from '../helpers/factories';
import { startTestServer, trpcHttp } from '../helpers/http';
import { GEMEENTE_NALEVING, minutesScenario, POLICE_KENTEKEN, POLICE_NAW } from '../helpers/minutes';
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

/** Quoted-printable soft line breaks and escapes undone, so the checks see the real text. */
const decoded = (raw: string) =>
  raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

async function finalisedScenario() {
  const s = await minutesScenario({
    smtpUrl: sink.url,
    publicUrl: 'https://overleg.example.nl',
    mailFrom: 'Overleg PIT <overleg@pit.example.nl>',
  });
  await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
  return s;
}

describe('minutes.send', () => {
  it('mails every member of the active partners a link, the team and the date', async () => {
    const s = await finalisedScenario();
    const result = await callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id });
    expect(result).toEqual({ recipients: 3, failed: 0 });
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([s.gemeente.email, s.politie.email, s.senzer.email].sort());
    const mail = decoded(sink.messages[0]!.raw);
    expect(sink.messages[0]!.from).toBe('overleg@pit.example.nl');
    expect(mail).toContain(`https://overleg.example.nl/overleggen/${s.meeting.id}/verslag`);
    expect(mail).toContain('24 november 2026');
    expect(mail).toContain('Peelland');
    const row = s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!;
    expect(row.distributedAt).toBe('2026-11-25T09:00:00.000Z');
    expect((await callerFor(s.deps, s.coordinator).minutes.get({ meetingId: s.meeting.id })).distributedAt).toBe(
      '2026-11-25T09:00:00.000Z',
    );
    const audit = s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'minutes.distributed')).get()!;
    expect(JSON.parse(audit.detail!)).toEqual({ meetingId: s.meeting.id, recipients: 3, failed: 0 });
  });

  it('P7: the mail carries no personal data, no casus address and no meeting text', async () => {
    const s = await finalisedScenario();
    await callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id });
    expect(sink.messages.length).toBe(3);
    for (const message of sink.messages) {
      const mail = decoded(message.raw);
      for (const forbidden of [
        POLICE_NAW,
        POLICE_KENTEKEN,
        GEMEENTE_NALEVING,
        'Kerkstraat',
        '5701 AB',
        s.pand.code,
        'Signalen van overbewoning',
        'Integrale controle in december',
        'Controle uitvoeren',
        'Uitkering toetsen',
        'last onder dwangsom',
        'Joost Verhoeven',
        'Mark Bosman',
        'Noor van den Berg',
        'Stadhuis',
      ]) {
        expect(mail).not.toContain(forbidden);
      }
    }
  });

  it('members of a partner that has left, disabled accounts and other roles get nothing', async () => {
    const s = await finalisedScenario();
    s.deps.db.update(partners).set({ leftOn: '2026-11-01' }).where(eq(partners.id, s.pit.partnerIds.senzer!)).run();
    const disabled = await makeUser(s.deps, s.pit, 'member', 'deurne');
    s.deps.db.update(users).set({ disabledAt: '2026-11-20T00:00:00Z' }).where(eq(users.id, disabled.id)).run();
    await makeUser(s.deps, s.pit, 'privacy', null);
    const result = await callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id });
    expect(result.recipients).toBe(2);
    expect(sink.messages.flatMap((m) => m.to).sort()).toEqual([s.gemeente.email, s.politie.email].sort());
  });

  it("a member's mail is in their own language", async () => {
    const s = await finalisedScenario();
    s.deps.db.update(users).set({ locale: 'en' }).where(eq(users.id, s.politie.id)).run();
    await callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id });
    const english = sink.messages.find((m) => m.to.includes(s.politie.email))!;
    expect(decoded(english.raw)).toContain('Minutes of the');
    const dutch = sink.messages.find((m) => m.to.includes(s.gemeente.email))!;
    expect(decoded(dutch.raw)).toContain('Verslag overleg');
  });

  it('a concept is not sent; only the coordinator sends', async () => {
    const s = await minutesScenario({ smtpUrl: sink.url });
    expect(await errorOf(() => callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id }))).toMatchObject({
      code: 'BAD_REQUEST',
      key: 'minutes.notFinal',
    });
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    expect((await errorOf(() => callerFor(s.deps, s.gemeente).minutes.send({ meetingId: s.meeting.id }))).code).toBe('FORBIDDEN');
    expect(sink.messages).toHaveLength(0);
  });

  it('without SMTP settings it explains that mail is not configured, and records nothing', async () => {
    const s = await minutesScenario();
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    const e = await errorOf(() => callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id }));
    expect(e.code).toBe('PRECONDITION_FAILED');
    expect(e.key).toBe('minutes.mailNotConfigured');
    // Over HTTP the client gets the explanation in the user's language (it shows it by the button).
    const server = await startTestServer(s.deps);
    try {
      const client = trpcHttp(server.origin);
      await client.mutation('auth.login', { email: s.coordinator.email, password: TEST_PASSWORD });
      const nl = await client.mutation('minutes.send', { meetingId: s.meeting.id });
      expect(nl.status).toBe(412);
      expect(nl.body.error!.data.key).toBe('minutes.mailNotConfigured');
      expect(nl.body.error!.message).toContain('E-mail is niet ingesteld op deze server');
      const en = await client.mutation('minutes.send', { meetingId: s.meeting.id }, { 'x-overleg-locale': 'en' });
      expect(en.body.error!.message).toContain('E-mail is not configured on this server');
    } finally {
      await server.close();
    }
    expect(s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!.distributedAt).toBeNull();
  });

  it('an unreachable mail server is reported, and the verslag is not marked as sent', async () => {
    const s = await minutesScenario({ smtpUrl: 'smtp://127.0.0.1:1' });
    await callerFor(s.deps, s.coordinator).minutes.finalise({ meetingId: s.meeting.id });
    const e = await errorOf(() => callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id }));
    expect(e).toMatchObject({ code: 'SERVICE_UNAVAILABLE', key: 'minutes.mailFailed' });
    expect(s.deps.db.select().from(minutes).where(eq(minutes.id, s.minutesId)).get()!.distributedAt).toBeNull();
  });
  it('"Verslag versturen" twice at once (a double click, a second tab) mails everyone once', async () => {
    const s = await finalisedScenario();
    const send = () => callerFor(s.deps, s.coordinator).minutes.send({ meetingId: s.meeting.id });
    const [first, second] = await Promise.all([send(), send()]);
    expect([first, second]).toEqual([
      { recipients: 3, failed: 0 },
      { recipients: 0, failed: 0, alreadySent: true },
    ]);
    expect(await send()).toEqual({ recipients: 0, failed: 0, alreadySent: true });
    expect(sink.messages).toHaveLength(3);
    expect(s.deps.db.select().from(auditLog).where(eq(auditLog.action, 'minutes.distributed')).all()).toHaveLength(1);
  });

  it('after the resend window, or once finalised again, the verslag can be sent again', async () => {
    const s = await finalisedScenario();
    const coord = callerFor(s.deps, s.coordinator);
    await coord.minutes.send({ meetingId: s.meeting.id });
    s.deps.clock.advanceMinutes(11);
    expect(await coord.minutes.send({ meetingId: s.meeting.id })).toEqual({ recipients: 3, failed: 0 });
    s.deps.clock.advanceMinutes(1);
    await coord.minutes.reopen({ meetingId: s.meeting.id });
    s.deps.clock.advanceMinutes(1);
    await coord.minutes.finalise({ meetingId: s.meeting.id });
    expect(await coord.minutes.send({ meetingId: s.meeting.id })).toEqual({ recipients: 3, failed: 0 });
    expect(sink.messages).toHaveLength(9);
  });
});
