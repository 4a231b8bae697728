import { expect, type Locator, type Page } from '@playwright/test';
import { todayOf } from '../../../src/main/core/clock';
import { seedDemoData, type SeedSummary } from '../../../src/main/demo-data';
import type { Result } from '../../../src/shared/contract';
import { formatDateNumeric } from '../../../src/shared/core/dates';
import type { Bridge } from '../bridge';

export const CASES_OWNER = { name: 'Karen Koordinatorsen', role: 'SSP-koordinator', area: 'Nørrebro' };
export const CASES_PASSPHRASE = 'Grøn cykel under Valby Langgade 42';

/** A call through the real dispatcher (the same handlers the page talks to); throws on failure. */
export async function call<T>(bridge: Bridge, name: string, input: unknown): Promise<T> {
  const r = (await bridge.dispatch(name, input)) as Result<T>;
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

/**
 * Creates the vault through the dispatcher (as Opret boks would) and fills it with `people`
 * synthetic people and cases through the real seeder, on today's date. Open the page afterwards:
 * the app starts unlocked on Overblik (`CaseListPage.goto` goes on to Sager).
 */
export async function createSeededVault(bridge: Bridge, people: number, seed = 7): Promise<{ today: string; summary: SeedSummary | null }> {
  await call(bridge, 'vault.create', { passphrase: CASES_PASSPHRASE, passphraseConfirm: CASES_PASSPHRASE, owner: CASES_OWNER });
  const today = todayOf(new Date());
  const summary = people > 0 ? seedDemoData(bridge.ctx.vault.current.sqlite, { people, seed, today }) : null;
  return { today, summary };
}

/** Sager: the case list with its search, filters and virtualised grid. */
export class CaseListPage {
  readonly heading: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly grid: Locator;
  readonly count: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Sager' });
    this.search = page.getByRole('searchbox', { name: 'Søg efter navn eller sagsnummer' });
    this.list = page.getByTestId('case-list');
    this.grid = page.getByRole('grid', { name: 'Sager' });
    this.count = page.getByTestId('case-count');
    this.empty = page.getByTestId('case-empty');
  }

  /** Opens the app (unlocked, it starts on Overblik) and goes to Sager through the side navigation. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.page.getByRole('heading', { level: 1, name: 'Overblik' })).toBeVisible();
    await this.page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('button', { name: 'Sager', exact: true }).click();
    await expect(this.heading).toBeVisible();
  }

  /** Data rows in the DOM (the grid renders only those in view). */
  rows(): Locator {
    return this.grid.locator('.case-grid-body [role="row"]');
  }

  row(caseNumber: string): Locator {
    return this.grid.locator(`[role="row"][data-case-number="${caseNumber}"]`);
  }

  /** Waits until the list shows the answer for `search` (the grid's data attributes). */
  async expectLoaded(search = ''): Promise<void> {
    await expect(this.list).toHaveAttribute('data-query', search);
    await expect(this.list).toHaveAttribute('data-state', 'ready');
  }

  async total(): Promise<number> {
    return Number(await this.list.getAttribute('data-total'));
  }

  async searchFor(text: string): Promise<void> {
    await this.search.fill(text);
    await this.expectLoaded(text);
  }

  levelFilter(level: number): Locator {
    return this.page.locator(`#case-filter-level-${level}`);
  }

  columnHeader(name: string): Locator {
    return this.grid.getByRole('columnheader', { name });
  }

  async open(caseNumber: string): Promise<void> {
    await this.row(caseNumber).click();
  }
}

/** One case: facts, timeline and the actions in dialogs. */
export class CaseDetailPage {
  readonly timeline: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.timeline = page.getByTestId('timeline');
    this.message = page.locator('.case-message');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  action(name: string): Locator {
    return this.page.getByRole('group', { name: 'Handlinger på sagen' }).getByRole('button', { name, exact: true });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async changeLevel(level: number, reason: string, forum?: string): Promise<void> {
    await this.action('Skift niveau').click();
    const dialog = this.dialog();
    await expect(dialog.getByRole('heading', { name: 'Skift niveau' })).toBeVisible();
    await dialog.getByLabel(new RegExp(`^Niveau ${level}:`)).check();
    await dialog.getByLabel('Begrundelse').fill(reason);
    if (forum !== undefined) await dialog.getByLabel('Koordinerende forum').fill(forum);
    await dialog.getByRole('button', { name: 'Skift niveau' }).click();
    await expect(dialog).toBeHidden();
    // Level 3-4 also puts the case on the ledergruppe's next meeting when one is planned (issue 17).
    await expect(this.message).toContainText(new RegExp(`Niveauet er ændret til ${level}(\\.|, og sagen er sat på mødet)`));
  }

  async addNote(text: string): Promise<void> {
    await this.action('Skriv notat').click();
    const dialog = this.dialog();
    await dialog.getByLabel('Notat', { exact: true }).fill(text);
    await dialog.getByRole('button', { name: 'Gem notat' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.message).toContainText('Notatet er gemt.');
  }

  async close(reasonLabel: string, date?: string): Promise<void> {
    await this.action('Afslut sag').click();
    const dialog = this.dialog();
    if (date) await dialog.getByLabel('Afslutningsdato').fill(formatDateNumeric(date)) // typed the Danish way;
    await dialog.getByLabel(reasonLabel, { exact: true }).check();
    await dialog.getByRole('button', { name: 'Fortsæt' }).click();
    await expect(dialog.getByTestId('close-confirm')).toContainText(reasonLabel);
    await dialog.getByRole('button', { name: 'Ja, afslut sagen' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.message).toContainText('Sagen er afsluttet.');
  }
}
