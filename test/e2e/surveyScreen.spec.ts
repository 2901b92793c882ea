// The customer-facing survey screen through the harness: main opens it as a second page on the same bridge, the
// customer answers there, and the screen reaches nothing else of the app: no navigation, no window, no app page
// under a typed address, none of the app's code loaded, none of the app's channels answered.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { CustomerScreenControl, CustomerScreenPage } from './pages/CustomerScreenPages';
import { createCustomer } from './pages/PurchasePages';

const QUESTIONS = { csat: true, nps: true, choice: true, choiceOptions: ['service', 'price', 'range', 'waiting'], why: true };
const CUSTOMER = '7e1c2d3b-4a5f-4e6d-9c8b-1a2b3c4d5e6f';

/** Plays the main window asking main directly (the app's own page as the sender). */
function invoke(page: Page, channel: string, payload?: unknown): Promise<{ ok: boolean; value?: unknown; reason?: string }> {
  return page.evaluate(
    ([c, p]) => (window as unknown as { __regularsInvoke: (c: string, p: unknown) => Promise<{ ok: boolean }> }).__regularsInvoke(c, p),
    [channel, payload] as const,
  );
}

test.describe('the customer screen, through the harness', () => {
  test('cannot reach the rest of the app', async ({ app, page, customerScreen }) => {
    await app.startEmptyStore();
    const sessionId = crypto.randomUUID();
    expect(
      await invoke(page, 'surveyScreen:open', { sessionId, displayId: 2, language: 'en', questions: QUESTIONS, context: { customerId: CUSTOMER, purchaseId: null, surveyId: 's', surveyVersion: 1 } }),
    ).toEqual({ ok: true, value: { displayId: 2 } });
    const screenPage = await customerScreen.page();
    const screen = new CustomerScreenPage(screenPage);
    await expect(screen.survey).toBeVisible();
    await expect(screen.heading).toHaveText('Tell us how we did');
    expect(customerScreen.options).toMatchObject({ fullscreen: true, x: 1280, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });

    // None of the app's code is loaded on the screen.
    const scripts = await screenPage.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(scripts.filter((name) => /\/(App|database|i18n|desktopApi|main)-[\w-]+\.js$/.test(name))).toEqual([]);

    // A typed app address shows the survey, never the app.
    await screenPage.evaluate(() => (location.hash = '#/customers'));
    await expect(screen.survey).toBeVisible();
    await expect(screenPage.locator('#global-search, .app, nav')).toHaveCount(0);

    // A link, a navigation to the app's page, a window: all refused by the screen's guard.
    await screenPage.evaluate(() => {
      const link = document.createElement('a');
      link.href = '/index.html#/customers';
      link.id = 'planted';
      link.textContent = 'app';
      document.body.append(link);
    });
    await screenPage.locator('#planted').click();
    await expect.poll(() => customerScreen.refused).toContain('will-navigate');
    expect(new URL(screenPage.url()).pathname).toBe('/screen.html');
    await screenPage.evaluate(() => void window.open('/index.html', '_blank'));
    await expect.poll(() => customerScreen.refused).toContain('window-open');
    await expect(screen.survey).toBeVisible();

    // The app's channels are refused to the screen page, whatever it asks.
    for (const channel of ['app:info', 'backup:list', 'session:state', 'surveyScreen:status', 'erasures:list']) {
      expect(await invoke(screenPage, channel)).toEqual({ ok: false, reason: 'untrusted-sender' });
    }
    expect(await screenPage.evaluate(() => 'regulars' in window)).toBe(false);
  });

  test('the customer answers in their language; main holds the answer for the app, and refuses a second one', async ({ app, page, customerScreen, ipcHolds }) => {
    await app.startEmptyStore();
    // The app's "recorded" waits: meanwhile main still holds the answer.
    let release = () => undefined as void;
    ipcHolds.set('surveyScreen:recorded', new Promise<void>((resolve) => (release = resolve)));
    const sessionId = crypto.randomUUID();
    const context = { customerId: CUSTOMER, purchaseId: null, surveyId: 's', surveyVersion: 1 };
    await invoke(page, 'surveyScreen:open', { sessionId, displayId: null, language: 'zh-CN', questions: QUESTIONS, context });
    const screenPage = await customerScreen.page();
    const screen = new CustomerScreenPage(screenPage);
    await expect(screen.heading).toHaveText('请告诉我们您的感受');
    await expect(screenPage.getByRole('button', { name: '提交' })).toBeDisabled();
    await screen.language('繁體中文');
    await expect(screen.heading).toHaveText('請告訴我們您的感受');
    await screen.language('English');
    await screen.face('Unhappy');
    await screen.score('4 out of 10');
    await screen.chip('Waiting time');
    await screen.why('The queue was long.');
    await screen.send('Send');
    await expect(screen.heading).toHaveText('Thank you!');

    await expect
      .poll(async () => (await invoke(page, 'surveyScreen:status')).value)
      .toMatchObject({ waiting: null, windowOpen: true, answered: [{ sessionId, context, answer: { csat: 2, nps: 4, choices: ['waiting'], why: 'The queue was long.' } }] });
    // Told (here: dropped, there is no such customer to record it for), main forgets it.
    release();
    await expect.poll(async () => ((await invoke(page, 'surveyScreen:status')).value as { answered: unknown[] }).answered).toEqual([]);
    // The same session again (a replay, a second tap) is refused: the session is over.
    expect(await invoke(screenPage, 'surveyScreen:submit', { sessionId, answer: { csat: 5, nps: 10, choices: [], why: '' } })).toEqual({
      ok: false,
      reason: 'screen-unknown-session',
    });
    // After a reload the screen shows its neutral thank-you idle (in the session's language), nothing of the customer.
    await screenPage.reload();
    await expect(screen.heading).toHaveText('谢谢光临');
    await expect(screen.survey).toHaveCount(0);
  });
});

