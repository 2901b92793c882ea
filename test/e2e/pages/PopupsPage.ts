// Page model of the settings' "Pop-ups" section: the owner's pop-up preferences main keeps.
import { expect, type Locator, type Page } from '@playwright/test';

export class PopupsPage {
  readonly root: Locator;
  readonly digestAt: Locator;
  readonly quiet: Locator;
  readonly quietFrom: Locator;
  readonly quietTo: Locator;
  readonly timed: Locator;
  readonly closeToTray: Locator;
  readonly openAtLogin: Locator;
  readonly save: Locator;
  readonly unlock: Locator;
  readonly message: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('popups-section');
    this.digestAt = this.root.getByTestId('popups-digest-at');
    this.quiet = this.root.getByTestId('popups-quiet');
    this.quietFrom = this.root.getByTestId('popups-quiet-from');
    this.quietTo = this.root.getByTestId('popups-quiet-to');
    this.timed = this.root.getByTestId('popups-timed');
    this.closeToTray = this.root.getByTestId('popups-close-to-tray');
    this.openAtLogin = this.root.getByTestId('popups-open-at-login');
    this.save = this.root.getByTestId('popups-save');
    this.unlock = this.root.getByTestId('popups-unlock');
    this.message = this.root.getByTestId('popups-message');
  }

  static async open(page: Page): Promise<PopupsPage> {
    await page.getByTestId('nav-settings').click();
    const section = new PopupsPage(page);
    await expect(section.digestAt).toBeVisible();
    return section;
  }
}
