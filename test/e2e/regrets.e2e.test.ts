// Issue 9.13 in the browser: a member sends regrets for their partner by keyboard before the
// overleg; the coordinator's attendance list starts from it.
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

describe('regrets before the overleg', () => {
  it('a member sends regrets by keyboard; the coordinator sees the partner start as afgemeld', async () => {
    const member = await newPage(browser, app);
    await login(member, 'senzer@pit.demo');
    await member.goto(`/overleggen/${meetingId}`);
    const form = member.getByTestId('regrets');
    await form.getByRole('heading', { name: 'Afmelden / Vervanger doorgeven' }).waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await form.getByRole('radio', { name: 'Afmelden' }).focus();
    await member.keyboard.press('Tab');
    await member.keyboard.type('Andere verplichting');
    await member.keyboard.press('Enter');
    await member.getByTestId('regrets-current').getByText('Uw organisatie heeft zich afgemeld (Andere verplichting)').waitFor();
    expect(await axeViolations(member)).toEqual([]);

    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@pit.demo');
    await chair.goto(`/overleggen/${meetingId}`);
    const row = chair.getByTestId('attendance-row').filter({ hasText: 'Vooraf doorgegeven: Afgemeld (Andere verplichting)' });
    await row.waitFor();
    expect(await row.getByRole('radio', { name: 'Afgemeld' }).isChecked()).toBe(true);
    expect(await axeViolations(chair)).toEqual([]);
  });
});
