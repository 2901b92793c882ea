// RFM scoring (recency, frequency, monetary; each 1–5 by quintile over the store's buying customers)
// and the usual segments on the recency × frequency grid.

export const RFM_SEGMENTS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'about-to-sleep',
  'at-risk',
  'cant-lose',
  'lost',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

export const RFM_SEGMENT_NAMES: Readonly<Record<RfmSegment, { 'zh-CN': string; 'zh-TW': string; en: string }>> = {
  champions: { 'zh-CN': '冠军客户', 'zh-TW': '冠軍客戶', en: 'Champions' },
  loyal: { 'zh-CN': '忠诚客户', 'zh-TW': '忠誠客戶', en: 'Loyal' },
  'potential-loyalist': { 'zh-CN': '潜在忠诚客户', 'zh-TW': '潛在忠誠客戶', en: 'Potential loyalist' },
  new: { 'zh-CN': '新客户', 'zh-TW': '新客戶', en: 'New' },
  promising: { 'zh-CN': '有潜力客户', 'zh-TW': '有潛力客戶', en: 'Promising' },
  'need-attention': { 'zh-CN': '需要关注', 'zh-TW': '需要關注', en: 'Need attention' },
  'about-to-sleep': { 'zh-CN': '即将沉睡', 'zh-TW': '即將沉睡', en: 'About to sleep' },
  'at-risk': { 'zh-CN': '有流失风险', 'zh-TW': '有流失風險', en: 'At risk' },
  'cant-lose': { 'zh-CN': '不能失去', 'zh-TW': '不能失去', en: "Can't lose them" },
  lost: { 'zh-CN': '已流失', 'zh-TW': '已流失', en: 'Lost' },
};

export type RfmScore = 1 | 2 | 3 | 4 | 5;

export interface RfmInput {
  id: string;
  /** Days from the last purchase to the scoring day; null when the customer never purchased. */
  daysSinceLast: number | null;
  purchaseCount: number;
  /** Minor units spent (purchases less returns); may be negative. */
  spendFen: number;
}

export interface RfmResult {
  r: RfmScore;
  f: RfmScore;
  m: RfmScore;
  segment: RfmSegment;
}

/**
 * The standard RF grid (the one common RFM segmentation notebooks use as a regex map over
 * "R score then F score", with its 'hibernating' cell named 'lost'). M does not move the segment;
 * it is taken so callers pass the whole score and a later grid may use it.
 *
 *            F=1              F=2                 F=3                 F=4        F=5
 *   R=5      new              potential-loyalist  potential-loyalist  champions  champions
 *   R=4      promising        potential-loyalist  potential-loyalist  loyal      loyal
 *   R=3      about-to-sleep   about-to-sleep      need-attention      loyal      loyal
 *   R=1–2    lost             lost                at-risk             at-risk    cant-lose
 */
export function rfmSegment(r: number, f: number, _m: number): RfmSegment {
  if (r <= 2) return f <= 2 ? 'lost' : f <= 4 ? 'at-risk' : 'cant-lose';
  if (r === 3) return f <= 2 ? 'about-to-sleep' : f === 3 ? 'need-attention' : 'loyal';
  if (f >= 4) return r === 5 ? 'champions' : 'loyal';
  if (f >= 2) return 'potential-loyalist';
  return r === 5 ? 'new' : 'promising';
}

/**
 * Quintile scores of `values` (n of them), "higher is better":
 *   score(v) = 1 + floor(5 · below(v) / n), below(v) = how many values are strictly smaller than v.
 * That is a rank-based ntile over the sorted values where tied values all take the lowest (first)
 * rank of their run, so equal values always get the same score and a tie sits in the lower
 * quintile its run starts in. The smallest value scores 1; one customer alone scores 1.
 * Computed as integers (5·below < 5·n), so no float rounding near the cut points.
 */
