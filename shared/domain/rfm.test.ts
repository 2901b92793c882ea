import { describe, expect, it } from 'vitest';
import { readOnlineRetailInvoices } from '../../test/fixtures/onlineRetail';
import { isRfmCutPoints, RFM_SEGMENT_NAMES, RFM_SEGMENTS, rfmCutPoints, rfmSegment, scoreRfm, scoreWithCutPoints, type RfmInput } from './rfm';
import { createRng } from './random';

const DAY = 86_400_000;

/** Per-CustomerID figures: invoices are purchases; 'C' invoices are returns (negative, not counted). */
function retailFigures(): { inputs: RfmInput[]; asOf: string } {
  const { invoices, maxDay } = readOnlineRetailInvoices();
  const asOf = new Date(Date.parse(maxDay) + DAY).toISOString().slice(0, 10);
  const byCustomer = new Map<string, { spend: number; count: number; last: string | null }>();
  for (const inv of invoices) {
    const c = byCustomer.get(inv.customer) ?? { spend: 0, count: 0, last: null };
    c.spend += inv.fen;
    if (!inv.cancel) {
      c.count += 1;
      if (c.last === null || inv.day > c.last) c.last = inv.day;
    }
    byCustomer.set(inv.customer, c);
  }
  const inputs = [...byCustomer].map(([id, c]) => ({
    id,
    purchaseCount: c.count,
    spendFen: c.spend,
    daysSinceLast: c.last === null ? null : (Date.parse(asOf) - Date.parse(c.last)) / DAY,
  }));
  return { inputs, asOf };
}

/** Independent scoring: percentile rank = share of the others strictly worse, cut at 0.2/0.4/0.6/0.8. */
function percentileScores(values: number[], higherIsBetter: boolean): number[] {
  const sorted = [...values].sort((a, b) => (higherIsBetter ? a - b : b - a));
  return values.map((v) => {
    const p = sorted.indexOf(v) / values.length;
    return p < 0.2 ? 1 : p < 0.4 ? 2 : p < 0.6 ? 3 : p < 0.8 ? 4 : 5;
  });
}

describe('rfmSegment', () => {
  it('maps every R×F cell to one of the segments, ignoring M', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) {
      const s = rfmSegment(r, f, 1);
      expect(RFM_SEGMENTS).toContain(s);
      for (let m = 2; m <= 5; m++) expect(rfmSegment(r, f, m)).toBe(s);
      seen.add(s);
    }
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });
  it('spot checks of the grid', () => {
    expect(rfmSegment(5, 5, 5)).toBe('champions');
    expect(rfmSegment(5, 1, 1)).toBe('new');
    expect(rfmSegment(4, 1, 3)).toBe('promising');
    expect(rfmSegment(4, 3, 3)).toBe('potential-loyalist');
    expect(rfmSegment(3, 4, 2)).toBe('loyal');
    expect(rfmSegment(3, 3, 3)).toBe('need-attention');
    expect(rfmSegment(3, 1, 5)).toBe('about-to-sleep');
    expect(rfmSegment(2, 3, 3)).toBe('at-risk');
    expect(rfmSegment(1, 5, 5)).toBe('cant-lose');
    expect(rfmSegment(1, 1, 1)).toBe('lost');
  });
  it('names every segment in three languages', () => {
    for (const s of RFM_SEGMENTS) for (const l of ['zh-CN', 'zh-TW', 'en'] as const) expect(RFM_SEGMENT_NAMES[s][l]).not.toBe('');
  });
});

