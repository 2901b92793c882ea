// Care pop-ups end to end: the page hands main a schedule through the desktop API, main raises the day's digest at
// 09:00 (the harness checks its scheduler on the page's clock), once, not again after main restarts, and its click
// opens the customer it is about. The owner sets the digest time and quiet hours in the settings; main keeps them.
import { parseISO } from 'date-fns';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { answerOwnerPin } from './pages/OwnerPin';
import { PopupsPage } from './pages/PopupsPage';

async function addCustomer(app: AppPage, page: Page, name: string, phone: string): Promise<string> {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.save();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  return decodeURIComponent(new URL(page.url()).hash.replace('#/customers/', ''));
}

/** The schedule as the page words it: today's digest and a call at 11:00, in the page's time zone, sent over IPC. */
function sendSchedule(page: Page, customerId: string) {
  return page.evaluate(async (id) => {
    const pad = (n: number) => String(n).padStart(2, '0');
    // eslint-disable-next-line no-restricted-syntax -- the page's clock is the test's fixed one
    const now = new Date();
    const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const target = { name: 'customer', id };
    const schedule = {
      generatedAt: now.toISOString(),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      days: [
        {
          day,
          digest: { title: '今天的关怀：1 位客户', body: '张三 今天生日', count: 1, target },
          timed: [{ key: `follow-up:${id}:${day}`, at: new Date(now.getFullYear(), now.getMonth(), now.getDate(), 11, 0).toISOString(), title: '约好的回访', body: '张三 约了今天 11:00 回电', target }],
        },
      ],
    };
    return window.__regularsInvoke?.('reminders:schedule', schedule);
  }, customerId);
}

test.describe('care pop-ups', () => {
  test.use({ now: parseISO('2026-06-15T08:30:00') });

  test("the page's schedule pops up at 09:00 once, not again after a restart, and its click opens the customer", async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    const zhang = await addCustomer(app, page, '张三', '139 7777 0101');
    await app.goToCustomers();
    expect(await sendSchedule(page, zhang)).toEqual({ ok: true, value: null });

    await reminders.check();
    expect(notices.shown).toEqual([]);

    await page.clock.fastForward('30:00');
    await reminders.check();
    expect(notices.shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: '今天的关怀：1 位客户', body: '张三 今天生日' }]);
    await reminders.check();
    expect(notices.shown).toHaveLength(1);

    // The app restarts: main reads what it kept and shows nothing twice.
    await reminders.restart();
    await reminders.check();
    expect(notices.shown).toHaveLength(1);

    await notices.shown[0]!.click();
    expect(notices.windowShown).toBe(1);
    await expect(page.getByTestId('customer-name')).toHaveText('张三');
    await expect(page).toHaveURL(new RegExp(`#/customers/${zhang}$`));

    // The timed one at its time, once, across another restart.
    await app.goToCustomers();
    await page.clock.fastForward('02:00:00');
    await reminders.check();
    expect(notices.shown.map((notice) => notice.title)).toEqual(['今天的关怀：1 位客户', '约好的回访']);
    await reminders.restart();
    expect(notices.shown).toHaveLength(2);
    await notices.shown[1]!.click();
    await expect(page.getByTestId('customer-name')).toHaveText('张三');
  });

  test('a hostile schedule is refused by main and shows nothing', async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    const answer = await page.evaluate(() =>
      window.__regularsInvoke?.('reminders:schedule', {
        generatedAt: '2026-06-15T00:30:00.000Z',
        timeZone: 'UTC',
        days: [{ day: '2026-06-15', digest: { title: 'x', body: 'y', count: 1, target: { name: 'customer', id: '../../etc/passwd' } }, timed: [] }],
      }),
    );
    expect(answer).toEqual({ ok: false, reason: 'invalid-request' });
    await page.clock.fastForward('01:00:00');
    await reminders.check();
    expect(notices.shown).toEqual([]);
  });
});

test.describe('pop-up settings', () => {
  test.use({ now: parseISO('2026-06-15T08:30:00') });

  test('the owner moves the digest to 08:45 and main pops it up then; the clerk only sees them', async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    const zhang = await addCustomer(app, page, '张三', '139 7777 0102');
    expect(await sendSchedule(page, zhang)).toEqual({ ok: true, value: null });
    const popups = await PopupsPage.open(page);
    // The clerk: the form closed, the way in offered. The harness is a browser: no tray, no start at login, said so.
    await expect(popups.digestAt).toHaveValue('09:00');
    await expect(popups.digestAt).toBeDisabled();
    await expect(popups.save).toHaveCount(0);
    await expect(popups.root).toContainText('只有桌面版有托盘图标。');
    await expect(popups.root).toContainText('只有安装在 Windows 或 macOS 上的桌面版可以开机启动。');

    await popups.unlock.click();
    await answerOwnerPin(page);
    await expect(popups.digestAt).toBeEnabled();
    await expect(popups.closeToTray).toBeDisabled();
    await expect(popups.openAtLogin).toBeDisabled();
    await popups.quietFrom.fill('22:00');
    await popups.quietTo.fill('22:00');
    await popups.save.click();
    await expect(popups.message).toHaveText('免打扰时段的开始和结束时间不能相同。');
    await popups.quietTo.fill('07:30');
    await popups.digestAt.fill('08:45');
    await popups.save.click();
    await expect(popups.message).toHaveText('已保存。');

    await page.clock.fastForward('15:00');
    await reminders.check();
    expect(notices.shown.map((notice) => notice.title)).toEqual(['今天的关怀：1 位客户']);

    // Kept by main: a reload, a restart, and the form reads them back.
    await reminders.restart();
    await page.reload();
    const again = await PopupsPage.open(page);
    await expect(again.digestAt).toHaveValue('08:45');
    await expect(again.quietFrom).toHaveValue('22:00');
    await expect(again.quietTo).toHaveValue('07:30');
    expect(notices.shown).toHaveLength(1);
  });
});
