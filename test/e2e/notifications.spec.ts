// Desktop notifications end to end: main raises one (the harness records it), the clerk clicks it, and the
// window comes up on the page it is about: the backup screen after a failed backup, a customer, a filtered list.
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/AppPage';
import { BackupPage } from './pages/BackupPages';

async function addCustomer(app: AppPage, page: Page, name: string, phone: string, ...tags: string[]): Promise<string> {
  const form = await app.newCustomer();
  await form.fillName(name);
  await form.fillPhone(0, phone);
  await form.addTags(...tags);
  await form.save();
  await expect(page.getByTestId('customer-name')).toHaveText(name);
  return decodeURIComponent(new URL(page.url()).hash.replace('#/customers/', ''));
}

test.describe('desktop notifications', () => {
  test("a failed backup's notification, in the OS language, opens the backup screen", async ({ app, page, dataFolder, notices }) => {
    await app.startEmptyStore();
    await addCustomer(app, page, '备份失败时的客户', '139 7777 0000');
    // The backup folder cannot be written: a file stands where it should be.
    const folder = path.join(dataFolder, 'backups');
    await rename(folder, `${folder}.away`).catch(() => undefined);
    await writeFile(folder, 'not a folder');
    const screen = await BackupPage.open(page);
    await page.getByTestId('back-up-now').click();
    await expect.poll(() => notices.shown.length, { timeout: 30_000 }).toBe(1);
    expect(notices.shown[0]).toMatchObject({ title: '备份失败', body: expect.stringMatching(/以前的备份没有受到影响。$/) });

    // The clerk has moved on; the notification's click brings the backup screen back.
    await app.goToCustomers();
    await expect(screen.root).toBeHidden();
    await notices.shown[0]!.click();
    expect(notices.windowShown).toBe(1);
    await expect(screen.root).toBeVisible();
    await expect(page).toHaveURL(/#\/backups$/);
  });

  test.describe('in English', () => {
    test.use({ systemLocale: 'en-US' });

    test('a notice about a customer opens their page; one about a list opens it with its filters', async ({ app, page, notices }) => {
      await app.startEmptyStore();
      const zhang = await addCustomer(app, page, 'Zhang San', '139 7777 0001', 'VIP');
      await addCustomer(app, page, 'Li Si', '139 7777 0002');
      await app.goToCustomers();
      await expect(app.rows).toHaveCount(2);

      expect(notices.raise({ title: 'Time to call', body: 'Zhang San last came 60 days ago', target: { name: 'customer', id: zhang } })).toEqual({ ok: true, value: null });
      await notices.shown[0]!.click();
      await expect(page.getByTestId('customer-name')).toHaveText('Zhang San');
      // Opening a customer moves the focus to their name, however it happens.
      await expect(page.getByTestId('customer-name')).toBeFocused();

      const list = { search: '', tag: 'VIP', tier: null, stage: null, risk: null };
      notices.raise({ title: 'VIP customers', body: '1 customer to thank', target: { name: 'customers', list } });
      await notices.shown[1]!.click();
      await expect(page.getByTestId('tag-filter')).toHaveValue('VIP');
      await expect(app.rows).toHaveCount(1);
      await expect(app.rows.first()).toContainText('Zhang San');
      expect(notices.windowShown).toBe(2);
    });

    test('a hostile target is refused by main, and a malformed event never reaches the app', async ({ app, page, notices }) => {
      await app.startEmptyStore();
      await addCustomer(app, page, 'Wang Wu', '139 7777 0003');
      const errors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));

      expect(notices.raise({ title: 'x', body: 'y', target: { name: 'customer', id: '../../etc/passwd' } })).toEqual({ ok: false, reason: 'notice-invalid' });
      expect(notices.shown).toEqual([]);

      // Main's sender checks too, but a broken one is caught by the page: it stays where it is and says so.
      const before = page.url();
      await page.evaluate(() => window.__regularsMainEvent?.('app:navigate', { target: { name: 'trash', then: 'empty' } }));
      await page.evaluate(() => window.__regularsMainEvent?.('app:navigate', { target: { name: 'customer', id: 'javascript:alert(1)' } }));
      await expect.poll(() => errors.filter((text) => text.includes('[events] app:navigate: refused a malformed payload')).length).toBe(2);
      expect(page.url()).toBe(before);
      await expect(page.getByTestId('customer-name')).toHaveText('Wang Wu');
    });
  });
});
