import { describe, expect, it } from 'vitest';
import { computeCustomerFigures, groupPurchasesByCustomer, utcDayOf } from './customerFigures';
import { generateDemoCustomers } from './demoStore';
import { DEMO_CATEGORIES, DEMO_PRODUCTS, generateDemoPurchases } from './demoPurchases';
import { assertInteractionFields, interactionDraftOf, validateInteractionDraft } from './interaction';
import { assertPurchaseFields, purchaseDraftOf, returnedFen, validatePurchaseDraft, type Purchase } from './purchase';

const NOW = new Date(2026, 10, 23, 18, 0);
const DAY = 86_400_000;
const counterIds = (prefix: string) => {
  let n = 0;
  return () => `${prefix}-${++n}`;
};
const customers = generateDemoCustomers({ seed: 7, count: 2000, now: NOW, newId: counterIds('c') }).map((c) => ({ id: c.id, createdAt: c.createdAt }));
const generate = (seed: number) => generateDemoPurchases({ seed, customers, now: NOW, newId: counterIds('p') });

// Measured on the 2-core build machine (tsx/Node 20, shared with other jobs): 100,000 customers give
// about 1.16 million purchases and 160,000 contacts in 4.5–6 s, most of it allocating the records
// and toISOString (about 1 µs each); computing every customer's figures from them takes 1.7–3 s.

