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
  return (await holdRoute(page, /\/assets\/index-[\w-]+\.js$/)).release;
}

/** Holds back requests matching `url` until `release()`. */
async function holdRoute(page: Page, url: RegExp): Promise<{ release: () => void }> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await released;
    await route.continue();
  });
  return { release };
}

type Paints = { lcp: { tag: string; inShell: boolean }[]; painted: string[]; paintedAtTakeover: string[] | null };

/**
 * Records, as it happens: each largest-contentful-paint entry (which element, and whether it was
 * the static screen's), the static screen's marked texts as they paint (Element Timing), and which
 * of those had painted when the app took the screen over.
 */
async function recordPaints(page: Page) {
  await page.addInitScript(() => {
    const record: Paints = { lcp: [], painted: [], paintedAtTakeover: null };
    (window as unknown as { paints: Paints }).paints = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LargestContentfulPaint[])
        record.lcp.push({ tag: entry.element?.tagName ?? '', inShell: Boolean(entry.element?.closest('.static-shell')) });
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { element: Element | null })[])
        record.painted.push(entry.element?.tagName ?? '');
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((changes) => {
      for (const change of changes)
        for (const node of change.removedNodes)
          if (node instanceof Element && node.classList.contains('static-shell')) record.paintedAtTakeover = [...record.painted].sort();
    }).observe(document, { childList: true, subtree: true });
  });
}

const paints = (page: Page) => page.evaluate(() => (window as unknown as { paints: Paints }).paints);

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
      '<main id="main" class="app-main" tabindex="-1"><section class="login"><h1 class="utrecht-heading-1" tabindex="-1" elementtiming="login-shell">Inloggen bij Overleg</h1>',
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

  it('is painted whole before the app takes over: the heading, too, when it paints after the header', async () => {
    const page = await newPage(browser, app);
    await recordPaints(page);
    // The heading paints well after the header: its font is held, and blocks text (font-display:
    // block in this run) until it comes, 300 ms after the first paint; the app is there at once.
    const font = await holdRoute(page, /\/assets\/noto-serif-[\w-]+\.woff2?$/);
    await page.route(/\/assets\/index-[\w-]+\.css$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/font-display:\s*optional/g, 'font-display:block');
      await route.fulfill({ response, body });
    });
    const releaseApp = await holdApp(page);
    await page.goto('/inloggen', { waitUntil: 'commit' });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
    releaseApp();
    await page.waitForTimeout(300);
    font.release();
    await liveDrawn(page);
    await page.waitForTimeout(300); // a later paint would be reported by now
    const record = await paints(page);
    expect(record.paintedAtTakeover).toEqual(['H1', 'P']);
    expect(record.lcp.at(-1)).toEqual({ tag: 'H1', inShell: true });
    await page.context().close();
  });

  it("keeps the face its heading was drawn in when the headings' font comes after the first paint", async () => {
    const page = await newPage(browser, app);
    await recordPaints(page);
    const font = await holdRoute(page, /\/assets\/noto-serif-[\w-]+\.woff2?$/);
    await page.goto('/inloggen', { waitUntil: 'commit' });
    await liveDrawn(page);
    const headingText = () =>
      page.locator('main h1').evaluate((h1) => {
        const range = document.createRange();
        range.selectNodeContents(h1);
        const { width, height } = range.getBoundingClientRect();
        return { width, height };
      });
    const liveHeading = await headingText();
    font.release();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(300); // a later paint would be reported by now
    // The live heading did not change when the font came (nothing jumps), and the static screen's
    // paint stays the largest: the takeover added no later one.
    expect(await headingText()).toEqual(liveHeading);
    const record = await paints(page);
    expect(record.paintedAtTakeover).toEqual(['H1', 'P']);
    expect(record.lcp.at(-1)?.inShell).toBe(true);
    expect(['H1', 'P']).toContain(record.lcp.at(-1)?.tag);
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
