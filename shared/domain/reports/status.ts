// Tiers and stages: how customers are spread now, how tiers moved per month (tier history), the RFM grid, and today's churn risk by level.
import { CHURN_LEVELS, type ChurnLevel } from '../churn';
import type { StoreChurnModel } from '../churnModel/storeModel';
import type { TierHistoryEntry } from '../customerStatus';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../lifecycle';
import { rfmSegment, RFM_SEGMENTS, type RfmResult, type RfmSegment } from '../rfm';
import type { ChurnMonthRow } from './customers';
import { monthOfDay } from './periods';

/** What the distributions read of a customer's state row. */
export interface StatusRow {
  isDeleted: 0 | 1;
  tierId: string;
  lifecycleStage: LifecycleStage;
  /** The stored RFM score ("545"), or null when not scored. */
  rfmScore: string | null;
}

/** Active customers (not in the trash) by tier, in `tierOrder` (highest first), then any other tier id met, by id. */
export function tierDistribution(rows: Iterable<Pick<StatusRow, 'isDeleted' | 'tierId'>>, tierOrder: readonly string[]): { tierId: string; customers: number }[] {
  const counts = new Map<string, number>(tierOrder.map((id) => [id, 0]));
  for (const r of rows) if (r.isDeleted === 0) counts.set(r.tierId, (counts.get(r.tierId) ?? 0) + 1);
  const others = [...counts.keys()].filter((id) => !tierOrder.includes(id)).sort();
  return [...tierOrder, ...others].map((tierId) => ({ tierId, customers: counts.get(tierId)! }));
}

/** Active customers by lifecycle stage, every stage listed in LIFECYCLE_STAGES order. */
export function stageDistribution(rows: Iterable<Pick<StatusRow, 'isDeleted' | 'lifecycleStage'>>): { stage: LifecycleStage; customers: number }[] {
  const counts = new Map<LifecycleStage, number>(LIFECYCLE_STAGES.map((s) => [s, 0]));
  for (const r of rows) if (r.isDeleted === 0) counts.set(r.lifecycleStage, (counts.get(r.lifecycleStage) ?? 0) + 1);
  return LIFECYCLE_STAGES.map((stage) => ({ stage, customers: counts.get(stage)! }));
}

export interface TierMovementRow {
  month: string;
  /** Tier changes to a higher tier (a lower index in the order). */
  up: number;
  down: number;
  /** First assignments (from none). */
  assigned: number;
  /** Changes from or to a tier no longer in the order (a tier the owner removed): neither up nor down. */
  other: number;
  /** From the churn series (churnByMonth) of the same months: customers who churned, and who came back. */
  churned: number;
  cameBack: number;
}

/**
 * Per month of `months`: the tier history's changes (each entry once, in the month of its time by `dayOf`), up or
 * down by `tierOrder` (highest first: the scheme's tiers, or RFM_GROUPS' ids under RFM grouping), with the churned
 * and came-back counts of the churn series.
 */
export function tierMovement(
  history: Iterable<Pick<TierHistoryEntry, 'at' | 'from' | 'to'>>,
  tierOrder: readonly string[],
  months: readonly string[],
  dayOf: (iso: string) => string,
  churn: readonly Pick<ChurnMonthRow, 'month' | 'churned' | 'cameBack'>[] = [],
): TierMovementRow[] {
  const rows = new Map<string, TierMovementRow>(months.map((month) => [month, { month, up: 0, down: 0, assigned: 0, other: 0, churned: 0, cameBack: 0 }]));
  for (const e of history) {
    const row = rows.get(monthOfDay(dayOf(e.at)));
    if (!row) continue;
    if (e.from === null) {
      row.assigned += 1;
      continue;
    }
    const from = tierOrder.indexOf(e.from);
    const to = tierOrder.indexOf(e.to);
    if (from < 0 || to < 0 || from === to) row.other += 1;
    else if (to < from) row.up += 1;
    else row.down += 1;
  }
  for (const c of churn) {
    const row = rows.get(c.month);
    if (!row) continue;
    row.churned = c.churned;
    row.cameBack = c.cameBack;
  }
  return [...rows.values()];
}

/** Every score text a state row can store, "111" to "555" (parseRfmScore reads each back). */
export const RFM_SCORE_TEXTS: readonly string[] = Array.from({ length: 125 }, (_, i) => `${Math.floor(i / 25) + 1}${(Math.floor(i / 5) % 5) + 1}${(i % 5) + 1}`);

/** The stored score text ("545") back into scores; null when absent or not three digits 1–5. */
export function parseRfmScore(text: string | null): Pick<RfmResult, 'r' | 'f' | 'm'> | null {
  if (text === null || !/^[1-5]{3}$/.test(text)) return null;
  const [r, f, m] = [...text].map(Number) as [RfmResult['r'], RfmResult['f'], RfmResult['m']];
  return { r, f, m };
}

export interface RfmGrid {
  /** cells[r − 1][f − 1]: customers with recency score r and frequency score f (rfm.ts: quintiles over the store's buyers). */
  cells: number[][];
  /** Of those, the mean monetary score per cell (1–5); null for an empty cell. */
  meanM: (number | null)[][];
  /** Customers per segment (rfmSegment of the cell), every segment listed in RFM_SEGMENTS order. */
  segments: { segment: RfmSegment; customers: number }[];
  /** Active customers without a score (no purchase, or not scored yet). */
  unscored: number;
}

/** The recency × frequency grid of active customers' stored RFM scores (rfm.ts defines the scores and the segments). */
export function rfmGrid(rows: Iterable<Pick<StatusRow, 'isDeleted' | 'rfmScore'>>): RfmGrid {
  const cells = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  const mSums = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
  const segments = new Map<RfmSegment, number>(RFM_SEGMENTS.map((s) => [s, 0]));
  let unscored = 0;
  for (const row of rows) {
    if (row.isDeleted === 1) continue;
    const s = parseRfmScore(row.rfmScore);
    if (s === null) {
      unscored += 1;
      continue;
    }
    cells[s.r - 1]![s.f - 1]! += 1;
    mSums[s.r - 1]![s.f - 1]! += s.m;
    const segment = rfmSegment(s.r, s.f, s.m);
    segments.set(segment, segments.get(segment)! + 1);
  }
  return {
    cells,
    meanM: cells.map((row, r) => row.map((n, f) => (n === 0 ? null : mSums[r]![f]! / n))),
    segments: RFM_SEGMENTS.map((segment) => ({ segment, customers: segments.get(segment)! })),
    unscored,
  };
}

/** Today's churn risk as the store's model levels it (or today's rule, while the store cannot be fitted). */
export interface ChurnRiskToday {
  /** Active customers at each level, in CHURN_LEVELS order (none, watch, high), every level listed. */
  levels: { level: ChurnLevel; customers: number }[];
  /** Σ valueAtRiskFen of the active customers at the high level (the churn list's total of that level). */
  highValueFen: number;
  /** The store's fit as the status worker kept it (bookkeeping `churnModel`); null before the first fit. */
  model: StoreChurnModel | null;
}

/** The levels' counts (keys other than a level, from rows an older app wrote, are left out) in CHURN_LEVELS order. */
export function churnRiskToday(counts: ReadonlyMap<string, number>, highValueFen: number, model: StoreChurnModel | null): ChurnRiskToday {
  return { levels: CHURN_LEVELS.map((level) => ({ level, customers: counts.get(level) ?? 0 })), highValueFen, model };
}
