// Browser journey (P6): the FG opens the Logboek, sees the team's entries and the intact hash
// chain, filters and loads more; a member has no Logboek and gets a clear refusal, no data; the
// casus page shows its integrale controles and escalaties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { auditLog, cases, controlCases, subjects, teams } from '../../db/schema';
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

describe('Logboek in the browser', () => {
  it('the PIT FG sees the team’s entries newest first, the intact chain, filters and loads more', async () => {
    const page = await newPage(browser, app);
    await login(page, 'fg@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { name: 'Logboek verwerkingen', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Logboekregels, nieuwste eerst' });
    const rows = table.locator('tbody tr[data-action]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // The newest entry is the FG's own login, in readable Dutch.
    expect(await rows.first().getAttribute('data-action')).toBe('auth.login');
    expect(await rows.first().locator('td').nth(2).textContent()).toBe('Ingelogd');
    await page.getByText(/De keten is intact: \d+ logboekregels van dit team/).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Issue 9 item 17: every entry reads in plain Dutch — no raw detail keys, no internal numbers.
    const plain = async () => {
      const text = (await table.locator('tbody').innerText()).replace(/regel \d+/g, '');
      for (const raw of ['source:', 'purpose:', ': case', 'Id:', 'byTeamId', 'screen', 'undefined', 'null', ': onbekend'])
        expect(text, raw).not.toContain(raw);
      expect(text).not.toMatch(/#\d+/);
      // A number stands only in a date, a time, a count after a label, a casus code, an IP address or an overleg date.
      expect(text).not.toMatch(
        /(Gebruiker|Overleg|Partner|Controle|Agendapunt|Taak|Werkafspraak|Verslag|Betrokkene|Gegeven|Bevinding|Escalatie) \d+\b/,
      );
      return text;
    };
    await plain();
    await page.goto('/logboek?handeling=personal_data');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect
      .poll(async () =>
        (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).every((a) => a?.startsWith('personal_data.')),
      )
      .toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    const personal = await plain();
    expect(personal).toContain('Persoonsgegevens vastgelegd');
    expect(personal).toMatch(/Aangeleverd door: \S/);
    expect(personal).toMatch(/Soort gegevens: (Naam en adres|Geboortedatum|BSN|Kenteken|Telefoonnummer|Nalevingsgegevens|Geslacht)/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/logboek');
    await page.getByText(/De keten is intact: \d+ logboekregels van dit team/).waitFor();
    await expect.poll(() => rows.count()).toBe(50);

    // Meer laden: the next page follows, without repeats.
    const pitId = teamId('PIT');
    const total = app.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.teamId, pitId)).get()!.n;
    expect(total).toBeGreaterThan(50);
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Meer laden' }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(100, total));
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect([...ids].sort().reverse()).toEqual(ids);

    // Filter on one kind of action: every row shown is of that kind; the filter is in the URL.
    await page.getByLabel('Soort handeling').selectOption({ label: 'Casussen (alle)' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect.poll(() => page.url()).toContain('handeling=case');
    await expect
      .poll(async () =>
        (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).every((a) => a?.startsWith('case.')),
      )
      .toBe(true);
    expect(await rows.count()).toBeGreaterThan(0);
    // A case-related entry links to its casus by code.
    const code = await rows.first().locator('td').nth(4).getByRole('link').textContent();
    expect(code).toMatch(/^PIT-\d{4}-\d{4}$/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the FG follows one betrokkene’s trail, exports it as CSV and runs a full check (issue 11 item 7)', async () => {
    const pitId = teamId('PIT');
    const withSubject = app.deps.db
      .select({ caseId: subjects.caseId })
      .from(subjects)
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .where(eq(cases.teamId, pitId))
      .get()!;
    const coordinator = await newPage(browser, app);
    await login(coordinator, 'coordinator@pit.demo');
    await coordinator.goto(`/casussen/${withSubject.caseId}`);
    await coordinator.getByRole('heading', { level: 1 }).waitFor();
    await expect
      .poll(() => app.deps.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'personal_data.read')).get()!.n)
      .toBeGreaterThan(0);
    await coordinator.context().close();

    const page = await newPage(browser, app);
    await login(page, 'fg@pit.demo');
    await page.goto('/logboek?handeling=personal_data.read');
    const table = page.getByRole('table', { name: 'Logboekregels, nieuwste eerst' });
    const rows = table.locator('tbody tr[data-action]');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await page.getByText(/Gecontroleerd vanaf het laatste ondertekende controlepunt/).waitFor();
    await rows
      .first()
      .getByRole('link', { name: /^Betrokkene A/ })
      .click();
    await expect.poll(() => page.url()).toContain('betrokkene=');
    await page.getByText('Gefilterd op één betrokkene').waitFor();
    await expect
      .poll(async () =>
        (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).every((a) => a === 'personal_data.read'),
      )
      .toBe(true);
    const exportLink = page.getByRole('link', { name: 'Spoor van deze betrokkene exporteren' });
    const href = await exportLink.getAttribute('href');
    expect(href).toMatch(/^\/export\/audit\.csv\?subject=/);
    const csv = await (await page.request.get(href!)).text();
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFRegel;Tijdstip (Amsterdam);Gebruiker;Rol;Partner;Handeling;Onderwerp;Casus;Betrokkenen;Politiegegevens;Details',
    );
    expect(csv).toContain(';personal_data.read;');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Volledige controle' }).click();
    // The full check reads the whole log in yielding pages (it never blocks other users) up to the
    // newest row of its start (rows appended meanwhile are the next check's), so it ends even while
    // others keep working; on a loaded machine it may take longer than one page action.
    await page.getByText(/Volledige controle: alle \d+ regels van het logboek gelezen/).waitFor({ timeout: 90_000 });
    await page.getByText(/De keten is intact/).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a member has no Logboek; /logboek answers with a clear refusal and shows no entries', async () => {
    const page = await newPage(browser, app);
    await login(page, 'helmond@pit.demo');
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).count()).toBe(0);
    await page.goto('/logboek');
    await page.getByRole('heading', { name: 'Logboek verwerkingen', level: 1 }).waitFor();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('alleen in te zien door de functionaris gegevensbescherming');
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByText('De keten is intact').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the casus page lists the integrale controles of the pand with links to them', async () => {
    const bitId = teamId('BIT');
    const row = app.deps.db
      .select({ caseId: controlCases.caseId, controlId: controlCases.controlId })
      .from(controlCases)
      .innerJoin(cases, eq(cases.id, controlCases.caseId))
      .where(eq(cases.teamId, bitId))
      .get();
    expect(row).toBeDefined();
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto(`/casussen/${row!.caseId}`);
    await page.getByRole('heading', { name: 'Integrale controles en escalaties', level: 2 }).waitFor();
    const controlsTable = page.getByRole('table', { name: 'Integrale controles van deze casus' });
    await controlsTable.waitFor();
    expect(await controlsTable.locator(`a[href="/controles/${row!.controlId}"]`).count()).toBe(1);
    await page.getByRole('link', { name: 'Alle escalaties' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Alle escalaties' }).click();
    await page.getByRole('heading', { name: 'Escalaties naar de DVC', level: 1 }).waitFor();
    await page.context().close();
  });
});
