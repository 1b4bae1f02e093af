// Browser journeys of issue 11 items 5–6: the FG approves a destruction list and the casus then
// shows "[verwijderd]" where its betrokkenen were; a member reports a breach and the FG sees the
// clocks (banner and register). Every screen axe-clean.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { cases, partners, subjectItems, subjects, teams } from '../../db/schema';
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

describe('retention in the browser', () => {
  it('the FG approves the destruction list; the coordinator then sees "[verwijderd]" on the casus', async () => {
    const db = app.deps.db;
    const pit = db.select({ id: teams.id }).from(teams).where(eq(teams.code, 'PIT')).get()!.id;
    const helmond = db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.teamId, pit), eq(partners.shortName, 'Helmond')))
      .get()!.id;
    // A PIT casus with a Helmond item, closed long ago (past the team's period).
    const withItems = db
      .select({ caseId: subjects.caseId })
      .from(subjectItems)
      .innerJoin(subjects, eq(subjects.id, subjectItems.subjectId))
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .where(
        and(
          eq(cases.teamId, pit),
          eq(subjectItems.sourcePartnerId, helmond),
          isNull(subjectItems.erasedAt),
          inArray(cases.status, ['actief', 'signaal']),
        ),
      )
      .get()!;
    db.update(cases).set({ status: 'afgerond', closedAt: '2023-03-01T10:00:00.000Z' }).where(eq(cases.id, withItems.caseId)).run();
    const code = db.select({ code: cases.code }).from(cases).where(eq(cases.id, withItems.caseId)).get()!.code;

    const fg = await newPage(browser, app);
    await login(fg, 'fg@pit.demo');
    await fg.goto('/privacy');
    // The home page lists what is overdue.
    await fg.getByRole('heading', { name: 'Bewaartermijn verstreken' }).waitFor();
    expect(await fg.getByRole('region', { name: 'Bewaartermijn verstreken' }).innerText()).toContain(code);
    expect(await axeViolations(fg)).toEqual([]);
    await fg.getByRole('link', { name: 'Naar de vernietigingslijst' }).click();
    await fg.getByRole('heading', { name: 'Bewaartermijnen', level: 1 }).waitFor();
    await fg.getByRole('button', { name: 'Lijst nu opstellen' }).click();
    const list = fg.getByRole('table', { name: 'Vernietigingslijst ter goedkeuring' });
    await list.getByRole('link', { name: code }).waitFor();
    expect(await axeViolations(fg)).toEqual([]);
    fg.once('dialog', (d) => void d.accept());
    await fg.getByRole('button', { name: 'Goedkeuren en verwijderen' }).click();
    await fg.getByText(/Goedgekeurd: \d+ gegevens van \d+ casussen verwijderd\./).waitFor();
    await fg.getByRole('table', { name: 'Vernietigingslijsten, nieuwste eerst' }).getByText(code).waitFor();
    expect(await axeViolations(fg)).toEqual([]);

    const coordinator = await newPage(browser, app);
    await login(coordinator, 'coordinator@pit.demo');
    await coordinator.goto(`/casussen/${withItems.caseId}`);
    const section = coordinator.getByRole('region', { name: 'Betrokkenen' });
    await section.getByText('[verwijderd]').first().waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);
  });
});

describe('a data breach in the browser', () => {
  it('a member reports a breach from the header; the FG sees the running clocks', async () => {
    const member = await newPage(browser, app);
    await login(member, 'senzer@pit.demo');
    await member.getByRole('link', { name: 'Datalek melden' }).click();
    await member.getByRole('heading', { name: 'Datalek melden', level: 1 }).waitFor();
    await member.getByText('zonder namen, BSN, adressen').waitFor();
    expect(await axeViolations(member)).toEqual([]);
    await member.getByLabel('Wat is er gebeurd?').fill('Verslag per ongeluk naar een verkeerd e-mailadres gestuurd');
    await member.getByRole('button', { name: 'Melding versturen' }).click();
    await member.getByText(/Uw melding is ontvangen/).waitFor();

    const fg = await newPage(browser, app);
    await login(fg, 'fg@pit.demo');
    // The banner on every page while a clock runs.
    await fg.getByText(/Datalek: 2 meldtermijn\(en\) lopen, 0 verstreken/).waitFor();
    await fg.getByRole('link', { name: 'Naar het register' }).click();
    await fg.getByRole('heading', { name: 'Datalekken', level: 1 }).waitFor();
    const row = fg
      .getByRole('table', { name: 'Register van datalekken, nieuwste eerst' })
      .getByRole('row', { name: /verkeerd e-mailadres/ });
    expect(await row.innerText()).toMatch(/Loopt — uiterlijk[\s\S]*Loopt — uiterlijk[\s\S]*art\. 33 AVG/);
    expect(await axeViolations(fg)).toEqual([]);
    await row.getByRole('button', { name: /Beoordelen/ }).click();
    await fg.getByRole('heading', { name: /Incident \d+/ }).waitFor();
    expect(await axeViolations(fg)).toEqual([]);
  });
});
