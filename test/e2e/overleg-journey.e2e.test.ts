// One whole overleg in the browser on the BIT demo data, timed: the coordinator adjusts the team's
// agenda template, creates an overleg, prefills and publishes the agenda, starts it, approves the
// previous verslag at agenda item 2, sets attendance, chairs by keyboard (a werkafspraak and two
// tasks for different partners) and closes it; then finalises and exports the verslag. A
// Hilversum member follows live, sees the task appear, and finds it in "Mijn taken".
// No personal data are added (the BIT covenant runs; the demo casussen are used as they are).
import { performance } from 'node:perf_hooks';
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

/** A date two days from now in Amsterdam, YYYY-MM-DD (after the demo's past overleg). */
function inTwoDays(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + 2 * 86_400_000),
  );
}

describe('a whole overleg in the browser (BIT)', () => {
  it('template, agenda, chairing by keyboard, approving the previous verslag, verslag export; a member follows live and finds the task', async () => {
    const journeyStart = performance.now();
    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@bit.demo');

    // The team's agenda template: "Thema's en pilots" off, the opening retitled.
    await chair.goto('/team');
    const template = chair.getByRole('form', { name: 'Agendasjabloon' });
    await template
      .getByRole('group', { name: 'Opening' })
      .getByLabel('Titel van het agendapunt')
      .fill('Opening, mededelingen en vaststellen agenda');
    await template.getByRole('group', { name: "Thema's en pilots" }).getByLabel('Opnemen in de agenda').uncheck();
    await template.getByRole('button', { name: 'Sjabloon opslaan' }).click();
    await chair.getByText('Het agendasjabloon is opgeslagen.').waitFor();
    expect(await axeViolations(chair)).toEqual([]);

    // Create the overleg and prepare the agenda from the data.
    await chair.goto('/overleggen');
    await chair.getByRole('button', { name: 'Nieuw overleg' }).click();
    await chair.getByLabel('Datum').first().fill(inTwoDays());
    await chair.getByLabel('Tijd (Amsterdamse tijd)').first().fill('09:30');
    await chair.getByRole('button', { name: 'Overleg aanmaken' }).click();
    await chair.waitForURL(/\/overleggen\/\d+$/);
    await chair.getByRole('heading', { level: 2, name: 'Agenda' }).waitFor();
    const meetingId = Number(/\/overleggen\/(\d+)$/.exec(chair.url())![1]);
    await chair.getByRole('button', { name: 'Agenda vullen uit de casussen' }).click();
    await chair.getByText(/agendapunt\(en\) toegevoegd/).waitFor();
    await chair.getByRole('list', { name: 'Opening' }).getByText('Opening, mededelingen en vaststellen agenda').waitFor();
    expect(await chair.getByRole('list', { name: "Thema's en pilots" }).count()).toBe(0);
    const verslagTitles = await chair
      .getByRole('list', { name: 'Verslag en actielijst vorig overleg' })
      .locator('.agenda-item__title')
      .allInnerTexts();
    expect(verslagTitles[0]).toMatch(/^Vaststellen verslag en actielijst overleg/);
    await chair.getByRole('button', { name: 'Publiceren' }).click();
    await chair.getByText('Het overleg is gepubliceerd.').waitFor();

    // A Hilversum member opens the live view before the meeting starts.
    const member = await newPage(browser, app);
    await login(member, 'hilversum@bit.demo');
    await member.goto(`/overleggen/${meetingId}/live`);
    await member.getByText('Het overleg is nog niet begonnen.').waitFor();

    // ── Running the whole meeting (timed) ──
    const meetingStart = performance.now();
    await chair.getByRole('button', { name: 'Overleg starten' }).click();
    // The demo overleg is planned days ahead: starting it now is confirmed (issue 9 item 8).
    await chair.getByRole('dialog', { name: 'Overleg starten' }).getByRole('button', { name: 'Nu starten' }).click();
    await chair.getByRole('heading', { level: 1, name: 'Voorzittersmodus' }).waitFor();
    await member.getByText('Verbonden — wijzigingen verschijnen vanzelf.').waitFor();
    await member.waitForFunction(() => !document.body.textContent?.includes('Het overleg is nog niet begonnen.'));

    // Attendance per partner.
    const status = (partner: RegExp, label: string) => chair.getByRole('group', { name: partner }).getByRole('radio', { name: label });
    await status(/^Status: Gemeente Hilversum/, 'Aanwezig').check();
    await status(/^Status: Politie/, 'Aanwezig').check();
    await status(/^Status: Gemeente Laren/, 'Afgemeld').check();
    await expect.poll(() => status(/^Status: Gemeente Laren/, 'Afgemeld').isChecked()).toBe(true);

    // Opening: notes by keyboard.
    await chair.keyboard.press('Alt+1');
    await chair.keyboard.type('Agenda ongewijzigd vastgesteld.');
    await chair.getByTestId('save-state').getByText('Alles opgeslagen').waitFor();

    // Agenda item 2: the previous verslag (definitief in the demo) is approved here, by keyboard.
    await chair.keyboard.press('Alt+N');
    const previous = chair.getByTestId('previous-minutes');
    await previous.getByText('Verslag definitief').waitFor();
    expect(await previous.getByRole('link', { name: /Verslag van het overleg van/ }).getAttribute('href')).toMatch(
      /^\/overleggen\/\d+\/verslag$/,
    );
    expect(await axeViolations(chair)).toEqual([]);
    await previous.getByRole('button', { name: 'Verslag vaststellen' }).focus();
    await chair.keyboard.press('Enter');
    await previous.getByText('Het verslag is in dit overleg vastgesteld.').waitFor();
    await previous.getByText('Verslag vastgesteld').waitFor();

    // A task for the gemeente Hilversum, partner picked by typing the first letters of its own name
    // (not "Gemeente …", which every gemeente starts with: issue 9 item 9), Ctrl+Enter; the member sees it live.
    await chair.keyboard.press('Alt+T');
    await chair.keyboard.type('Handhavingsbrief opstellen');
    await chair.keyboard.press('Tab');
    await chair.keyboard.type('hil');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText('Taak vastgelegd voor Gemeente Hilversum.').waitFor();
    await member.getByTestId('captured-tasks').getByText('Handhavingsbrief opstellen').waitFor();

    // A casus item: a werkafspraak for the pand and a task for the police.
    const casusItem = chair
      .locator('.chair-agenda button')
      .filter({ hasText: /BIT-\d{4}-\d{4}/ })
      .first();
    expect(await casusItem.count()).toBe(1);
    await casusItem.focus();
    await chair.keyboard.press('Enter');
    await chair.getByText('Open werkafspraken').waitFor();
    await chair.keyboard.press('Alt+W');
    await chair.keyboard.type('Gemeente en politie pakken het pand samen op; controle in december');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText('Werkafspraak vastgelegd.').waitFor();
    await chair.keyboard.press('Alt+T');
    await chair.keyboard.type('Meldingen rond het pand nagaan');
    await chair.keyboard.press('Tab');
    await chair.keyboard.type('Politie');
    await chair.keyboard.press('Control+Enter');
    await chair.getByText(/Taak vastgelegd voor Politie/).waitFor();
    await member
      .getByTestId('captured-agreements')
      .getByText(/controle in december/)
      .waitFor();

    // Close the overleg; the verslag is drafted.
    await chair.goto(`/overleggen/${meetingId}`);
    chair.once('dialog', (d) => void d.accept());
    await chair.getByRole('button', { name: 'Overleg sluiten en verslag opstellen' }).click();
    await chair.getByText('Het overleg is gesloten; het conceptverslag staat klaar.').waitFor();
    await member.getByText('Het overleg is gesloten.').waitFor();
    const meetingSeconds = (performance.now() - meetingStart) / 1000;

    // Finalise and export the verslag.
    await chair.goto(`/overleggen/${meetingId}/verslag`);
    await chair.getByRole('heading', { level: 2, name: 'Actielijst' }).waitFor();
    await chair.getByRole('button', { name: 'Definitief maken' }).click();
    await chair.getByText('Het verslag is definitief.').waitFor();
    const docx = await chair.request.get(`/export/minutes/${meetingId}.docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    const html = await chair.request.get(`/export/minutes/${meetingId}.html`);
    expect(html.status()).toBe(200);
    const htmlText = await html.text();
    expect(htmlText).toContain('Handhavingsbrief opstellen');
    expect(htmlText).toContain('Meldingen rond het pand nagaan');
    expect(await axeViolations(chair)).toEqual([]);

    // The member finds the task in "Mijn taken".
    await member.goto('/mijn-taken');
    await member.getByText('Handhavingsbrief opstellen').waitFor();
    expect(await axeViolations(member)).toEqual([]);
    const journeySeconds = (performance.now() - journeyStart) / 1000;

    console.log(
      `[e2e] overleg journey (BIT): running the whole meeting (start → attendance → verslag approved → werkafspraak + 2 tasks → closed) took ${meetingSeconds.toFixed(1)} s; the whole journey incl. template, agenda, verslag export and Mijn taken ${journeySeconds.toFixed(1)} s`,
    );
    await member.context().close();
    await chair.context().close();
  });
});
