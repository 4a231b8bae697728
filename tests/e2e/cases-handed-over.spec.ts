import type { Page } from '@playwright/test';
import { todayOf } from '../../src/main/core/clock';
import { addDays, addYears } from '../../src/shared/core/dates';
import { serviceCtx } from '../../src/main/core/service-context';
import { markHandedOver, settleHandover } from '../../src/main/handover/payload';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, CaseDetailPage, CaseListPage, createSeededVault } from './pages/CasesPages';

/**
 * Issue 21 item 2 on screen: a case handed over to a colleague's vault shows "Overdraget –
 * afventer kvittering" and offers no way to change it; after a refusal it is editable again.
 * The handover itself (bundle, receipt) is i21keys' flow; here the sender's state is set with
 * the seam's markHandedOver in the real main process behind the browser.
 */
const today = todayOf(new Date());
const main = (page: Page) => page.getByRole('main');

test('a handed-over case is read-only and says so; refused, it can be changed again', async ({ page, bridge, vault, shell }) => {
  void vault;
  void shell;
  await page.setViewportSize({ width: 1366, height: 768 });
  await createSeededVault(bridge, 0);
  const c = await call<CaseDetail>(bridge, 'cases.open', {
    person: { firstName: 'Hannah', lastName: 'Overdragsen', birthDate: addYears(today, -15), districtId: 3 },
    level: 2,
    reason: 'Sigtet for tyveri',
    districtId: 3,
    openedOn: addDays(today, -200),
  });
  markHandedOver(serviceCtx(bridge.ctx), c.person.id, { bundleId: 'bundle-e2e-0001', recipientFingerprint: 'ABCD 1234', handoverDate: today });

  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.row(c.caseNumber).click();
  const detail = new CaseDetailPage(page);
  await expect(detail.heading('Hannah Overdragsen')).toBeVisible();
  await expect(main(page).getByText('Overdraget – afventer kvittering').first()).toBeVisible();
  await expect(main(page).getByText(/Intet om den unge kan ændres her, før kvitteringen er åbnet/)).toBeVisible();
  for (const name of ['Skift niveau', 'Tilføj hændelse', 'Skriv notat', 'Redigér sag', 'Afslut sag', 'Redigér person']) {
    await expect(main(page).getByRole('button', { name })).toHaveCount(0);
  }
  await screenshot(page, 'handed-over-01-pending');
  await expectAccessible(page, 'handed-over case');

  // Refused: editable again (after a reload of the case).
  settleHandover(serviceCtx(bridge.ctx), 'bundle-e2e-0001', 'refused');
  await page.reload();
  await list.goto(bridge.url);
  await list.row(c.caseNumber).click();
  await expect(detail.heading('Hannah Overdragsen')).toBeVisible();
  await expect(main(page).getByText('Overdraget – afventer kvittering')).toHaveCount(0);
  await expect(main(page).getByRole('button', { name: 'Skift niveau' })).toBeVisible();
});
