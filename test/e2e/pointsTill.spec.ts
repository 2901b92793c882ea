// Points at the till, end to end in Chinese: the purchase dialog shows the balance and what the purchase earns,
// pays part of it with points under the cap, a refusal keeps what was typed; a void undoes both the earned and the
// spent points, a return its share; the daily rollover writes expiring points off once; a referral's first purchase
// gives the referrer their points. The rules go in through the store (the rules screen is another piece).
import { format } from 'date-fns';
import { test, expect } from './fixtures';
import { DEFAULT_POINTS_RULES, POINTS_RULES_EPOCH, type PointsRules } from '../../shared/domain/pointsRules';
import { pointsEntry } from '../../shared/domain/pointsLedger';
import { createCustomer, localDateTime, type CustomerActivityPage } from './pages/PurchasePages';
import { TillPointsModel, expectLedgerKind, lastRolloverDay, pointsLedger, setPointsRules, writeBehindTheApp } from './pages/PointsTillPages';
import type { AppPage } from './pages/AppPage';
import { CustomerPointsModel } from './pages/PointsCustomerPages';

const DAY_MS = 86_400_000;

/** 1 point per ¥1, no multipliers, 100 points pay ¥1 up to half a purchase, points valid a month after the month they are earned in. */
const RULES: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  tierMultiplier: false,
  birthday: { window: 'none', multiplier: 2 },
  expiry: [{ kind: 'months', months: 1, from: POINTS_RULES_EPOCH }],
  referral: { award: 'referrer', referrerPoints: 200, referredPoints: 0 },
} as PointsRules;

async function start(app: AppPage, rules: PointsRules = RULES) {
  await app.startEmptyStore();
  await setPointsRules(app.page, rules);
}

/** Records a purchase of a total, paying `points` with points when given; returns the dialog's points as they stood before the save. */
async function buy(customer: CustomerActivityPage, amount: string, opts: { points?: string; daysAgo?: number; now?: Date } = {}) {
  const dialog = await customer.recordPurchase();
  await dialog.useMode('total');
  if (opts.daysAgo !== undefined && opts.now) await dialog.dateTime.fill(localDateTime(opts.daysAgo, opts.now));
  await dialog.amount.fill(amount);
  const points = new TillPointsModel(dialog);
  if (opts.points !== undefined) await points.pay.fill(opts.points);
  return { dialog, points };
}

/** The balance the purchase dialog shows, the dialog closed again without a purchase. */
async function balanceAtTill(customer: CustomerActivityPage): Promise<string> {
  const dialog = await customer.recordPurchase();
  const points = new TillPointsModel(dialog);
  await expect(points.balance).toBeVisible();
  const text = (await points.balance.textContent()) ?? '';
  await dialog.root.getByTestId('purchase-cancel').click();
  await dialog.expectClosed();
  return text;
}

