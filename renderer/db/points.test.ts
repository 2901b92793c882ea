// Loyalty points through the database on fake-indexeddb: earning, paying with points, voids, returns and edits
// through the purchase repository; the owner's adjustments, gifts, rules and rewards; the rollover's expiry;
// referrals; erasure and merge; and the customers' stored points equal to a full recomputation from the ledger.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/domain/auditChain';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { ANONYMOUS_CUSTOMER_ID } from '../../shared/domain/erasure';
import { DEFAULT_POINTS_RULES, type PointsRules } from '../../shared/domain/pointsRules';
import type { Reward } from '../../shared/domain/rewards';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createCustomerRepository } from './customers';
import { pointsFieldsOf, ledgerRange } from './derivation';
import { createErasure } from './erasure';
import { mergeCustomers } from './merge';
import { createPointsRepository, PointsRefusedError } from './points';
import { createPurchaseRepository } from './purchases';

const database = freshDatabasePerTest();
const DAY_MS = 86_400_000;

/** Plain rules: 1 point per ¥1 (100 fen), no multipliers, 100 points pay ¥1 up to half a purchase. */
const PLAIN: PointsRules = {
  ...structuredClone(DEFAULT_POINTS_RULES),
  tierMultiplier: false,
  birthday: { window: 'none', multiplier: 2 },
  negativeBalance: 'allow',
} as PointsRules;

function setUp(rules: Partial<PointsRules> = {}) {
  const db = database();
  const state = { clock: new Date('2026-03-01T10:00:00Z'), seq: 0 };
  const deps = { now: () => state.clock, newId: () => `00000000-0000-4000-8000-${String(++state.seq).padStart(12, '0')}`, dayOf: utcDayOf };
  const points = createPointsRepository(db, deps);
  return {
    db,
    state,
    deps,
    points,
    purchases: createPurchaseRepository(db, deps),
    customers: createCustomerRepository(db, deps),
    ready: () => points.saveRules({ ...PLAIN, ...rules }),
    setDay: (days: number) => (state.clock = new Date(Date.parse('2026-03-01T10:00:00Z') + days * DAY_MS)),
  };
}

type Store = ReturnType<typeof setUp>;

const sale = (totalFen: number, purchasedAt = '2026-03-01T09:00:00.000Z') => makePurchaseFields({ totalFen, purchasedAt });
const balanceOf = async (s: Store, id: string) => (await s.db.pointsState.get(id))!.pointsBalance;
const ledgerSum = async (s: Store, id: string) => (await ledgerRange(s.db, id).toArray()).reduce((sum, e) => sum + e.points, 0);

/** Every customer's stored points equal to deriving them from their ledger now, and the recomputation changes nothing. */
async function expectStoredEqualsLedger(s: Store): Promise<void> {
  for (const row of await s.db.pointsState.toArray()) {
    const { pointsBalance, pointsExpiringSoon, pointsExpiringAt, pointsNextExpiryAt } = row;
    expect({ pointsBalance, pointsExpiringSoon, pointsExpiringAt, pointsNextExpiryAt }, row.id).toEqual({
      pointsNextExpiryAt: undefined,
      ...pointsFieldsOf(await ledgerRange(s.db, row.id).toArray(), s.state.clock),
    });
  }
  expect((await s.points.recomputeAll()).changed).toBe(0);
}

