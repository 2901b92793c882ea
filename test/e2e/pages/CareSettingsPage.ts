// Page model of the settings' "Care reminders" section: the lead times and the overdue threshold, saved by the owner.
import { expect, type Locator, type Page } from '@playwright/test';
import { clickAsNeeded } from './OwnerPin';

export type CareField = 'birthday' | 'festival' | 'followUp' | 'points' | 'cadenceOverdueDays';

export class CareSettingsPage {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('care-settings');
  }

  static async open(page: Page): Promise<CareSettingsPage> {
    await page.getByTestId('nav-settings').click();
    const section = new CareSettingsPage(page);
    await expect(section.root).toBeVisible();
    return section;
  }

  field(name: CareField): Locator {
    return this.root.getByTestId(`care-setting-${name}`);
  }

  /** The field's error as announced (FieldError ties it to the control by id). */
  error(name: CareField): Locator {
    return this.root.locator(`#care-${name}-error`);
  }

  get saveButton(): Locator {
    return this.root.getByTestId('care-settings-save');
  }

  get saved(): Locator {
    return this.root.getByTestId('care-settings-saved');
  }

  async fill(values: Partial<Record<CareField, string>>) {
    for (const [name, text] of Object.entries(values) as [CareField, string][]) await this.field(name).fill(text);
  }

  /** Saves, answering the owner PIN when the button says it will be asked. */
  async save() {
    await clickAsNeeded(this.page, this.saveButton);
  }

  /** Clicks save on a draft that is refused before any PIN is asked. */
  async saveRefused() {
    await this.saveButton.click();
  }

  async expectValues(values: Record<CareField, string>) {
    for (const [name, text] of Object.entries(values) as [CareField, string][]) await expect(this.field(name)).toHaveValue(text);
  }
}
