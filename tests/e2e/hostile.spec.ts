import type { Page } from '@playwright/test';
import type { CaseDetail } from '../../src/shared/cases/contract';
import { expect, screenshot, test } from './fixtures';
import { call, CaseDetailPage, CaseListPage, createSeededVault } from './pages/CasesPages';

/**
 * Text is rendered as text, never as HTML: a case whose person, contact, reason, event and notes
 * hold markup (saved through the real handlers, and one note typed into the UI) shows that markup
 * literally in the list and on the case, creates no element from it, and runs none of it.
 *
 * The page's CSP alone would stop the inline handlers below, so "nothing ran" is not enough: the
 * test also checks that no element was made from the text (no <img src="x">, no <svg>, no extra
 * <script>) and that the literal characters are on screen. A CSP violation would also show up as a
 * console error, which the fixture fails on.
 */

const FIRST = '<img src=x onerror="window.__xss=1">';
const LAST = '<script>window.__xss=2</script>Ærø';
const SCHOOL = '"><svg onload="window.__xss=3">';
const CONTACT = '<b onmouseover="window.__xss=4">Mor</b>';
const REASON = "'); DROP TABLE cases;-- <iframe src=javascript:window.__xss=5>";
const EVENT = '<a href="javascript:window.__xss=6">klik</a>';
const NOTE = '<img src=x onerror="window.__xss=7"> Samtale & "citat" <u>ikke understreget</u>';
const TYPED_NOTE = '<img src=y onerror="window.__xss=8">Skrevet i formularen</img>';

async function expectNothingRan(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  const made = await page.evaluate(() => ({
    imgs: document.querySelectorAll('img[src="x"], img[src="y"], img[onerror]').length,
    svgOnload: document.querySelectorAll('svg[onload]').length,
    iframes: document.querySelectorAll('iframe').length,
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
    jsLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    bold: [...document.querySelectorAll('b, u')].filter((e) => /Mor|understreget/.test(e.textContent ?? '')).length,
  }));
  expect(made).toEqual({ imgs: 0, svgOnload: 0, iframes: 0, inlineScripts: 0, handlers: 0, jsLinks: 0, bold: 0 });
}

test('markup in names, contacts, reasons, events and notes is shown as text and never runs', async ({ page, bridge, vault }) => {
  void vault; // watches the console (CSP violations, page errors)
  await createSeededVault(bridge, 0);
  const opened = await call<CaseDetail>(bridge, 'cases.open', {
    person: { firstName: FIRST, lastName: LAST, birthDate: '2011-05-06', school: SCHOOL, contacts: [{ name: CONTACT, relation: '<i>Mor</i>', phone: '12345678' }] },
    level: 2,
    reason: REASON,
    openedOn: '2026-01-05',
    coordinator: '<marquee>K</marquee>',
  });
  await call(bridge, 'cases.addEvent', { caseId: opened.id, kind: 'concern', occurredOn: '2026-01-06', description: EVENT });
  await call(bridge, 'cases.addNote', { caseId: opened.id, text: NOTE });

  // The list: the name as typed.
  const list = new CaseListPage(page);
  await list.goto(bridge.url);
  await list.expectLoaded('');
  await expect(list.row(opened.caseNumber)).toContainText(`${FIRST} ${LAST}`);
  await expectNothingRan(page);

  // Searching for markup finds it and still shows it as text.
  await list.searchFor('<script>');
  await expect(list.row(opened.caseNumber)).toContainText(LAST);
  await expectNothingRan(page);

  // The case: heading, person panel, timeline.
  await list.open(opened.caseNumber);
  const detail = new CaseDetailPage(page);
  await expect(detail.heading(`${FIRST} ${LAST}`)).toBeVisible();
  for (const text of [SCHOOL, CONTACT, REASON, EVENT, NOTE]) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();

  // A note typed into the form, saved and shown back.
  await detail.addNote(TYPED_NOTE);
  await expect(detail.timeline.getByText(TYPED_NOTE)).toBeVisible();
  await screenshot(page, 'hostile-01-case-with-markup');
  await expectNothingRan(page);

  // Stored verbatim: what the handlers give back is exactly what was typed.
  const stored = await call<CaseDetail>(bridge, 'cases.get', { caseId: opened.id });
  expect([stored.person.firstName, stored.person.lastName, stored.person.school, stored.person.contacts[0]!.name]).toEqual([FIRST, LAST, SCHOOL, CONTACT]);
  expect(stored.notes.map((n) => n.text).sort()).toEqual([NOTE, TYPED_NOTE].sort());
  expect(stored.events[0]!.description).toBe(EVENT);
});
