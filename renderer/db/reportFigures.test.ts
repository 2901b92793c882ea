// The reports on the demo store: each equals the domain's figures computed from the raw purchases, states and ledger.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { buildCustomerMonths, buildSalesDays, visitDaysByCustomer } from '../../shared/domain/reports/aggregates';
import { churnByMonth, cohortRetention, newVsReturning, repurchaseRate } from '../../shared/domain/reports/customers';
import { buildPointsMonths, pointsReport } from '../../shared/domain/reports/loyalty';
import { rfmGrid, stageDistribution, tierDistribution } from '../../shared/domain/reports/status';
import { salesReport } from '../../shared/domain/reports/sales';
import { DEFAULT_TIER_SCHEME } from '../../shared/domain/tiers';
import { RegularsDatabase } from './database';
import { createPointsRepository } from './points';
import { createReportFigures, InvalidReportWindow } from './reportFigures';
import { createStoreSetup } from './storeSetup';
import { createCustomerRepository } from './customers';
import { createPurchaseRepository } from './purchases';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { writeStateRows } from '../../test/support/stateRows';
import { visitFrequency } from '../../test/support/reportReference';

let db: RegularsDatabase;
let ids = 0;
const clock = new Date('2026-12-05T10:00:00Z');
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });
const request = { fromDay: '2026-01-01', toDay: '2026-12-05', grain: 'month' as const, asOfDay: '2026-12-05' };

beforeEach(async () => {
  db = new RegularsDatabase(`reports-${crypto.randomUUID()}`);
  await db.open();
  await createStoreSetup(db, deps()).start('demo');
});

afterEach(async () => {
  await db.delete();
});

describe('report figures', () => {
  it('sales: the rows salesReport gives over every purchase, with the window\'s totals', async () => {
    const figures = createReportFigures(db, utcDayOf);
    const purchases = await db.purchases.toArray();
    const result = await figures.sales(request);
    expect(result.rows).toEqual(salesReport(buildSalesDays(purchases, utcDayOf), request.fromDay, request.toDay, 'month'));
    expect(result.totals.current.revenueFen).toBe(result.rows.reduce((n, r) => n + r.revenueFen, 0));
    expect(result.totals.previousWindow).toEqual({ fromDay: '2025-01-01', toDay: '2025-12-05' });
    expect(result.totals.current.purchases).toBeGreaterThan(0);
  });

  it('customers and churn: the domain\'s figures over every customer\'s visit days', async () => {
    const figures = createReportFigures(db, utcDayOf);
    const months = buildCustomerMonths(await db.purchases.toArray(), utcDayOf);
    const visits = visitDaysByCustomer(months);
    const result = await figures.customers(request);
    expect(result.newVsReturning).toEqual(newVsReturning(visits, request.fromDay, request.toDay, 'month'));
    expect(result.repurchase).toEqual(repurchaseRate(visits, request.fromDay, request.toDay, 'month', request.asOfDay));
    expect(result.cohorts).toEqual(cohortRetention(visits, '2026-01', request.asOfDay));
    expect(result.frequency).toEqual(visitFrequency(months, '2026-01', '2026-12'));
    expect(result.totals.current.active).toBeGreaterThan(0);
    const churn = await figures.churn(request);
    expect(churn.months).toEqual(churnByMonth(visits, '2025-01', '2026-12', request.asOfDay).filter((r) => r.month >= '2026-01'));
  });

  it('tiers and stages from the indexes, the RFM grid from the state rows', async () => {
    const figures = createReportFigures(db, utcDayOf);
    const states = await db.customerState.toArray();
    const result = await figures.status(request);
    const order = DEFAULT_TIER_SCHEME.tiers.map((t) => t.id);
    expect(result.tierOrder).toEqual(order);
    expect(result.tiers).toEqual(tierDistribution(states, order));
    expect(result.stages).toEqual(stageDistribution(states));
    expect(result.rfm).toEqual(rfmGrid(states.map((s) => ({ isDeleted: s.isDeleted, rfmScore: s.rfmScore ?? null }))));
    expect(result.movement.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);

    // A tier the owner removed, still on a row until the next pass: counted, not left out (and by the indexes, walked for it, when the kept counts cannot be used).
    await writeStateRows(db, [{ ...states.find((st) => st.isDeleted === 0)!, tierId: 'removed-tier' }]);
    const after = await figures.status(request);
    const moved = await db.customerState.toArray();
    expect(after.tiers).toEqual(tierDistribution(moved, order));
    expect(after.tiers.find((t) => t.tierId === 'removed-tier')?.customers).toBe(1);
    await db.statusCounts.clear();
    expect((await figures.status(request)).tiers).toEqual(after.tiers);
  });

  it('loyalty: the ledger per month with its balance, and the liability', async () => {
    const points = createPointsRepository(db, deps());
    const [a, b] = await db.customers.limit(2).toArray();
    await points.adjust(a!.id, 500, '开业赠送');
    await points.adjust(b!.id, 200, '补发');
    const figures = createReportFigures(db, utcDayOf);
    const result = await figures.loyalty(request);
    expect(result.months).toEqual(pointsReport(buildPointsMonths(await db.pointsEntries.toArray(), utcDayOf), result.months.map((m) => m.month)));
    expect(result.liability).toMatchObject({ outstandingPoints: 700, customersWithPoints: 2 });
    expect(result.totals.current.adjusted).toBe(700);
  });

  it('reads the buckets again once a write was recorded, and not before', async () => {
    const figures = createReportFigures(db, utcDayOf);
    const before = await figures.customers(request);
    expect((await figures.customers(request)).totals.current).toEqual(before.totals.current);
    const someone = await createCustomerRepository(db, deps()).create(makeCustomerFields({ name: '新客' }));
    await createPurchaseRepository(db, deps()).record(someone.id, makePurchaseFields({ purchasedAt: '2026-12-04T03:00:00.000Z' }));
    const after = await figures.customers(request);
    expect(after.totals.current.active).toBe(before.totals.current.active + 1);
    expect(after.totals.current.newCustomers).toBe(before.totals.current.newCustomers + 1);
    // The tiers' movement takes the churn report's months.
    const churn = await figures.churn(request);
    const status = await figures.status(request);
    expect(status.movement.map((m) => [m.month, m.churned, m.cameBack])).toEqual(churn.months.map((m) => [m.month, m.churned, m.cameBack]));
  });

  it('refuses a window that ends before it starts, or days that are not days', async () => {
    const figures = createReportFigures(db, utcDayOf);
    await expect(figures.sales({ ...request, toDay: '2025-01-01' })).rejects.toBeInstanceOf(InvalidReportWindow);
    await expect(figures.sales({ ...request, fromDay: '2026-02-30' })).rejects.toBeInstanceOf(InvalidReportWindow);
    await expect(figures.customers({ ...request, asOfDay: 'today' })).rejects.toBeInstanceOf(InvalidReportWindow);
  });
});
