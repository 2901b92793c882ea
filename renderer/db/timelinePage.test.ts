// The timeline reads a page at a time: newest first across both kinds, "more" when there is more, and
// the returns and originals the page needs, even when the original is older than the page.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { makeCustomerFields } from '../../test/factories/customer';
import { makeLine, makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createInteractionRepository } from './interactions';
import { pointsEntry } from '../../shared/domain/pointsLedger';
import { createPointsTimelineReads } from './pointsTimeline';
import { createPurchaseRepository } from './purchases';
import { readTimelinePage } from './timelinePage';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids = 0;
const clock = new Date('2026-03-01T10:00:00Z');
const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}` });

beforeEach(() => {
  db = database();
});

const day = (n: number) => new Date(Date.UTC(2026, 0, 1, 9) + n * 86_400_000).toISOString();

async function setup() {
  const customer = await createCustomerRepository(db, deps()).create(makeCustomerFields());
  const purchases = createPurchaseRepository(db, { ...deps(), dayOf: utcDayOf });
  const interactions = createInteractionRepository(db, deps());
  return { customer, purchases, interactions, sources: { purchases, interactions, points: createPointsTimelineReads(db) } };
}

describe('a page of the timeline', () => {
  it('merges both kinds newest first, up to the limit, and says when there is more', async () => {
    const { customer, purchases, interactions, sources } = await setup();
    for (let n = 0; n < 4; n++) await purchases.record(customer.id, makePurchaseFields({ purchasedAt: day(n * 2) }));
    for (let n = 0; n < 3; n++) {
      await interactions.record(customer.id, { at: day(n * 2 + 1), channel: 'phone', direction: 'out', summary: `call ${n}`, outcome: '', followUpDate: null });
    }
    const page = await readTimelinePage(sources, customer.id, 'all', 5);
    expect(page.entries.map((e) => e.at)).toEqual([day(6), day(5), day(4), day(3), day(2)]);
    expect(page.entries.map((e) => e.kind)).toEqual(['purchase', 'interaction', 'purchase', 'interaction', 'purchase']);
    expect(page.hasMore).toBe(true);

    const all = await readTimelinePage(sources, customer.id, 'all', 50);
    expect(all.entries).toHaveLength(7);
    expect(all.hasMore).toBe(false);

    const contacts = await readTimelinePage(sources, customer.id, 'interaction', 2);
    expect(contacts.entries.map((e) => e.kind)).toEqual(['interaction', 'interaction']);
    expect(contacts.hasMore).toBe(true);
    expect((await readTimelinePage(sources, customer.id, 'purchase', 4)).hasMore).toBe(false);
  });

  it('finds what was returned of a purchase on the page, and the original of a return older than the page', async () => {
    const { customer, purchases, sources } = await setup();
    const original = await purchases.record(customer.id, makePurchaseFields({ purchasedAt: day(0), lines: [makeLine({ quantity: 2, unitPriceFen: 10000 })] }));
    const back = makePurchaseFields({ purchasedAt: day(1), lines: [makeLine({ quantity: -1, unitPriceFen: 10000 })] });
    const ret = await purchases.recordReturn(original.id, back);
    for (let n = 2; n < 5; n++) await purchases.record(customer.id, makePurchaseFields({ purchasedAt: day(n) }));

    const full = await readTimelinePage(sources, customer.id, 'all', 10);
    expect(full.returns.get(original.id)).toEqual({ returnedFen: 10000, activeReturns: 1 });
    expect(full.originals.get(original.id)?.id).toBe(original.id);

    // The return is the last entry shown; its original is one older, off the page, and still found.
    // (Purchases only: the return's reversal of the points earned is a row of its own, dated when it was recorded.)
    const short = await readTimelinePage(sources, customer.id, 'purchase', 4);
    expect(short.entries.at(-1)?.id).toBe(ret.id);
    expect(short.entries.some((e) => e.id === original.id)).toBe(false);
    expect(short.originals.get(original.id)?.totalFen).toBe(20000);

    await purchases.void(ret.id, '录错了');
    const after = await readTimelinePage(sources, customer.id, 'all', 10);
    expect(after.returns.get(original.id)).toEqual({ returnedFen: 0, activeReturns: 0 });
  });

  it('tells a purchase\'s own points on its row and every other entry as a row of its own, named', async () => {
    const { customer, purchases, sources } = await setup();
    const bought = await purchases.record(customer.id, makePurchaseFields({ purchasedAt: day(0), lines: [makeLine({ quantity: 1, unitPriceFen: 26800 })] }));
    const earned = await db.pointsEntries.where('purchaseId').equals(bought.id).toArray();
    expect(earned.map((e) => e.kind)).toContain('earn');
    const total = earned.reduce((sum, e) => sum + e.points, 0);
    await db.pointsEntries.bulkAdd([
      pointsEntry({ customerId: customer.id, kind: 'adjust', points: 50, createdAt: day(1), note: '老客户补偿' }, () => 'adj-1'),
      pointsEntry({ customerId: customer.id, kind: 'reverse', points: -total, createdAt: day(2), purchaseId: bought.id, reverses: 'earned' }, () => 'rev-1'),
    ]);

    const all = await readTimelinePage(sources, customer.id, 'all', 50);
    expect(all.entries.map((e) => `${e.kind}:${e.id}`)).toEqual(['points:rev-1', 'points:adj-1', `purchase:${bought.id}`]);
    expect(all.purchasePoints.get(bought.id)).toEqual({ earned: total, spent: 0 });
    expect(all.pointsNames.purchases.get(bought.id)).toEqual({ purchasedAt: day(0), totalFen: 26800 });

    // The points filter is the ledger itself: the purchase's own entry too.
    const ledger = await readTimelinePage(sources, customer.id, 'points', 50);
    expect(ledger.entries.every((e) => e.kind === 'points')).toBe(true);
    expect(ledger.entries.map((e) => e.id)).toEqual(expect.arrayContaining(['rev-1', 'adj-1', ...earned.map((e) => e.id)]));
    expect(ledger.entries).toHaveLength(2 + earned.length);

    // The purchases filter keeps the purchase's own points on its row, and no points rows.
    const bought2 = await readTimelinePage(sources, customer.id, 'purchase', 50);
    expect(bought2.entries.map((e) => e.kind)).toEqual(['purchase']);
    expect(bought2.purchasePoints.get(bought.id)?.earned).toBe(total);
  });

  it('pages points entries with the others by date, and says when more are older', async () => {
    const { customer, purchases, sources } = await setup();
    for (let n = 0; n < 5; n++) await purchases.record(customer.id, makePurchaseFields({ purchasedAt: day(n * 2) }));
    await db.pointsEntries.bulkAdd(
      [1, 3, 5, 7, 9].map((n) => pointsEntry({ customerId: customer.id, kind: 'adjust', points: n, createdAt: day(n), note: `n${n}` }, () => `adj-${n}`)),
    );
    const page = await readTimelinePage(sources, customer.id, 'all', 4);
    expect(page.entries.map((e) => e.at)).toEqual([day(9), day(8), day(7), day(6)]);
    expect(page.hasMore).toBe(true);
    const whole = await readTimelinePage(sources, customer.id, 'all', 10);
    expect(whole.entries.map((e) => e.at)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0].map(day));
    expect(whole.hasMore).toBe(false);
    // More purchases than the page holds: the ledger is read from the page's oldest date on, and an older entry still says "more".
    const three = await readTimelinePage(sources, customer.id, 'purchase', 3);
    expect(three.hasMore).toBe(true);
    await db.pointsEntries.add(pointsEntry({ customerId: customer.id, kind: 'adjust', points: 1, createdAt: day(-5), note: 'old' }, () => 'adj-old'));
    const exact = await readTimelinePage(sources, customer.id, 'all', 10);
    expect(exact.entries).toHaveLength(10);
    expect(exact.hasMore).toBe(true);
  });
});
