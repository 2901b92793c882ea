// The store's customers counted by tier, stage, RFM score and churn level (with the high level's value at risk), in and
// out of the trash: kept row by row as state rows change, so the tiers-and-stages report reads a few dozen counts.
import { CHURN_LEVELS, type ChurnLevel } from '../churn';
import type { LifecycleStage } from '../lifecycle';

/** What the counts read of a customer's state row. */
export interface CountedState {
  isDeleted: 0 | 1;
  tierId: string;
  lifecycleStage: LifecycleStage;
  /** Absent or null when not scored. */
  rfmScore?: string | null;
  churnLevel: ChurnLevel;
  valueAtRiskFen: number;
}

/** One count as stored: its key (statusCountKey) and the number, never zero (a count that reaches zero is removed). */
export interface StatusCountRow {
  key: string;
  n: number;
}

/** `rows`: state rows; `highValueFen`: the sum of the high level's values at risk (fen); the others count rows by their value. */
export const STATUS_COUNT_FIELDS = ['rows', 'tier', 'stage', 'rfm', 'churn', 'highValueFen'] as const;
export type StatusCountField = (typeof STATUS_COUNT_FIELDS)[number];

/** A count's key: unambiguous whatever a tier id holds (JSON of the three parts); an unscored row's RFM value is null. */
export function statusCountKey(isDeleted: 0 | 1, field: StatusCountField, value: string | null = null): string {
  return JSON.stringify([isDeleted, field, value]);
}

/** What the counts change by when rows `before` become `after` (absent: no row on that side); keys whose change is zero left out. */
export function statusCountDelta(before: Iterable<CountedState | null | undefined>, after: Iterable<CountedState | null | undefined>): Map<string, number> {
  // Summed by part first and keyed once per distinct value: an import's chunk of thousands of rows makes a few dozen keys.
  const sums = [new Map<StatusCountField, Map<string | null, number>>(), new Map<StatusCountField, Map<string | null, number>>()];
  const add = (isDeleted: 0 | 1, field: StatusCountField, value: string | null, n: number) => {
    let byValue = sums[isDeleted]!.get(field);
    if (!byValue) sums[isDeleted]!.set(field, (byValue = new Map()));
    byValue.set(value, (byValue.get(value) ?? 0) + n);
  };
  const take = (s: CountedState | null | undefined, sign: 1 | -1) => {
    if (!s) return;
    add(s.isDeleted, 'rows', null, sign);
    add(s.isDeleted, 'tier', s.tierId, sign);
    add(s.isDeleted, 'stage', s.lifecycleStage, sign);
    add(s.isDeleted, 'rfm', s.rfmScore ?? null, sign);
    add(s.isDeleted, 'churn', s.churnLevel, sign);
    if (s.churnLevel === 'high' && s.valueAtRiskFen !== 0) add(s.isDeleted, 'highValueFen', null, sign * s.valueAtRiskFen);
  };
  for (const s of before) take(s, -1);
  for (const s of after) take(s, 1);
  const delta = new Map<string, number>();
  sums.forEach((byField, isDeleted) => {
    for (const [field, byValue] of byField) for (const [value, n] of byValue) if (n !== 0) delta.set(statusCountKey(isDeleted as 0 | 1, field, value), n);
  });
  return delta;
}

/** The stored counts after `delta`: rows to put, keys to remove (reached zero). */
export function statusCountsAfter(stored: ReadonlyMap<string, number>, delta: ReadonlyMap<string, number>): { put: StatusCountRow[]; remove: string[] } {
  const put: StatusCountRow[] = [];
  const remove: string[] = [];
  for (const [key, change] of delta) {
    const n = (stored.get(key) ?? 0) + change;
    if (n === 0) remove.push(key);
    else put.push({ key, n });
  }
  return { put, remove };
}

/** The counts of these rows from scratch, in key order (a migration's fill, and the tests' reference). */
export function buildStatusCounts(rows: Iterable<CountedState>): StatusCountRow[] {
  return [...statusCountDelta([], rows)].map(([key, n]) => ({ key, n })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** The active customers' counts as the report reads them. */
export interface ActiveStatusCounts {
  active: number;
  trashed: number;
  tiers: Map<string, number>;
  stages: Map<LifecycleStage, number>;
  /** By stored RFM score; null: not scored. */
  scores: Map<string | null, number>;
  churn: Map<ChurnLevel, number>;
  highValueFen: number;
}

/**
 * The stored counts read for the report, or null when they do not hold together: a count that is not a positive
 * whole number (value at risk aside), a key that does not read, or any grouping whose counts do not add up to the
 * active rows, or rows that do not add up to `stateRows` (the table's own count). The report then counts the
 * indexes instead, so counts gone wrong (a restored backup's, say) never show.
 */
export function readStatusCounts(rows: Iterable<StatusCountRow>, stateRows: number): ActiveStatusCounts | null {
  const out: ActiveStatusCounts = { active: 0, trashed: 0, tiers: new Map(), stages: new Map(), scores: new Map(), churn: new Map(), highValueFen: 0 };
  const sums = { tier: 0, stage: 0, rfm: 0, churn: 0 };
  for (const row of rows) {
    const parts = parseKey(row.key);
    if (!parts || !Number.isSafeInteger(row.n)) return null;
    const [isDeleted, field, value] = parts;
    if (field === 'highValueFen') {
      if (isDeleted === 0) out.highValueFen = row.n;
      continue;
    }
    if (row.n <= 0) return null;
    if (field === 'rows') {
      if (isDeleted === 0) out.active = row.n;
      else out.trashed = row.n;
      continue;
    }
    if (isDeleted === 1) continue;
    if (field !== 'rfm' && value === null) return null;
    sums[field] += row.n;
    switch (field) {
      case 'tier':
        out.tiers.set(value!, row.n);
        break;
      case 'stage':
        out.stages.set(value as LifecycleStage, row.n);
        break;
      case 'rfm':
        out.scores.set(value, row.n);
        break;
      case 'churn':
        if (!(CHURN_LEVELS as readonly string[]).includes(value!)) return null;
        out.churn.set(value as ChurnLevel, row.n);
        break;
      default: {
        const unexpected: never = field;
        throw new Error(`unexpected status count field ${String(unexpected)}`);
      }
    }
  }
  if (out.active + out.trashed !== stateRows) return null;
  if (Object.values(sums).some((sum) => sum !== out.active)) return null;
  return out;
}

function parseKey(key: string): [0 | 1, StatusCountField, string | null] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(key);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) return null;
  const [isDeleted, field, value] = parsed as unknown[];
  if ((isDeleted !== 0 && isDeleted !== 1) || !(STATUS_COUNT_FIELDS as readonly unknown[]).includes(field)) return null;
  if (value !== null && typeof value !== 'string') return null;
  return [isDeleted, field as StatusCountField, value];
}
