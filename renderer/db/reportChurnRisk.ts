// Today's churn risk for the reports' tiers-and-stages section: each level's customers counted on the churn list's
// index, the high level's value at risk, and the store's model as the status worker kept it. Narrow reads only.
import Dexie from 'dexie';
import { CHURN_LEVELS } from '../../shared/domain/churn';
import { churnRiskToday, type ChurnRiskToday } from '../../shared/domain/reports/status';
import { createBookkeepingRepository } from './bookkeeping';
import type { RegularsDatabase } from './database';

/** Up to this many high customers their rows are read; more, and the value-at-risk index is walked keys only. */
const HIGH_ROWS_READ = 2_000;

/** `rowsReadUpTo` is for tests (both ways give the same sum). */
export async function readChurnRisk(db: RegularsDatabase, rowsReadUpTo = HIGH_ROWS_READ): Promise<ChurnRiskToday> {
  const level = () => db.customerState.where('[isDeleted+churnLevel]');
  const counts = await Dexie.Promise.all(CHURN_LEVELS.map((l) => level().equals([0, l]).count()));
  const high = (await level().equals([0, 'high']).primaryKeys()) as string[];
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
  return churnRiskToday(new Map(CHURN_LEVELS.map((l, i) => [l, counts[i]!])), highValueFen, churnModel);
}