test.describe('the customer screen from a customer’s page', () => {
  test('the clerk opens it on the counter display, the customer answers, the answer shows on the customer', async ({ app, page, customerScreen }) => {
    await app.startEmptyStore();
    await createCustomer(app, '张三', '13800138000');
    const control = new CustomerScreenControl(page, page.getByTestId('survey-card').getByTestId('customer-screen'));
    await expect(control.display).toHaveValue('2');
    await expect(control.display.locator('option')).toHaveText(['Built-in display（1280×820，本屏）', 'Counter display（1280×820）']);
    await control.open();
    await expect(control.root).toContainText('正在等客户填写');

    const screen = new CustomerScreenPage(await customerScreen.page());
    await expect(screen.heading).toHaveText('请告诉我们您的感受');
    // Nothing of the customer reaches the screen: not even their name.
    await expect(screen.page.locator('body')).not.toContainText('张三');
    await screen.face('不满意');
    await screen.score('3 分（满分 10 分）');
    await screen.chip('等候时间');
    await screen.why('排队太久了');
    await screen.send('提交');
    await expect(screen.heading).toHaveText('谢谢您！');

    // The main window records it as the customer's, given on the screen.
    await expect(control.root).toHaveAttribute('data-state', 'answered');
    const entry = page.getByTestId('timeline-entry').and(page.locator('[data-kind="survey"]'));
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText('排队太久了');
    await expect(entry).toHaveAttribute('data-band', 'detractor');
    expect(await invoke(page, 'surveyScreen:status')).toMatchObject({ ok: true, value: { waiting: null, answered: [] } });

    // The next one the clerk cancels: the screen closes; the app's page cannot answer for it.
    await control.open();
    const second = await customerScreen.page();
    const sessionId = (await invoke(page, 'surveyScreen:status')).value as { waiting: { sessionId: string } };
    await control.cancel();
    await expect.poll(() => second.isClosed()).toBe(true);
    expect(await invoke(page, 'surveyScreen:submit', { sessionId: sessionId.waiting.sessionId, answer: { csat: 5, nps: 10, choices: [], why: '' } })).toEqual({
      ok: false,
      reason: 'untrusted-sender',
    });
    await expect(entry).toHaveCount(1);
  });
});
