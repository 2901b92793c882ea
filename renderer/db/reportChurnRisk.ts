// Today's churn risk for the reports' tiers-and-stages section: the at-risk levels' customers counted on the churn
// list's index, the high level's value at risk, and the store's model as the status worker kept it. Narrow reads only.
import Dexie from 'dexie';
import type { ChurnLevel } from '../../shared/domain/churn';
import { churnRiskToday, type ChurnRiskToday } from '../../shared/domain/reports/status';
import { createBookkeepingRepository } from './bookkeeping';
import type { RegularsDatabase } from './database';

/**
 * Up to this many high customers their rows are read; more, and the value-at-risk index is walked keys only. A walk
 * is a cursor step per active customer (about 2 s at 100,000 in the bench), reading rows a few hundred ms per 5,000:
 * the model's default cap (5% of the store) stays on rows; only today's rule putting most of a store at high walks.
 */
const HIGH_ROWS_READ = 20_000;

/**
 * `active`: the store's active customers (every one has a level), so the level most are at (none) is what is left
 * and its index entries are not visited. `rowsReadUpTo` is for tests (both ways give the same sum).
 */
export async function readChurnRisk(db: RegularsDatabase, active: number, rowsReadUpTo = HIGH_ROWS_READ): Promise<ChurnRiskToday> {
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
  const { churnModel } = (await createBookkeepingRepository(db).readChecked(['churnModel'])).values;
  const counts: Record<ChurnLevel, number> = { none: active - watch - high.length, watch, high: high.length };
  return churnRiskToday(new Map(Object.entries(counts)), highValueFen, churnModel);
}
