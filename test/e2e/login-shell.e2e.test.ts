// The login page's first screen as static HTML (issue 12, login LCP): /inloggen arrives with the
// login screen in its HTML (vite.config.ts loginShell, client/login-shell.html), the live app
// replaces it with the same screen in the same place and takes over what was typed or clicked; a
// person who chose English never sees the Dutch static screen; every other path stays empty.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../db/seed/demo';
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

/** Holds back the app's entry script until `release()`, so the static screen is all there is. */
async function holdApp(page: Page): Promise<() => void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const liveDrawn = (page: Page) => page.waitForFunction(() => !document.querySelector('.static-shell') && document.querySelector('main h1'));

/** What the reader sees of the login screen: texts and boxes of the heading, intro, fields, button. */
async function screen(page: Page) {
  const parts = [
    page.locator('main h1'),
    page.locator('main p').first(),
    page.getByLabel('E-mailadres'),
    page.getByLabel('Wachtwoord'),
    page.getByRole('button', { name: 'Inloggen' }),
    page.getByRole('link', { name: 'Overleg' }),
  ];
  return Promise.all(parts.map(async (part) => ({ text: await part.textContent(), box: await part.boundingBox() })));
}

describe('the static first screen of /inloggen', () => {
  it('is in the HTML of /inloggen only: Dutch, one h1 in a main landmark, the fonts preloaded', async () => {
    const html = await (await fetch(`${app.url}/inloggen`)).text();
    expect(html).toContain('<html lang="nl">');
    expect(html.match(/<h1[ >]/g)).toEqual(['<h1 ']);
    expect(html).toContain(
      '<main id="main" class="app-main" tabindex="-1"><section class="login"><h1 class="utrecht-heading-1" tabindex="-1">Inloggen bij Overleg</h1>',
    );
    expect(html).toContain('<label class="utrecht-form-label" for="shell-password">Wachtwoord </label>');
    expect(html.match(/rel="preload" href="\/assets\/noto-[\w-]+\.woff2" as="font"/g)).toHaveLength(3);
    // No static button may send the form: a GET would put the password in the address.
    expect(html).not.toMatch(/type="submit"/);
    // A signed-in person opening any other page never sees a login form flash by.
    for (const path of ['/', '/casussen', '/inloggen-niet']) {
      const other = await (await fetch(`${app.url}${path}`)).text();
      expect(other).toContain('<div id="app"></div>');
      expect(other).not.toContain('<h1');
    }
  });

  it('is replaced by the live screen: the same texts in the same places, one h1, axe-clean', async () => {
    const page = await newPage(browser, app);
    const release = await holdApp(page);
    await page.goto('/inloggen', { waitUntil: 'commit' }); // DOMContentLoaded waits for the held script
    await page.locator('.static-shell main h1').waitFor();
    const before = await screen(page);
    release();
    await liveDrawn(page);
    await page.evaluate(() => document.fonts.ready);
    expect(await screen(page)).toEqual(before);
    expect(before[0]!.text).toBe('Inloggen bij Overleg');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('#app > *').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('hands what was typed and clicked there to the live form, which logs in', async () => {
    const page = await newPage(browser, app);
    const release = await holdApp(page);
    await page.goto('/inloggen', { waitUntil: 'commit' }); // DOMContentLoaded waits for the held script
    await page.locator('.static-shell #shell-email').fill('coordinator@bit.demo');
    await page.locator('.static-shell #shell-password').fill(DEMO_PASSWORD);
    await page.locator('.static-shell [data-shell-submit]').click();
    // The static screen sent nothing (no navigation, no password in the address).
    expect(page.url()).toBe(`${app.url}/inloggen`);
    release();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });

  it('stays hidden for someone who chose English, who gets the English login', async () => {
    const page = await newPage(browser, app);
    await page.addInitScript(() => localStorage.setItem('overleg.locale', 'en'));
    const release = await holdApp(page);
    await page.goto('/inloggen', { waitUntil: 'commit' }); // DOMContentLoaded waits for the held script
    await page.locator('.static-shell').waitFor({ state: 'attached' });
    expect(await page.getByRole('heading', { name: 'Inloggen bij Overleg' }).isVisible()).toBe(false);
    expect(await page.locator('.static-shell').evaluate((shell) => getComputedStyle(shell).visibility)).toBe('hidden');
    release();
    await page.getByRole('heading', { level: 1, name: 'Log in to Overleg' }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByLabel('Password').count()).toBe(1);
    await page.context().close();
  });

  it('sends a signed-in person on from /inloggen to the page asked for', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto('/inloggen?terug=%2Fcasussen');
    await page.waitForURL(/\/casussen$/);
    // The case list is a lazy page: its heading comes after the URL changes. Then it is the only h1
    // (the static login heading is gone).
    await page.getByRole('heading', { level: 1, name: 'Casussen' }).waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await page.context().close();
  });
});
