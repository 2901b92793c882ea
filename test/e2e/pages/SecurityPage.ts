// Page model of the settings' "Security and privacy" section: each protection's row, its state, the chain check.
import { expect, type Locator, type Page } from '@playwright/test';

export type ProtectionId = 'pin' | 'backupEncryption' | 'automaticBackups' | 'auditChain' | 'diskEncryption' | 'electron';

export class SecurityPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('security-section');
  }

  static async open(page: Page): Promise<SecurityPage> {
    await page.getByTestId('nav-settings').click();
    const section = new SecurityPage(page);
    await expect(section.root).toBeVisible();
    return section;
  }

  row(id: ProtectionId): Locator {
    return this.root.getByTestId(`security-${id}`);
  }

  /** The row's state as shown (its pill), and its level (on, warning, info, unknown) as data. */
  state(id: ProtectionId): Locator {
    return this.row(id).getByTestId('security-state');
  }

  async expectRow(id: ProtectionId, level: 'on' | 'warning' | 'info' | 'unknown', state: string) {
    await expect(this.row(id)).toHaveAttribute('data-level', level);
    await expect(this.state(id)).toHaveText(state);
  }

  async checkChain() {
    await this.root.getByTestId('security-check-chain').click();
  }
}
