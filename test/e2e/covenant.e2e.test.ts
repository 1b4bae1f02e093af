// Issue 10 in the browser, on the demo's BIT team: an addendum that ends the covenant today
// (proposed by the coordinator, approved by the FG) puts the team in wind-down — what is blocked
// says so in Dutch — and a renewal (proposed, approved) lets personal data be recorded again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { cases, covenants, partners, subjectItems, subjects, teams } from '../../db/schema';
import { amsterdamDate } from '../../server/clock';
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

describe('the covenant in the browser (BIT)', () => {
  it('wind-down after an approved early end, then renewal: propose → FG approves → personal data can be recorded', async () => {
    const today = amsterdamDate(new Date());
    const bitId = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'bit')).get()!.id;
    const hilversum = app.deps.db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.teamId, bitId), eq(partners.name, 'Gemeente Hilversum')))
      .get()!;
    const caseId = app.deps.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.teamId, bitId), eq(cases.gemeentePartnerId, hilversum.id), eq(cases.status, 'actief')))
      .get()!.id;

    // 1. The coordinator proposes an addendum that ends the covenant today (art. 14.3: by consent).
    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@bit.demo');
    await chair.goto('/team/convenant');
    await chair.getByRole('heading', { level: 1, name: 'Convenant' }).waitFor();
    await chair.getByRole('table', { name: 'Geschiedenis van het convenant' }).getByText('Van kracht').waitFor();
    expect(await axeViolations(chair)).toEqual([]);
    const addendum = chair.locator('form').filter({ has: chair.getByLabel('Nieuwe einddatum') });
    await addendum.getByLabel('Kenmerk').fill('Addendum ontbinding 2026');
    await addendum.getByLabel('Datum', { exact: true }).fill(today);
    await addendum.getByLabel('Wat het wijzigt').fill('Ontbinding met instemming van alle partners (art. 14.3)');
    await addendum.getByLabel('Nieuwe einddatum').fill(today);
    await addendum.getByRole('button', { name: 'Voorstel indienen' }).click();
    await chair.getByText('U diende dit voorstel in; een ander (de FG) beoordeelt het.').waitFor();

    // 2. The FG approves it: the team is in wind-down at once.
    const fg = await newPage(browser, app);
    await login(fg, 'fg@bit.demo');
    await fg.goto('/team/convenant');
    const pending = fg.getByTestId('pending-proposal').filter({ hasText: 'Addendum ontbinding 2026' });
    await pending.getByRole('button', { name: 'Goedkeuren' }).click();
    await fg.getByRole('heading', { name: 'Afbouw: besluiten per casus' }).waitFor();
    expect(await axeViolations(fg)).toEqual([]);

    // 3. Wind-down: recording personal data is refused with a clear Dutch message; the banner says why.
    const member = await newPage(browser, app);
    await login(member, 'hilversum@bit.demo');
    await member
      .getByText(/zonder convenant mogen geen nieuwe persoonsgegevens/)
      .first()
      .waitFor();
    await member.goto(`/casussen/${caseId}`);
    await member.getByRole('heading', { name: 'Betrokkenen' }).waitFor();
    await member.getByText('Het convenant is geëindigd: er kunnen geen nieuwe persoonsgegevens worden vastgelegd.').waitFor();
    expect(await member.getByRole('button', { name: 'Betrokkene toevoegen' }).count()).toBe(0);
    expect(await axeViolations(member)).toEqual([]);
    // A new signal (casus) is refused by the server, with the reason in Dutch.
    await member.goto('/casussen/nieuw');
    await member.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Hilversum' });
    await member.getByLabel('Straat').fill('Afbouwstraat');
    await member.getByLabel('Huisnummer').fill('1');
    await member.getByLabel('Postcode').fill('1211 AA');
    await member.getByLabel('Plaats').fill('Hilversum');
    await member.getByLabel('Thema', { exact: true }).selectOption({ label: 'Woonoverlast' });
    await member.getByRole('button', { name: 'Signaal melden' }).click();
    await member
      .getByText(/er is geen vervolgconvenant van kracht: het team is in afbouw/)
      .first()
      .waitFor();
    expect(app.deps.db.select({ id: cases.id }).from(cases).where(eq(cases.street, 'Afbouwstraat')).all()).toEqual([]);
    const itemsOf = () =>
      app.deps.db
        .select({ id: subjectItems.id })
        .from(subjectItems)
        .innerJoin(subjects, eq(subjects.id, subjectItems.subjectId))
        .where(and(eq(subjects.caseId, caseId), eq(subjectItems.sourcePartnerId, hilversum.id)))
        .all().length;
    const before = itemsOf();

    // 4. Renewal: the coordinator proposes, the FG approves.
    await chair.goto('/team/convenant');
    const propose = chair.locator('form').filter({ has: chair.getByLabel('Aan te halen als') });
    await propose.getByLabel('Titel').fill('BIT convenant 2027');
    await propose.getByLabel('Documentkenmerk').fill('BIT-2026-117');
    await propose.getByLabel('In werking vanaf').fill(today);
    await propose.getByLabel('Eindigt op').fill('2031-01-01');
    await propose.getByLabel('Rapportage aan').fill('DVC Gooi en Vechtstreek');
    // BIT art. 14.1: the form records whether the first-year evaluation calls for change.
    await propose.getByLabel('De evaluatie van het eerste jaar vraagt om verandering').check();
    await propose.getByRole('button', { name: 'Voorstel indienen' }).click();
    await chair.getByText('Het voorstel is ingediend en wacht op de FG.').waitFor();
    await fg.goto('/team/convenant');
    expect(
      app.deps.db
        .select({ evaluation: covenants.evaluationCallsForChange })
        .from(covenants)
        .where(eq(covenants.documentRef, 'BIT-2026-117'))
        .get(),
    ).toEqual({ evaluation: true });
    await fg.getByTestId('pending-proposal').filter({ hasText: 'BIT-2026-117' }).getByRole('button', { name: 'Goedkeuren' }).click();
    await fg
      .getByRole('table', { name: 'Geschiedenis van het convenant' })
      .getByRole('row', { name: /BIT convenant 2027/ })
      .getByText('Van kracht')
      .waitFor();

    // 5. Personal data can be recorded again.
    await member.goto(`/casussen/${caseId}`);
    await member.getByRole('heading', { name: 'Betrokkenen' }).waitFor();
    await member.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await member.getByLabel('Waarde').first().fill('R. Enewal, Kerkstraat 2');
    await member.locator('form').getByRole('button', { name: 'Betrokkene toevoegen' }).click();
    await member.getByText('R. Enewal, Kerkstraat 2').waitFor();
    expect(itemsOf()).toBe(before + 1);
    expect(await member.getByText(/zonder convenant mogen geen nieuwe persoonsgegevens/).count()).toBe(0);
  });

  it('the covenant banner is fetched once per session, not again on every page change', async () => {
    const page = await newPage(browser, app);
    let overviews = 0;
    page.on('request', (r) => {
      if (r.url().includes('covenants.overview')) overviews += 1;
    });
    await login(page, 'hilversum@bit.demo');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await expect.poll(() => overviews).toBe(1);
    // In-app navigation (no reload): each page renders, and its own queries go out, without the banner's.
    for (const name of ['Casussen', 'Mijn taken', 'Overzicht', 'Casussen']) {
      const from = page.url();
      await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();
      await page.waitForURL((url) => url.toString() !== from);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
    }
    expect(overviews).toBe(1);
  });
});
