import { expect, type Locator, type Page } from '@playwright/test';

export interface OwnerInput {
  name: string;
  role: string;
  area: string;
}

/** The screens around the vault: Opret boks, the recovery key, Lås op, and the Lås button. */
export class VaultPages {
  readonly createHeading: Locator;
  readonly recoveryHeading: Locator;
  readonly unlockHeading: Locator;
  readonly recoveryKey: Locator;
  readonly unlockField: Locator;
  readonly unlockButton: Locator;

  constructor(readonly page: Page) {
    this.createHeading = page.getByRole('heading', { level: 1, name: 'Opret din boks' });
    this.recoveryHeading = page.getByRole('heading', { level: 1, name: 'Gem din gendannelsesnøgle' });
    this.unlockHeading = page.getByRole('heading', { level: 1, name: 'Boksen er låst' });
    this.recoveryKey = page.getByTestId('recovery-key');
    this.unlockField = page.locator('#unlock-secret');
    this.unlockButton = page.getByRole('button', { name: 'Lås op', exact: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
  }

  async fillCreateForm(owner: OwnerInput, passphrase: string, confirm = passphrase): Promise<void> {
    await this.page.getByLabel('Dit navn').fill(owner.name);
    await this.page.getByLabel('Din rolle').fill(owner.role);
    await this.page.getByLabel('SSP-område').fill(owner.area);
    await this.page.getByLabel('Adgangskode', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Gentag adgangskoden').fill(confirm);
  }

  submitCreate(): Promise<void> {
    return this.page.getByRole('button', { name: 'Opret boks' }).click();
  }

  /** Fills and submits Opret boks; returns the recovery key shown afterwards. */
  async createVault(owner: OwnerInput, passphrase: string): Promise<string> {
    await expect(this.createHeading).toBeVisible();
    await this.fillCreateForm(owner, passphrase);
    await this.submitCreate();
    await expect(this.recoveryHeading).toBeVisible();
    return ((await this.recoveryKey.textContent()) ?? '').trim();
  }

  /** Ticks "Jeg har gemt gendannelsesnøglen" and continues into the app. */
  async confirmRecoveryKey(): Promise<void> {
    await this.page.getByLabel('Jeg har gemt gendannelsesnøglen').check();
    await this.page.getByRole('button', { name: 'Fortsæt til SSP Desk' }).click();
    await expect(this.recoveryHeading).toBeHidden();
  }

  async useRecoveryKeyInstead(): Promise<void> {
    await this.page.getByRole('button', { name: 'Brug gendannelsesnøglen i stedet' }).click();
    await expect(this.page.getByLabel('Gendannelsesnøgle')).toBeFocused();
  }

  /** Types the secret and presses Enter. */
  async submitUnlock(secret: string): Promise<void> {
    await expect(this.unlockHeading).toBeVisible();
    await this.unlockField.fill(secret);
    await this.unlockField.press('Enter');
  }

  async unlock(secret: string): Promise<void> {
    await this.submitUnlock(secret);
    await expect(this.unlockHeading).toBeHidden();
  }

  /** The inline error under the unlock field after a failed attempt. */
  unlockError(): Locator {
    return this.page.locator('#unlock-secret-error');
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lås', exact: true }).click();
    await expect(this.unlockHeading).toBeVisible();
  }
}
