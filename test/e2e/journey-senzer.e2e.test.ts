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

function countSubjects(running: RunningApp): number {
  const row = running.deps.db.$client
    .prepare('select count(*) as n from subjects s join cases c on c.id = s.case_id where c.code = ?')
    .get(DEMO_JOURNEY_CASE.code) as { n: number };
  return row.n;
}
