// P12 in the browser (issue 11 item 4): a correction reaches a partner. Partner A (gemeente
// Hilversum) reads a police kenteken on the casus page; the police correct it there; A's member
// sees the notice on the home page and acknowledges it by keyboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
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

/** The demo user behind an e-mail address as a server-side caller, to set up the casus. */
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

describe('a correction reaches the partner that saw the item', () => {
  it('Hilversum reads the kenteken, the police correct it, Hilversum sees and acknowledges the notice', async () => {
    const coordinator = callerAs('coordinator@bit.demo');
    const partners = await coordinator.partners.list();
    const hilversum = partners.find((p) => p.name.includes('Hilversum'))!;
    const { id: caseId } = await coordinator.cases.create({
      gemeentePartnerId: hilversum.id,
      street: 'Correctiestraat',
      houseNumber: 5,
      postcode: '1211 AB',
      city: 'Hilversum',
      theme: 'Woonoverlast',
    });
    await callerAs('politie@bit.demo').subjects.add({ caseId, kind: 'person', items: [{ category: 'kenteken', value: 'XXXX99' }] });

    // Partner A reads the item: the disclosure is recorded.
    const reader = await newPage(browser, app);
    await login(reader, 'hilversum@bit.demo');
    await reader.goto(`/casussen/${caseId}`);
    await reader.getByText('XX-XX-99').waitFor();

    // The provider corrects it on the casus page.
    const police = await newPage(browser, app);
    await login(police, 'politie@bit.demo');
    await police.goto(`/casussen/${caseId}`);
    await police.getByRole('button', { name: 'Gegeven Kenteken wijzigen' }).click();
    await police.getByLabel('Juiste waarde').fill('XX-XX-98');
    await police.getByLabel('Reden', { exact: true }).fill('Typefout bij overnemen uit het systeem');
    expect(await axeViolations(police)).toEqual([]);
    await police.getByRole('button', { name: 'Uitvoeren' }).click();
    await police.getByText('Gegeven gecorrigeerd; 1 partner(s) krijgen een melding.').waitFor();
    await police.getByText('XX-XX-98').waitFor();

    // Partner A sees the notice on its home page — no value in it — and acknowledges by keyboard.
    await reader.goto('/');
    const notices = reader.getByTestId('correction-notices');
    await notices.waitFor();
    expect(await notices.textContent()).toContain('Gecorrigeerd: Kenteken in casus');
    expect(await notices.textContent()).not.toContain('XX-XX');
    expect(await axeViolations(reader)).toEqual([]);
    await notices.getByRole('button', { name: /^Melding “Gecorrigeerd: Kenteken in casus” van .* als gezien bevestigen$/ }).focus();
    await reader.keyboard.press('Enter');
    await reader.getByText('Melding bevestigd.').waitFor();
    expect(await reader.getByTestId('correction-notice').count()).toBe(0);
    await reader.goto(`/casussen/${caseId}`);
    await reader.getByText('XX-XX-98').waitFor();
    await reader.context().close();
    await police.context().close();
  });
});
