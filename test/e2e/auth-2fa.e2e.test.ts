// Issue 8 items 12 and 16 in the browser: the admin creates an account and gets a one-time
// activation link; the new user sets their own password, must enrol 2FA (the team requires it),
// logs out and logs in again with a TOTP code generated here with otpauth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Browser } from 'playwright-core';
import { teams, users, userTotp } from '../../db/schema';
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

const NEW_PASSWORD = 'mijn-eigen-wachtwoord-2026';

describe('activation link → own password → 2FA → login with a code', () => {
  it('runs the whole journey, keyboard-friendly and axe-clean', async () => {
    // The admin adds a member; without mail the link is shown to hand over.
    const admin = await newPage(browser, app);
    await login(admin, 'admin@pit.demo');
    // The demo keeps 2FA off and says so in a banner.
    await admin
      .getByRole('note')
      .getByText(/Tweestapsverificatie staat uit voor deze demo/)
      .waitFor();
    await admin.goto('/team');
    const add = admin.locator('form').filter({ has: admin.getByRole('heading', { name: 'Lid toevoegen' }) });
    await add.getByLabel('Naam').fill('Sanne Activering');
    await add.getByLabel('E-mailadres').fill('sanne@deurne.demo');
    await add.getByLabel('Organisatie').selectOption({ label: 'Gemeente Deurne' });
    expect(await add.getByLabel(/wachtwoord/i).count()).toBe(0);
    await add.getByRole('button', { name: 'Lid toevoegen' }).click();
    const linkField = add.getByLabel('Activeringslink voor Sanne Activering');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(new RegExp(`^${app.url.replace(/\./g, '\\.')}/activeren#[\\w-]{43}$`));
    await admin
      .getByRole('table', { name: 'Leden' })
      .getByRole('row')
      .filter({ hasText: 'Sanne Activering' })
      .getByText(/Wacht op activering/)
      .waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await admin.context().close();

    // From here the team requires 2FA (the production default).
    app.deps.db.update(teams).set({ twoFactorRequired: true }).where(eq(teams.slug, 'pit')).run();

    // The new user opens the link and chooses a password, by keyboard.
    const page = await newPage(browser, app);
    await page.goto(link.replace(app.url, ''));
    await page.getByText('Kies een eigen wachtwoord voor sanne@deurne.demo.', { exact: false }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Nieuw wachtwoord').fill(NEW_PASSWORD);
    await page.keyboard.press('Tab');
    await page.keyboard.type(NEW_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/inloggen\?geactiveerd=1$/);
    await page.getByText('Uw account is geactiveerd.', { exact: false }).waitFor();

    // Password login: the only thing the account can do is enrol.
    await page.getByLabel('E-mailadres').fill('sanne@deurne.demo');
    await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweestapsverificatie' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Tweestapsverificatie instellen' }).click();
    await page.getByRole('img', { name: 'QR-code voor uw authenticator-app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').textContent())!.replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Code uit de app').fill(TOTP.generate({ secret: Secret.fromBase32(secret) }));
    await page.getByRole('button', { name: 'Bevestigen en aanzetten' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    expect(await page.getByTestId('recovery-codes').locator('li').count()).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();

    // The profile lists this one session.
    await page.goto('/profiel');
    const sessionsTable = page.getByRole('table', { name: 'Actieve sessies' });
    await expect.poll(() => sessionsTable.getByTestId('session-row').count()).toBe(1);
    expect(await sessionsTable.getByTestId('session-row').textContent()).toContain('Deze sessie');
    await page.getByTestId('two-factor').getByText('Tweestapsverificatie staat aan. Herstelcodes over: 10.').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Log out, and in again: password, then a code from the app (for the step after the one used
    // to confirm, since a code is accepted only once; the server allows one step of drift).
    await page.getByRole('button', { name: 'Uitloggen' }).last().click();
    await page.waitForURL(/\/inloggen/);
    await page.getByLabel('E-mailadres').fill('sanne@deurne.demo');
    await page.getByLabel('Wachtwoord').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tweede stap: code' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Code of herstelcode').fill('000000');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('De code klopt niet.');
    const { lastStep } = app.deps.db
      .select({ lastStep: userTotp.lastStep })
      .from(userTotp)
      .innerJoin(users, eq(users.id, userTotp.userId))
      .where(eq(users.email, 'sanne@deurne.demo'))
      .get()!;
    await page
      .getByLabel('Code of herstelcode')
      .fill(TOTP.generate({ secret: Secret.fromBase32(secret), timestamp: (lastStep! + 1) * 30_000 }));
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
    await page.getByRole('link', { name: 'Sanne Activering' }).waitFor();
    await page.context().close();
  });
});
