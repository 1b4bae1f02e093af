import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

describe('foundation in the browser', () => {
  it('a wrong password gets a clear Dutch error and no session', async () => {
    const page = await newPage(browser, app);
    await page.goto('/');
    await page.waitForURL(/\/inloggen/);
    await page.getByLabel('E-mailadres').fill('coordinator@pit.demo');
    await page.getByLabel('Wachtwoord').fill('verkeerd-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('E-mailadres of wachtwoord is onjuist.');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the PIT coordinator sees the ten PIT partners and can manage them', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
    const partners = page.getByRole('table', { name: 'Convenantpartners' });
    await partners.waitFor();
    const rows = partners.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(10);
    const names = await partners.locator('tbody th').allTextContents();
    expect(names).toEqual(expect.arrayContaining([
      'Gemeente Helmond', 'Gemeente Asten', 'Gemeente Deurne', 'Gemeente Gemert-Bakel', 'Gemeente Laarbeek', 'Gemeente Someren', 'Politie Eenheid Oost-Brabant',
      'Veiligheidsregio Brabant-Zuidoost', 'Belastingsamenwerking Oost-Brabant',
    ]));
    expect(names.some((n) => n.includes('Politie'))).toBe(true);
    expect(names.some((n) => n.includes('Hilversum'))).toBe(false);
    await page.getByRole('heading', { name: 'Lid toevoegen' }).waitFor();
    await page.getByRole('heading', { name: 'Uittreding registreren (art. 14)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a BIT member sees only BIT, without management forms', async () => {
    const page = await newPage(browser, app);
    await login(page, 'hilversum@bit.demo');
    await page.goto('/team');
    const partners = page.getByRole('table', { name: 'Convenantpartners' });
    await expect.poll(() => partners.locator('tbody tr').count()).toBe(7);
    const names = await partners.locator('tbody th').allTextContents();
    expect(names).toContain('Gemeente Hilversum');
    expect(names.join(' ')).not.toMatch(/Helmond|Senzer|Peelland|Oost-Brabant/);
    expect(await page.getByRole('heading', { name: 'Lid toevoegen' }).count()).toBe(0);
    // Mijn taken is in the member's navigation; the coordinator's task overview is not.
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link', { name: 'Mijn taken' }).count()).toBe(1);
    expect(await nav.getByRole('link', { name: 'Takenoverzicht' }).count()).toBe(0);
    await page.context().close();
  });

  it('switches to English and logs out from the profile page', async () => {
    const page = await newPage(browser, app);
    await login(page, 'laren@bit.demo');
    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await page.goto('/profiel');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/inloggen/);
    await page.goto('/team');
    await page.waitForURL(/\/inloggen/);
  });
});