function quintiles(values: readonly number[]): RfmScore[] {
  const n = values.length;
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const scores = new Array<RfmScore>(n);
  let runStart = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    if (k > 0 && values[i]! !== values[order[k - 1]!]!) runStart = k;
    scores[i] = (1 + Math.floor((5 * runStart) / n)) as RfmScore;
  }
  return scores;
}

/**
 * RFM scores over the customers who have purchased (purchaseCount > 0 and daysSinceLast not null);
 * the others are left out of the map and of the quintiles. Recency is scored on −daysSinceLast
 * (fewer days is better: the most recent buyers score 5), frequency on purchaseCount, monetary on
 * spendFen, each with the quintile rule above.
 */
export function scoreRfm(customers: readonly RfmInput[]): Map<string, RfmResult> {
  const buyers = customers.filter((c) => c.purchaseCount > 0 && c.daysSinceLast !== null);
  const r = quintiles(buyers.map((c) => -(c.daysSinceLast as number)));
  const f = quintiles(buyers.map((c) => c.purchaseCount));
  const m = quintiles(buyers.map((c) => c.spendFen));
  const out = new Map<string, RfmResult>();
  buyers.forEach((c, i) => {
    const scores = { r: r[i]!, f: f[i]!, m: m[i]! };
    out.set(c.id, { ...scores, segment: rfmSegment(scores.r, scores.f, scores.m) });
  });
  return out;
}

/**
 * The quintile boundaries of one store-wide scoring, kept so a single customer can be scored later
 * (on a purchase) exactly as the store-wide scoring would have scored the same values. Each list
 * holds four thresholds t1..t4 on a "higher is better" scale; score(v) = 1 + #{k : v > t_k}.
 * Recency is on −daysSinceLast, as in scoreRfm.
 */
export interface RfmCutPoints {
  recency: number[];
  frequency: number[];
  monetary: number[];
}

/**
 * t_k = sorted[ceil(k·n/5) − 1]. Why this equals the quintile rule for every value in the set:
 * 1 + floor(5·below(v)/n) ≥ k+1 ⟺ below(v) ≥ ceil(k·n/5) = j ⟺ the j-th smallest value is
 * strictly below v ⟺ v > sorted[j − 1].
 */
function thresholds(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  return [1, 2, 3, 4].map((k) => sorted[Math.ceil((k * n) / 5) - 1]!);
}

const scoreOn = (cuts: readonly number[], v: number) => (1 + cuts.filter((t) => v > t).length) as RfmScore;

const isBuyer = (c: Omit<RfmInput, 'id'>) => c.purchaseCount > 0 && c.daysSinceLast !== null;

/** The cut points of scoreRfm over these customers; null when none of them has purchased. */
export function rfmCutPoints(customers: Iterable<Omit<RfmInput, 'id'>>): RfmCutPoints | null {
  const r: number[] = [];
  const f: number[] = [];
  const m: number[] = [];
  for (const c of customers) {
    if (!isBuyer(c)) continue;
    r.push(-(c.daysSinceLast as number));
    f.push(c.purchaseCount);
    m.push(c.spendFen);
  }
  if (r.length === 0) return null;
  return { recency: thresholds(r), frequency: thresholds(f), monetary: thresholds(m) };
}

/** One customer's scores and segment against stored cut points; null for a customer who never purchased. */
export function scoreWithCutPoints(cuts: RfmCutPoints, c: Omit<RfmInput, 'id'>): RfmResult | null {
  if (!isBuyer(c)) return null;
  const r = scoreOn(cuts.recency, -(c.daysSinceLast as number));
  const f = scoreOn(cuts.frequency, c.purchaseCount);
  const m = scoreOn(cuts.monetary, c.spendFen);
  return { r, f, m, segment: rfmSegment(r, f, m) };
}

/** Whether a stored value is a usable set of cut points (settings are read back from disk). */
export function isRfmCutPoints(value: unknown): value is RfmCutPoints {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const four = (x: unknown) => Array.isArray(x) && x.length === 4 && x.every((n) => typeof n === 'number' && Number.isFinite(n));
  return four(v.recency) && four(v.frequency) && four(v.monetary);
}
