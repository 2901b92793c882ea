import { describe, expect, it } from 'vitest';
import { utcDayOf, type FigureInput } from './customerFigures';
import { DEFAULT_STATUS_SETTINGS, deriveCustomerStatus, type StatusSettings } from './customerStatus';
import { generateDemoPurchases } from './demoPurchases';
import { generateDemoCustomers } from './demoStore';
import { groupPurchasesByCustomer } from './customerFigures';
import { previewGroups, type PreviewCustomer } from './statusPreview';

let purchaseSeq = 0;
const p = (day: string, totalFen: number, extra: Partial<FigureInput> = {}): FigureInput => ({ id: `p-${++purchaseSeq}`, purchasedAt: `${day}T10:00:00.000Z`, totalFen, isVoided: 0, returnOf: null, ...extra });
const AS_OF = '2026-11-23';

describe('previewGroups', () => {
  const customers: PreviewCustomer[] = [
    { id: 'none', tierId: 'potential', purchases: [] },
    // ¥1,200 in two purchases: regular (was potential: up at once).
    { id: 'up', tierId: 'potential', purchases: [p('2026-10-01', 60_000), p('2026-11-01', 60_000)] },
    // ¥300 now: potential (was VIP: waits for the review).
    { id: 'down', tierId: 'vip', purchases: [p('2026-10-01', 30_000)] },
    // On a tier that no longer exists: moves at once.
    { id: 'gone', tierId: 'gold', purchases: [p('2026-11-01', 10_000)] },
    { id: 'stays', tierId: 'regular', purchases: [p('2026-06-01', 50_000), p('2026-07-01', 50_000)] },
  ];

  it('counts every tier in order, zeros included, and sorts the moves by when they happen', () => {
    expect(previewGroups(customers, DEFAULT_STATUS_SETTINGS, AS_OF, utcDayOf)).toEqual({
      counts: [
        { id: 'vip', count: 0 },
        { id: 'regular', count: 2 },
        { id: 'potential', count: 3 },
      ],
      upNow: 1,
      downNow: 1,
      downAtReview: 1,
      unchanged: 2,
      total: 5,
    });
  });

  it('does not count a purchase returned in full as one of the purchases a tier needs', () => {
    const kept = p('2026-10-01', 60_000);
    const bought = p('2026-11-01', 70_000);
    const back = (totalFen: number) => p('2026-11-02', totalFen, { returnOf: bought.id });
    // ¥1,300 in two purchases: regular. ¥700 of it given back in full leaves ¥600 in one purchase.
    const withFull: PreviewCustomer = { id: 'full', tierId: 'potential', purchases: [kept, bought, back(-70_000)] };
    const scheme = DEFAULT_STATUS_SETTINGS.scheme;
    const byCount: StatusSettings = { ...DEFAULT_STATUS_SETTINGS, scheme: { ...scheme, tiers: scheme.tiers.map((t) => (t.id === 'regular' ? { ...t, minSpendFen: 50_000 } : t)) } };
    expect(previewGroups([withFull], byCount, AS_OF, utcDayOf).counts.find((c) => c.id === 'regular')!.count).toBe(0);
    // A partial return leaves two purchases and ¥1,200.
    const withPart: PreviewCustomer = { id: 'part', tierId: 'potential', purchases: [kept, bought, back(-10_000)] };
    expect(previewGroups([withPart], byCount, AS_OF, utcDayOf).counts.find((c) => c.id === 'regular')!.count).toBe(1);
  });

  it('follows edited thresholds and the window', () => {
    const scheme = DEFAULT_STATUS_SETTINGS.scheme;
    const lax: StatusSettings = { ...DEFAULT_STATUS_SETTINGS, scheme: { ...scheme, tiers: scheme.tiers.map((t) => (t.id === 'regular' ? { ...t, minSpendFen: 10_000, minPurchases: 1 } : t)) } };
    expect(previewGroups(customers, lax, AS_OF, utcDayOf).counts.find((c) => c.id === 'regular')!.count).toBe(4);
    const shortWindow: StatusSettings = { ...DEFAULT_STATUS_SETTINGS, scheme: { ...scheme, windowMonths: 3 } };
    // 'stays' bought in June and July: outside a 3-month window ending in November.
    expect(previewGroups(customers, shortWindow, AS_OF, utcDayOf)).toMatchObject({ downAtReview: 2 });
  });

  it('under RFM, every customer with purchases lands in a segment, the rest unscored, all at once', () => {
    const preview = previewGroups(customers, { ...DEFAULT_STATUS_SETTINGS, grouping: 'rfm' }, AS_OF, utcDayOf);
    expect(preview.counts).toHaveLength(11);
    expect(preview.counts.find((c) => c.id === 'rfm:unscored')!.count).toBe(1);
    expect(preview.counts.reduce((a, c) => a + c.count, 0)).toBe(5);
    expect(preview.downAtReview).toBe(0);
    // Coming from tiers, every customer with a new group counts as moving up at once.
    expect(preview.upNow).toBe(5);
  });

  it('agrees with the derivation a recomputation runs, on generated customers', () => {
    const NOW = new Date('2026-11-23T10:00:00.000Z');
    let n = 0;
    const demo = generateDemoCustomers({ seed: 5, count: 120, now: NOW, newId: () => `c${++n}` });
    const { purchases } = generateDemoPurchases({ seed: 5, customers: demo, now: NOW, newId: () => `p${++n}` });
    const groups = groupPurchasesByCustomer(purchases);
    const list: PreviewCustomer[] = demo.map((d, i) => ({ id: d.id, tierId: ['vip', 'regular', 'potential'][i % 3]!, purchases: groups.get(d.id) ?? [] }));
    const preview = previewGroups(list, DEFAULT_STATUS_SETTINGS, '2026-11-23', utcDayOf);
    let up = 0;
    let pending = 0;
    const counts = new Map<string, number>();
    for (const c of list) {
      const s = deriveCustomerStatus({ ...DEFAULT_STATUS_SETTINGS, purchases: c.purchases, previous: { tierId: c.tierId, stage: null, lastReviewAt: null }, asOf: NOW, dayOf: utcDayOf, storeMedianGapDays: null });
      const next = s.tierChange.next;
      counts.set(next, (counts.get(next) ?? 0) + 1);
      if (s.tierChange.change === 'upgrade') up++;
      if (s.tierChange.change === 'downgrade-pending') pending++;
    }
    expect(preview.counts.map((c) => [c.id, c.count])).toEqual(preview.counts.map((c) => [c.id, counts.get(c.id) ?? 0]));
    expect([preview.upNow, preview.downAtReview]).toEqual([up, pending]);
    expect(up + pending).toBeGreaterThan(10);
  });
});
