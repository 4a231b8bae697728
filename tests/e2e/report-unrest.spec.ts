import { todayOf } from '../../src/main/core/clock';
import { periodOf } from '../../src/shared/core/dates';
import { expect, expectAccessible, SCREENSHOT_DIR, screenshot, test } from './fixtures';
import { call, CaseListPage, createSeededVault } from './pages/CasesPages';

/**
 * Tryghed og uro (issue 16 item 2) end to end: the log per bydel (add, a name refused with the
 * text kept, an entry added by keyboard alone, edit, delete after a confirmation) and the report's
 * "bydel med uro" count beside the assessments. Fictional people; entries dated today.
 */
const today = todayOf(new Date());

test('tryghed og uro: log entries per bydel and the report\'s bydele med uro', async ({ page, bridge, vault, shell }) => {
  void vault;
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  await call(bridge, 'cases.open', { person: { firstName: 'Ulrik', lastName: 'Urosen', birthDate: '2010-04-04' }, level: 2, reason: 'Fixture', districtId: 1, openedOn: today });
  const districts = await call<{ id: number; name: string }[]>(bridge, 'districts.list', {});
  const [first, second] = districts as [{ id: number; name: string }, { id: number; name: string }];

  await new CaseListPage(page).goto(bridge.url);
  await shell.goTo('Halvårsrapport');
  await page.getByRole('button', { name: 'Tryghed og uro', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tryghed og uro pr. bydel' })).toBeVisible();
  await expect(page.getByTestId('unrest-empty')).toBeVisible();
  await expectAccessible(page, 'unrest log empty');

  // An entry naming a registered young person is refused; what was typed stays.
  await page.getByRole('button', { name: 'Tilføj indførsel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Ny indførsel om tryghed og uro' });
  await dialog.getByLabel('Bydel').selectOption({ label: first.name });
  await dialog.getByLabel('Type').selectOption({ label: 'Uro observeret' });
  await dialog.getByLabel('Beskrivelse').fill('Ulrik og en gruppe unge ved stationen om aftenen.');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog.getByText('Teksten indeholder fornavn eller efternavn på en ung i registret.').first()).toBeVisible();
  await expect(dialog.getByLabel('Beskrivelse')).toHaveValue('Ulrik og en gruppe unge ved stationen om aftenen.');
  // A date in the text is caught in the form already.
  await dialog.getByLabel('Beskrivelse').fill('Uro 12.03.09 ved stationen');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog.getByText('Teksten indeholder en dato. Skriv datoen i datofeltet, og fjern den fra teksten.')).toBeVisible();
  await dialog.getByLabel('Beskrivelse').fill('En gruppe unge ved stationen om aftenen; politi og klub til stede.');
  await screenshot(page, 'report-unrest-01-dialog');
  await expectAccessible(page, 'unrest dialog');
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Indførslen er gemt.')).toBeVisible();
  await expect(page.getByTestId('unrest-entry')).toHaveCount(1);

  // By keyboard alone: open, choose bydel and type, write, Ctrl+Enter saves.
  await page.getByRole('button', { name: 'Tilføj indførsel' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  const bydel = dialog.getByLabel('Bydel');
  await bydel.focus();
  await expect(bydel).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(bydel).toHaveValue(String(second.id));
  await page.keyboard.press('Tab'); // the date (today)
  await page.keyboard.press('Tab'); // the type
  await expect(dialog.getByLabel('Type')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(dialog.getByLabel('Type')).toHaveValue('plan-activated');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Beredskabsplan aktiveret efter uro ved skolen.');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('unrest-entry')).toHaveCount(2);

  // Edit the first: a measure instead.
  await page.getByRole('button', { name: new RegExp(`^Ret Uro observeret .* i ${first.name}$`) }).click();
  const edit = page.getByRole('dialog', { name: 'Ret indførsel' });
  await edit.getByLabel('Type').selectOption({ label: 'Tiltag' });
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Ændringen er gemt.')).toBeVisible();
  await expect(page.getByTestId('unrest-entry').filter({ hasText: first.name })).toContainText('Tiltag');
  await screenshot(page, 'report-unrest-02-log');
  await expectAccessible(page, 'unrest log');

  // Delete it, after a confirmation.
  await page.getByRole('button', { name: new RegExp(`^Slet Tiltag .* i ${first.name}$`) }).click();
  const confirm = page.getByRole('dialog', { name: 'Slet indførslen?' });
  await expect(confirm).toContainText('Det kan ændre, om bydelen tæller som bydel med uro.');
  await screenshot(page, 'report-unrest-03-confirm');
  await confirm.getByRole('button', { name: 'Slet indførslen' }).click();
  await expect(page.getByText('Indførslen er slettet.')).toBeVisible();
  await expect(page.getByTestId('unrest-entry')).toHaveCount(1);

  await call(bridge, 'report.assessments.save', { period: periodOf(today), districtId: second.id, text: 'Roligere efter sommeren; beredskabsplanen er stadig aktiv.' });
  // The report of the running half-year: one bydel med uro (the active plan), beside the assessments.
  await page.getByRole('button', { name: 'Tilbage til rapporten' }).click();
  await page.getByLabel('Periode', { exact: true }).selectOption(periodOf(today));
  await page.getByRole('button', { name: 'Vælg alle', exact: true }).click();
  const unrestTable = page.locator('table[data-table="unrest"]');
  await expect(page.getByTestId('unrest-count')).toHaveText(`Bydele med uro: 1 af ${await unrestTable.locator('tbody tr').count()}`);
  await expect(unrestTable.locator('tr', { has: page.getByRole('rowheader', { name: second.name, exact: true }) })).toContainText('Ja01Roligere efter sommeren');
  await unrestTable.scrollIntoViewIfNeeded();
  await page.locator('section.report-table-section', { has: unrestTable }).screenshot({ path: `${SCREENSHOT_DIR}/report-unrest-04-report.png` });
  await expectAccessible(page, 'report with unrest');
});
