// Issue 9 "the record must be right", in the browser: attendance chosen by keyboard is what is
// stored (and shown after a reload); a task corrected on the casus page shows its change to the
// assignee partner; the knelpunt reaches the coordinator's home page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { attendance, cases, meetings, partners, subjectItems, subjects, tasks, teams, users } from '../../db/schema';
import { axeViolations, launchBrowser, login, newPage, startApp, type RunningApp } from './helpers';

let app: RunningApp;
let browser: Browser;
let pitId: number;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  pitId = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'pit')).get()!.id;
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const storedStatus = (meetingId: number, partnerId: number) =>
  app.deps.db
    .select({ status: attendance.status })
    .from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.partnerId, partnerId)))
    .get()?.status ?? null;

/** The status the screen shows for a partner: the checked radio of its group. */
const shownStatus = (page: Page, partnerId: number) =>
  page.evaluate((id) => document.querySelector<HTMLInputElement>(`input[name="attendance-${id}"]:checked`)?.value ?? null, partnerId);

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el ? { name: el.getAttribute('name'), value: el.value } : null;
  });

describe('attendance by keyboard (issue 9.1)', () => {
  it('each status chosen by keyboard is stored, shown, and still shown after a reload; focus stays on the group', async () => {
    const meetingId = app.deps.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.teamId, pitId), eq(meetings.status, 'gepubliceerd')))
      .get()!.id;
    const politie = app.deps.db
      .select({ id: partners.id, name: partners.name })
      .from(partners)
      .where(and(eq(partners.teamId, pitId), eq(partners.kind, 'politie')))
      .get()!;
    const page = await newPage(browser, app);
    await login(page, 'coordinator@pit.demo');
    await page.goto(`/overleggen/${meetingId}`);
    const group = page.getByRole('group', { name: `Status: ${politie.name}` });
    await group.waitFor();
    const settled = async (status: string) => {
      await expect.poll(() => storedStatus(meetingId, politie.id)).toBe(status);
      await expect.poll(() => group.getByTestId('attendance-state').textContent()).not.toContain('Opslaan');
      expect(await shownStatus(page, politie.id)).toBe(status);
    };
    const reloadAndCheck = async (status: string) => {
      await page.reload();
      await group.waitFor();
      await expect.poll(() => shownStatus(page, politie.id)).toBe(status);
      expect(storedStatus(meetingId, politie.id)).toBe(status);
    };

    // Space on the first option: Aanwezig.
    await group.getByRole('radio', { name: 'Aanwezig' }).focus();
    await page.keyboard.press('Space');
    await settled('aanwezig');
    expect(await focused(page)).toEqual({ name: `attendance-${politie.id}`, value: 'aanwezig' });
    await reloadAndCheck('aanwezig');

    // ↓ to Afgemeld: saved, and focus is still on the group (the row was not re-created).
    await group.getByRole('radio', { name: 'Aanwezig' }).focus();
    await page.keyboard.press('ArrowDown');
    await settled('afgemeld');
    expect(await focused(page)).toEqual({ name: `attendance-${politie.id}`, value: 'afgemeld' });
    await reloadAndCheck('afgemeld');

    // ↓ to Afwezig.
    await group.getByRole('radio', { name: 'Afgemeld' }).focus();
    await page.keyboard.press('ArrowDown');
    await settled('afwezig');
    await reloadAndCheck('afwezig');

    // The sequence: typing "afg" changes nothing by accident; ↓↓ quickly ends where the
    // chair stopped, on screen and on the server alike.
    await group.getByRole('radio', { name: 'Afwezig' }).focus();
    await page.keyboard.type('afg');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await settled('afgemeld');
    expect(await focused(page)).toEqual({ name: `attendance-${politie.id}`, value: 'afgemeld' });
    await reloadAndCheck('afgemeld');
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('correcting a task (issue 9.3) and a knelpunt (issue 9.5)', () => {
  it('the coordinator gives a task a new deadline by keyboard; the partner sees what changed; a knelpunt reaches the home page', async () => {
    const task = app.deps.db
      .select({ id: tasks.id, title: tasks.title, caseId: tasks.caseId, partnerId: tasks.assigneePartnerId })
      .from(tasks)
      .innerJoin(partners, eq(partners.id, tasks.assigneePartnerId))
      .where(and(eq(tasks.teamId, pitId), eq(tasks.status, 'open'), isNotNull(tasks.caseId), eq(partners.kind, 'sociale_dienst')))
      .get()!;
    const member = app.deps.db
      .select({ email: users.email })
      .from(users)
      .where(and(eq(users.partnerId, task.partnerId), eq(users.role, 'member')))
      .get()!;
    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@pit.demo');
    await chair.goto(`/casussen/${task.caseId}`);
    const edit = chair.getByRole('button', { name: `Taak wijzigen: ${task.title}` });
    await edit.focus();
    await chair.keyboard.press('Enter');
    const form = chair.getByRole('form', { name: `Taak wijzigen: ${task.title}` });
    await form.waitFor();
    // The first field has focus; the form is axe-clean while open.
    expect(await chair.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(task.title);
    expect(await axeViolations(chair)).toEqual([]);
    await form.getByLabel('Uiterlijk').fill('2027-03-31');
    await form.getByLabel(/Toelichting op de wijziging/).fill('Wacht op de rechter.');
    await form.getByLabel(/Toelichting op de wijziging/).press('Enter');
    await chair.getByText('De taak is gewijzigd; de partner ziet wat er veranderd is.').waitFor();
    expect(app.deps.db.select({ dueDate: tasks.dueDate }).from(tasks).where(eq(tasks.id, task.id)).get()!.dueDate).toBe('2027-03-31');

    const partner = await newPage(browser, app);
    await login(partner, member.email);
    await partner.goto('/mijn-taken');
    const item = partner.getByTestId('task').filter({ hasText: task.title });
    await item
      .getByTestId('change-log')
      .getByText(/uiterlijk: .* → 31-03-2027; reden: Wacht op de rechter\./)
      .waitFor();
    expect(await axeViolations(partner)).toEqual([]);

    // Knelpunt melden → the coordinator's home page lists it with the reason.
    await item.getByRole('button', { name: 'Knelpunt melden' }).click();
    await item.getByLabel('Wat houdt de taak tegen?').fill('Dossier ligt bij de rechtbank.');
    await item.locator('form').getByRole('button', { name: 'Knelpunt melden' }).click();
    await partner.getByText(/Het knelpunt is gemeld/).waitFor();
    await chair.goto('/');
    await chair.getByTestId('home-blockers').getByText(`"${task.title}": Dossier ligt bij de rechtbank.`, { exact: false }).waitFor();
    expect(await axeViolations(chair)).toEqual([]);
  });
});

describe('removing mistakes (issue 9.4)', () => {
  // BIT: its covenant is in force in the demo, so personal data may be recorded.
  it('a partner adds its data to an existing betrokkene; the coordinator withdraws a test signal and it leaves the list', async () => {
    const bitId = app.deps.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, 'bit')).get()!.id;
    const hilversum = app.deps.db
      .select({ id: partners.id })
      .from(partners)
      .where(and(eq(partners.teamId, bitId), eq(partners.name, 'Gemeente Hilversum')))
      .get()!;
    const withSubject = app.deps.db
      .select({ caseId: subjects.caseId })
      .from(subjects)
      .innerJoin(cases, eq(cases.id, subjects.caseId))
      .innerJoin(subjectItems, eq(subjectItems.subjectId, subjects.id))
      .where(and(eq(cases.gemeentePartnerId, hilversum.id), eq(subjectItems.sourcePartnerId, hilversum.id), eq(cases.status, 'actief')))
      .get()!;
    const subjectCount = () =>
      app.deps.db.select({ id: subjects.id }).from(subjects).where(eq(subjects.caseId, withSubject.caseId)).all().length;
    const before = subjectCount();
    const member = await newPage(browser, app);
    await login(member, 'hilversum@bit.demo');
    await member.goto(`/casussen/${withSubject.caseId}`);
    await member.getByRole('heading', { name: 'Betrokkenen' }).waitFor();
    await member
      .getByRole('button', { name: /^Gegevens toevoegen aan deze betrokkene \(betrokkene \d+\)$/ })
      .first()
      .click();
    const form = member.locator('form').filter({ has: member.getByRole('heading', { name: /^Gegevens toevoegen aan betrokkene \d+$/ }) });
    await form.getByLabel('Soort gegeven').selectOption('telefoon');
    await form.getByLabel('Waarde').fill('06 11122233');
    expect(await axeViolations(member)).toEqual([]);
    await form.getByRole('button', { name: 'Gegevens toevoegen aan deze betrokkene' }).click();
    await member.getByText('De gegevens zijn toegevoegd aan de betrokkene.').waitFor();
    await member.getByText('06 11122233').waitFor();
    expect(subjectCount()).toBe(before);

    // The coordinator withdraws a test signal (street "<script>", city 🌷).
    const chair = await newPage(browser, app);
    await login(chair, 'coordinator@bit.demo');
    await chair.goto('/casussen/nieuw');
    await chair.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Hilversum' });
    await chair.getByLabel('Straat').fill('<script>');
    await chair.getByLabel('Huisnummer').fill('1');
    await chair.getByLabel('Postcode').fill('1211 AA');
    await chair.getByLabel('Plaats').fill('🌷');
    await chair.getByLabel('Thema', { exact: true }).selectOption({ label: 'Woonoverlast' });
    await chair.getByRole('button', { name: 'Signaal melden' }).click();
    await chair.waitForURL(/\/casussen\/\d+$/);
    await chair.getByRole('heading', { level: 1, name: /<script>/ }).waitFor();
    await chair.getByRole('button', { name: 'Intrekken' }).click();
    await chair.getByLabel('Reden van intrekken').fill('Testmelding bij de training.');
    expect(await axeViolations(chair)).toEqual([]);
    await chair.getByRole('button', { name: 'Definitief intrekken' }).click();
    await chair.getByText(/Ingetrokken op .*Reden: Testmelding bij de training\./).waitFor();
    await chair.goto('/casussen');
    await chair.getByRole('status').filter({ hasText: /casus/ }).waitFor();
    expect(await chair.getByText('<script>').count()).toBe(0);
  });
});
