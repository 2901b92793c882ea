// Screenshots of the customer-facing survey screen (full HD, as a counter display shows it): the survey with some
// answers chosen, and the thanks; in the customer's language.
import type { Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { CustomerScreenControl, CustomerScreenPage } from '../e2e/pages/CustomerScreenPages';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

const QUESTIONS = { csat: true, nps: true, choice: true, choiceOptions: ['service', 'price', 'range', 'waiting'], why: true };

function invoke(page: Page, channel: string, payload?: unknown) {
  return page.evaluate(
    ([c, p]) => (window as unknown as { __regularsInvoke: (c: string, p: unknown) => Promise<unknown> }).__regularsInvoke(c, p),
    [channel, payload] as const,
  );
}

const WORDS = {
  'zh-CN': { face: '满意', score: '9 分（满分 10 分）', chip: '等候时间', why: '店员很耐心，就是排队有点久。', send: '提交' },
  'zh-TW': { face: '滿意', score: '9 分（滿分 10 分）', chip: '等候時間', why: '店員很有耐心，就是排隊有點久。', send: '送出' },
  en: { face: 'Happy', score: '9 out of 10', chip: 'Waiting time', why: 'Friendly staff, but the queue was long.', send: 'Send' },
} as const;

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`customer screen in ${tag}`, async ({ app, page, customerScreen }) => {
      await app.startEmptyStore();
      const language = tag;
      const words = WORDS[language];
      await invoke(page, 'surveyScreen:open', {
        sessionId: crypto.randomUUID(),
        displayId: 2,
        language,
        questions: QUESTIONS,
        context: { customerId: crypto.randomUUID(), purchaseId: null, surveyId: 's', surveyVersion: 1 },
      });
      const screenPage = await customerScreen.page();
      await screenPage.setViewportSize({ width: 1920, height: 1080 });
      const screen = new CustomerScreenPage(screenPage);
      await expect(screen.survey).toBeVisible();
      await screenPage.screenshot({ path: `${OUT}/${tag}-90-customer-screen-empty.png`, fullPage: true });
      await screen.face(words.face);
      await screen.score(words.score);
      await screen.chip(words.chip);
      await screen.why(words.why);
      await screenPage.screenshot({ path: `${OUT}/${tag}-91-customer-screen-answered.png`, fullPage: true });
      await screen.send(words.send);
      await expect(screen.survey).toHaveCount(0);
      await screenPage.screenshot({ path: `${OUT}/${tag}-92-customer-screen-thanks.png` });
    });

    test(`customer screen control in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      const customer = await createCustomer(app, tag === 'en' ? 'Ann Lee' : '张三', '13800138000');
      // After a purchase: the prompt offers the screen beside "Ask for a survey".
      const sale = await customer.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('128');
      await sale.save();
      await sale.expectClosed();
      const prompt = page.getByTestId('survey-prompt');
      await expect(prompt.getByTestId('customer-screen-open')).toBeVisible();
      await prompt.screenshot({ path: `${OUT}/${tag}-95-customer-screen-prompt.png` });
      await prompt.getByTestId('survey-prompt-dismiss').click();
      const card = page.getByTestId('survey-card');
      const control = new CustomerScreenControl(page, card.getByTestId('customer-screen'));
      await expect(control.openButton).toBeVisible();
      await card.screenshot({ path: `${OUT}/${tag}-93-customer-screen-control.png` });
      await control.open();
      await card.screenshot({ path: `${OUT}/${tag}-94-customer-screen-waiting.png` });
    });
  });
}
