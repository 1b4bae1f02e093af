// Browser journey (issue 5): the PIT coordinator opens the year report, sees the charts and
// tables, exports DOCX and CSV; the DVC viewer reads the BIT half-year report; controles and the
// dashboard render without accessibility violations.
import { readFileSync } from 'node:fs';
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

describe('progress report in the browser', () => {
  it('the PIT coordinator opens the 2025 report, sees charts and tables, and exports DOCX and CSV', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Rapportage' }).click();
    await page.getByRole('heading', { name: 'Voortgangsrapportage', level: 1 }).waitFor();
    expect(await page.getByLabel('Periode').inputValue()).toBe('2025');
    const keyFigures = page.getByRole('table', { name: 'Kerncijfers' });
    await keyFigures.waitFor();
    // A count, or (where small) hidden as "< 5" or "x" — never a number 1..4.
    const opened = (await keyFigures
      .getByRole('row', { name: /Casussen geopend/ })
      .locator('td')
      .first()
      .textContent())!;
    expect(opened === 'x' || opened.startsWith('< 5') || Number(opened) >= 5).toBe(true);
    expect(await page.getByRole('img', { name: /Grafiek: Kerncijfers/ }).count()).toBe(1);
    await page.getByRole('table', { name: /Casussen per gemeente/ }).waitFor();
    await page.getByRole('note').filter({ hasText: '< 5' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download Word (DOCX)' }).click()]);
    expect(docx.suggestedFilename()).toBe('voortgangsrapportage-PIT-2025-01-01-2025-12-31.docx');
    expect(
      readFileSync(await docx.path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV (Excel)' }).click()]);
    const bytes = readFileSync(await csv.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Voortgangsrapportage;PIT Peelland');

    // A custom period is a range of whole months: March to May 2025.
    await page.getByLabel('Van (maand)').fill('2025-03');
    await page.getByLabel('Tot en met (maand)').fill('2025-05');
    expect(await page.getByLabel('Periode').inputValue()).toBe('custom');
    await page.getByRole('button', { name: 'Toon rapportage' }).click();
    await page.getByText('1 maart 2025 t/m 31 mei 2025, vergeleken met 1 december 2024 t/m 28 februari 2025').waitFor();
    expect(await page.getByRole('link', { name: 'Download CSV (Excel)' }).getAttribute('href')).toBe(
      '/export/report.csv?from=2025-03-01&to=2025-05-31',
    );
    // Small counts are hidden on the screen too; a hidden figure never shows a number 1..4.
    // The body and the total row in the foot.
    const gemeenten = (
      await page
        .getByRole('table', { name: /Casussen per gemeente/ })
        .locator('tbody, tfoot')
        .allTextContents()
    ).join(' ');
    expect(gemeenten).not.toMatch(/(^|[^<\d] ?)[1-4](?!\d)/);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the DVC viewer reads the BIT half-year report and the dashboard figures, without casussen', async () => {
    const page = await newPage(browser, app);
    await login(page, 'dvc@bit.demo');
    await page.getByRole('heading', { name: 'Stand van zaken' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Casussen' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/rapportage');
    await page.getByRole('table', { name: 'Kerncijfers' }).waitFor();
    expect(await page.getByLabel('Periode').inputValue()).toBe('2026-H1');
    await page.getByRole('heading', { name: 'Escalaties naar de DVC (BIT art. 2.6)' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the coordinator sees controles and their detail with briefing links', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@bit.demo');
    await page.goto('/controles?wanneer=eerder');
    const table = page.getByRole('table', { name: /Integrale controles/ });
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await axeViolations(page)).toEqual([]);
    await table.locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Bevindingen', level: 2 }).waitFor();
    await page.getByRole('link', { name: /Briefing voor Politie/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/escalaties');
    await page.getByRole('table', { name: /Escalaties/ }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // Plan a controle for today with the police, then change its start time.
    await page.goto('/controles/nieuw');
    await page.getByRole('heading', { name: 'Controle plannen' }).waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    await page.getByLabel('Datum').fill(today);
    const caseBoxes = page.getByRole('group', { name: 'Panden (casussen)' }).getByRole('checkbox');
    await expect.poll(() => caseBoxes.count()).toBeGreaterThan(0);
    await caseBoxes.first().check();
    await page.getByRole('checkbox', { name: 'Politie Eenheid Midden-Nederland' }).check();
    await page.getByRole('checkbox', { name: 'Gemeente Hilversum' }).check();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Controle plannen' }).click();
    await page.getByRole('heading', { name: 'Bevindingen', level: 2 }).waitFor();
    const detailUrl = page.url();
    await page.getByRole('link', { name: 'Controle wijzigen' }).click();
    await page.getByLabel('Aanvang').fill('10:15');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { name: /10:15/, level: 1 }).waitFor();
    await page.context().close();

    // The police member records its finding for its own organisation.
    const police = await newPage(browser, app);
    await login(police, 'politie@bit.demo');
    await police.goto(detailUrl);
    await police.getByRole('heading', { name: 'Bevinding vastleggen' }).waitFor();
    await police.getByLabel('Soort bevinding').selectOption({ label: 'Hennepkwekerij' });
    await police.getByLabel('Maatregel').selectOption({ label: 'Proces-verbaal' });
    await police.getByRole('button', { name: 'Bevinding vastleggen' }).click();
    const findings = police.getByRole('table', { name: /Bevindingen/ });
    await expect.poll(() => findings.locator('tbody').textContent()).toContain('Hennepkwekerij');
    expect(await findings.locator('tbody').textContent()).toContain('Proces-verbaal');
    expect(await axeViolations(police)).toEqual([]);
    await police.context().close();
  });
});