describe('points through purchases', () => {
  it('a purchase earns (with the welcome bonus on the first), a void gives everything back', async () => {
    const s = setUp({ welcomeBonus: 50 });
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    const first = await s.purchases.record(c.id, sale(26_800));
    expect(await balanceOf(s, c.id)).toBe(268 + 50);
    const second = await s.purchases.record(c.id, sale(10_000, '2026-03-01T09:30:00.000Z'));
    expect(await balanceOf(s, c.id)).toBe(318 + 100);
    await s.purchases.void(second.id, '录错了');
    expect(await balanceOf(s, c.id)).toBe(318);
    await s.purchases.void(first.id, '录错了');
    expect(await balanceOf(s, c.id)).toBe(0);
    // Voiding again writes nothing more.
    const count = await s.db.pointsEntries.count();
    await s.purchases.void(first.id, '录错了');
    expect(await s.db.pointsEntries.count()).toBe(count);
    await expectStoredEqualsLedger(s);
  });

  it('paying with points: within the cap and what the customer may spend, checked inside the write; a void returns the points', async () => {
    const s = setUp();
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    await s.points.adjust(c.id, 3_000, '老系统的积分');
    // Half of ¥40 is ¥20: 2,000 points at most.
    await expect(s.purchases.record(c.id, sale(4_000), { pointsToRedeem: 2_500 })).rejects.toMatchObject({ code: 'points-over-cap' });
    await expect(s.purchases.record(c.id, sale(100_000), { pointsToRedeem: 3_001 })).rejects.toMatchObject({ code: 'insufficient-points' });
    expect(await s.db.purchases.count()).toBe(0);
    const paid = await s.purchases.record(c.id, sale(10_000), { pointsToRedeem: 2_000 });
    expect(paid.pointsPaidFen).toBe(2_000);
    // Spent 2,000; earned on the ¥80 paid otherwise.
    expect(await balanceOf(s, c.id)).toBe(3_000 - 2_000 + 80);
    const plain = await s.purchases.record(c.id, sale(5_000));
    expect(plain.pointsPaidFen).toBeUndefined();
    await s.purchases.void(paid.id, '退单');
    expect(await balanceOf(s, c.id)).toBe(3_000 + 50);
    await expectStoredEqualsLedger(s);
  });

  it('a return takes back the points earned and gives back the points spent in proportion, rounded down; returns add up to the whole', async () => {
    const s = setUp();
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    await s.points.adjust(c.id, 1_000, '开卡');
    const p = await s.purchases.record(c.id, sale(30_000), { pointsToRedeem: 999 });
    // 999 points pay ¥9.99; ¥290.01 earns 290.
    expect(await balanceOf(s, c.id)).toBe(1_000 - 999 + 290);
    const r1 = await s.purchases.recordReturn(p.id, sale(-10_000, '2026-03-01T11:00:00.000Z'));
    // A third returned: 290/3 → 96 earned taken back, 999/3 = 333 spent given back.
    expect(await balanceOf(s, c.id)).toBe(291 - 96 + 333);
    await s.purchases.recordReturn(p.id, sale(-20_000, '2026-03-01T12:00:00.000Z'));
    expect(await balanceOf(s, c.id)).toBe(1_000);
    // A voided return gives back what it took.
    await s.purchases.void(r1.id, '退错了');
    // Two thirds returned now: 193 of 290 earned taken back, 666 of 999 spent given back.
    expect(await balanceOf(s, c.id)).toBe(1_000 - 999 + 290 - 193 + 666);
    expect(await balanceOf(s, c.id)).toBe(await ledgerSum(s, c.id));
    await expectStoredEqualsLedger(s);
  });

  it('an edit earns the new amount once, however often it is saved, and a void after it returns to before', async () => {
    const s = setUp();
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    const p = await s.purchases.record(c.id, sale(10_000));
    await s.purchases.edit(p.id, sale(15_000));
    await s.purchases.edit(p.id, sale(15_000));
    expect(await balanceOf(s, c.id)).toBe(150);
    await s.purchases.edit(p.id, sale(4_000));
    expect(await balanceOf(s, c.id)).toBe(40);
    await s.purchases.recordReturn(p.id, sale(-2_000, '2026-03-01T11:00:00.000Z'));
    expect(await balanceOf(s, c.id)).toBe(20);
    await s.purchases.edit(p.id, sale(8_000));
    // 80 earned, a quarter returned.
    expect(await balanceOf(s, c.id)).toBe(60);
    const [ret] = await s.purchases.returnsOf(p.id);
    await s.purchases.void(ret!.id, '退错了');
    await s.purchases.void(p.id, '录错了');
    expect(await balanceOf(s, c.id)).toBe(0);
    await expectStoredEqualsLedger(s);
  });

  it('stops a reversal at zero and writes off the rest when the owner chose so', async () => {
    const s = setUp({ negativeBalance: 'stop-at-zero' });
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    const p = await s.purchases.record(c.id, sale(50_000));
    await s.points.redeemReward(c.id, (await s.points.saveReward(gift({ pointsCost: 400 }))).id);
    await s.purchases.void(p.id, '录错了');
    expect(await balanceOf(s, c.id)).toBe(0);
    expect((await ledgerRange(s.db, c.id).toArray()).map((e) => [e.kind, e.points, e.rule])).toContainEqual(['adjust', 400, 'reversal-write-off']);
  });
});

