// A customer's points drawn on the server in each language: balance, expiring soon, the history with every kind worded, and the adjustment form.
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { pointsEntry, type PointsEntry } from '../../../shared/domain/pointsLedger';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { expectLabelledControls, expectNoRawKeys } from '../../../test/support/drawnMarkup';
import { adjustmentOf, CustomerPointsView, PointsAdjustmentForm, pointsHistory } from './CustomerPointsView';

const NOW = new Date(2026, 5, 15, 10, 0);
let n = 0;
const at = (day: number, hour = 12) => new Date(2026, 5, day, hour).toISOString();
const e = (draft: Partial<PointsEntry> & Pick<PointsEntry, 'kind' | 'points' | 'createdAt'>): PointsEntry =>
  pointsEntry({ customerId: 'c1', ...draft }, () => `e${String(++n).padStart(2, '0')}`);

const soon = new Date(2026, 6, 1).toISOString();
const earn = e({ kind: 'earn', points: 268, createdAt: at(1), purchaseId: 'p1', rule: 'purchase', expiresAt: soon });
const ENTRIES: PointsEntry[] = [
  e({ kind: 'opening', points: 900, createdAt: at(1, 9), note: 'Old card 0042' }),
  earn,
  e({ kind: 'bonus', points: 100, createdAt: at(1), purchaseId: 'p1', rule: 'welcome', expiresAt: soon }),
  e({ kind: 'redeem', points: -500, createdAt: at(3), rewardId: 'r1' }),
  e({ kind: 'redeem', points: -100, createdAt: at(4), purchaseId: 'p2' }),
  e({ kind: 'reverse', points: 100, createdAt: at(5), purchaseId: 'p2', reverses: 'spent' }),
  e({ kind: 'adjust', points: -20, createdAt: at(6), note: 'Lost receipt' }),
  e({ kind: 'referral', points: 200, createdAt: at(7), referralCustomerId: 'c2', rule: 'referrer' }),
  e({ kind: 'bonus', points: 50, createdAt: at(8), rule: 'birthday-gift:2026-06-08' }),
  e({ kind: 'expire', points: -10, createdAt: at(9), batchId: earn.id, rule: 'rollover' }),
];
const NAMES = { rewards: new Map([['r1', 'Tote bag']]), customers: new Map([['c2', 'Wang Fang']]), purchases: new Map([['p1', { purchasedAt: at(1), totalFen: 26_800 }]]) };

async function draw(lng: string, node: ReactNode) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  return renderToStaticMarkup(<I18nextProvider i18n={instance}>{node}</I18nextProvider>);
}

const view = (entries: readonly PointsEntry[], adjustLocked = false) => (
  <CustomerPointsView entries={entries} now={NOW} currency="CNY" names={NAMES} adjustLocked={adjustLocked} onAdjust={() => undefined} onRedeemGift={() => undefined} />
);

describe("a customer's points as drawn", () => {
  it.each(APP_LOCALES)('words the balance, the history and the adjustment in %s, with no raw key', async (lng) => {
    for (const node of [view(ENTRIES), view([], true), view([ENTRIES[0]!, e({ kind: 'reverse', points: -1_000, createdAt: at(2), purchaseId: 'p9', reverses: 'earned' })])]) {
      expectNoRawKeys(await draw(lng, node), ['points', 'roles', 'common', 'status']);
    }
    const form = await draw(lng, <PointsAdjustmentForm customerId="c1" balance={988} negativeBalance="stop-at-zero" now={NOW} onSubmit={() => null} onCancel={() => undefined} formId="adj" />);
    expectNoRawKeys(form, ['points', 'roles', 'common', 'status']);
    expectLabelledControls(form);
  });

  it('shows the balance, what expires in the next 30 days, and the history newest first with the balance after each entry', async () => {
    const html = await draw('en', view(ENTRIES));
    expect(html).toMatch(/data-testid="points-balance">988</);
    expect(html).toMatch(/data-testid="points-expiring">358 points, the first valid through 2026-06-30</);
    const rows = [...html.matchAll(/<tr data-kind="([a-z]+)">(.*?)<\/tr>/g)];
    expect(rows.map((r) => r[1])).toEqual(['expire', 'bonus', 'referral', 'adjust', 'reverse', 'redeem', 'redeem', 'bonus', 'earn', 'opening']);
    expect(rows[0]![2]).toMatch(/Expired.*−10.*Points from 2026-06-01 \(Earned\) expired.*988/);
    expect(rows[3]![2]).toMatch(/Adjusted.*−20.*By the owner: Lost receipt.*748/);
    expect(rows[8]![2]).toMatch(/Earned.*\+268.*Earned on the CN¥268 purchase of 2026-06-01.*Valid through 2026-06-30.*1,168/);
    expect(html).toContain('Referred Wang Fang');
    expect(html).toContain('Reward: Tote bag');
    expect(html).toContain('Birthday gift (2026-06-08)');
  });

  it('marks the adjust button as the owner’s while the clerk is at the keyboard', async () => {
    expect(await draw('zh-CN', view([], true))).toMatch(/data-testid="points-adjust" data-owner-locked="true"/);
    expect(await draw('zh-CN', view([]))).toContain('还没有积分记录。');
  });

  it('keeps the ledger order for the history whatever order the entries come in', () => {
    const once = pointsHistory(ENTRIES).map((r) => [r.entry.id, r.balanceAfter]);
    expect(pointsHistory([...ENTRIES].reverse()).map((r) => [r.entry.id, r.balanceAfter])).toEqual(once);
    expect(once[0]).toEqual([ENTRIES.at(-1)!.id, 988]);
  });
});

describe('the manual adjustment', () => {
  const ctx = { customerId: 'c1', balance: 40, negativeBalance: 'stop-at-zero' as const, now: NOW };
  it('reads points and a required reason, through the ledger’s own checks', () => {
    expect(adjustmentOf({ direction: 'take', points: '30', reason: '  Broken  item ' }, ctx)).toEqual({ ok: true, value: { points: -30, reason: 'Broken item' } });
    expect(adjustmentOf({ direction: 'add', points: '0', reason: '' }, ctx)).toEqual({ ok: false, points: 'points-zero', reason: 'adjust-without-note' });
    expect(adjustmentOf({ direction: 'add', points: '1.5', reason: 'x' }, ctx)).toEqual({ ok: false, points: 'whole-number', reason: undefined });
    expect(adjustmentOf({ direction: 'add', points: '', reason: 'x'.repeat(201) }, ctx)).toEqual({ ok: false, points: 'required', reason: 'reason-too-long' });
  });

  it('refuses to take a balance below zero when the owner chose to stop at zero', () => {
    expect(adjustmentOf({ direction: 'take', points: '41', reason: 'x' }, ctx)).toEqual({ ok: false, points: 'below-zero', reason: undefined });
    expect(adjustmentOf({ direction: 'take', points: '41', reason: 'x' }, { ...ctx, negativeBalance: 'allow' })).toEqual({ ok: true, value: { points: -41, reason: 'x' } });
  });
});
