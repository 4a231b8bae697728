import { test as base, expect, screenshot } from './fixtures';
import { startBridge, type Bridge } from './bridge';
import { call, CASES_OWNER, CASES_PASSPHRASE, CaseListPage } from './pages/CasesPages';

/**
 * The programme's clock (issue 19, item 6): at 22:30 UTC on 30 June 2026 it is already 1 July in
 * Copenhagen. The laptop here is set to New York (18:30 on 30 June), both in the browser and,
 * through the bridge's clock, in the main process: the new case defaults to 1 July, saves, and the
 * case shows the second half-year's date. With the laptop's own date the form would offer 30 June
 * and main would refuse 1 July as a date in the future.
 */
const INSTANT = new Date('2026-06-30T22:30:00Z');

const test = base.extend<{ bridge: Bridge }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright needs the destructuring
  bridge: async ({}, use) => {
    const bridge = await startBridge({ now: () => INSTANT });
    await use(bridge);
    await bridge.close();
  },
});
test.use({ timezoneId: 'America/New_York' });

test("today is Copenhagen's date whatever zone the laptop is in", async ({ page, bridge, vault }) => {
  void vault;
  await page.clock.setFixedTime(INSTANT);
  expect(await page.evaluate(() => new Date().getDate())).toBe(30); // the browser really is on New York's 30 June

  await call(bridge, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: CASES_OWNER });
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.empty.getByRole('button', { name: 'Opret sag' }).click();
  await expect(page.getByLabel('Oprettet')).toHaveValue('01.07.2026');

  await page.getByLabel('Fornavn').fill('Ulla');
  await page.getByLabel('Efternavn').fill('Urtegård');
  await page.getByLabel('Fødselsdato').fill('03.02.2011');
  await page.getByLabel('Bydel', { exact: true }).selectOption({ label: 'Valby' });
  await page.getByLabel(/^Niveau 2:/).check();
  await page.getByLabel('Begrundelse').fill('Bekymring fra skolen');
  await page.getByRole('button', { name: 'Opret sag' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1, name: /Ulla Urtegård/ })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('1. juli 2026');
  await screenshot(page, 'clock-01-case-opened-in-copenhagen-time');
});