function gift(over: Partial<Reward> = {}): Reward {
  return { id: crypto.randomUUID(), name: '保温杯', kind: 'gift', pointsCost: 500, stock: 2, voucherFen: null, percentOff: null, validFrom: null, validTo: null, tiersAllowed: [], active: true, ...over };
}

describe('the owner and the catalogue', () => {
  it('adjusts with a reason, redeems a gift (stock taken), refuses without points or stock; each with its audit entry', async () => {
    const s = setUp();
    await s.ready();
    const c = await s.customers.create(makeCustomerFields());
    await expect(s.points.adjust(c.id, 100, '   ')).rejects.toBeInstanceOf(PointsRefusedError);
    await expect(s.points.adjust(c.id, 1.5, '补')).rejects.toMatchObject({ code: 'points-invalid' });
    await s.points.adjust(c.id, 1_200, '活动补发');
    const cup = await s.points.saveReward(gift());
    await s.points.redeemReward(c.id, cup.id);
    await s.points.redeemReward(c.id, cup.id);
    expect(await balanceOf(s, c.id)).toBe(200);
    expect((await s.db.rewards.get(cup.id))!.stock).toBe(0);
    await s.points.adjust(c.id, 1_000, '再补');
    await expect(s.points.redeemReward(c.id, cup.id)).rejects.toMatchObject({ code: 'out-of-stock' });
    const pricey = await s.points.saveReward(gift({ pointsCost: 5_000, stock: null }));
    await expect(s.points.redeemReward(c.id, pricey.id)).rejects.toMatchObject({ code: 'insufficient-points' });
    await s.points.withdrawReward(pricey.id);
    await expect(s.points.redeemReward(c.id, pricey.id)).rejects.toMatchObject({ code: 'reward-inactive' });
    await expect(s.points.saveReward(gift({ name: ' ' }))).rejects.toMatchObject({ code: 'reward-invalid' });
    await expect(s.points.saveRules({ ...PLAIN, earn: { points: 0, perFen: 100, rounding: 'down' } })).rejects.toMatchObject({ code: 'rules-invalid' });

    const page = await s.points.ledgerPage(c.id, 0, 2);
    expect(page.entries.map((e) => e.note)).toEqual(['再补', '']);
    expect(page.more).toBe(true);
    const history = await s.points.history(c.id);
    expect(history.slice(0, 2)).toEqual(page.entries);
    expect(history.map((e) => e.createdAt)).toEqual([...history.map((e) => e.createdAt)].sort().reverse());
    const log = await s.db.auditLog.orderBy('seq').toArray();
    expect(log.map((e) => e.kind).filter((k) => k.startsWith('points') || k.startsWith('rewards') || k === 'settings.change')).toEqual([
      'settings.change',
      'points.adjust',
      'rewards.change',
      'points.redeem',
      'points.redeem',
      'points.adjust',
      'rewards.change',
      'rewards.change',
    ]);
    // The owner's reason stays on the entry, out of the trail.
    expect(JSON.stringify(log)).not.toMatch(/活动补发/);
    expect(verifyChain(log).status).toBe('intact');
    expect(await s.points.rules()).toEqual({ rules: expect.objectContaining({ negativeBalance: 'allow' }), unreadable: false });
  });
});

