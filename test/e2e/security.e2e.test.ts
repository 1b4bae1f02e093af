// Issue 8 in the browser: the administrator's security section on the Team page, and a weak
// password refused at the field on the Profile page. Both axe-clean.
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

async function failedLogin(email: string) {
  const res = await fetch(`${app.url}/trpc/auth.login`, {
    method: 'POST',
    headers: { origin: app.url, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'geraden-wachtwoord' }),
  });
  expect(res.status).toBe(401);
}

describe('security in the browser', () => {
  it('the administrator sees failed logins of the team and for unknown addresses on the Team page', async () => {
    await failedLogin('coordinator@pit.demo');
    await failedLogin('coordinator@pit.demo');
    await failedLogin('niemand@pit.demo');
    const page = await newPage(browser, app);
    await login(page, 'admin@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
    const events = page.getByRole('table', { name: 'Beveiligingsmeldingen' });
    await events.waitFor();
    const rows = await events.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r.includes('Mislukte inlogpoging') && r.includes('127.0.0.1') && r.endsWith('2'))).toBe(true);
    expect(rows.some((r) => r.includes('Inlogpoging voor onbekend e-mailadres') && r.endsWith('1'))).toBe(true);
    expect(await page.getByText('Er zijn geen geblokkeerde accounts.').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the coordinator does not get the security section', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Team' }).click();
    await page.getByRole('table', { name: 'Convenantpartners' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Beveiliging' }).count()).toBe(0);
    await page.context().close();
  });

  it('a weak new password is refused at its field with the reason, in Dutch', async () => {
    const page = await newPage(browser, app);
    await login(page, 'bsob@pit.demo');
    await page.goto('/profiel');
    await page.getByLabel('Huidig wachtwoord').fill('demo-wachtwoord');
    await page.getByLabel('Nieuw wachtwoord').fill('aaaaaaaaaaaa');
    await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    const field = page.locator('.utrecht-form-field--invalid');
    await field.waitFor();
    expect(await field.textContent()).toContain('Kies een sterker wachtwoord: Herhalende letters zoals "aaa" zijn makkelijk te raden.');
    expect(await page.getByLabel('Nieuw wachtwoord').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
