import { expect, type Locator, type Page } from '@playwright/test';

/** The unlocked app's frame: header with owner and Lås, side navigation, main area. */
export class AppShell {
  readonly header: Locator;
  readonly nav: Locator;
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.header = page.getByRole('banner');
    this.nav = page.getByRole('navigation', { name: 'Hovedmenu' });
    this.main = page.getByRole('main');
  }

  async expectVisible(ownerName: string): Promise<void> {
    await expect(this.nav).toBeVisible();
    await expect(this.header).toContainText(ownerName);
  }

  /** Clicks an item in the side navigation and waits for the area's heading. */
  async goTo(label: string, heading = label): Promise<void> {
    await this.nav.getByRole('button', { name: label, exact: true }).click();
    await expect(this.nav.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(this.main.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
}