describe('the rollover', () => {
  it('writes each expired batch off once, finds only customers with points expiring, and moves "expiring soon" with the days', async () => {
    const s = setUp({ expiry: [{ kind: 'months', months: 1, from: '1970-01-01T00:00:00.000Z' }] });
    await s.ready();
    const a = await s.customers.create(makeCustomerFields());
    const b = await s.customers.create(makeCustomerFields());
    const never = await s.customers.create(makeCustomerFields());
    await s.purchases.record(a.id, sale(10_000));
    s.setDay(20);
    await s.purchases.record(a.id, sale(5_000, '2026-03-21T09:00:00.000Z'));
    await s.purchases.record(b.id, sale(7_000, '2026-03-21T09:00:00.000Z'));
    expect(await s.db.pointsState.get(never.id)).not.toHaveProperty('pointsNextExpiryAt');
    // Within 30 days: the first batch only.
    expect(await s.db.pointsState.get(a.id)).toMatchObject({ pointsBalance: 150, pointsExpiringSoon: 100 });

    s.setDay(33);
    const first = await s.points.rolloverExpiries();
    expect(first).toMatchObject({ customers: 2, expired: 1, points: 100 });
    expect(await s.db.pointsState.get(a.id)).toMatchObject({ pointsBalance: 50, pointsExpiringSoon: 50 });
    expect(await s.points.rolloverExpiries()).toMatchObject({ expired: 0, points: 0 });
    expect((await ledgerRange(s.db, a.id).toArray()).filter((e) => e.kind === 'expire')).toHaveLength(1);
    await expectStoredEqualsLedger(s);

    s.setDay(60);
    expect(await s.points.rolloverExpiries()).toMatchObject({ customers: 2, expired: 2, points: 120 });
    expect(await s.db.pointsState.where('pointsNextExpiryAt').above('').count()).toBe(0);
    expect(await balanceOf(s, a.id)).toBe(0);
    await expectStoredEqualsLedger(s);
  });
});

describe('referrals', () => {
  it('awards the referrer and the new customer once, on the first purchase only; never for a referrer merged into the new customer', async () => {
    const s = setUp({ referral: { award: 'both', referrerPoints: 200, referredPoints: 100 } });
    await s.ready();
    const referrer = await s.customers.create(makeCustomerFields());
    const friend = await s.customers.create(makeCustomerFields({ referredBy: referrer.id }));
    const p = await s.purchases.record(friend.id, sale(1_000));
    expect(await balanceOf(s, referrer.id)).toBe(200);
    expect(await balanceOf(s, friend.id)).toBe(10 + 100);
    // Voided and bought again: no second award (the points of the referral stay).
    await s.purchases.void(p.id, '录错了');
    await s.purchases.record(friend.id, sale(1_000));
    expect(await balanceOf(s, referrer.id)).toBe(200);
    expect(await balanceOf(s, friend.id)).toBe(110);
    const audit = await s.db.auditLog.orderBy('seq').toArray();
    expect(audit.find((e) => e.refs.includes(p.id) && e.kind === 'purchase.record')!.customerIds.sort()).toEqual([friend.id, referrer.id].sort());

    // A referrer merged into the new customer is the new customer: no award.
    const self = await s.customers.create(makeCustomerFields());
    const twin = await s.customers.create(makeCustomerFields({ referredBy: self.id }));
    await mergeCustomers(s.db, s.deps)([twin.id, self.id], { survivorId: twin.id, picks: {} });
    await s.purchases.record(twin.id, sale(1_000));
    expect(await balanceOf(s, twin.id)).toBe(10);
    await expectStoredEqualsLedger(s);
  });
});

