// Care pop-ups end to end: the app hands main its schedule through the desktop API (the day's digest: a customer's
// birthday), main raises it at 09:00 (the harness checks its scheduler on the page's clock), once, not again after
// main restarts, and its click opens Today. A snooze's end, opening the customer, is in today.spec.ts. The owner
// sets the digest time and quiet hours in the settings; main keeps them.
import { parseISO } from 'date-fns';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { answerOwnerPin } from './pages/OwnerPin';
import { PopupsPage } from './pages/PopupsPage';
import { TodayPage } from './pages/TodayPage';

async function addCustomer(app: AppPage, name: string, phone: string, birthday: { month: string; day: string }): Promise<void> {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.setBirthday({ calendar: 'solar', ...birthday });
  await form.save();
  await expect(app.page.getByTestId('customer-name')).toHaveText(name);
}

test.describe('care pop-ups', () => {
  // No festival within the week: the digest is the birthday alone.
  test.use({ now: parseISO('2026-11-10T08:30:00'), carePopups: true });

  test("the day's digest pops up at 09:00 once, not again after a restart, and its click opens Today", async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    await addCustomer(app, '张三', '139 7777 0101', { month: '11', day: '10' });
    // The app works out the day (Today shows it) and sends main the schedule.
    const today = await TodayPage.open(page);
    await expect(today.items).toHaveCount(1);
    await app.goToCustomers();

    await reminders.check();
    expect(notices.shown).toEqual([]);

    await page.clock.fastForward('30:00');
    await reminders.check();
    expect(notices.shown.map(({ title, body }) => ({ title, body }))).toEqual([{ title: '今天有 1 条关怀提醒', body: '生日 1' }]);
    await reminders.check();
    expect(notices.shown).toHaveLength(1);

    // The app restarts: main reads what it kept and shows nothing twice.
    await reminders.restart();
    await reminders.check();
    expect(notices.shown).toHaveLength(1);

    await notices.shown[0]!.click();
    expect(notices.windowShown).toBe(1);
    await expect(page).toHaveURL(/#\/today$/);
    await expect(today.item('张三')).toHaveCount(1);
  });

  test('a hostile schedule is refused by main and shows nothing', async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    const answer = await page.evaluate(() =>
      window.__regularsInvoke?.('reminders:schedule', {
        generatedAt: '2026-11-10T00:30:00.000Z',
        timeZone: 'UTC',
        days: [{ day: '2026-11-10', digest: { title: 'x', body: 'y', count: 1, target: { name: 'customer', id: '../../etc/passwd' } }, timed: [] }],
      }),
    );
    expect(answer).toEqual({ ok: false, reason: 'invalid-request' });
    await page.clock.fastForward('01:00:00');
    await reminders.check();
    expect(notices.shown).toEqual([]);
  });
});

test.describe('pop-up settings', () => {
  test.use({ now: parseISO('2026-11-10T08:30:00'), carePopups: true });

  test('the owner moves the digest to 08:45 and main pops it up then; the clerk only sees them', async ({ app, page, notices, reminders }) => {
    await app.startEmptyStore();
    await addCustomer(app, '张三', '139 7777 0102', { month: '11', day: '10' });
    // The app sends main the day's schedule as Today works it out.
    await expect((await TodayPage.open(page)).items).toHaveCount(1);
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
    expect(notices.shown.map((notice) => notice.title)).toEqual(['今天有 1 条关怀提醒']);

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
