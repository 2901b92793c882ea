// Opening points and birthday gifts end to end, in Chinese: a customer file with a 积分 column gives each customer
// their opening balance (shown in the preview with its expiry, seen on the customer page, taken back by undo); a file
// with a wrong value is refused whole, the row named; the daily rollover gives the birthday gift once, to a customer
// whose birthday fell while the app was not running too.
import { format } from 'date-fns';
import { test, expect } from './fixtures';
import { DEFAULT_POINTS_RULES, POINTS_RULES_EPOCH, type PointsRules } from '../../shared/domain/pointsRules';
import { ImportPage } from './pages/ImportPage';
import { OpeningPointsModel } from './pages/PointsOpeningPages';
import { CustomerPointsModel } from './pages/PointsCustomerPages';
import { expectLedgerKind, lastRolloverDay, pointsLedger, setPointsRules } from './pages/PointsTillPages';
import type { AppPage } from './pages/AppPage';

const DAY_MS = 86_400_000;
const utf8 = (text: string) => Buffer.from(text, 'utf8');

/** Points valid 12 months after they are earned; a birthday gift of 88. */
const RULES: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  birthdayGift: 88,
  expiry: [{ kind: 'months', months: 12, from: POINTS_RULES_EPOCH }],
} as PointsRules;

const POINTS_CSV = ['姓名,手机,余额积分', '张积分,13812340001,"1,200"', '李无分,13812340002,', '王积分,13812340003,350'].join('\r\n');
const BAD_CSV = ['姓名,手机,积分', '张积分,13812340001,1200', '李小数,13812340002,12.5', '王负数,13812340003,-30', '赵字母,13812340004,五十'].join('\r\n');

async function start(app: AppPage) {
  await app.startEmptyStore();
  await setPointsRules(app.page, RULES);
}

async function balanceOf(app: AppPage, name: string): Promise<CustomerPointsModel> {
  await app.goToCustomers();
  await app.openCustomerFromList(name);
  return new CustomerPointsModel(app.page);
}