describe('generateDemoPurchases', () => {
  const { purchases, interactions } = generate(2026);
  const byId = new Map(purchases.map((p) => [p.id, p]));
  const createdAt = new Map(customers.map((c) => [c.id, c.createdAt]));
  const sales = purchases.filter((p) => p.returnOf === null);

  it('is deterministic for the same seed and ids, and differs for another seed', () => {
    expect(generate(2026)).toEqual({ purchases, interactions });
    expect(generate(2027).purchases.slice(0, 50)).not.toEqual(purchases.slice(0, 50));
    expect(generateDemoPurchases({ seed: 1, customers: [], now: NOW, newId: counterIds('x') })).toEqual({ purchases: [], interactions: [] });
  });

  it('writes consistent records: integer fen, totals that add up, unique ids, times between joining and now', () => {
    const problems: string[] = [];
    const ids = new Set<string>();
    for (const p of purchases) {
      try {
        assertPurchaseFields(p);
      } catch (e) {
        problems.push(`${p.id} ${(e as Error).message}`);
      }
      if (ids.has(p.id)) problems.push(`${p.id} twice`);
      ids.add(p.id);
      if (p.purchasedAt < createdAt.get(p.customerId)! || Date.parse(p.purchasedAt) > NOW.getTime()) problems.push(`${p.id} at ${p.purchasedAt}`);
      if (p.returnOf === null && (p.totalFen < 0 || p.lines.some((l) => l.quantity < 1))) problems.push(`${p.id} negative sale`);
    }
    expect(problems).toEqual([]);
    expect(purchases.length).toBeGreaterThan(customers.length * 8);
    expect(purchases.length).toBeLessThan(customers.length * 15);
  });

  it('passes the purchase form’s validation unchanged (a sample of sales)', () => {
    const problems: string[] = [];
    for (const p of sales.slice(0, 2000)) {
      const r = validatePurchaseDraft(purchaseDraftOf(p, 'CNY'), { currency: 'CNY', now: NOW });
      if (!r.ok) problems.push(`${p.id} ${JSON.stringify(r.reason)}`);
      else if (r.value.totalFen !== p.totalFen || r.value.purchasedAt !== p.purchasedAt) problems.push(`${p.id} changed`);
    }
    expect(problems).toEqual([]);
  });

  it('ties each return to an earlier, non-voided sale of the same customer, never returning more than was paid', () => {
    const returns = purchases.filter((p) => p.returnOf !== null);
    expect(returns.length).toBeGreaterThan(sales.length * 0.005);
    expect(returns.length).toBeLessThan(sales.length * 0.02);
    const returnsByOriginal = new Map<string, Purchase[]>();
    for (const r of returns) returnsByOriginal.set(r.returnOf!, [...(returnsByOriginal.get(r.returnOf!) ?? []), r]);
    const problems: string[] = [];
    for (const [originalId, list] of returnsByOriginal) {
      const original = byId.get(originalId);
      if (!original || original.isVoided || original.returnOf !== null) problems.push(`${originalId} bad original`);
      else {
        if (returnedFen(list) > original.totalFen) problems.push(`${originalId} over-returned`);
        for (const r of list) {
          if (r.customerId !== original.customerId || r.purchasedAt <= original.purchasedAt || r.totalFen >= 0) problems.push(`${r.id} bad return`);
          const draft = purchaseDraftOf(r, 'CNY');
          const v = validatePurchaseDraft(draft, { currency: 'CNY', now: NOW, original, returnedFen: returnedFen(list.filter((x) => x !== r)) });
          if (!v.ok || v.value.totalFen !== r.totalFen) problems.push(`${r.id} ${JSON.stringify(v)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('voids a few purchases, with a reason, soon after they were made', () => {
    const voided = purchases.filter((p) => p.isVoided === 1);
    expect(voided.length).toBeGreaterThan(sales.length * 0.002);
    expect(voided.length).toBeLessThan(sales.length * 0.012);
    for (const p of voided) {
      expect(p.voidReason).not.toBe('');
      expect(p.voidedAt! >= p.purchasedAt && Date.parse(p.voidedAt!) <= NOW.getTime()).toBe(true);
    }
  });

  it('sells the tea shop’s ~30 products in 6 categories at their prices, some as just a total', () => {
    const known = new Map(DEMO_PRODUCTS.map((p) => [p.product, p]));
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(28);
    expect(new Set(DEMO_PRODUCTS.map((p) => p.category))).toEqual(new Set(DEMO_CATEGORIES));
    const lines = sales.flatMap((p) => p.lines);
    expect(lines.every((l) => known.get(l.product)?.category === l.category && l.unitPriceFen % 100 === 0)).toBe(true);
    expect(lines.every((l) => l.unitPriceFen >= known.get(l.product)!.priceFen && l.unitPriceFen <= known.get(l.product)!.priceFen * 1.13)).toBe(true);
    expect(new Set(lines.map((l) => l.product)).size).toBe(DEMO_PRODUCTS.length);
    const totalOnly = sales.filter((p) => p.lines.length === 0).length / sales.length;
    expect(totalOnly).toBeGreaterThan(0.05);
    expect(totalOnly).toBeLessThan(0.11);
    expect(sales.filter((p) => p.discountFen > 0).length / sales.length).toBeGreaterThan(0.03);
  });

  it('sells new green tea mostly in spring', () => {
    const share = (months: number[]) => {
      const inMonths = sales.filter((p) => months.includes(new Date(p.purchasedAt).getMonth() + 1)).flatMap((p) => p.lines);
      return inMonths.filter((l) => l.category === '绿茶').length / inMonths.length;
    };
    expect(share([3, 4, 5])).toBeGreaterThan(share([9, 10, 11]) * 1.6);
  });

  it('gives customers different rhythms: regulars, lapsed customers, one-time buyers', () => {
    const figures = [...groupPurchasesByCustomer(purchases).values()].map((list) => computeCustomerFigures(list, utcDayOf));
    const share = (pred: (f: (typeof figures)[number]) => boolean) => figures.filter(pred).length / customers.length;
    const regular = share((f) => f.purchaseCount >= 6 && f.medianGapDays !== null && f.medianGapDays <= 30);
    const lapsed = share((f) => f.purchaseCount >= 4 && f.lastPurchaseAt !== null && NOW.getTime() - Date.parse(f.lastPurchaseAt) > 120 * DAY);
    const once = share((f) => f.purchaseCount === 1);
    expect(regular).toBeGreaterThan(0.12);
    expect(lapsed).toBeGreaterThan(0.08);
    expect(once).toBeGreaterThan(0.1);
    // Some come back the same day, which the gaps count as one visit.
    const saleDays = new Set<string>();
    const sameDay = sales.filter((p) => {
      const key = `${p.customerId} ${utcDayOf(p.purchasedAt)}`;
      const seen = saleDays.has(key);
      saleDays.add(key);
      return seen;
    });
    expect(sameDay.length).toBeGreaterThan(sales.length * 0.005);
    expect(share((f) => f.purchaseCount >= 1)).toBeGreaterThan(0.99);
  });

  it('logs contacts with follow-ups: most past ones done, some still open, none before the contact', () => {
    const problems: string[] = [];
    for (const i of interactions) {
      try {
        assertInteractionFields(i);
      } catch (e) {
        problems.push(`${i.id} ${(e as Error).message}`);
      }
      if (i.at < createdAt.get(i.customerId)! || Date.parse(i.at) > NOW.getTime()) problems.push(`${i.id} at ${i.at}`);
      const v = validateInteractionDraft(interactionDraftOf(i), { now: NOW });
      if (!v.ok) problems.push(`${i.id} ${JSON.stringify(v.reason)}`);
    }
    expect(problems).toEqual([]);
    expect(interactions.length).toBeGreaterThan(customers.length * 0.8);
    const withFollowUp = interactions.filter((i) => i.followUpDate !== null);
    expect(withFollowUp.length).toBeGreaterThan(interactions.length * 0.2);
    const today = '2026-11-23';
    expect(withFollowUp.filter((i) => !i.followUpDone && i.followUpDate! <= today).length).toBeGreaterThan(5);
    expect(withFollowUp.filter((i) => i.followUpDone).length).toBeGreaterThan(withFollowUp.length / 2);
    expect(new Set(interactions.map((i) => i.channel)).size).toBe(6);
  });
});
