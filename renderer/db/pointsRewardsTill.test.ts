// A reward redeemed inside a purchase, through the purchase repository on fake-indexeddb: what it takes off and what
// the purchase earns, a gift's stock, the refusals checked in the write (and nothing written), a void that gives back
// the points and the gift, a return that gives back the reward's points in proportion.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import type { Reward } from '../../shared/domain/rewards';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createCustomerRepository } from './customers';
import { ledgerRange, pointsFieldsOf } from './derivation';
import { createPointsRepository } from './points';
import { createPurchaseRepository } from './purchases';
import { createTillPointsReader, pointsChangeOf } from './pointsTill';

const database = freshDatabasePerTest();

/** 1 point per ¥1, no multipliers, 100 points pay ¥1 up to half a purchase. */
const PLAIN: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  tierMultiplier: false,
  birthday: { window: 'none', multiplier: 2 },
  negativeBalance: 'allow',
} as PointsRules;

function setUp() {
  const db = database();
  const state = { clock: new Date('2026-03-01T10:00:00Z'), seq: 0 };
  const deps = { now: () => state.clock, newId: () => `00000000-0000-4000-8000-${String(++state.seq).padStart(12, '0')}`, dayOf: utcDayOf };
  const points = createPointsRepository(db, deps);
  return { db, state, points, purchases: createPurchaseRepository(db, deps), customers: createCustomerRepository(db, deps) };
}
type Store = ReturnType<typeof setUp>;

const sale = (totalFen: number) => makePurchaseFields({ totalFen, purchasedAt: '2026-03-01T09:00:00.000Z' });
const balanceOf = async (s: Store, id: string) => (await s.db.pointsState.get(id))!.pointsBalance;

function reward(over: Partial<Reward>): Reward {
  return { id: crypto.randomUUID(), name: '保温杯', kind: 'gift', pointsCost: 500, stock: 2, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true, ...over };
}
const voucher = (over: Partial<Reward> = {}) => reward({ name: '20元代金券', kind: 'voucher', pointsCost: 2_000, stock: null, voucherFen: 2_000, ...over });

/** A customer with `balance` points and the plain rules saved. */
async function customerWith(s: Store, balance: number) {
  await s.points.saveRules(PLAIN);
  const c = await s.customers.create(makeCustomerFields());
  if (balance) await s.points.adjust(c.id, balance, '老系统的积分');
  return c;
}

async function expectStoredEqualsLedger(s: Store): Promise<void> {
  for (const row of await s.db.pointsState.toArray()) {
    expect(row.pointsBalance).toBe(pointsFieldsOf(await ledgerRange(s.db, row.id).toArray(), s.state.clock).pointsBalance);
  }
}

