// The audit log end to end: the clerk's edits and purchases are recorded, the owner filters them by customer,
// kind and day, exports them, and the tamper check finds an entry changed by hand, on demand and at a backup.
import { readFile } from 'node:fs/promises';
import { format } from 'date-fns';
import { test, expect } from './fixtures';
import { AuditPage } from './pages/AuditPage';
import { BackupPage } from './pages/BackupPages';
import { createCustomer } from './pages/PurchasePages';
import { CustomerPageModel, type AppPage } from './pages/AppPage';
import { asOwner } from './pages/OwnerPin';

/** 张三 edited (city) with a purchase of ¥128.00, and 李四 beside her: four entries. */
async function editAndBuy(app: AppPage) {
  await createCustomer(app, '李四', '13900139000');
  const zhang = await createCustomer(app, '张三', '13800138000');
  const form = await new CustomerPageModel(app.page).edit();
  await form.field('city').fill('杭州');
  await form.save();
  await expect(app.page.getByTestId('customer-name')).toHaveText('张三');
  await expect(app.page.getByText('杭州')).toBeVisible();
  const sale = await zhang.recordPurchase();
  await sale.useMode('total');
  await sale.amount.fill('128');
  await sale.save();
  await sale.expectClosed();
}

/** Changes one stored entry by hand, as someone with the browser's developer tools could. */
async function tamperWithEntry(app: AppPage, seq: number) {
  await app.page.evaluate(
    (n) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('regulars');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const tx = open.result.transaction('auditLog', 'readwrite');
          const store = tx.objectStore('auditLog');
          const read = store.index('seq').get(n);
          read.onsuccess = () => store.put({ ...read.result, actor: 'owner' });
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error ?? new Error('write failed'));
        };
      }),
    seq,
  );
}

test.describe('audit log', () => {
  test('an edit and a purchase are recorded; filtered by the customer they are there, and the chain is intact', async ({ app, page, now }) => {
    await app.startEmptyStore();
    await editAndBuy(app);

    // The log is the owner's: the first visit sets the owner PIN, which is recorded too, by the owner.
    const audit = await AuditPage.open(page);
    await expect(audit.rows).toHaveCount(5);
    await expect(audit.count).toHaveText('5 条记录');
    // Newest first.
    await expect(audit.rows.first()).toHaveAttribute('data-kind', 'pin.change');
    await expect(audit.row('pin.change')).toContainText('店主');
    await expect(audit.rows.nth(1)).toHaveAttribute('data-kind', 'purchase.record');

    await audit.filterCustomer('zs', '张三');
    await expect(audit.rows).toHaveCount(3);
    await expect(audit.row('purchase.record')).toContainText('记录消费');
    await expect(audit.row('purchase.record')).toContainText('¥128.00');
    await expect(audit.row('purchase.record')).toContainText('店员');
    await expect(audit.row('customer.edit')).toContainText('修改了：城市');
    await expect(audit.row('customer.create')).toContainText('张三');
    // Nothing personal is written in the entries: the names on screen are read from the customers.
    await expect(audit.row('customer.edit')).not.toContainText('杭州');

    await audit.filterKind('purchase.record');
    await expect(audit.rows).toHaveCount(1);
    const today = format(now, 'yyyy-MM-dd');
    await audit.filterDays(today, today);
    await expect(audit.rows).toHaveCount(1);
    await audit.filterDays('2001-01-01', '2001-01-02');
    await expect(page.getByTestId('audit-empty')).toBeVisible();
    // A day that is not one: said in words, and that end of the range left open.
    await audit.filterDays('2026-02-30', today);
    await expect(page.getByTestId('audit-date-error')).toHaveText('请按 2026-03-01 的格式输入日期。');
    await expect(audit.rows).toHaveCount(1);
    await audit.clearFilters();
    await expect(audit.rows).toHaveCount(5);

    await audit.checkChain();
    await expect(audit.chainResult).toHaveAttribute('data-status', 'intact');
    await expect(audit.chainResult).toContainText('完好：已检查 5 条记录');

    // The export holds what the filters show, ids and words, and is itself recorded.
    await audit.filterCustomer('13800138000', '张三');
    const download = await audit.export('csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('序号,时间,操作人,操作,代码,客户,相关记录,详情,哈希');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('purchase.record');
    expect(csv).not.toContain('张三');
    await expect(page.getByTestId('audit-export-message')).toContainText('3 条记录');
    await expect(audit.row('export.file')).toContainText('操作日志，CSV 格式，3 行');

    // An entry changed by hand: the check names it.
    await tamperWithEntry(app, 2);
    await audit.checkChain();
    await expect(audit.chainResult).toHaveAttribute('data-status', 'broken');
    await expect(audit.chainResult).toContainText('第 2 条记录在写入后被修改过');
  });

  test('a backup is recorded and checks the chain: a tampered log is shown as a warning', async ({ app, page }) => {
    await app.startEmptyStore();
    await createCustomer(app, '王五', '13700137000');
    const backups = await BackupPage.open(page);
    await backups.backUpNow();
    let audit = await AuditPage.open(page);
    await expect(audit.row('backup.made')).toContainText('完成备份');
    await expect(audit.row('backup.made')).toContainText('手动');
    await expect(page.getByTestId('audit-chain-broken')).toBeHidden();

    await tamperWithEntry(app, 1);
    await BackupPage.open(page);
    await backups.backUpNow();
    await expect(page.getByTestId('audit-chain-broken')).toBeVisible();
    await expect(page.getByTestId('audit-chain-broken')).toContainText('第 1 条记录在写入后被修改过');
    await page.getByTestId('audit-chain-broken').getByRole('button', { name: '查看操作日志' }).click();
    // Leaving the log locked it again: the clerk who follows the warning sees it is the owner's.
    await asOwner(page, () => page.getByTestId('owner-unlock').click());
    audit = new AuditPage(page);
    await expect(audit.root).toBeVisible();
  });

  test('reads in English', async ({ app, page }) => {
    await app.startEmptyStore();
    await editAndBuy(app);
    await app.switchLanguage('en');
    const audit = await AuditPage.open(page);
    await expect(audit.row('customer.edit')).toContainText('Customer edited');
    await expect(audit.row('customer.edit')).toContainText('Changed: City');
    await expect(audit.row('purchase.record')).toContainText('Clerk');
    await audit.checkChain();
    await expect(audit.chainResult).toContainText('Intact: 5 entries checked');
  });
});
