// Issue 11 in the browser: the FG's pages for corrections and access requests show their entries
// (axe-clean), the FG sets the mass-read threshold, and a finalised verslag keeps its text when a
// task of that overleg is edited afterwards (a fixed record, item 9).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { and, desc, eq } from 'drizzle-orm';
import { meetings, tasks, teams, users } from '../../db/schema';
import { appRouter } from '../../server/routers';
import { createCallerFactory } from '../../server/trpc';
import { axeViolations, launchBrowser, login, newPage, startApp, type RunningApp } from './helpers';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

function callerAs(email: string) {
  const row = app.deps.db.select().from(users).where(eq(users.email, email)).get()!;
  return createCallerFactory(appRouter)({
    deps: app.deps,
    user: { id: row.id, name: row.name, email: row.email, role: row.role, teamId: row.teamId, partnerId: row.partnerId, locale: 'nl' },
    sessionToken: null,
    ip: '127.0.0.1',
    locale: 'nl',
    secure: false,
    setCookie: () => undefined,
  });
}

describe('the FG workspace pages', () => {
  it('the FG sees a correction with its reason, an access request with its reason, and sets the mass-read threshold', async () => {
    const coordinator = callerAs('coordinator@bit.demo');
    const partners = await coordinator.partners.list();
    const hilversum = partners.find((p) => p.name.includes('Hilversum'))!;
    const { id: caseId } = await coordinator.cases.create({
      gemeentePartnerId: hilversum.id,
      street: 'Inzagestraat',
      houseNumber: 7,
      postcode: '1211 AB',
      city: 'Hilversum',
      theme: 'Woonoverlast',
    });
    const politie = callerAs('politie@bit.demo');
    await politie.subjects.add({ caseId, kind: 'person', items: [{ category: 'kenteken', value: 'XXXX99' }] });
    await callerAs('hilversum@bit.demo').cases.get({ id: caseId });
    const itemId = (await politie.cases.get({ id: caseId })).subjects[0]!.items[0]!.id;
    await politie.subjects.correctItem({ itemId, value: 'XX-XX-98', reason: 'Typefout bij overnemen uit het systeem' });
    // A partner not involved asks access with a reason.
    const bit = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'bit')).get()!;
    const politieUser = app.deps.db.select().from(users).where(eq(users.email, 'politie@bit.demo')).get()!;
    const other = app.deps.db
      .select()
      .from(users)
      .where(and(eq(users.teamId, bit.id), eq(users.role, 'member')))
      .all()
      .find((u) => u.partnerId !== hilversum.id && u.partnerId !== politieUser.partnerId)!;
    await callerAs(other.email).access.request({ caseId, reason: 'Nodig voor de controle van volgende week' });

    const fg = await newPage(browser, app);
    await login(fg, 'fg@bit.demo');
    await fg.goto('/privacy');
    await fg.getByRole('link', { name: 'Correcties en beperkingen' }).click();
    await fg.getByRole('heading', { level: 1, name: 'Correcties en beperkingen' }).waitFor();
    const row = fg.getByRole('row').filter({ hasText: 'Typefout bij overnemen uit het systeem' });
    await row.waitFor();
    expect(await row.innerText()).toContain('XX-XX-99');
    expect(await axeViolations(fg)).toEqual([]);

    await fg.goto('/privacy');
    await fg.getByRole('link', { name: 'Verzoeken om inzage in betrokkenen' }).click();
    await fg.getByRole('heading', { level: 1, name: 'Verzoeken om inzage in betrokkenen' }).waitFor();
    await fg.getByRole('row').filter({ hasText: 'Nodig voor de controle van volgende week' }).first().waitFor();
    expect(await axeViolations(fg)).toEqual([]);

    // The threshold, by keyboard.
    await fg.goto('/privacy');
    const subjects = fg.getByLabel('Aantal betrokkenen');
    await subjects.fill('45');
    await fg.getByLabel('Binnen minuten').fill('15');
    await fg.getByLabel('Binnen minuten').press('Enter');
    await fg.getByText('Drempel opgeslagen en vastgelegd in het logboek.').waitFor();
    expect(await callerAs('fg@bit.demo').audit.massReadSettings()).toEqual({ subjects: 45, minutes: 15 });
    expect(await axeViolations(fg)).toEqual([]);
    await fg.context().close();
  });
});

describe('a finalised verslag is a fixed record', () => {
  it("editing a task of the overleg after finalising leaves the verslag's text as it was", async () => {
    const pit = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'pit')).get()!;
    const meetingId = app.deps.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.teamId, pit.id), eq(meetings.status, 'gesloten')))
      .orderBy(desc(meetings.startsAt))
      .get()!.id;
    const task = app.deps.db.select().from(tasks).where(eq(tasks.meetingId, meetingId)).orderBy(tasks.id).get()!;
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.goto(`/overleggen/${meetingId}/verslag`);
    await page.getByRole('heading', { level: 1, name: /Verslag/ }).waitFor();
    await page.getByText(task.title).first().waitFor();
    await callerAs('coordinator@pit.demo').tasks.update({ id: task.id, version: task.version, title: 'Titel achteraf gewijzigd' });
    await page.reload();
    await page.getByText(task.title).first().waitFor();
    expect(await page.getByText('Titel achteraf gewijzigd').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