describe('a reward redeemed inside a purchase', () => {
  it('a voucher takes its amount off what is paid, points pay part of the rest from what the reward leaves, only the rest earns', async () => {
    const s = setUp();
    const c = await customerWith(s, 3_000);
    const v = await s.points.saveReward(voucher());
    const p = await s.purchases.record(c.id, sale(10_000), { rewardId: v.id, pointsToRedeem: 500 });
    expect({ rewardId: p.rewardId, rewardFen: p.rewardFen, pointsPaidFen: p.pointsPaidFen, totalFen: p.totalFen }).toEqual({ rewardId: v.id, rewardFen: 2_000, pointsPaidFen: 500, totalFen: 10_000 });
    const linked = await s.db.pointsEntries.where('purchaseId').equals(p.id).toArray();
    expect(linked.map((e) => [e.kind, e.points, e.rewardId]).sort()).toEqual(
      [
        ['earn', 75, null],
        ['redeem', -2_000, v.id],
        ['redeem', -500, null],
      ].sort(),
    );
    // 3,000 − 2,000 for the voucher − 500 paid + 75 earned on the ¥75 paid otherwise.
    expect(await balanceOf(s, c.id)).toBe(575);
    const log = (await s.db.auditLog.orderBy('seq').toArray()).filter((e) => e.kind === 'points.redeem');
    expect(log.map((e) => [e.refs[0], e.refs[2], e.facts])).toEqual([[v.id, p.id, { points: 2_000, rewardKind: 'voucher' }]]);
    await expectStoredEqualsLedger(s);
  });

  it('a percentage off is rounded down on the amount; the cap on points is of what the reward leaves', async () => {
    const s = setUp();
    const c = await customerWith(s, 50_000);
    const tenOff = await s.points.saveReward(reward({ name: '九折券', kind: 'percent-off', stock: null, percentOff: 10, pointsCost: 1_000 }));
    // ¥268.05 × 10% = 2,680.5 fen → 2,680 off; half of the ¥241.25 left is 12,062 fen.
    await expect(s.purchases.record(c.id, sale(26_805), { rewardId: tenOff.id, pointsToRedeem: 12_063 })).rejects.toMatchObject({ code: 'points-over-cap' });
    const p = await s.purchases.record(c.id, sale(26_805), { rewardId: tenOff.id, pointsToRedeem: 12_062 });
    expect([p.rewardFen, p.pointsPaidFen]).toEqual([2_680, 12_062]);
    // Earned on 26,805 − 2,680 − 12,062 = 12,063 fen: 120 points.
    expect(await balanceOf(s, c.id)).toBe(50_000 - 1_000 - 12_062 + 120);
  });

  it('a gift takes one from its stock and nothing off the amount; a free service is noted on the purchase', async () => {
    const s = setUp();
    const c = await customerWith(s, 2_000);
    const cup = await s.points.saveReward(reward({ stock: 2 }));
    const wash = await s.points.saveReward(reward({ name: '免费清洗', kind: 'free-service', stock: null, pointsCost: 300 }));
    const g = await s.purchases.record(c.id, sale(5_000), { rewardId: cup.id });
    expect([g.rewardId, g.rewardFen]).toEqual([cup.id, undefined]);
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(1);
    const f = await s.purchases.record(c.id, sale(5_000), { rewardId: wash.id });
    expect([f.rewardId, f.rewardFen]).toEqual([wash.id, undefined]);
    // 2,000 − 500 − 300, and each purchase earns on its whole ¥50.
    expect(await balanceOf(s, c.id)).toBe(1_300);
  });

  it('a void gives back the reward’s points and the gift’s stock, and takes back what was earned', async () => {
    const s = setUp();
    const c = await customerWith(s, 2_000);
    const cup = await s.points.saveReward(reward({ stock: 1 }));
    const p = await s.purchases.record(c.id, sale(5_000), { rewardId: cup.id, pointsToRedeem: 1_000 });
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(0);
    expect(await balanceOf(s, c.id)).toBe(2_000 - 500 - 1_000 + 40);
    await s.purchases.void(p.id, '顾客取消');
    expect(await balanceOf(s, c.id)).toBe(2_000);
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(1);
    const back = (await s.db.pointsEntries.where('purchaseId').equals(p.id).toArray()).filter((e) => e.kind === 'reverse');
    expect(back.map((e) => [e.reverses, e.rewardId, e.points]).sort()).toEqual(
      [
        ['earned', null, -40],
        ['spent', null, 1_000],
        ['spent', cup.id, 500],
      ].sort(),
    );
    const voidAudit = (await s.db.auditLog.orderBy('seq').toArray()).at(-1)!;
    expect([voidAudit.kind, voidAudit.refs, voidAudit.facts]).toEqual(['purchase.void', [p.id, cup.id], { totalFen: 5_000, giftsReturned: 1 }]);
    // Voiding again gives nothing back twice.
    await s.purchases.void(p.id, '顾客取消');
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(1);
    await expectStoredEqualsLedger(s);
  });

  it('a return gives back the reward’s points in proportion, rounded down on their own; the gift stays given', async () => {
    const s = setUp();
    const c = await customerWith(s, 3_000);
    const v = await s.points.saveReward(voucher());
    const p = await s.purchases.record(c.id, sale(10_000), { rewardId: v.id, pointsToRedeem: 500 });
    await s.purchases.recordReturn(p.id, makePurchaseFields({ totalFen: -3_333, purchasedAt: '2026-03-01T09:30:00.000Z' }));
    const back = (await s.db.pointsEntries.where('purchaseId').equals(p.id).toArray()).filter((e) => e.kind === 'reverse');
    // A third (0.3333) of the 2,000 for the voucher is 666, of the 500 paid 166, of the 75 earned 24.
    expect(back.map((e) => [e.reverses, e.rewardId, e.points]).sort()).toEqual(
      [
        ['earned', null, -24],
        ['spent', null, 166],
        ['spent', v.id, 666],
      ].sort(),
    );
    expect(await balanceOf(s, c.id)).toBe(575 + 666 + 166 - 24);

    const cup = await s.points.saveReward(reward({ stock: 3 }));
    const g = await s.purchases.record(c.id, sale(4_000), { rewardId: cup.id });
    await s.purchases.recordReturn(g.id, makePurchaseFields({ totalFen: -4_000, purchasedAt: '2026-03-01T09:40:00.000Z' }));
    // Returned whole: every point comes back, the gift went with the customer.
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(2);
    expect((await s.db.pointsEntries.where('purchaseId').equals(g.id).toArray()).reduce((sum, e) => sum + e.points, 0)).toBe(0);
    await expectStoredEqualsLedger(s);
  });

  it('an edit earns on the new amount less what the reward took off', async () => {
    const s = setUp();
    const c = await customerWith(s, 3_000);
    const v = await s.points.saveReward(voucher());
    const p = await s.purchases.record(c.id, sale(10_000), { rewardId: v.id });
    expect(await balanceOf(s, c.id)).toBe(1_000 + 80);
    const edited = await s.purchases.edit(p.id, sale(12_000));
    expect([edited.rewardId, edited.rewardFen]).toEqual([v.id, 2_000]);
    expect(await balanceOf(s, c.id)).toBe(1_000 + 100);
  });
});

