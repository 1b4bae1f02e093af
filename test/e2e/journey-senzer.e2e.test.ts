// Issue 3's journey on the demo data: a Senzer member ticks off a task with a result; on the same
// casus the Helmond gemeente member sees the police items and the Senzer member does not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DEMO_JOURNEY_CASE } from '../../db/seed/demo-cases';
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

const POLICE = 'Politie Eenheid Oost-Brabant';

/** The values on the casus page per source partner, read from the betrokkenen tables. */
async function itemsBySource(page: Page): Promise<{ value: string; source: string }[]> {
  await page.getByRole('heading', { name: 'Betrokkenen' }).waitFor();
  await page.getByTestId('item').first().waitFor();
  return page.getByTestId('item').evaluateAll((rows) =>
    rows.map((row) => {
      const cells = row.querySelectorAll('td');
      return { value: (cells[0]?.textContent ?? '').replace('Toon BSN', '').trim(), source: (cells[1]?.textContent ?? '').trim() };
    }),
  );
}

describe('the Senzer journey on the demo casus', () => {
  it('Senzer ticks off its task with a result, from Mijn taken', async () => {
    const page = await newPage(browser, app);
    await login(page, 'senzer@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn taken' }).click();
    const task = page.getByTestId('task').filter({ hasText: DEMO_JOURNEY_CASE.senzerTaskTitle });
    await task.waitFor();
    expect(await task.textContent()).toContain(DEMO_JOURNEY_CASE.code);
    expect(await axeViolations(page)).toEqual([]);
    await task.getByRole('button', { name: /afronden/i }).click();
    await task.getByLabel('Resultaat (actiegegevens)').fill('Bijstand getoetst: uitkering herzien per 1 december.');
    await task.getByRole('button', { name: 'Gereed melden' }).click();
    await expect.poll(() => page.getByText('De taak is gereed gemeld.').count()).toBe(1);
    // The list refreshes after the confirmation appears: wait for it rather than race it.
    await expect.poll(() => page.getByTestId('task').filter({ hasText: DEMO_JOURNEY_CASE.senzerTaskTitle }).count()).toBe(0);
    await page.getByLabel('Ook afgeronde taken tonen').check();
    const done = page.getByTestId('task').filter({ hasText: DEMO_JOURNEY_CASE.senzerTaskTitle });
    await done.waitFor();
    expect(await done.textContent()).toContain('Bijstand getoetst: uitkering herzien per 1 december.');
    await page.context().close();
  });

  it('on that casus the gemeente member sees the police items and Senzer does not', async () => {
    const helmond = await newPage(browser, app);
    await login(helmond, 'helmond@pit.demo');
    await helmond.goto(`/casussen?q=${DEMO_JOURNEY_CASE.code}`);
    await helmond.getByRole('link', { name: DEMO_JOURNEY_CASE.code }).click();
    const seenByGemeente = await itemsBySource(helmond);
    const policeValues = seenByGemeente.filter((i) => i.source === POLICE).map((i) => i.value);
    expect(policeValues.length).toBeGreaterThan(0);
    // The task Senzer just finished shows with its result for the gemeente too.
    expect(await helmond.getByTestId('case-task').filter({ hasText: DEMO_JOURNEY_CASE.senzerTaskTitle }).textContent()).toContain('Gereed');
    expect(await axeViolations(helmond)).toEqual([]);
    await helmond.context().close();

    const senzer = await newPage(browser, app);
    await login(senzer, 'senzer@pit.demo');
    await senzer.goto(`/casussen?q=${DEMO_JOURNEY_CASE.code}`);
    await senzer.getByRole('link', { name: DEMO_JOURNEY_CASE.code }).click();
    const seenBySenzer = await itemsBySource(senzer);
    expect(seenBySenzer.length).toBeGreaterThan(0);
    expect(seenBySenzer.filter((i) => i.source === POLICE)).toEqual([]);
    const html = await senzer.content();
    for (const value of policeValues) expect(html).not.toContain(value);
    // Fewer betrokkenen: the one known only to the police is absent altogether.
    expect(await senzer.getByTestId('subject').count()).toBeLessThan(countSubjects(app));
    await senzer.context().close();
  });
});

describe('Mijn taken with more than a page of tasks (issue 12: the list is paged)', () => {
  it('shows the first 50 and loads the rest with "Meer laden" from the keyboard, focus on the first new task', async () => {
    const sqlite = app.deps.db.$client;
    const template = sqlite
      .prepare('select id, assignee_partner_id as partnerId from tasks where title = ?')
      .get(DEMO_JOURNEY_CASE.senzerTaskTitle) as {
      id: number;
      partnerId: number;
    };
    const copy =
      sqlite.prepare(`insert into tasks (team_id, title, assignee_partner_id, due_date, status, case_id, created_by_user_id, created_at, updated_at)
      select team_id, ?, assignee_partner_id, '2027-06-01', 'open', case_id, created_by_user_id, created_at, updated_at from tasks where id = ?`);
    for (let i = 1; i <= 60; i++) copy.run(`Extra taak ${i}`, template.id);
    const open = (
      sqlite.prepare("select count(*) as n from tasks where assignee_partner_id = ? and status = 'open'").get(template.partnerId) as {
        n: number;
      }
    ).n;
    expect(open).toBeGreaterThan(60);
    const page = await newPage(browser, app);
    await login(page, 'senzer@pit.demo');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn taken' }).click();
    const more = page.getByRole('button', { name: 'Meer laden' });
    await more.waitFor();
    expect(await page.getByTestId('task').count()).toBe(50);
    expect(await axeViolations(page)).toEqual([]);
    await more.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('task').count()).toBe(open);
    expect(await more.count()).toBe(0);
    // The keyboard goes on at the first task that came in.
    expect(
      await page.evaluate(
        () => document.activeElement?.closest('[data-testid="task"]') === document.querySelectorAll('[data-testid="task"]')[50],
      ),
    ).toBe(true);
    const titles = await page.getByTestId('task').locator('h2').allTextContents();
    expect(new Set(titles.filter((t) => t.startsWith('Extra taak'))).size).toBe(60);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

function countSubjects(running: RunningApp): number {
  const row = running.deps.db.$client
    .prepare('select count(*) as n from subjects s join cases c on c.id = s.case_id where c.code = ?')
    .get(DEMO_JOURNEY_CASE.code) as { n: number };
  return row.n;
}
