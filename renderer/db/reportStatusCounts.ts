// Today's status counts for the tiers-and-stages report: the counts the derivation keeps (statusCounts, a few dozen
// rows), or, when those do not hold together, the state rows' indexes counted; and the churn risk read from them.
import Dexie from 'dexie';
import type { ChurnLevel } from '../../shared/domain/churn';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../shared/domain/lifecycle';
import { RFM_SCORE_TEXTS, churnRiskToday, type ChurnRiskToday } from '../../shared/domain/reports/status';
import { readStatusCounts, type ActiveStatusCounts } from '../../shared/domain/reports/statusCounts';
import { createBookkeepingRepository } from './bookkeeping';
import type { RegularsDatabase } from './database';

/**
 * Counting by the indexes: up to this many high customers their rows are read; more, and the value-at-risk index is
 * walked keys only (a cursor step per active customer, about 2 s at 100,000; rows read a few hundred ms per 5,000).
 */
const HIGH_ROWS_READ = 20_000;

/** Rows in the trash: the trash's range of an index is short, so this is cheap where a count of the active range is not. */
function trashedRows(db: RegularsDatabase): Promise<number> {
  return db.customerState.where('[isDeleted+tierId]').between([1, Dexie.minKey], [1, Dexie.maxKey], true, true).count();
}

/**
 * The active customers by tier, stage, RFM score and churn level, with the high level's value at risk. The kept
 * counts are taken when they add up and agree with the table's rows and its trash; otherwise (a restored backup's
 * counts gone wrong, say) every figure is counted from the indexes, slower but never wrong. `knownTiers`: the tier
 * ids the indexes are asked for first (other ids are found by a walk of the index's distinct keys).
 */
export async function readStatusCountsToday(db: RegularsDatabase, knownTiers: readonly string[], rowsReadUpTo = HIGH_ROWS_READ): Promise<ActiveStatusCounts> {
  const [rows, stateRows, trashed] = await Dexie.Promise.all([db.statusCounts.toArray(), db.customerState.count(), trashedRows(db)]);
  const kept = readStatusCounts(rows, stateRows);
  if (kept && kept.trashed === trashed) return kept;
  return countByIndexes(db, knownTiers, stateRows - trashed, trashed, rowsReadUpTo);
}

/** Every figure counted on the state rows' `[isDeleted+field]` indexes (one visit of each index's active entries). */
export async function countByIndexes(db: RegularsDatabase, knownTiers: readonly string[], active: number, trashed: number, rowsReadUpTo = HIGH_ROWS_READ): Promise<ActiveStatusCounts> {
  const [tiers, stages, scored, churn] = await Dexie.Promise.all([
    countsBy(db, '[isDeleted+tierId]', knownTiers, active),
    countsBy(db, '[isDeleted+lifecycleStage]', LIFECYCLE_STAGES, active),
    countsBy(db, '[isDeleted+rfmScore]', RFM_SCORE_TEXTS, null),
    churnCounts(db, active, rowsReadUpTo),
  ]);
  // An unscored customer (null) is not in the score's index: every active customer less the scored ones.
  let unscored = active;
  for (const n of scored.values()) unscored -= n;
  const scores = new Map<string | null, number>(scored);
  if (unscored > 0) scores.set(null, unscored);
  return { active, trashed, tiers, stages: stages as Map<LifecycleStage, number>, scores, churn: churn.counts, highValueFen: churn.highValueFen };
}

/**
 * Active customers counted by each value of a `[isDeleted+field]` index: each known value is counted by the index.
 * Only when those fall short of `expected` (a value no longer known, such as a tier the owner removed) are the
 * index's distinct keys walked for the rest.
 */
async function countsBy(db: RegularsDatabase, index: string, known: readonly string[], expected: number | null): Promise<Map<string, number>> {
  const where = () => db.customerState.where(index);
  const counts = await Dexie.Promise.all(known.map((k) => where().equals([0, k]).count()));
  const out = new Map<string, number>();
  let counted = 0;
  known.forEach((k, i) => {
    counted += counts[i]!;
    if (counts[i]! > 0) out.set(k, counts[i]!);
  });
  if (expected === null || counted === expected) return out;
  const keys = (await where().between([0, Dexie.minKey], [0, Dexie.maxKey], true, true).uniqueKeys()) as unknown as [number, string][];
  const others = keys.filter((k) => !out.has(k[1]));
  const otherCounts = await Dexie.Promise.all(others.map((k) => where().equals(k).count()));
  others.forEach((k, i) => out.set(k[1], otherCounts[i]!));
  return out;
}

/** The levels on the churn list's index (none is what is left, so its entries are not visited) and the high level's value at risk. */
async function churnCounts(db: RegularsDatabase, active: number, rowsReadUpTo: number): Promise<{ counts: Map<ChurnLevel, number>; highValueFen: number }> {
  const level = () => db.customerState.where('[isDeleted+churnLevel]');
  const [watch, high] = await Dexie.Promise.all([level().equals([0, 'watch']).count(), level().equals([0, 'high']).primaryKeys() as Promise<string[]>]);
  let highValueFen = 0;
  if (high.length <= rowsReadUpTo) {
    for (const row of await db.customerState.bulkGet(high)) if (row?.isDeleted === 0 && row.churnLevel === 'high') highValueFen += row.valueAtRiskFen;
  } else {
    // Today's rule may put most of a large store at high: the index holds each one's value beside their id.
    const members = new Set(high);
    await db.customerState
      .where('[isDeleted+valueAtRiskFen]')
      .between([0, Dexie.minKey], [0, Dexie.maxKey])
      .eachKey((key, cursor) => {
        if (members.has(cursor.primaryKey as string)) highValueFen += (key as [number, number])[1];
      });
  }
  const counts = new Map<ChurnLevel, number>([
    ['none', active - watch - high.length],
    ['watch', watch],
    ['high', high.length],
  ]);
  for (const [k, n] of counts) if (n === 0) counts.delete(k);
  return { counts, highValueFen };
}

/** Today's churn risk from the counts, with the store's model as the status worker kept it. */
export async function readChurnRisk(db: RegularsDatabase, counts: Pick<ActiveStatusCounts, 'churn' | 'highValueFen'>): Promise<ChurnRiskToday> {
  const { churnModel } = (await createBookkeepingRepository(db).readChecked(['churnModel'])).values;
  return churnRiskToday(counts.churn, counts.highValueFen, churnModel);
}
