// Browser journey (issue 11 items 1–3): the PIT FG finds a demo person through the blind index,
// registers an inzage request, opens the request and its inzage bundle and sees the person's items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { cases, subjectItems, subjects, teams } from '../../db/schema';
import { decryptValue } from '../../server/privacy/crypto';
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

/** A demo person of PIT recorded by a gemeente: their surname (the last word before the comma). */
function demoPerson(): { naw: string; surname: string } {
  const row = app.deps.db
    .select({ valueEnc: subjectItems.valueEnc })
    .from(subjectItems)
    .innerJoin(subjects, eq(subjects.id, subjectItems.subjectId))
    .innerJoin(cases, eq(cases.id, subjects.caseId))
    .innerJoin(teams, eq(teams.id, cases.teamId))
    .where(eq(teams.slug, 'pit'))
    .all()
    .map((r) => decryptValue(app.deps.keys.general, r.valueEnc))
    .find((v) => /^[A-Z][a-z]+ [A-Z][a-z]+, /.test(v))!;
  return { naw: row, surname: row.split(',')[0]!.split(' ').pop()! };
}

describe('FG: from search to inzage bundle', () => {
  it("searches a demo person, registers an inzage request and opens the bundle with the person's items", async () => {
    const person = demoPerson();
    const page = await newPage(browser, app);
    await login(page, 'fg@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Privacy' }).click();
    await page.getByRole('heading', { name: 'Eerst aandacht', level: 2 }).waitFor();
    await page.getByText(/betrokkene\(n\) nog niet geïnformeerd/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Verzoeken van betrokkenen' }).click();
    await page.getByRole('heading', { name: 'Verzoeken van betrokkenen', level: 1 }).waitFor();
    await page.getByLabel('Naam, BSN, geboortedatum of kenteken').fill(person.surname.toUpperCase());
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText(/\d+ gevonden/).waitFor();
    await page.getByRole('button', { name: /^Kies/ }).first().click();
    await page.getByText('Gekozen betrokkenen: 1').waitFor();
    await page.getByLabel('Ontvangen door').selectOption({ label: 'Helmond (Gemeente Helmond)' });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Verzoek registreren' }).click();
    await page.getByText(/Verzoek \d+ geregistreerd; termijn tot/).waitFor();

    await page
      .getByRole('table', { name: /Verzoeken \(1\)/ })
      .getByRole('link', { name: /Verzoek \d+/ })
      .click();
    await page.getByRole('heading', { name: /Verzoek \d+ — Inzage/, level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Partners met gegevens over de betrokkene(n)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const href = await page.getByRole('link', { name: 'Inzageoverzicht openen (HTML)' }).getAttribute('href');
    expect(href).toMatch(/^\/export\/inzage\/\d+\.html$/);

    await page.goto(href!);
    await page.getByRole('heading', { name: 'Inzageoverzicht (AVG art. 15, convenant art. 24)', level: 1 }).waitFor();
    const text = await page.locator('body').innerText();
    expect(text).toContain(person.surname);
    expect(text).toContain('Gegevens per verstrekkende partner');
    expect(text).toContain('Verwerkingsoverzicht');
    expect(await axeViolations(page)).toEqual([]);

    // Another role gets no bundle: the coordinator is refused.
    const coordinator = await newPage(browser, app);
    await login(coordinator, 'coordinator@pit.demo');
    const refused = await coordinator.request.get(href!);
    expect(refused.status()).toBe(403);
  });
});
