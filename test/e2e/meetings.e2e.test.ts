// The overleg in the browser: the coordinator starts the published demo overleg, chairs it by
// keyboard (notes autosave, a task captured for a partner picked by keyboard), and a member who
// follows live sees the task appear; then the overleg is closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { meetings, teams } from '../../db/schema';
import { axeViolations, launchBrowser, login, newPage, startApp, type RunningApp } from './helpers';

let app: RunningApp;
let browser: Browser;
let meetingId: number;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const pit = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'pit')).get()!;
  meetingId = app.deps.db
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.teamId, pit.id), eq(meetings.status, 'gepubliceerd')))
    .get()!.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the overleg in the browser', () => {
  it('the coordinator chairs by keyboard; a member following live sees the captured task appear', async () => {
    const started = Date.now();
    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@pit.demo');
    await chair.getByRole('link', { name: 'Overleggen' }).click();
    await chair.getByRole('table', { name: 'Komende overleggen' }).waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    await chair.goto(`/overleggen/${meetingId}`);
    await chair.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    expect(await chair.getByTestId('agenda-item').count()).toBeGreaterThan(5);
    expect(await axeViolations(chair)).toEqual([]);

    // A member opens the live view before the meeting starts.
    const member = await newPage(browser, app);
    await login(member, 'senzer@pit.demo');
    await member.goto(`/overleggen/${meetingId}/live`);
    await member.getByText('Het overleg is nog niet begonnen.').waitFor();

    await chair.getByRole('button', { name: 'Overleg starten' }).click();
    // The demo overleg is planned days ahead: starting it now is confirmed (issue 9 item 8).
    await chair.getByRole('dialog', { name: 'Overleg starten' }).getByRole('button', { name: 'Nu starten' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Voorzittersmodus' }).waitFor();
    await member.getByText('Verbonden — wijzigingen verschijnen vanzelf.').waitFor();
    await member.waitForFunction(() => !document.body.textContent?.includes('Het overleg is nog niet begonnen.'));

    // Notes save as you type.
    await chair.keyboard.press('Alt+1');
    await chair.keyboard.type('Welkom; de agenda wordt ongewijzigd vastgesteld.');
    await chair.getByTestId('save-state').getByText('Alles opgeslagen').waitFor();
    expect(await axeViolations(chair)).toEqual([]);

    // A short network loss loses nothing: the screen says it retries, then it is saved.
    await chair.context().setOffline(true);
    await chair.keyboard.type(' Mededeling: planning volgt.');
    await chair.getByText(/Geen verbinding — uw tekst is bewaard op dit apparaat/).waitFor();
    await chair.context().setOffline(false);
    await chair.getByTestId('save-state').getByText('Alles opgeslagen').waitFor({ timeout: 30_000 });

    // Next item by keyboard; the member sees it become current.
    const currentButton = chair.locator('.chair-agenda button[aria-current="true"]');
    const firstTitle = await currentButton.innerText();
    await chair.keyboard.press('Alt+N');
    await expect.poll(() => currentButton.innerText()).not.toBe(firstTitle);
    const secondTitle = await currentButton.innerText();
    await member
      .locator('li[aria-current="step"]')
      .filter({ hasText: secondTitle.split(' (')[0]! })
      .waitFor();

    // Quick capture of a task for Senzer, partner picked by typing, submitted with Ctrl+Enter.
    await chair.keyboard.press('Alt+T');
    await chair.keyboard.type('Uitkeringssituatie nagaan');
    await chair.keyboard.press('Tab');
    await chair.keyboard.type('Senzer');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText(/Taak vastgelegd voor Senzer/).waitFor();
    await member.getByTestId('captured-tasks').getByText('Uitkeringssituatie nagaan').waitFor();
    expect(await axeViolations(member)).toEqual([]);

    // A casus item: a werkafspraak for the pand (Alt+W) and a task for another partner.
    await chair
      .locator('.chair-agenda button')
      .filter({ hasText: /PIT-\d{4}-\d{4}/ })
      .first()
      .click();
    await chair.getByText('Open werkafspraken').waitFor();
    await chair.keyboard.press('Alt+W');
    await chair.keyboard.type('Gemeente neemt de regie; gezamenlijke controle in januari');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText('Werkafspraak vastgelegd.').waitFor();
    await chair.keyboard.press('Alt+T');
    await chair.keyboard.type('Registraties nagaan');
    await chair.keyboard.press('Tab');
    await chair.keyboard.type('Politie');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText(/Taak vastgelegd voor Politie/).waitFor();
    await member
      .getByTestId('captured-agreements')
      .getByText(/gezamenlijke controle in januari/)
      .waitFor();
    await member.getByTestId('captured-tasks').getByText('Registraties nagaan').waitFor();

    // Attendance per partner from the same screen.
    await chair
      .getByRole('group', { name: /^Status: Senzer/ })
      .getByRole('radio', { name: 'Afgemeld' })
      .check();
    await expect
      .poll(() =>
        chair
          .getByRole('group', { name: /^Status: Senzer/ })
          .getByRole('radio', { name: 'Afgemeld' })
          .isChecked(),
      )
      .toBe(true);

    // The notes survived: after a reload the first item shows them.
    await chair.reload();
    await chair.getByRole('heading', { level: 1, name: 'Voorzittersmodus' }).waitFor();
    await chair.locator('.chair-agenda button').first().click();
    await expect
      .poll(() => chair.getByLabel('Aantekeningen (geen persoonsgegevens)').inputValue())
      .toBe('Welkom; de agenda wordt ongewijzigd vastgesteld. Mededeling: planning volgt.');

    // Close the meeting from its page; the verslag is drafted.
    await chair.goto(`/overleggen/${meetingId}`);
    chair.once('dialog', (d) => void d.accept());
    await chair.getByRole('button', { name: 'Overleg sluiten en verslag opstellen' }).click();
    await chair.getByText('Het overleg is gesloten; het conceptverslag staat klaar.').waitFor();
    await member.getByText('Het overleg is gesloten.').waitFor();
    console.log(`[e2e] overleg started, chaired, task captured and closed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    // The member finds the task in "Mijn taken".
    await member.goto('/mijn-taken');
    await member.getByText('Uitkeringssituatie nagaan').waitFor();
    await member.context().close();
    await chair.context().close();
  });

  it('the coordinator prepares an overleg: create, prefill, reorder by keyboard, accept a proposal, publish', async () => {
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.goto('/overleggen');
    await page.getByRole('button', { name: 'Nieuw overleg' }).click();
    await page.getByLabel('Datum').first().fill('2027-02-09');
    await page.getByLabel('Tijd (Amsterdamse tijd)').first().fill('09:30');
    await page.getByRole('button', { name: 'Overleg aanmaken' }).click();
    await page.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    await page.getByText(/^9 februari 2027( om)? 09:30$/).waitFor();
    await page.getByRole('button', { name: 'Agenda vullen uit de casussen' }).click();
    await page.getByText(/agendapunt\(en\) toegevoegd/).waitFor();
    const verslag = page.getByRole('list', { name: 'Verslag en actielijst vorig overleg' });
    const titles = () => verslag.locator('.agenda-item__title').allInnerTexts();
    const before = await titles();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(before[0]).toMatch(/^Vaststellen verslag/);
    // Keyboard reorder: the second item of the section moves up with Alt+ArrowUp.
    await verslag.locator('.drag-handle').nth(1).focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(titles).toEqual([before[1], before[0], ...before.slice(2)]);
    // And back by dragging with the mouse.
    await verslag.locator('.drag-handle').nth(1).dragTo(verslag.locator('.agenda-item').nth(0));
    await expect.poll(titles).toEqual(before);
    expect(await axeViolations(page)).toEqual([]);

    // A member proposes an item on a published overleg; the coordinator accepts it.
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByText('Het overleg is gepubliceerd.').waitFor();
    const url = page.url();
    const member = await newPage(browser, app);
    await login(member, 'senzer@pit.demo');
    await member.goto(url);
    await member.getByLabel('Titel (zonder persoonsgegevens)').fill('Terugkoppeling themadag uitkeringsfraude');
    await member.getByRole('button', { name: 'Agendapunt voorstellen' }).click();
    await member.getByText('Uw voorstel is ingediend.').waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await page.reload();
    const proposal = page.getByTestId('agenda-item').filter({ hasText: 'Terugkoppeling themadag uitkeringsfraude' });
    await proposal.getByRole('button', { name: 'Accepteren' }).click();
    await expect.poll(() => proposal.getByText('Voorstel', { exact: true }).count()).toBe(0);
    await member.context().close();
    await page.context().close();
  });
});
