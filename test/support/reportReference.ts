// Independent reference calculations the report figures are held to in tests (the app computes them otherwise).
import type { CustomerMonth } from '../../shared/domain/reports/aggregates';
import { FREQUENCY_BUCKET_STARTS, type FrequencyBucket } from '../../shared/domain/reports/customers';

/** The visit-frequency distribution from month rows: each customer's visits in [fromMonth, toMonth] summed, then bucketed. */
export function visitFrequency(months: Iterable<CustomerMonth>, fromMonth: string, toMonth: string, starts: readonly number[] = FREQUENCY_BUCKET_STARTS): FrequencyBucket[] {
  const perCustomer = new Map<string, number>();
  for (const m of months) {
    if (m.month < fromMonth || m.month > toMonth || m.purchases === 0) continue;
    perCustomer.set(m.customerId, (perCustomer.get(m.customerId) ?? 0) + m.purchases);
  }
  return starts.map((min, i) => {
    const max = i + 1 < starts.length ? starts[i + 1]! - 1 : null;
    return { min, max, customers: [...perCustomer.values()].filter((n) => n >= min && (max === null || n <= max)).length };
  });
}
