// Purchases as the report aggregates read them, and the small hand-worked store both report-table tests count.
import type { ReportPurchase } from '../../shared/domain/reports/aggregates';

export const reportPurchase = (id: string, customerId: string, day: string, totalFen: number, extra: Partial<ReportPurchase> = {}): ReportPurchase => ({
  id,
  customerId,
  purchasedAt: `${day}T10:00:00.000Z`,
  totalFen,
  isVoided: 0,
  returnOf: null,
  paymentNote: '',
  ...extra,
});

/**
 * Customer a: two purchases on 5 January (one part paid with points), one on the 20th returned in full on 1 February,
 * one voided; customer b: one purchase on 1 February, part of it taken off by a reward.
 */
export const HAND_WORKED_PURCHASES: readonly ReportPurchase[] = [
  reportPurchase('p1', 'a', '2026-01-05', 10_000, { paymentNote: ' cash ' }),
  reportPurchase('p2', 'a', '2026-01-05', 5_000, { paymentNote: 'WeChat', pointsPaidFen: 1_000 }),
  reportPurchase('p3', 'a', '2026-01-20', 8_000, { paymentNote: 'cash' }),
  reportPurchase('r3', 'a', '2026-02-01', -8_000, { returnOf: 'p3' }),
  reportPurchase('v', 'a', '2026-01-06', 99_000, { isVoided: 1 }),
  reportPurchase('p4', 'b', '2026-02-01', 3_000, { paymentNote: 'card', rewardFen: 500 }),
];