test.describe('opening points and birthday gifts', () => {
  test('a file with a points column: the preview says what it gives and until when, the balances follow, undo takes them back', async ({ app, page, now }) => {
    await start(app);
    const imp = new ImportPage(page);
    const opening = new OpeningPointsModel(page);
    await imp.open();
    await imp.pickFile('会员积分.csv', utf8(POINTS_CSV));
    await expect(page.getByTestId('import-map-2')).toHaveValue('openingPoints');
    await imp.expectPreview({ create: 3, invalid: 0 });
    await opening.expectGives(2, 1550);
    await expect(opening.root).toContainText('2 位客户从原系统带来 1,550 积分');
    // Valid 12 months from the import: through the same day next year.
    const lastDay = new Date(now.getFullYear() + 1, now.getMonth(), now.getDate());
    await expect(opening.expiry).toContainText('有效至');
    await expect(opening.expiry).toContainText(String(lastDay.getFullYear()));
    await expect(opening.match).toContainText('跳过');
    await imp.setPolicy('update');
    await expect(opening.match).toContainText('只加一次');
    await imp.startImport();

    const ledger = await expectLedgerKind(page, 'opening', 2);
    expect(ledger.map((e) => e.points).sort((a, b) => a - b)).toEqual([350, 1200]);
    expect(new Set(ledger.map((e) => e.expiresAt))).toEqual(new Set([new Date(lastDay.getTime() + DAY_MS).toISOString()]));
    await expect((await balanceOf(app, '张积分')).balance).toHaveText('1,200');
    await expect((await balanceOf(app, '李无分')).balance).toHaveText('0');
    await expect((await balanceOf(app, '王积分')).balance).toHaveText('350');

    // The same file again under "update": an opening balance is given once, so nothing more.
    await imp.open();
    await imp.pickFile('会员积分.csv', utf8(POINTS_CSV));
    await imp.setPolicy('update');
    await opening.expectGives(0, 0);
    await expect(opening.root).toContainText('2 位匹配的客户已有期初积分');

    await app.goToCustomers();
    await imp.open();
    await expect(imp.batches).toHaveCount(1);
    await imp.undoLatest();
    await expect.poll(async () => (await pointsLedger(page)).length).toBe(0);
    await app.goToCustomers();
    await expect(app.listCount).toHaveText(/0/);
  });

  test('a wrong points value refuses the whole import, naming the row; ignoring the column lets the rest in', async ({ app, page }) => {
    await start(app);
    const imp = new ImportPage(page);
    const opening = new OpeningPointsModel(page);
    await imp.open();
    await imp.pickFile('积分.csv', utf8(BAD_CSV));
    await imp.expectPreview({ create: 1, invalid: 3 });
    await expect(imp.errorRows).toHaveCount(3);
    await expect(imp.errorRows.nth(0)).toContainText('第 3 行');
    await expect(imp.errorRows.nth(0)).toContainText('期初积分');
    await expect(imp.errorRows.nth(0)).toContainText('12.5');
    await expect(imp.errorRows.nth(0)).toContainText('不能有小数');
    await expect(imp.errorRows.nth(1)).toContainText('第 4 行');
    await expect(imp.errorRows.nth(1)).toContainText('不能为负数');
    await expect(imp.errorRows.nth(2)).toContainText('第 5 行');
    await expect(imp.errorRows.nth(2)).toContainText('不是积分数字');
    await expect(opening.refused).toContainText('3 个积分值');
    await expect(imp.importButton).toBeDisabled();
    await expect(imp.importButton).toHaveText('请先改正积分');
    expect(await pointsLedger(page)).toEqual([]);

    await opening.mapColumn(2, 'ignore');
    await expect(opening.root).toHaveCount(0);
    await imp.expectPreview({ create: 4, invalid: 0 });
    await imp.startImport();
    expect(await pointsLedger(page)).toEqual([]);
  });

  test('the daily rollover gives the birthday gift once, also for a birthday that fell while the app was not running', async ({ app, page, now }) => {
    await start(app);
    // Fixed clock: the 15th, 10:00. One birthday on the 16th, one on the 17th.
    const day = (n: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + n);
    for (const [name, phone, n] of [['周寿星', '13812340011', 1], ['吴寿星', '13812340012', 2]] as const) {
      const form = await app.newCustomer();
      await form.fillName(name);
      await form.fillPhone(0, phone);
      await form.setBirthday({ calendar: 'solar', year: '1990', month: String(day(n).getMonth() + 1), day: String(day(n).getDate()) });
      await form.save();
      await expect(page.getByTestId('customer-name')).toHaveText(name);
    }
    await expect.poll(() => lastRolloverDay(page), { timeout: 30_000 }).toBe(format(now, 'yyyy-MM-dd'));
    expect(await pointsLedger(page)).toEqual([]);

    // Nothing runs on the 16th and 17th (the app slept); the first rollover after, on the 18th, gives both, once each.
    const third = new Date(day(3).getTime() + 30 * 60_000);
    await page.clock.fastForward(third.getTime() - now.getTime());
    await page.clock.runFor(61_000);
    const gifts = await expectLedgerKind(page, 'bonus', 2);
    expect(gifts.map((g) => [g.points, g.rule]).sort()).toEqual([
      [88, `birthday-gift:${format(day(1), 'yyyy-MM-dd')}`],
      [88, `birthday-gift:${format(day(2), 'yyyy-MM-dd')}`],
    ]);
    await expect.poll(() => lastRolloverDay(page), { timeout: 30_000 }).toBe(format(third, 'yyyy-MM-dd'));
    const points = new CustomerPointsModel(page);
    await expect(points.balance).toHaveText('88');
    await expect(points.rows.first()).toContainText('生日');

    // The next day's rollover gives nothing more.
    await page.clock.fastForward(DAY_MS);
    await page.clock.runFor(61_000);
    await expect.poll(() => lastRolloverDay(page), { timeout: 30_000 }).toBe(format(day(4), 'yyyy-MM-dd'));
    expect((await pointsLedger(page)).filter((e) => e.kind === 'bonus')).toHaveLength(2);
  });
});
