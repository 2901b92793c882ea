// Screenshots of the audit log, intact and after an entry was changed by hand, per language.
import { test, expect } from '../e2e/fixtures';
import { AuditPage } from '../e2e/pages/AuditPage';
import { CustomerPageModel } from '../e2e/pages/AppPage';
import { createCustomer } from '../e2e/pages/PurchasePages';
import { LOCALES, OUT } from './shotLocales';

for (const { system, tag } of LOCALES) {
  test.describe(tag, () => {
    test.use({ systemLocale: system });

    test(`audit log in ${tag}`, async ({ app, page }) => {
      await app.startEmptyStore();
      await createCustomer(app, '李四', '13900139000');
      const zhang = await createCustomer(app, '张三', '13800138000');
      const form = await new CustomerPageModel(page).edit();
      await form.field('city').fill('杭州');
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText('张三');
      const sale = await zhang.recordPurchase();
      await sale.useMode('total');
      await sale.amount.fill('128');
      await sale.save();
      await sale.expectClosed();
      const contact = await zhang.recordContact();
      await contact.summary.fill('回访');
      await contact.save();

      const audit = await AuditPage.open(page);
      await expect(audit.rows).toHaveCount(6);
      await audit.checkChain();
      await page.screenshot({ path: `${OUT}/${tag}-80-audit-log.png`, fullPage: true });

      await audit.filterCustomer('13800138000', '张三');
      await expect(audit.rows).toHaveCount(4);
      await page.evaluate(
        () =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('regulars');
            open.onsuccess = () => {
              const tx = open.result.transaction('auditLog', 'readwrite');
              const store = tx.objectStore('auditLog');
              const read = store.index('seq').get(3);
              read.onsuccess = () => store.put({ ...read.result, at: '2020-01-01T00:00:00.000Z' });
              tx.oncomplete = () => {
                open.result.close();
                resolve();
              };
              tx.onerror = () => reject(tx.error ?? new Error('write failed'));
            };
            open.onerror = () => reject(open.error ?? new Error('open failed'));
          }),
      );
      await audit.checkChain();
      await expect(audit.chainResult).toHaveAttribute('data-status', 'broken');
      await page.screenshot({ path: `${OUT}/${tag}-81-audit-log-broken.png`, fullPage: true });
    });
  });
}