describe('erasure and merge', () => {
  async function storeWithReferral(s: Store) {
    await s.ready();
    const zhang = await s.customers.create(makeCustomerFields({ name: '张三丰' }));
    const friend = await s.customers.create(makeCustomerFields({ name: '李四', referredBy: zhang.id }));
    await s.purchases.record(zhang.id, sale(20_000));
    await s.points.adjust(zhang.id, 30, '张三丰的生日补偿');
    await s.purchases.record(friend.id, sale(5_000));
    return { zhang: zhang.id, friend: friend.id };
  }

  for (const choice of ['anonymise', 'delete'] as const) {
    it(`erasing (${choice}) leaves no entry naming the customer, nor their reason; the referral partner keeps their points`, async () => {
      const s = setUp({ referral: { award: 'both', referrerPoints: 200, referredPoints: 100 } });
      const { zhang, friend } = await storeWithReferral(s);
      const friendBefore = await balanceOf(s, friend);
      await createErasure(s.db, s.deps).erase(zhang, choice);
      const all = await s.db.pointsEntries.toArray();
      expect(JSON.stringify(all)).not.toContain(zhang);
      expect(JSON.stringify(all)).not.toMatch(/张三丰/);
      const anonymous = all.filter((e) => e.customerId === ANONYMOUS_CUSTOMER_ID);
      expect(anonymous.length).toBe(choice === 'anonymise' ? 3 : 0);
      expect(await balanceOf(s, friend)).toBe(friendBefore);
      await expectStoredEqualsLedger(s);
    });
  }

  for (const choice of ['anonymise', 'delete'] as const) {
    it(`erasing (${choice}) a referred customer: no entry holds an old purchase id of theirs; kept entries follow their purchases' new ids`, async () => {
      const s = setUp({ referral: { award: 'both', referrerPoints: 200, referredPoints: 100 } });
      await s.ready();
      const referrer = await s.customers.create(makeCustomerFields({ name: '李四' }));
      const zhang = await s.customers.create(makeCustomerFields({ name: '张三丰', referredBy: referrer.id }));
      await s.purchases.record(zhang.id, sale(20_000));
      await s.purchases.record(zhang.id, sale(5_000, '2026-03-02T09:00:00.000Z'));
      const oldIds = (await s.db.purchases.where('customerId').equals(zhang.id).toArray()).map((p) => p.id);
      expect((await s.db.pointsEntries.toArray()).filter((e) => e.customerId === referrer.id && oldIds.includes(e.purchaseId!))).toHaveLength(1);
      const referrerBefore = await balanceOf(s, referrer.id);

      await createErasure(s.db, s.deps).erase(zhang.id, choice);
      const all = await s.db.pointsEntries.toArray();
      expect(JSON.stringify(all)).not.toMatch(new RegExp([zhang.id, ...oldIds].join('|')));
      const kept = new Set((await s.db.purchases.toArray()).map((p) => p.id));
      for (const e of all.filter((x) => x.customerId === ANONYMOUS_CUSTOMER_ID && x.kind !== 'referral')) expect(kept.has(e.purchaseId!)).toBe(true);
      expect(await balanceOf(s, referrer.id)).toBe(referrerBefore);
      await expectStoredEqualsLedger(s);
    });
  }

  it('a merge moves every entry to the survivor, whose points are the sum', async () => {
    const s = setUp();
    await s.ready();
    const a = await s.customers.create(makeCustomerFields());
    const b = await s.customers.create(makeCustomerFields());
    await s.purchases.record(a.id, sale(10_000));
    await s.purchases.record(b.id, sale(20_000));
    await s.points.adjust(b.id, -50, '扣回');
    await mergeCustomers(s.db, s.deps)([a.id, b.id], { survivorId: a.id, picks: {} });
    expect(await ledgerRange(s.db, b.id).count()).toBe(0);
    expect(await balanceOf(s, a.id)).toBe(250);
    const last = await s.db.auditLog.orderBy('seq').last();
    expect(last).toMatchObject({ kind: 'customers.merge', facts: { pointsEntries: 2 } });
    await expectStoredEqualsLedger(s);
  });

  it('a customer deleted for good takes their entries along', async () => {
    const s = setUp();
    await s.ready();
    const a = await s.customers.create(makeCustomerFields());
    await s.points.adjust(a.id, 10, '补');
    await s.customers.moveToTrash(a.id);
    await s.customers.deleteForever(a.id);
    expect(await s.db.pointsEntries.count()).toBe(0);
  });
});

