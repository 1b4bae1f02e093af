// Issue 9 items 6–9 in the browser: pages that cannot load say why, forms show every message at
// its field at once, dates look the same everywhere, risky actions ask first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { cases, meetings, minutes, teams } from '../../db/schema';
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

const teamId = (code: string) => app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.code, code)).get()!.id;
const caseOf = (code: string) =>
  app.deps.db
    .select({ id: cases.id })
    .from(cases)
    .where(eq(cases.teamId, teamId(code)))
    .get()!.id;
const heading = (page: Page) => page.locator('main h1').first().textContent();

describe('pages that cannot load say why (item 6)', () => {
  it('another team\'s casus, a missing one and a nonsense id: "Niet gevonden" with a way back', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    for (const path of [`/casussen/${caseOf('PIT')}`, '/casussen/999999', '/casussen/abc']) {
      await page.goto(path);
      await expect.poll(() => heading(page)).toBe('Niet gevonden');
      expect(await page.getByRole('status').filter({ hasText: 'Bezig met laden' }).count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Naar de casussen' }).getAttribute('href')).toBe('/casussen');
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/overleggen/999999');
    await expect.poll(() => heading(page)).toBe('Niet gevonden');
    await page.goto('/overleggen/999999/live');
    await expect.poll(() => heading(page)).toBe('Niet gevonden');
    await page.context().close();
  });

  it('a role-restricted page says "Geen toegang"; a verslag set back to concept is "Nog niet beschikbaar"', async () => {
    const page = await newPage(browser, app);
    await login(page, 'helmond@pit.demo');
    await page.goto('/taken');
    await expect.poll(() => heading(page)).toBe('Geen toegang');
    expect(await axeViolations(page)).toEqual([]);

    const pit = teamId('PIT');
    const row = app.deps.db
      .select({ meetingId: minutes.meetingId })
      .from(minutes)
      .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
      .where(eq(meetings.teamId, pit))
      .get()!;
    app.deps.db.update(minutes).set({ status: 'concept' }).where(eq(minutes.meetingId, row.meetingId)).run();
    await page.goto(`/overleggen/${row.meetingId}/verslag`);
    await expect.poll(() => heading(page)).toBe('Nog niet beschikbaar');
    expect(await page.getByRole('link', { name: 'Naar de overleggen' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe('forms (item 7)', () => {
  it('the casus form shows every message at its field at once, links them from the summary and clears each when fixed', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto('/casussen/nieuw');
    await page.getByRole('heading', { name: 'Signaal melden' }).waitFor();
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    const summary = page.getByRole('alert');
    await expect
      .poll(() => summary.locator('li').allTextContents())
      .toEqual([
        'Straat: Dit veld is verplicht.',
        'Huisnummer: Dit veld is verplicht.',
        'Postcode: Dit veld is verplicht.',
        'Plaats: Dit veld is verplicht.',
        'Thema: Dit veld is verplicht.',
      ]);
    expect(await page.textContent('main')).not.toMatch(/Minimaal \d+ tekens|Controleer de ingevulde gegevens/);
    // Each message is at its own field, described by it.
    expect(await page.getByLabel('Straat').getAttribute('aria-invalid')).toBe('true');
    expect(
      await page
        .getByLabel('Straat')
        .evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!.split(' ').pop()!)?.textContent),
    ).toBe('Dit veld is verplicht.');
    expect(await axeViolations(page)).toEqual([]);
    // The summary's link moves focus to the field.
    await summary.getByRole('link', { name: /^Postcode/ }).click();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent?.trim())).toBe('Postcode');
    // Fixing a field removes its message at once, the others stay.
    await page.getByLabel('Straat').fill('Havenstraat');
    expect(await page.getByLabel('Straat').getAttribute('aria-invalid')).toBeNull();
    expect(await summary.locator('li').count()).toBe(4);

    await page.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Huizen' });
    await page.getByLabel('Huisnummer').fill('12a');
    await page.getByLabel('Postcode').fill('1271 SA');
    await page.getByLabel('Plaats').fill('Huizen');
    await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Woonoverlast' });
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await expect.poll(() => summary.locator('li').allTextContents()).toEqual(['Postcode: Vul een geldige postcode in, zoals 5701 AB.']);
    await page.getByLabel('Postcode').fill('1271 AB');
    await page.getByRole('button', { name: 'Signaal melden' }).click();
    await page.waitForURL(/\/casussen\/\d+$/);
    await page.getByRole('heading', { name: 'Havenstraat 12 A, 1271 AB Huizen' }).waitFor();
    await page.context().close();
  });

  it("the betrokkene form shows every item's problem at once, each at its field", async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto(`/casussen/${caseOf('BIT')}`);
    await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    const form = page.getByRole('form', { name: 'Betrokkene toevoegen' });
    await form.getByLabel('Namens partner').selectOption({ index: 1 });
    await form.getByLabel('Waarde', { exact: true }).fill('Niet leeg');
    await form.getByRole('button', { name: 'Nog een gegeven' }).click();
    await form.getByRole('button', { name: 'Nog een gegeven' }).click();
    const categories = form.getByLabel('Soort gegeven');
    await categories.nth(1).selectOption('telefoon');
    await form.getByLabel('Waarde', { exact: true }).nth(1).fill('12345');
    await categories.nth(2).selectOption('geboortedatum');
    await form.getByLabel('Waarde', { exact: true }).nth(2).fill('31-02-1990');
    await form.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await expect
      .poll(() => form.getByRole('alert').locator('li').allTextContents())
      .toEqual(['Waarde: Gegeven 2: dit is geen geldig telefoonnummer.', 'Waarde: Gegeven 3: vul een geldige geboortedatum in.']);
    expect(await form.getByLabel('Waarde', { exact: true }).nth(1).getAttribute('aria-invalid')).toBe('true');
    expect(await form.getByLabel('Waarde', { exact: true }).nth(2).getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);

    // A birth date shows like every other date (item 8).
    await form.getByLabel('Waarde', { exact: true }).nth(1).fill('06 12345678');
    await form.getByLabel('Waarde', { exact: true }).nth(2).fill('1990-02-14');
    await form.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await expect.poll(() => page.getByTestId('item').filter({ hasText: 'Geboortedatum' }).last().textContent()).toContain('14-02-1990');
    expect(await page.textContent('main')).not.toContain('1990-02-14');
    await page.context().close();
  });
});

describe('risky actions and busy buttons (item 9)', () => {
  it('"Terug naar concept" asks first in an accessible dialog; cancelling changes nothing', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    const pit = teamId('PIT');
    const row = app.deps.db
      .select({ meetingId: minutes.meetingId })
      .from(minutes)
      .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
      .where(eq(meetings.teamId, pit))
      .get()!;
    app.deps.db.update(minutes).set({ status: 'definitief' }).where(eq(minutes.meetingId, row.meetingId)).run();
    await page.goto(`/overleggen/${row.meetingId}/verslag`);
    await page.getByRole('button', { name: 'Terug naar concept' }).click();
    const dialog = page.getByRole('dialog', { name: 'Terug naar concept' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Annuleren');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(app.deps.db.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, row.meetingId)).get()!.status).toBe(
      'definitief',
    );
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Terug naar concept');
    await page.getByRole('button', { name: 'Terug naar concept' }).click();
    await dialog.getByRole('button', { name: 'Terug naar concept' }).click();
    await expect
      .poll(() => app.deps.db.select({ status: minutes.status }).from(minutes).where(eq(minutes.meetingId, row.meetingId)).get()!.status)
      .toBe('concept');
    await page.context().close();
  });
  it('while the tasks load the home page says so, never "geen open taken"; a failure says it failed', async () => {
    const page = await newPage(browser, app);
    await login(page, 'helmond@pit.demo');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(/\/trpc\/[^?]*tasks\.mine/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('/');
    const tasks = page
      .getByRole('region', { name: 'Open taken van uw organisatie' })
      .or(page.locator('section.card').filter({ hasText: 'Open taken van uw organisatie' }));
    await expect.poll(() => tasks.first().textContent()).toContain('Bezig met laden…');
    expect(await tasks.first().textContent()).not.toContain('geen open taken');
    release();
    await expect.poll(() => tasks.first().textContent()).not.toContain('Bezig met laden…');
    await page.unroute(/\/trpc\/[^?]*tasks\.mine/);
    await page.route(/\/trpc\/[^?]*tasks\.mine/, (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '[]' }));
    await page.reload();
    await expect.poll(() => tasks.first().textContent()).toContain('De taken konden niet worden geladen.');
    expect(await tasks.first().textContent()).not.toContain('geen open taken');
    await page.context().close();
  });
});
