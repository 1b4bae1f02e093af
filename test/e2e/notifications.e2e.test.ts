// Issue 9 items 14 and 18 in the browser: the weekly digest switch on /profiel (by keyboard, kept
// on the server) and the coordinator's toelichting on /rapportage; both screens axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { reportNarratives, users } from '../../db/schema';
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

const digestOf = (email: string) => app.deps.db.select({ on: users.taskDigest }).from(users).where(eq(users.email, email)).get()!.on;

describe('notification settings and the report toelichting', () => {
  it('a member turns the weekly digest off and on again by keyboard; the server keeps it', async () => {
    const page = await newPage(browser, app);
    await login(page, 'senzer@pit.demo');
    await page.goto('/profiel');
    const box = page.getByRole('checkbox', { name: 'Wekelijks overzicht van open taken' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await box.focus();
    await page.keyboard.press('Space');
    await page.getByText('U ontvangt geen wekelijks overzicht meer.').waitFor();
    expect(digestOf('senzer@pit.demo')).toBe(false);
    await page.reload();
    await box.waitFor();
    expect(await box.isChecked()).toBe(false);
    await box.focus();
    await page.keyboard.press('Space');
    await page.getByText('U ontvangt het wekelijkse overzicht.').waitFor();
    expect(digestOf('senzer@pit.demo')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the coordinator writes the toelichting of the period on /rapportage', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.goto('/rapportage');
    const field = page.getByLabel('Uw toelichting: voortgang en knelpunten');
    await field.waitFor();
    await field.fill('Voortgang volgens plan. Knelpunt: capaciteit handhaving.');
    await page.getByRole('button', { name: 'Toelichting opslaan' }).click();
    await page.getByText('Toelichting opgeslagen (versie 1).').waitFor();
    expect(app.deps.db.select({ text: reportNarratives.text }).from(reportNarratives).all()).toEqual([
      { text: 'Voortgang volgens plan. Knelpunt: capaciteit handhaving.' },
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });
});
