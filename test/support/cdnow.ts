// The CDNOW sample (shared/data) as buyer histories in weeks at 1997-09-30, for the churn model's tests.
import { readFileSync } from 'node:fs';
import type { BuyerHistory } from '../../shared/domain/churnModel/buyingModel';
import type { ModelCustomer } from '../../shared/domain/churnModel/scoring';

const dayOf = (yyyymmdd: string) => Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;

export const CDNOW_CUTOFF_DAY = dayOf('19970930');

/** Every purchase of the sample as model customers (days since 1970, spend in cents). */
export function cdnowCustomers(): ModelCustomer[] {
  const text = readFileSync(new URL('../../../shared/data/cdnow-sample.txt', import.meta.url), 'utf8');
  const byId = new Map<string, { day: number; spend: number }[]>();
  for (const line of text.split('\n')) {
    const [id, , date, , dollars] = line.trim().split(/\s+/);
    if (!id || !date || !dollars) continue;
    const list = byId.get(id) ?? [];
    list.push({ day: dayOf(date), spend: Math.round(Number(dollars) * 100) });
    byId.set(id, list);
  }
  return [...byId].map(([id, purchases]) => ({ id, purchases }));
}

/** Histories at the paper's calibration end (1997-09-30) in weeks: x repeat purchase days, tx and T from the first purchase. */
export function cdnowWeeks(customers: readonly ModelCustomer[] = cdnowCustomers()): BuyerHistory[] {
  return customers.map((c) => {
    const days = [...new Set(c.purchases.map((p) => p.day).filter((d) => d <= CDNOW_CUTOFF_DAY))].sort((a, b) => a - b);
    return { x: days.length - 1, tx: (days[days.length - 1]! - days[0]!) / 7, T: (CDNOW_CUTOFF_DAY - days[0]!) / 7 };
  });
}