describe('a reward refused inside the write: nothing is written', () => {
  async function refused(s: Store, customerId: string, rewardId: string, code: string, opts: { pointsToRedeem?: number; totalFen?: number } = {}) {
    const before = { purchases: await s.db.purchases.count(), ledger: await s.db.pointsEntries.count(), rewards: await s.db.rewards.toArray(), balance: await balanceOf(s, customerId) };
    await expect(s.purchases.record(customerId, sale(opts.totalFen ?? 5_000), { rewardId, pointsToRedeem: opts.pointsToRedeem ?? 0 })).rejects.toMatchObject({ name: 'PointsRefusedError', code });
    expect({ purchases: await s.db.purchases.count(), ledger: await s.db.pointsEntries.count(), rewards: await s.db.rewards.toArray(), balance: await balanceOf(s, customerId) }).toEqual(before);
  }

  it('deleted from the catalogue meanwhile, out of stock, expired, not yet valid, withdrawn, not for the tier, too few points', async () => {
    const s = setUp();
    const c = await customerWith(s, 1_000);
    const gone = await s.points.saveReward(reward({}));
    await s.db.transaction('rw', s.db.rewards, () => s.db.rewards.delete(gone.id));
    await refused(s, c.id, gone.id, 'reward-not-found');
    // Changed behind the dialog's back (another window, a restore): the write reads the catalogue as it is now.
    const empty = reward({ stock: 0 });
    const expired = reward({ validTo: '2026-02-28' });
    const later = reward({ validFrom: '2026-03-02' });
    const withdrawn = reward({ active: false });
    const vipOnly = reward({ tiersAllowed: ['vip-tier-nobody-has'] });
    const dear = reward({ pointsCost: 1_001 });
    await s.db.rewards.bulkPut([empty, expired, later, withdrawn, vipOnly, dear]);
    await refused(s, c.id, empty.id, 'out-of-stock');
    await refused(s, c.id, expired.id, 'reward-expired');
    await refused(s, c.id, later.id, 'reward-not-yet-valid');
    await refused(s, c.id, withdrawn.id, 'reward-inactive');
    await refused(s, c.id, vipOnly.id, 'tier-not-allowed');
    await refused(s, c.id, dear.id, 'insufficient-points');
  });

  it('the reward fits but the points asked for on top no longer do: refused, the reward not taken either', async () => {
    const s = setUp();
    const c = await customerWith(s, 1_000);
    const cup = await s.points.saveReward(reward({ pointsCost: 800, stock: 1 }));
    // 200 points are left after the gift; 201 are asked for.
    await refused(s, c.id, cup.id, 'insufficient-points', { pointsToRedeem: 201, totalFen: 100_000 });
    const p = await s.purchases.record(c.id, sale(100_000), { rewardId: cup.id, pointsToRedeem: 200 });
    expect([p.pointsPaidFen, (await s.db.rewards.get(cup.id))!.stock]).toEqual([200, 0]);
  });

  it('a customer in the trash redeems nothing', async () => {
    const s = setUp();
    const c = await customerWith(s, 1_000);
    const cup = await s.points.saveReward(reward({}));
    await s.customers.moveToTrash(c.id);
    await refused(s, c.id, cup.id, 'customer-deleted');
  });

  it('voiding a purchase whose gift was since deleted gives back the points; a withdrawn gift still gets its unit back', async () => {
    const s = setUp();
    const c = await customerWith(s, 2_000);
    const cup = await s.points.saveReward(reward({ stock: 5 }));
    const mug = await s.points.saveReward(reward({ name: '马克杯', stock: 5 }));
    const a = await s.purchases.record(c.id, sale(1_000), { rewardId: cup.id });
    const b = await s.purchases.record(c.id, sale(1_000), { rewardId: mug.id });
    await s.db.transaction('rw', s.db.rewards, () => s.db.rewards.delete(cup.id));
    await s.points.withdrawReward(mug.id);
    await s.purchases.void(a.id, '录错了');
    await s.purchases.void(b.id, '录错了');
    expect(await balanceOf(s, c.id)).toBe(2_000);
    expect(await s.db.rewards.get(cup.id)).toBeUndefined();
    expect((await s.db.rewards.get(mug.id))!.stock).toBe(5);
  });
});

