// Page models for satisfaction surveys: the customer page's card, the survey form, the after-purchase prompt and the list's filter.
import { expect, type Locator, type Page } from '@playwright/test';
import { clickAsNeeded } from './OwnerPin';

export type SurveyChoiceName = 'service' | 'price' | 'range' | 'waiting';

export class SurveyCardModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-card');
  }

  get lastScore(): Locator {
    return this.root.getByTestId('survey-last-score');
  }

  get last(): Locator {
    return this.root.getByTestId('survey-last');
  }

  get none(): Locator {
    return this.root.getByTestId('survey-none');
  }

  get declined(): Locator {
    return this.root.getByTestId('survey-declined');
  }

  async record(): Promise<SurveyDialogModel> {
    await this.root.getByTestId('record-survey').click();
    const dialog = new SurveyDialogModel(this.page);
    await expect(dialog.form).toBeVisible();
    return dialog;
  }
}

export class SurveyDialogModel {
  readonly root: Locator;
  readonly form: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-dialog');
    this.form = this.root.getByTestId('survey-form');
  }

  /** A radio or checkbox by its test id: its visible label is what the clerk clicks (the input itself is hidden). */
  private labelOf(testId: string): Locator {
    return this.root.locator('label', { has: this.page.getByTestId(testId) });
  }

  csat(score: number): Locator {
    return this.root.getByTestId(`survey-csat-${score}`);
  }

  nps(score: number): Locator {
    return this.root.getByTestId(`survey-nps-${score}`);
  }

  choice(name: SurveyChoiceName): Locator {
    return this.root.getByTestId(`survey-choice-${name}`);
  }

  get why(): Locator {
    return this.root.getByTestId('survey-why');
  }

  get purchase(): Locator {
    return this.root.getByTestId('survey-purchase');
  }

  get errorSummary(): Locator {
    return this.root.getByTestId('survey-errors');
  }

  get formError(): Locator {
    return this.root.getByTestId('survey-form-error');
  }

  async chooseCsat(score: number) {
    await this.labelOf(`survey-csat-${score}`).click();
  }

  async chooseNps(score: number) {
    await this.labelOf(`survey-nps-${score}`).click();
  }

  async toggleChoice(name: SurveyChoiceName) {
    await this.labelOf(`survey-choice-${name}`).click();
  }

  async chooseChannel(channel: 'counter' | 'call-back') {
    await this.labelOf(`survey-channel-${channel}`).click();
  }

  async save() {
    await this.root.getByTestId('survey-save').click();
  }

  async expectClosed() {
    await expect(this.root).toBeHidden();
  }
}

export class SurveyPromptModel {
  readonly root: Locator;
  /** Shown (hidden) when the rule was read and the customer is not to be asked; its data-reason says why. */
  readonly quiet: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-prompt');
    this.quiet = page.getByTestId('survey-prompt-quiet');
  }

  async ask(): Promise<SurveyDialogModel> {
    await this.root.getByTestId('survey-prompt-ask').click();
    const dialog = new SurveyDialogModel(this.page);
    await expect(dialog.form).toBeVisible();
    return dialog;
  }
}

/** The customer list's filter by the last survey's band. */
export function surveyFilter(page: Page): Locator {
  return page.getByTestId('survey-filter');
}

/** The settings' "Surveys" section: how often a customer may be asked and how soon an unhappy answer is followed up. */
export class SurveySettingsModel {
  readonly root: Locator;
  constructor(readonly page: Page) {
    this.root = page.getByTestId('survey-settings');
  }

  static async open(page: Page): Promise<SurveySettingsModel> {
    await page.getByTestId('nav-settings').click();
    const section = new SurveySettingsModel(page);
    await expect(section.root).toBeVisible();
    return section;
  }

  field(name: 'askEveryDays' | 'followUpHours'): Locator {
    return this.root.getByTestId(`survey-setting-${name}`);
  }

  error(name: 'askEveryDays' | 'followUpHours'): Locator {
    return this.root.locator(`#survey-setting-${name}-error`);
  }

  /** Saves, answering the owner PIN when the button says it will be asked. */
  async save() {
    await clickAsNeeded(this.page, this.root.getByTestId('survey-settings-save'));
  }

  /** Clicks save on a draft that is refused before any PIN is asked. */
  async saveRefused() {
    await this.root.getByTestId('survey-settings-save').click();
  }

  get saved(): Locator {
    return this.root.getByTestId('survey-settings-saved');
  }
}