describe('scoreRfm', () => {
  it('leaves out customers without purchases; one buyer scores 1,1,1', () => {
    const m = scoreRfm([
      { id: 'a', daysSinceLast: 3, purchaseCount: 1, spendFen: 100 },
      { id: 'b', daysSinceLast: null, purchaseCount: 0, spendFen: -50 },
    ]);
    expect([...m.keys()]).toEqual(['a']);
    expect(m.get('a')).toEqual({ r: 1, f: 1, m: 1, segment: 'lost' });
    expect(scoreRfm([]).size).toBe(0);
  });
  it('cuts ten distinct values into fifths, recency reversed', () => {
    const cs = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, daysSinceLast: i, purchaseCount: i + 1, spendFen: i * 100 }));
    const m = scoreRfm(cs);
    expect(cs.map((c) => m.get(c.id)!.f)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(cs.map((c) => m.get(c.id)!.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(m.get('c0')!.segment).toBe('new');
    expect(m.get('c9')!.segment).toBe('cant-lose');
  });
  it('gives ties one score, the one where their run starts', () => {
    const counts = [1, 1, 1, 1, 1, 1, 2, 2, 3, 9];
    const m = scoreRfm(counts.map((n, i) => ({ id: String(i), daysSinceLast: 0, purchaseCount: n, spendFen: 0 })));
    expect(counts.map((_, i) => m.get(String(i))!.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    expect(m.get('0')!.r).toBe(1); // everyone tied on recency and spend
    expect(m.get('0')!.m).toBe(1);
  });

  it('agrees with an independent calculation on the Online Retail sample', () => {
    const { inputs } = retailFigures();
    const buyers = inputs.filter((c) => c.purchaseCount > 0);
    expect(buyers.length).toBeGreaterThan(50);
    const scored = scoreRfm(inputs);
    expect(scored.size).toBe(buyers.length);
    const r = percentileScores(buyers.map((c) => c.daysSinceLast!), false);
    const f = percentileScores(buyers.map((c) => c.purchaseCount), true);
    const m = percentileScores(buyers.map((c) => c.spendFen), true);
    buyers.forEach((c, i) => {
      expect(scored.get(c.id), c.id).toEqual({ r: r[i], f: f[i], m: m[i], segment: rfmSegment(r[i]!, f[i]!, m[i]!) });
    });
    // Every score is used for recency and spend on a data set this spread out.
    for (const key of ['r', 'm'] as const) expect(new Set([...scored.values()].map((s) => s[key])).size).toBe(5);
  });

  it('segment spot checks on the sample', () => {
    const { inputs, asOf } = retailFigures();
    const scored = scoreRfm(inputs);
    const buyers = inputs.filter((c) => c.purchaseCount > 0);
    // The customer with the most invoices among those who bought on the last day is a champion.
    const lastDay = buyers.filter((c) => c.daysSinceLast === 1);
    expect(lastDay.length).toBeGreaterThan(0);
    const top = lastDay.reduce((a, b) => (b.purchaseCount > a.purchaseCount ? b : a));
    expect(scored.get(top.id)!.r).toBe(5);
    if (scored.get(top.id)!.f >= 4) expect(scored.get(top.id)!.segment).toBe('champions');
    // The longest-gone one-invoice customer is lost.
    const gone = buyers.filter((c) => c.purchaseCount === 1).reduce((a, b) => (b.daysSinceLast! > a.daysSinceLast! ? b : a));
    expect(scored.get(gone.id)).toMatchObject({ r: 1, f: 1, segment: 'lost' });
    expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // 17850 (the sample's first customer) is scored.
    expect(scored.has('17850.0')).toBe(true);
  });
});

describe('rfmCutPoints and scoreWithCutPoints', () => {
  it('score every customer exactly as the store-wide scoring does (generated stores, ties included)', () => {
    const rng = createRng(7);
    const rand = () => rng.next();
    for (let round = 0; round < 60; round++) {
      const n = 1 + Math.floor(rand() * 40);
      const inputs: RfmInput[] = Array.from({ length: n }, (_, i) => {
        const none = rand() < 0.1;
        return {
          id: `c${i}`,
          purchaseCount: none ? 0 : 1 + Math.floor(rand() * 6),
          spendFen: Math.floor(rand() * 5) * 1000 - (rand() < 0.05 ? 7000 : 0),
          daysSinceLast: none ? null : Math.floor(rand() * 8) * 30,
        };
      });
      const whole = scoreRfm(inputs);
      const cuts = rfmCutPoints(inputs);
      if (whole.size === 0) {
        expect(cuts).toBeNull();
        continue;
      }
      expect(isRfmCutPoints(cuts)).toBe(true);
      for (const c of inputs) expect(scoreWithCutPoints(cuts!, c), `round ${round} ${c.id}`).toEqual(whole.get(c.id) ?? null);
    }
  });

  it('agree with the store-wide scoring on the Online Retail sample', () => {
    const { inputs } = retailFigures();
    const whole = scoreRfm(inputs);
    const cuts = rfmCutPoints(inputs)!;
    for (const c of inputs) expect(scoreWithCutPoints(cuts, c)).toEqual(whole.get(c.id) ?? null);
  });

  it('score a value outside the scored set by where it falls: a first purchase today is most recent', () => {
    const cuts = rfmCutPoints([10, 20, 30, 40, 50].map((d) => ({ daysSinceLast: d, purchaseCount: d / 10, spendFen: d * 100 })))!;
    expect(scoreWithCutPoints(cuts, { daysSinceLast: 0, purchaseCount: 1, spendFen: 100 })).toMatchObject({ r: 5, f: 1, m: 1, segment: 'new' });
    expect(scoreWithCutPoints(cuts, { daysSinceLast: 400, purchaseCount: 9, spendFen: 99_999 })).toMatchObject({ r: 1, f: 5, m: 5, segment: 'cant-lose' });
    expect(scoreWithCutPoints(cuts, { daysSinceLast: null, purchaseCount: 0, spendFen: 0 })).toBeNull();
  });

  it('refuses junk read back from storage', () => {
    for (const junk of [null, 1, {}, { recency: [1, 2, 3], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] }, { recency: [1, 2, 3, NaN], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] }]) {
      expect(isRfmCutPoints(junk)).toBe(false);
    }
  });
});
