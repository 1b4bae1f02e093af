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
    expect(names).toEqual(
      expect.arrayContaining([
        'Gemeente Helmond',
        'Gemeente Asten',
        'Gemeente Deurne',
        'Gemeente Gemert-Bakel',
        'Gemeente Laarbeek',
        'Gemeente Someren',
        'Politie Eenheid Oost-Brabant',
        'Veiligheidsregio Brabant-Zuidoost',
        'Belastingsamenwerking Oost-Brabant',
      ]),
    );
    expect(names.some((n) => n.includes('Politie'))).toBe(true);
    expect(names.some((n) => n.includes('Hilversum'))).toBe(false);
    // The sharing matrix from the covenant: police data reach the gemeenten only (art. 20.5).
    const matrix = page.getByRole('table', { name: /Verstrekkende partner/ });
    expect(
      await matrix
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Politie', exact: true }) })
        .textContent(),
    ).toContain('Alleen gemeenten');
    expect(await axeViolations(page)).toEqual([]);

    // Add a member for Senzer: the account appears in the members table.
    const add = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Lid toevoegen' }) });
    await add.getByLabel('Naam').fill('Fleur Testpersoon');
    await add.getByLabel('E-mailadres').fill('fleur@senzer.demo');
    await add.getByLabel('Organisatie').selectOption({ label: 'Senzer (Werkbedrijf Atlant De Peel)' });
    await add.getByRole('button', { name: 'Lid toevoegen' }).click();
    await add.getByText('Fleur Testpersoon is toegevoegd.').waitFor();
    await page.getByRole('table', { name: 'Leden' }).getByRole('rowheader', { name: 'Fleur Testpersoon' }).waitFor();

    // Art. 14: leaving needs two months' notice; a shorter term is refused with the earliest date.
    const leave = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Uittreding registreren (art. 14)' }) });
    await leave.getByLabel('Organisatie').selectOption({ label: 'Gemeente Someren' });
    await leave.getByLabel('Opgezegd').fill('2026-11-25');
    await leave.getByLabel('Uitgetreden').fill('2026-12-31');
    await leave.getByRole('button', { name: 'Uittreding registreren (art. 14)' }).click();
    await expect.poll(() => leave.getByRole('alert').textContent()).toContain('op of na 25-01-2027');
    await leave.getByLabel('Uitgetreden').fill('2027-02-01');
    await leave.getByRole('button', { name: 'Uittreding registreren (art. 14)' }).click();
    await leave.getByText('De uittreding van Gemeente Someren is geregistreerd.').waitFor();
    await expect
      .poll(() => partners.getByRole('row').filter({ hasText: 'Gemeente Someren' }).textContent())
      .toContain('Treedt uit op 01-02-2027');
    await page.context().close();
  });

  it("the admin's matrix editor offers only what the covenant allows (art. 20.3–20.7)", async () => {
    const page = await newPage(browser, app);
    await login(page, 'admin@pit.demo');
    await page.goto('/team');
    const matrix = page.getByRole('table', { name: /Verstrekkende partner/ });
    const policeNaleving = matrix.getByRole('combobox', { name: 'Politie — Nalevingsgegevens' });
    await policeNaleving.waitFor();
    // Police data reach the gemeenten only: "Alle partners" is not offered.
    expect(await policeNaleving.locator('option').allTextContents()).toEqual(['Mag niet verstrekken', 'Alleen gemeenten']);
    expect(await matrix.getByRole('combobox', { name: 'Gemeente — BSN' }).locator('option').allTextContents()).toEqual([
      'Mag niet verstrekken',
      'Alle partners',
      'Alleen gemeenten',
    ]);
    // Categories a kind may not provide at all have no choice; overig provides nothing unless an
    // annex gives it categories (art. 12.2, 13), and then to the gemeenten at most.
    expect(await matrix.getByRole('combobox', { name: 'Sociale dienst — BSN' }).count()).toBe(0);
    expect(await matrix.getByRole('combobox', { name: 'Overig — BSN' }).locator('option').allTextContents()).toEqual([
      'Mag niet verstrekken',
      'Alleen gemeenten',
    ]);
    expect(await matrix.getByRole('combobox', { name: 'Overig — BSN' }).inputValue()).toBe('');
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
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await page.goto('/profiel');
    await page.getByRole('main').getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/inloggen/);
    await page.goto('/team');
    await page.waitForURL(/\/inloggen/);
  });
});
