import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBridge } from './bridge';
import { expect, expectAccessible, screenshot, test } from './fixtures';
import { call, CaseListPage, CASES_OWNER, CASES_PASSPHRASE } from './pages/CasesPages';

/**
 * Two coordinators, two browser-mode instances with their own vault folders, at 1366x768:
 * A adds B as a colleague (pasting B's code and typing the fingerprint B reads aloud), hands a
 * young person over (the bundle is downloaded), B opens it, sees what it holds, accepts it (the
 * receipt is downloaded), and A opens the receipt: the person leaves A's vault.
 */
test.use({ viewport: { width: 1366, height: 768 } });

const OWNER_B = { name: 'Bo Bydelsen', role: 'SSP-koordinator', area: 'Valby' };
const PERSON = { firstName: 'Syntia', lastName: 'Prøvehøj', cpr: '010110-4234', birthDate: '2010-01-01', sex: 'K', districtId: 1 };

async function openArea(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Overdragelse', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Overdragelse' })).toBeVisible();
}
async function tab(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Overdragelse' }).getByRole('button', { name, exact: true }).click();
}

test('hand a young person from one vault to another: send, receive and accept, receipt back', async ({ page, bridge, browser, consoleErrors }) => {
  test.setTimeout(180_000);
  const downloads = mkdtempSync(join(tmpdir(), 'ssp-handover-e2e-'));
  const bridgeB = await startBridge();
  const contextB = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', acceptDownloads: true });
  const pageB = await contextB.newPage();
  pageB.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`B: ${m.text()}`);
  });
  pageB.on('pageerror', (e) => consoleErrors.push(`B pageerror: ${e.message}`));
  try {
    await call(bridge, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: CASES_OWNER });
    const opened = await call<{ id: number; caseNumber: string; person: { id: number } }>(bridge, 'cases.open', { person: PERSON, level: 2, reason: 'Sigtet for tyveri', openedOn: '2026-01-10', districtId: 1 });
    await call(bridgeB, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: OWNER_B });
    const idA = await call<{ code: string; fingerprint: string }>(bridge, 'handover.identity', {});
    const idB = await call<{ code: string; fingerprint: string }>(bridgeB, 'handover.identity', {});
    await call(bridgeB, 'handover.addColleague', { code: idA.code, fingerprint: idA.fingerprint });

    // A: the fingerprint and an empty colleague list, then B added with the fingerprint B reads aloud.
    await page.goto(bridge.url);
    await openArea(page);
    await expect(page.getByTestId('own-fingerprint')).toHaveText(idA.fingerprint.replace(/(.{4})(?=.)/g, '$1 '));
    await expect(page.getByTestId('colleagues-empty')).toBeVisible();
    await screenshot(page, 'handover-01-identity');
    await expectAccessible(page, 'overdragelse: min boks');
    await page.getByRole('button', { name: 'Tilføj kollega' }).click();
    const dialog = page.getByTestId('add-colleague');
    await dialog.getByLabel('Kollegaens kode').fill(idB.code);
    await dialog.getByRole('button', { name: 'Vis fingeraftryk' }).click();
    await expect(dialog.getByTestId('colleague-fingerprint')).toHaveText(idB.fingerprint.replace(/(.{4})(?=.)/g, '$1 '));
    await dialog.getByLabel('Fingeraftryk, som kollegaen læser op').fill('forkert');
    await dialog.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(dialog).toContainText('Fingeraftrykket passer ikke til koden');
    await expect(dialog.getByLabel('Kollegaens kode')).toHaveValue(idB.code); // nothing typed is lost
    await screenshot(page, 'handover-02-add-colleague');
    await expectAccessible(page, 'tilføj kollega');
    await dialog.getByLabel('Fingeraftryk, som kollegaen læser op').fill(idB.fingerprint.toLowerCase().replace(/(.{4})(?=.)/g, '$1 '));
    await dialog.getByRole('button', { name: 'Tilføj', exact: true }).click();
    await expect(page.getByTestId('colleague-list')).toContainText(`${OWNER_B.name}, ${OWNER_B.area}`);

    // A: the search on the handover screen finds her; then from her case, "Overdrag til kollega".
    await tab(page, 'Overdrag til kollega');
    await page.getByLabel('Søg efter den unge').fill('Syntia');
    await page.getByRole('button', { name: 'Søg efter den unge' }).click();
    await expect(page.getByRole('button', { name: 'Vælg Syntia Prøvehøj' })).toBeVisible();
    const cases = new CaseListPage(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Sager', exact: true }).click();
    await cases.expectLoaded();
    await cases.open(opened.caseNumber);
    await page.getByRole('button', { name: 'Overdrag til kollega' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Overdrag til kollega' })).toBeVisible();
    await expect(page.getByTestId('send-chosen')).toContainText('Syntia Prøvehøj');
    await page.getByLabel(`${OWNER_B.name}, ${OWNER_B.area}`).check();
    await screenshot(page, 'handover-03-send');
    await expectAccessible(page, 'overdrag til kollega');
    await page.getByRole('button', { name: 'Overdrag', exact: true }).click();
    const confirm = page.getByTestId('send-confirm');
    await expect(confirm.getByRole('button', { name: 'Annullér' })).toBeFocused();
    await expect(confirm).toContainText('Overdrag Syntia Prøvehøj til');
    const [bundleDownload] = await Promise.all([page.waitForEvent('download'), confirm.getByRole('button', { name: 'Overdrag og gem fil' }).click()]);
    const bundlePath = join(downloads, bundleDownload.suggestedFilename());
    await bundleDownload.saveAs(bundlePath);
    expect(bundleDownload.suggestedFilename()).toMatch(/^overdragelse-.*\.ssp-overdragelse$/);
    await expect(page.getByRole('status').filter({ hasText: 'Overdragelsen er gemt som' })).toBeVisible();
    await screenshot(page, 'handover-03b-sent');
    // Her case is read-only at A until the receipt: the banner, and no write buttons.
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Sager', exact: true }).click();
    await cases.expectLoaded();
    await cases.open(opened.caseNumber);
    await expect(page.getByText(/Den unge er overdraget til en kollega den/)).toBeVisible();
    await expect(page.getByText('Overdraget – afventer kvittering', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Skriv notat' })).toBeHidden();
    await screenshot(page, 'handover-03c-case-read-only');
    await expectAccessible(page, 'sag overdraget');
    await openArea(page);

    // B: open the file, see what it holds, accept; the receipt is downloaded.
    await pageB.goto(bridgeB.url);
    await openArea(pageB);
    await tab(pageB, 'Modtag overdragelse');
    await pageB.getByLabel('Vælg overdragelsesfil').setInputFiles(bundlePath);
    const preview = pageB.getByTestId('receive-preview');
    await expect(preview).toContainText('Syntia Prøvehøj');
    await expect(preview).toContainText(opened.caseNumber);
    await expect(pageB.getByTestId('receive-no-matches')).toBeVisible();
    await screenshot(pageB, 'handover-04-receive-preview');
    await expectAccessible(pageB, 'modtag overdragelse');
    const [receiptDownload] = await Promise.all([pageB.waitForEvent('download'), preview.getByRole('button', { name: 'Modtag', exact: true }).click()]);
    const receiptPath = join(downloads, receiptDownload.suggestedFilename());
    await receiptDownload.saveAs(receiptPath);
    await expect(pageB.getByTestId('receive-done')).toContainText('Den unge er modtaget');
    await screenshot(pageB, 'handover-05-received');
    const atB = bridgeB.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM people WHERE first_name = 'Syntia'`).get() as { n: number };
    expect(atB.n).toBe(1);

    // A: open the receipt; the personal data leaves A's vault.
    await tab(page, 'Åbn kvittering');
    await page.getByLabel('Vælg kvitteringsfil').setInputFiles(receiptPath);
    await page.getByRole('region', { name: 'Kvitteringen fra kollegaen' }).getByRole('button', { name: 'Åbn kvittering', exact: true }).click();
    await expect(page.getByTestId('receipt-message')).toContainText('Kollegaen har modtaget den unge');
    await screenshot(page, 'handover-06-receipt');
    await expectAccessible(page, 'åbn kvittering');
    const atA = bridge.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM people WHERE first_name = 'Syntia'`).get() as { n: number };
    expect(atA.n).toBe(0);
    expect(opened.person.id).toBeGreaterThan(0);
  } finally {
    await contextB.close();
    await bridgeB.close();
    rmSync(downloads, { recursive: true, force: true });
  }
});

test('the colleague refuses with a reason: the receipt makes the case editable again; a colleague is removed after asking', async ({ page, bridge, browser, consoleErrors }) => {
  test.setTimeout(180_000);
  const downloads = mkdtempSync(join(tmpdir(), 'ssp-handover-e2e-'));
  const bridgeB = await startBridge();
  const contextB = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'da-DK', timezoneId: 'Europe/Copenhagen', acceptDownloads: true });
  const pageB = await contextB.newPage();
  pageB.on('pageerror', (e) => consoleErrors.push(`B pageerror: ${e.message}`));
  try {
    await call(bridge, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: CASES_OWNER });
    const opened = await call<{ id: number; caseNumber: string; person: { id: number } }>(bridge, 'cases.open', { person: PERSON, level: 2, reason: 'Sigtet for tyveri', openedOn: '2026-01-10', districtId: 1 });
    await call(bridgeB, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: OWNER_B });
    const idA = await call<{ code: string; fingerprint: string }>(bridge, 'handover.identity', {});
    const idB = await call<{ code: string; fingerprint: string }>(bridgeB, 'handover.identity', {});
    const b = await call<{ id: number }>(bridge, 'handover.addColleague', { code: idB.code, fingerprint: idB.fingerprint });
    await call(bridgeB, 'handover.addColleague', { code: idA.code, fingerprint: idA.fingerprint });
    const sent = await call<{ file: { fileName: string; base64: string } }>(bridge, 'handover.send', { personId: opened.person.id, colleagueId: b.id });
    const bundlePath = join(downloads, sent.file.fileName);
    writeFileSync(bundlePath, Buffer.from(sent.file.base64, 'base64'));

    // B refuses, by keyboard in the dialog: a reason is required.
    await pageB.goto(bridgeB.url);
    await openArea(pageB);
    await tab(pageB, 'Modtag overdragelse');
    await pageB.getByLabel('Vælg overdragelsesfil').setInputFiles(bundlePath);
    await pageB.getByTestId('receive-preview').getByRole('button', { name: 'Afvis', exact: true }).click();
    const refuse = pageB.getByTestId('refuse-dialog');
    await refuse.getByRole('button', { name: 'Afvis og gem kvittering' }).click();
    await expect(refuse).toContainText('Hvorfor afviser du?');
    await refuse.getByLabel('Den unge hører ikke til mit område').check();
    await screenshot(pageB, 'handover-07-refuse');
    await expectAccessible(pageB, 'afvis overdragelse');
    const [receiptDownload] = await Promise.all([pageB.waitForEvent('download'), refuse.getByRole('button', { name: 'Afvis og gem kvittering' }).click()]);
    const receiptPath = join(downloads, receiptDownload.suggestedFilename());
    await receiptDownload.saveAs(receiptPath);
    await expect(pageB.getByTestId('receive-done')).toContainText('Overdragelsen er afvist; intet er gemt');
    const atB = bridgeB.ctx.vault.current.sqlite.prepare(`SELECT count(*) AS n FROM people`).get() as { n: number };
    expect(atB.n).toBe(0);

    // A opens the receipt: refused, the case is editable again.
    await page.goto(bridge.url);
    await openArea(page);
    await expect(page.getByTestId('pending-list')).toContainText(`til ${OWNER_B.name}, ${OWNER_B.area}`);
    await tab(page, 'Åbn kvittering');
    await page.getByLabel('Vælg kvitteringsfil').setInputFiles(receiptPath);
    await page.getByRole('region', { name: 'Kvitteringen fra kollegaen' }).getByRole('button', { name: 'Åbn kvittering', exact: true }).click();
    await expect(page.getByTestId('receipt-message')).toContainText('Kollegaen har afvist overdragelsen (Den unge hører ikke til mit område). Sagerne kan redigeres igen.');
    await screenshot(page, 'handover-08-refused-receipt');
    const cases = new CaseListPage(page);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Sager', exact: true }).click();
    await cases.expectLoaded();
    await cases.open(opened.caseNumber);
    await expect(page.getByRole('button', { name: 'Skriv notat' })).toBeVisible();
    await expect(page.getByText(/Den unge er overdraget til en kollega den/)).toHaveCount(0);

    // A removes colleague B, after confirming; nothing awaits a receipt any more.
    await openArea(page);
    await expect(page.getByTestId('pending-empty')).toBeVisible();
    await page.getByRole('button', { name: `Fjern ${OWNER_B.name}, ${OWNER_B.area}` }).click();
    await expect(page.getByRole('dialog', { name: 'Fjern kollega?' })).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('button', { name: 'Annullér' })).toBeFocused();
    await screenshot(page, 'handover-09-remove-colleague');
    await expectAccessible(page, 'fjern kollega');
    await page.getByRole('dialog').getByRole('button', { name: 'Fjern kollega' }).click();
    await expect(page.getByTestId('colleagues-empty')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Kollegaen er fjernet.' })).toBeVisible();
  } finally {
    await contextB.close();
    await bridgeB.close();
    rmSync(downloads, { recursive: true, force: true });
  }
});