describe('what an edit or a return does to points, as the dialog previews it', () => {
  it('is what the write then stores: returns (new and edited), edits up and down, a purchase recorded before points', async () => {
    const s = setUp();
    await s.points.saveRules({ ...PLAIN, negativeBalance: 'stop-at-zero' });
    const c = await s.customers.create(makeCustomerFields());
    await s.points.adjust(c.id, 3_000, '老系统的积分');
    const till = createTillPointsReader(s.db, { now: () => s.state.clock });
    const v = await s.points.saveReward(voucher());
    const p = await s.purchases.record(c.id, sale(10_000), { rewardId: v.id, pointsToRedeem: 500 });
    const written = async (purchaseId: string, run: () => Promise<unknown>) => {
      const before = new Set((await s.db.pointsEntries.toArray()).map((e) => e.id));
      await run();
      return pointsChangeOf((await s.db.pointsEntries.toArray()).filter((e) => !before.has(e.id) && e.purchaseId === purchaseId));
    };
    let at = Date.parse('2026-03-01T09:10:00.000Z');
    const steps: [string, () => Promise<{ preview: unknown; stored: unknown }>][] = [
      ['a third returned', async () => {
        const fields = makePurchaseFields({ totalFen: -3_333, purchasedAt: new Date((at += 60_000)).toISOString() });
        const preview = await till.previewChange({ kind: 'return', originalId: p.id, fields });
        return { preview, stored: await written(p.id, () => s.purchases.recordReturn(p.id, fields)) };
      }],
      ['the purchase edited up', async () => {
        const fields = sale(12_000);
        const preview = await till.previewChange({ kind: 'edit', purchaseId: p.id, fields });
        return { preview, stored: await written(p.id, () => s.purchases.edit(p.id, fields)) };
      }],
      ['the return edited to half', async () => {
        const [ret] = await s.purchases.returnsOf(p.id);
        const fields = makePurchaseFields({ totalFen: -6_000, purchasedAt: ret!.purchasedAt });
        const preview = await till.previewChange({ kind: 'edit', purchaseId: ret!.id, fields });
        return { preview, stored: await written(p.id, () => s.purchases.edit(ret!.id, fields)) };
      }],
      ['the rest returned', async () => {
        const fields = makePurchaseFields({ totalFen: -6_000, purchasedAt: new Date((at += 60_000)).toISOString() });
        const preview = await till.previewChange({ kind: 'return', originalId: p.id, fields });
        return { preview, stored: await written(p.id, () => s.purchases.recordReturn(p.id, fields)) };
      }],
    ];
    const previews: unknown[] = [];
    for (const [what, step] of steps) {
      const { preview, stored } = await step();
      expect(preview, what).toEqual(stored);
      previews.push(preview);
    }
    // A third of the 75 earned, of the 500 paid and of the voucher's 2,000, each rounded down.
    expect(previews[0]).toEqual({ earned: -24, spent: 166 + 666, reward: 666, writtenOff: 0 });
    // The last return gave the voucher's points back whole: 2,000 over the returns.
    const rewardBack = (await s.db.pointsEntries.where('purchaseId').equals(p.id).toArray()).filter((e) => e.rewardId === v.id && e.kind === 'reverse');
    expect(rewardBack.reduce((sum, e) => sum + e.points, 0)).toBe(2_000);

    // A purchase in no points (recorded before them): nothing changes.
    const old = await s.purchases.record(c.id, sale(5_000));
    await s.db.transaction('rw', s.db.pointsEntries, () => s.db.pointsEntries.where('purchaseId').equals(old.id).delete());
    expect(await till.previewChange({ kind: 'edit', purchaseId: old.id, fields: sale(9_000) })).toEqual({ earned: 0, spent: 0, reward: 0, writtenOff: 0 });
    expect(await till.previewChange({ kind: 'edit', purchaseId: 'no-such-purchase', fields: sale(9_000) })).toBeNull();
  });
});
