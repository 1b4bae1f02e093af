import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
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

async function selectByLabel(page: Page, label: string, option: string) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

describe('casussen in the browser (BIT, covenant in force)', () => {
  it('a member reports a signal; bad input gets a clear error and changes nothing', async () => {
    const page = await newPage(browser, app);
    await login(page, 'huizen@bit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen' }).click();
    await page.getByRole('link', { name: 'Signaal melden' }).click();
    await page.getByRole('heading', { name: 'Signaal melden' }).waitFor();
    // The member's own gemeente is preselected.
    expect(await page.getByLabel('Gemeente', { exact: true }).evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)).toBe(
      'Gemeente Huizen',
    );
    await page.getByLabel('Straat').fill('Havenstraat');
    await page.getByLabel('Huisnummer').fill('12');
    await page.getByLabel('Postcode').fill('1271 SA'); // SA is never issued
    await page.getByLabel('Plaats').fill('Huizen');
    await selectByLabel(page, 'Thema', 'Woonoverlast');
    await selectByLabel(page, 'Herkomst', 'AVO-verzoek (prioriteit)');
    await page.getByLabel('Korte omschrijving').fill('Veel wisselende bewoners, overlast in de nacht.');
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/postcode/i);
    expect(page.url()).toMatch(/\/casussen\/nieuw$/);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Postcode').fill('1271ab');
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await page.waitForURL(/\/casussen\/\d+$/);
    await page.getByRole('heading', { name: 'Havenstraat 12, 1271 AB Huizen' }).waitFor();
    expect(await page.getByText('Signaal', { exact: true }).count()).toBeGreaterThan(0);
    expect(await page.getByText('Prioriteit', { exact: true }).count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('the coordinator activates it, records betrokkenen for the police, a werkafspraak and a task', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto('/casussen?q=Havenstraat');
    await page
      .getByRole('link', { name: /^BIT-\d{4}-\d{4}$/ })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Havenstraat 12, 1271 AB Huizen' }).waitFor();
    await page.getByRole('button', { name: 'Casus actief maken' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContainEqual(expect.stringContaining('Actief'));

    await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await selectByLabel(page, 'Namens partner', 'Politie Eenheid Midden-Nederland');
    await page.getByLabel('Waarde').fill('P. Jansen, Havenstraat 12, Huizen');
    await page.getByRole('button', { name: 'Nog een gegeven' }).click();
    await page.getByLabel('Soort gegeven').nth(1).selectOption('kenteken');
    await page.getByLabel('Waarde').nth(1).fill('GB-123-X');
    await page.getByRole('button', { name: 'Nog een gegeven' }).click();
    await page.getByLabel('Soort gegeven').nth(2).selectOption('bsn');
    await page.getByLabel('Waarde').nth(2).fill('111222333');
    await page.getByLabel('Wettelijke grondslag (verplicht bij BSN)').fill('art. 20.3 convenant');
    await page.locator('form').getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await page.getByRole('table', { name: 'Persoon 1' }).waitFor();
    expect(await page.getByRole('table', { name: 'Persoon 1' }).getByText('GB-123-X').count()).toBe(1);

    // art. 26.3: a person known only from police data is informed by the police — no form here.
    const policePerson = page.getByTestId('subject').first();
    await policePerson.getByText(/Alleen bekend uit politiegegevens/).waitFor();
    expect(await policePerson.getByRole('button', { name: 'Informatieplicht vastleggen' }).count()).toBe(0);

    // A second person, from the gemeente's own records.
    await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await selectByLabel(page, 'Namens partner', 'Gemeente Huizen');
    await page.getByLabel('Waarde').fill('A. de Boer, Havenstraat 12, Huizen');
    await page.locator('form').getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await page.getByRole('table', { name: 'Persoon 2' }).waitFor();

    // P11: informed on a date, or the reason it is postponed — one of the two, never both.
    const subject = page.getByTestId('subject').nth(1);
    await subject.getByText('Nog niet geïnformeerd').waitFor();
    await subject.getByRole('button', { name: 'Informatieplicht vastleggen' }).click();
    await subject.getByLabel('Geïnformeerd op').fill('2026-11-20');
    await subject.getByLabel('Reden van uitstel').fill('Lopend strafrechtelijk onderzoek');
    await subject.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => subject.getByRole('alert').count()).toBe(1);
    await subject.getByLabel('Geïnformeerd op').fill('');
    await subject.getByRole('button', { name: 'Opslaan' }).click();
    await subject.getByText('Informeren uitgesteld: Lopend strafrechtelijk onderzoek').waitFor();

    await page.getByLabel('Werkafspraak', { exact: true }).fill('Gemeente Huizen legt een last onder dwangsom op.');
    await selectByLabel(page, 'Bevoegd gezag / eindverantwoordelijk', 'Gemeente Huizen');
    await page.getByRole('button', { name: 'Werkafspraak vastleggen' }).click();
    await page.getByTestId('case-agreement').getByText('Gemeente Huizen legt een last onder dwangsom op.', { exact: true }).waitFor();

    await page.getByLabel('Taak', { exact: true }).fill('Bewoning controleren in de BRP');
    await selectByLabel(page, 'Partner', 'Gemeente Huizen');
    await page.getByRole('button', { name: 'Taak toevoegen' }).click();
    await page.getByRole('heading', { name: 'Bewoning controleren in de BRP' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the gemeente member sees the police items; nobody outside the team finds the casus', async () => {
    const page = await newPage(browser, app);
    await login(page, 'huizen@bit.demo');
    await page.goto('/casussen?q=Havenstraat');
    await page
      .getByRole('link', { name: /^BIT-\d{4}-\d{4}$/ })
      .first()
      .click();
    await page.getByRole('table', { name: 'Persoon 1' }).waitFor();
    expect(await page.getByText('GB-123-X').count()).toBe(1);
    // P3: the BSN is masked until revealed (by its opaque item id); a gemeente may see police data.
    expect(await page.getByText('111222333').count()).toBe(0);
    await page.getByRole('button', { name: 'Toon BSN' }).click();
    await page.getByText('111222333').waitFor();
    // The task for Huizen is on Mijn taken, and can be ticked off there.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn taken' }).click();
    const task = page.getByTestId('task').filter({ hasText: 'Bewoning controleren in de BRP' });
    await task.getByRole('button', { name: /afronden/i }).click();
    await task.getByLabel('Resultaat (actiegegevens)').fill('Vier personen ingeschreven; doorgegeven aan toezicht.');
    await task.getByRole('button', { name: 'Gereed melden' }).click();
    await expect.poll(() => page.getByText('De taak is gereed gemeld.').count()).toBe(1);
    // The list refreshes after the confirmation appears: wait for it rather than race it.
    await expect.poll(() => page.getByTestId('task').filter({ hasText: 'Bewoning controleren in de BRP' }).count()).toBe(0);
    await page.context().close();

    const outsider = await newPage(browser, app);
    await login(outsider, 'coordinator@pit.demo');
    await outsider.goto('/casussen?q=Havenstraat');
    await expect.poll(() => outsider.getByText('0 casussen getoond').count()).toBe(1);
    await outsider.context().close();
  });
});