test.describe('points at the till', () => {
  test('earn, pay part with points under the cap, a refusal keeps what was typed, a void undoes both, a return its share', async ({ app, page, now }) => {
    await start(app);
    const customer = await createCustomer(app, '张积分');

    // A first purchase: no points yet; what it earns shows as the amount is typed.
    const first = await buy(customer, '2680', { daysAgo: 1, now });
    await expect(first.points.balance).toHaveText('积分余额：0');
    await expect(first.points.earn).toContainText('本次消费得 2,680 积分');
    await expect(first.points.useMost).toBeDisabled();
    await first.dialog.save();
    await first.dialog.expectClosed();
    const onPage = new CustomerPointsModel(page);
    await expect(onPage.balance).toHaveText('2,680');
    expect(await balanceAtTill(customer)).toBe('积分余额：2,680');

    // ¥30: at most half (¥15, 1,500 points) may be paid with points; more is said, and not paid silently less.
    const second = await buy(customer, '30', { points: '2000' });
    await expect(second.points.payment).toContainText('所填积分超出本次消费可抵扣的数量。');
    await expect(second.points.limit).toHaveText('受每单上限限制：最多 1,500 积分（¥15）。');
    await expect(second.points.useMost).toHaveText('最多抵扣（1,500）');
    await second.points.useMost.click();
    await expect(second.points.pay).toHaveValue('1500');
    await expect(second.points.payment).toContainText('1,500 积分抵扣 ¥15。');
    await expect(second.points.paidWithPoints).toHaveText('-¥15.00');
    await expect(second.points.due).toHaveText('¥15.00');
    // Only what is paid otherwise earns.
    await expect(second.points.earn).toContainText('本次消费得 15 积分');
    await expect(second.points.left).toHaveText('本次使用 1,500 积分，剩余 1,180 积分。');

    // Meanwhile the customer's points went down elsewhere (another window): the save is refused in words, nothing is lost.
    const [earned] = await pointsLedger(page);
    await writeBehindTheApp(page, pointsEntry({ customerId: earned!.customerId, kind: 'adjust', points: -2_000, createdAt: now.toISOString(), note: '另一台电脑' }, () => crypto.randomUUID()));
    await second.dialog.save();
    await expect(second.points.refusal).toHaveText('未保存：该客户的积分已不足所填数量。下方显示现有可用积分，请修改抵扣积分后再保存。');
    await expect(second.dialog.amount).toHaveValue('30');
    await expect(second.points.pay).toHaveValue('1500');
    await expect(second.dialog.root).toBeVisible();
    await second.dialog.root.getByTestId('purchase-cancel').click();
    await second.dialog.expectClosed();
    expect(await balanceAtTill(customer)).toBe('积分余额：680');

    // Paid with points as the dialog showed: 500 points (¥5) of ¥30, the rest earning.
    const third = await buy(customer, '30', { points: '500' });
    await expect(third.points.payment).toContainText('500 积分抵扣 ¥5。');
    await expect(third.points.limit).toHaveCount(0);
    await expect(third.points.earn).toContainText('本次消费得 25 积分');
    await third.dialog.save();
    await third.dialog.expectClosed();
    expect(await balanceAtTill(customer)).toBe('积分余额：205');

    // Voided: the 500 spent come back and the 25 earned go.
    const paid = customer.timeline.entry('¥30.00');
    const voiding = await customer.timeline.voidPurchase(paid);
    await voiding.reason.fill('顾客取消');
    await voiding.confirm();
    await expect(voiding.root).toBeHidden();
    await expect(onPage.balance).toHaveText('680');
    expect(await balanceAtTill(customer)).toBe('积分余额：680');

    // A return of half the first purchase takes back half of what it earned (1,340 of 2,680).
    const ret = await customer.timeline.returnPurchase(customer.timeline.entry('¥2,680.00'));
    await ret.amount.fill('1340');
    await ret.save();
    await ret.expectClosed();
    await expect(onPage.balance).toHaveText('0');
    expect(await balanceAtTill(customer)).toBe('积分余额：0');
    const reversed = (await pointsLedger(page)).filter((e) => e.kind === 'reverse' || e.kind === 'adjust');
    // The void's two reversals, the return's share, and (the balance stopping at zero) what went below it written off.
    expect(reversed.map((e) => [e.kind, e.reverses ?? e.rule ?? e.note, e.points]).sort()).toEqual(
      [
        ['adjust', '另一台电脑', -2_000],
        ['adjust', 'reversal-write-off', 660],
        ['reverse', 'earned', -25],
        ['reverse', 'earned', -1_340],
        ['reverse', 'spent', 500],
      ].sort(),
    );
  });

  test('the daily rollover writes expiring points off once, at the day after their last valid day', async ({ app, page, now }) => {
    await start(app);
    const customer = await createCustomer(app, '李过期');
    const sale = await buy(customer, '100');
    await expect(sale.points.earn).toContainText('本次消费得 100 积分');
    await sale.dialog.save();
    await sale.dialog.expectClosed();
    expect(await balanceAtTill(customer)).toBe('积分余额：100');
    await expect(new CustomerPointsModel(page).balance).toHaveText('100');
    await expect(async () => expect(await pointsLedger(page)).toHaveLength(1)).toPass();

    // Earned on the 15th, the points are valid through the 15th of next month: the day after, the rollover writes them off.
    const lapse = new Date(now.getFullYear(), now.getMonth() + 1, now.getDate() + 1, 0, 30).getTime();
    await page.clock.fastForward(lapse - now.getTime());
    await page.clock.runFor(61_000);
    // Past their expiry they can no longer be spent; the balance drops once the rollover has written them off.
    const onPage = new CustomerPointsModel(page);
    const [expired] = await expectLedgerKind(page, 'expire', 1);
    await expect(onPage.balance).toHaveText('0');
    await expect.poll(() => lastRolloverDay(page), { timeout: 30_000 }).toBe(format(lapse, 'yyyy-MM-dd'));
    expect(expired!.points).toBe(-100);
    expect(await balanceAtTill(customer)).toBe('积分余额：0');

    // The next day's rollover writes nothing more.
    const nextDay = new Date(lapse + DAY_MS);
    await page.clock.fastForward(DAY_MS);
    await page.clock.runFor(61_000);
    await expect.poll(() => lastRolloverDay(page), { timeout: 30_000 }).toBe(format(nextDay, 'yyyy-MM-dd'));
    expect((await pointsLedger(page)).filter((e) => e.kind === 'expire')).toHaveLength(1);
  });

  test('a referred customer\'s first purchase gives the referrer their points, once', async ({ app, page }) => {
    await start(app);
    const referrer = await createCustomer(app, '王推荐', '13900139000');
    const form = await app.newCustomer();
    await form.fillName('赵新客');
    await form.fillPhone(0, '13700137000');
    await form.pickReferrer('王推荐', '王推荐');
    await form.save();
    await expect(page.getByTestId('customer-name')).toHaveText('赵新客');
    const referred = referrer; // the same page model: it reads whichever customer is open
    const sale = await buy(referred, '50');
    await expect(sale.points.earn).toContainText('本次消费得 50 积分');
    await sale.dialog.save();
    await sale.dialog.expectClosed();
    const again = await buy(referred, '20');
    await again.dialog.save();
    await again.dialog.expectClosed();

    await app.goToCustomers();
    await app.openCustomerFromList('王推荐');
    await expect(new CustomerPointsModel(page).balance).toHaveText('200');
    expect(await balanceAtTill(referrer)).toBe('积分余额：200');
    const referral = await expectLedgerKind(page, 'referral', 1);
    expect(referral[0]!.points).toBe(200);
  });
});
