// Browser journey (issue 10 items 5, 7): a sharing-matrix change proposed by the admin takes effect
// only when the FG approves it, and the history shows it; a joining request with the partners'
// consents and the annex becomes a partner only on the FG's approval. BIT (its covenant is in force).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { partnerJoinConsents, partnerJoinings, partners, sharingRules, teams, users } from '../../db/schema';
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

const bitId = () => app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.code, 'BIT')).get()!.id;
const cell = () =>
  app.deps.db
    .select({ audience: sharingRules.audience, annexRef: sharingRules.annexRef })
    .from(sharingRules)
    .where(and(eq(sharingRules.teamId, bitId()), eq(sharingRules.sourceKind, 'gemeente'), eq(sharingRules.category, 'telefoon')))
    .get();

describe('covenant changes on the Team page', () => {
  it('the admin proposes a matrix change under an addendum; it takes effect when the FG approves', async () => {
    expect(cell()).toEqual({ audience: 'all', annexRef: null });
    const admin = await newPage(browser, app);
    await login(admin, 'admin@bit.demo');
    await admin.goto('/team');
    await admin
      .getByTestId('matrix-basis')
      .getByText('Grondslag van de matrix: Eigen configuratie van het team (demo-standaard).')
      .waitFor();
    await admin.getByLabel('Gemeente — Telefoonnummer').selectOption('gemeenten');
    await admin.getByRole('heading', { name: 'Voorstel (1 wijzigingen)' }).waitFor();
    await admin.getByLabel('Addendum of bijlage').fill('Addendum BIT 2026-1');
    await admin.getByRole('button', { name: 'Voorstel indienen' }).click();
    await admin.getByText('Voorstel ingediend. Het wordt van kracht als de FG het goedkeurt.').waitFor();
    expect(cell()).toEqual({ audience: 'all', annexRef: null });
    expect(await axeViolations(admin)).toEqual([]);

    const fg = await newPage(browser, app);
    await login(fg, 'fg@bit.demo');
    await fg.goto('/team');
    const history = fg.getByTestId('sharing-history');
    const row = history.getByRole('row').filter({ hasText: 'Addendum BIT 2026-1' });
    await row.getByText('Wacht op de FG').waitFor();
    expect(await axeViolations(fg)).toEqual([]);
    await fg.getByLabel('Toelichting: Addendum BIT 2026-1').fill('Alleen gemeenten bellen');
    await fg.getByRole('button', { name: 'Goedkeuren: Addendum BIT 2026-1' }).click();
    await row.getByText(/Goedgekeurd — .*Alleen gemeenten bellen/).waitFor();
    expect(await row.innerText()).toContain('Gemeente — Telefoonnummer: Alle partners → Alleen gemeenten');
    expect(cell()).toEqual({ audience: 'gemeenten', annexRef: 'Addendum BIT 2026-1' });
  });

  it('the coordinator records a joining request with consents and the annex; the FG approves and it becomes a partner', async () => {
    const coordinator = await newPage(browser, app);
    await login(coordinator, 'coordinator@bit.demo');
    await coordinator.goto('/team');
    const form = coordinator
      .locator('form')
      .filter({ has: coordinator.getByRole('heading', { name: 'Toetreding registreren (art. 12)' }) });
    await form.getByLabel('Organisatie').fill('Gemeente Weesp');
    await form.getByLabel('Korte naam').fill('Weesp');
    await form.getByLabel('Toetredingsbijlage').fill('Bijlage 4 toetreding Weesp');
    await form.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    await coordinator.getByText('Het verzoek van Gemeente Weesp is vastgelegd. Het is nog geen partner.').waitFor();
    const joining = coordinator.getByTestId('joining').filter({ hasText: 'Gemeente Weesp' });
    await joining.getByRole('heading', { name: /Gemeente Weesp \(Gemeente\) — wacht op instemming en de FG/ }).waitFor();
    expect(app.deps.db.select().from(partners).where(eq(partners.name, 'Gemeente Weesp')).all()).toEqual([]);

    // One consent through the screen, with the keyboard.
    const consent = joining.getByRole('form', { name: 'Instemming vastleggen: Gemeente Weesp' });
    await consent.getByLabel('Organisatie').selectOption({ label: 'Gemeente Hilversum' });
    await consent.getByLabel('Door (naam en functie)').fill('Burgemeester Hilversum');
    await consent.getByLabel('Kenmerk').fill('HIL-2026-77');
    await consent.getByLabel('Kenmerk').press('Enter');
    await joining.getByRole('row').filter({ hasText: 'Burgemeester Hilversum' }).waitFor();
    expect(await axeViolations(coordinator)).toEqual([]);

    // The other six partners' consents (recorded the same way; here directly, to keep the test short).
    const joiningRow = app.deps.db.select().from(partnerJoinings).where(eq(partnerJoinings.name, 'Gemeente Weesp')).get()!;
    const coordinatorId = app.deps.db.select({ id: users.id }).from(users).where(eq(users.email, 'coordinator@bit.demo')).get()!.id;
    const given = new Set(
      app.deps.db
        .select()
        .from(partnerJoinConsents)
        .where(eq(partnerJoinConsents.joiningId, joiningRow.id))
        .all()
        .map((c) => c.partnerId),
    );
    for (const p of app.deps.db
      .select()
      .from(partners)
      .where(eq(partners.teamId, bitId()))
      .all()
      .filter((x) => !given.has(x.id))) {
      app.deps.db
        .insert(partnerJoinConsents)
        .values({
          joiningId: joiningRow.id,
          partnerId: p.id,
          consentedOn: '2026-11-20',
          consentedBy: `Burgemeester ${p.shortName}`,
          reference: `INST-${p.id}`,
          recordedByUserId: coordinatorId,
          recordedAt: new Date().toISOString(),
        })
        .run();
    }

    const fg = await newPage(browser, app);
    await login(fg, 'fg@bit.demo');
    await fg.goto('/team');
    const fgJoining = fg.getByTestId('joining').filter({ hasText: 'Gemeente Weesp' });
    await fgJoining.getByRole('row').filter({ hasText: 'Burgemeester Laren' }).waitFor();
    await fg.getByRole('button', { name: 'Goedkeuren: Gemeente Weesp' }).click();
    await fgJoining.getByRole('heading', { name: /Gemeente Weesp \(Gemeente\) — toegetreden/ }).waitFor();
    await fg.getByTestId('partner-row').filter({ hasText: 'Gemeente Weesp' }).waitFor();
    expect(await axeViolations(fg)).toEqual([]);
    expect(app.deps.db.select({ kind: partners.kind }).from(partners).where(eq(partners.name, 'Gemeente Weesp')).all()).toEqual([
      { kind: 'gemeente' },
    ]);
  });
});