type Op =
  | { kind: 'buy'; who: number; fen: number; redeem: number }
  | { kind: 'return'; share: number }
  | { kind: 'void' }
  | { kind: 'edit'; fen: number }
  | { kind: 'adjust'; who: number; points: number }
  | { kind: 'days'; days: number }
  | { kind: 'rollover' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('buy' as const), who: fc.nat(3), fen: fc.integer({ min: 100, max: 50_000 }), redeem: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000 })) }),
  fc.record({ kind: fc.constant('return' as const), share: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('void' as const) }),
  fc.record({ kind: fc.constant('edit' as const), fen: fc.integer({ min: 100, max: 50_000 }) }),
  fc.record({ kind: fc.constant('adjust' as const), who: fc.nat(3), points: fc.integer({ min: -500, max: 2_000 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('days' as const), days: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('rollover' as const) }),
);

describe('agreement', () => {
  it('the stored points equal a full recomputation from the ledger, on random stores', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 30 }), fc.constantFrom<'allow' | 'stop-at-zero'>('allow', 'stop-at-zero'), async (ops, negativeBalance) => {
        const s = setUp({ negativeBalance, welcomeBonus: 20, expiry: [{ kind: 'months', months: 1, from: '1970-01-01T00:00:00.000Z' }], referral: { award: 'both', referrerPoints: 30, referredPoints: 10 } });
        await s.ready();
        const people: string[] = [];
        for (let i = 0; i < 4; i++) people.push((await s.customers.create(makeCustomerFields({ referredBy: i > 0 ? people[0]! : null }))).id);
        const open: { id: string; fen: number }[] = [];
        let day = 0;
        for (const op of ops) {
          const at = new Date(s.state.clock.getTime() - 60_000).toISOString();
          try {
            switch (op.kind) {
              case 'buy': {
                const p = await s.purchases.record(people[op.who]!, sale(op.fen, at), { pointsToRedeem: op.redeem });
                open.push({ id: p.id, fen: op.fen });
                break;
              }
              case 'return': {
                const target = open.at(-1);
                if (!target) break;
                const ctx = (await s.purchases.returnContext(target.id))!;
                const fen = Math.floor(ctx.returnableFen * op.share);
                if (fen > 0) await s.purchases.recordReturn(target.id, sale(-fen, at));
                break;
              }
              case 'void': {
                const target = open.pop();
                if (!target) break;
                for (const r of await s.purchases.returnsOf(target.id)) if (r.isVoided === 0) await s.purchases.void(r.id, '退错了');
                await s.purchases.void(target.id, '录错了');
                break;
              }
              case 'edit': {
                const target = open.at(-1);
                if (!target) break;
                const p = (await s.purchases.get(target.id))!;
                await s.purchases.edit(target.id, sale(op.fen, p.purchasedAt));
                break;
              }
              case 'adjust':
                await s.points.adjust(people[op.who]!, op.points, '调整');
                break;
              case 'days':
                day += op.days;
                s.setDay(day);
                break;
              case 'rollover':
                await s.points.rolloverExpiries();
                break;
              default:
                throw new Error('unknown op');
            }
          } catch (e) {
            // Refusals are outcomes (over the cap, not enough points, an edit below its returns); anything else fails.
            if (!(e instanceof PointsRefusedError) && !(e instanceof Error && e.name === 'PurchaseRuleError')) throw e;
          }
        }
        await s.points.rolloverExpiries();
        for (const id of people) expect(await balanceOf(s, id)).toBe(await ledgerSum(s, id));
        await expectStoredEqualsLedger(s);
        await s.db.delete();
        await s.db.open();
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
