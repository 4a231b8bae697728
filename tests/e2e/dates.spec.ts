import config from '../../playwright.config';
import { addDays, toParts } from '../../src/shared/core/dates';
import { daDate, expect, expectAccessible, screenshot, test } from './fixtures';
import { CaseDetailPage, CaseListPage, call, createSeededVault } from './pages/CasesPages';

/**
 * Issue 17, item 5: dates the Danish way whatever language the computer is set to. Chromium runs
 * here in English (UI language and page locale en-US, no LANGUAGE=da), where a native
 * <input type="date"> reads mm/dd/yyyy: the app's date fields must still show and read dd.mm.åååå,
 * take every form a Dane types, keep what was typed when it is not a date, and say so in Danish.
 */
test.use({
  locale: 'en-US',
  launchOptions: { ...config.use?.launchOptions, env: { ...process.env, LANGUAGE: 'en', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' } },
  viewport: { width: 1366, height: 768 },
});

interface Detail {
  openedOn: string;
  person: { birthDate: string };
}

test('date fields read and show dd.mm.åååå in an English browser', async ({ page, bridge, vault }) => {
  void vault;
  const { today } = await createSeededVault(bridge, 0);
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  expect(await page.evaluate(() => navigator.language)).toBe('en-US'); // the browser really is English
  // A native date field in this browser would read the American way: the reason for DateField.
  expect(await page.evaluate(() => new Date(2009, 11, 31).toLocaleDateString())).toBe('12/31/2009');

  await list.empty.getByRole('button', { name: 'Opret sag' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret sag' })).toBeVisible();
  expect(await page.locator('input[type="date"]').count()).toBe(0);

  // The default shows the Danish way, with the format as the field's hint, and a numeric keyboard.
  const opened = page.getByLabel('Oprettet');
  await expect(opened).toHaveValue(daDate(today));
  await expect(opened).toHaveAttribute('type', 'text');
  await expect(opened).toHaveAttribute('inputmode', 'numeric');
  await expect(opened).toHaveAccessibleDescription('dd.mm.åååå');

  // Every accepted form, typed key by key; leaving the field writes it out as dd.mm.åååå.
  const birth = page.getByLabel('Fødselsdato');
  await expect(birth).toHaveAccessibleDescription(/^dd\.mm\.åååå/);
  const birthError = page.locator('#person-birth-date-error');
  for (const typed of ['31-12-2009', '31.12.2009', '31122009', '31/12/2009', '31/12-2009', '2009-12-31']) {
    await birth.fill('');
    await birth.pressSequentially(typed);
    await expect(birth).toHaveValue(typed); // nothing is rewritten while typing
    await birth.press('Tab');
    await expect(birth, typed).toHaveValue('31.12.2009');
    await expect(birthError).toHaveCount(0);
  }
  // d.m.åååå: one-digit day and month.
  await birth.fill('');
  await birth.pressSequentially('3.2.2011');
  await birth.press('Tab');
  await expect(birth).toHaveValue('03.02.2011');

  // Not a date: the text stays as typed, a Danish message says what to do, the form is not sent.
  await birth.fill('');
  await birth.pressSequentially('31.02.2011');
  await birth.press('Tab');
  await expect(birth).toHaveValue('31.02.2011');
  await expect(birthError).toHaveText('Fejl: Den dato findes ikke i kalenderen. Tjek dag og måned, og skriv dd.mm.åååå.');
  await expect(birth).toHaveAttribute('aria-invalid', 'true');
  await birth.fill('');
  await birth.pressSequentially('12/31/2009'); // the American order: there is no 31st month
  await birth.press('Tab');
  await expect(birthError).toContainText('Den dato findes ikke i kalenderen');
  await birth.fill('');
  await birth.pressSequentially('31.12.09');
  await birth.press('Tab');
  await expect(birthError).toContainText('Skriv datoen som dd.mm.åååå, fx 31.12.2009');

  await page.getByLabel('Fornavn').fill('Dorte');
  await page.getByLabel('Efternavn').fill('Datosen');
  await page.getByLabel('Bydel', { exact: true }).selectOption({ label: 'Valby' });
  await page.getByLabel(/^Niveau 1:/).check();
  await page.getByLabel('Begrundelse').fill('Bekymring fra skolen');
  // Opened two days ago, typed short (d.m.åååå without leading zeros).
  const openedOn = addDays(today, -2);
  const p = toParts(openedOn);
  await opened.fill('');
  await opened.pressSequentially(`${p.day}.${p.month}.${p.year}`);
  await opened.press('Tab');
  await expect(opened).toHaveValue(daDate(openedOn));
  // 29 February of a common year: the field says so.
  const review = page.getByLabel('Næste opfølgning (valgfri)');
  await review.pressSequentially('29.02.2025'); // 2025 is not a leap year
  await review.press('Tab');
  await expect(page.locator(`#${await review.getAttribute('id')}-error`)).toContainText('Den dato findes ikke');
  await screenshot(page, 'dates-01-new-case-english-browser-errors');
  await expectAccessible(page, 'new case with date errors, English browser');

  await page.getByRole('button', { name: 'Opret sag' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  expect((await call<{ total: number }>(bridge, 'cases.list', { status: 'all' })).total).toBe(0);
  await expect(birth).toHaveValue('31.12.09'); // nothing typed is lost

  await birth.fill('');
  await birth.pressSequentially('31122009');
  await review.fill('');
  await review.pressSequentially('29-02-2028'); // a leap year
  await review.press('Tab');
  await expect(review).toHaveValue('29.02.2028');
  await page.getByRole('button', { name: 'Opret sag' }).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Dorte Datosen')).toBeVisible();

  // Stored as ISO; shown in prose ("31. december 2009") on the case page.
  const { rows } = await call<{ rows: { id: number }[] }>(bridge, 'cases.list', { status: 'all' });
  expect(rows).toHaveLength(1);
  const stored = await call<Detail & { nextReviewOn: string | null }>(bridge, 'cases.get', { caseId: rows[0]!.id });
  expect(stored.person.birthDate).toBe('2009-12-31');
  expect(stored.openedOn).toBe(openedOn);
  expect(stored.nextReviewOn).toBe('2028-02-29');
  await expect(page.getByRole('main')).toContainText('31. december 2009');
  await expect(page.getByRole('main')).toContainText('29. februar 2028');
  await screenshot(page, 'dates-02-case-opened');
});
