// The report sections drawn on the server in each language, from figures the report definitions work out on a small
// store: every heading, card and note worded (no raw key), the figures as the cards say them.
import i18next from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import {
  boughtAgain,
  churnByMonth,
  churnRiskToday,
  complaintsByPeriod,
  complaintsOfWindow,
  customersServedByPeriod,
  cohortRetention,
  newVsReturning,
  pointsReport,
  repurchaseRate,
  rfmGrid,
  salesReport,
  stageDistribution,
  surveyFigures,
  surveyPeriod,
  tierDistribution,
  tierMovement,
  type CustomerMonth,
  type ReportRequest,
  type SalesDay,
} from '../../../shared/domain/reports';
import { utcDayOf } from '../../../shared/domain/customerFigures';
import { RFM_SEGMENT_NAMES } from '../../../shared/domain/rfm';
import { APP_LOCALES } from '../../../shared/ipc/contract';
import { countFormatter, I18N_OPTIONS } from '../../i18n';
import { CustomersReport } from './CustomersReport';
import { LoyaltyReport } from './LoyaltyReport';
import { reportFormat } from './reportFormat';
import { SalesReport } from './SalesReport';
import { SatisfactionReport } from './SatisfactionReport';
import { StatusReport } from './StatusReport';
import { visitFrequency } from '../../../test/support/reportReference';

const request: ReportRequest = { fromDay: '2026-10-01', toDay: '2026-12-05', grain: 'month', asOfDay: '2026-12-05' };
const windows = { previousWindow: { fromDay: '2026-07-01', toDay: '2026-09-05' }, lastYearWindow: { fromDay: '2025-10-01', toDay: '2025-12-05' } };

const day = (d: string, revenueFen: number, purchases: number, byMethodFen: Record<string, number>): SalesDay => ({ day: d, revenueFen, purchases, pointsFen: 0, rewardFen: 0, byMethodFen });
const days = [day('2025-10-03', 10000, 1, { 现金: 10000 }), day('2026-09-10', 20000, 2, { 微信: 20000 }), day('2026-10-03', 30000, 2, { 现金: 10000, 微信: 20000 }), day('2026-12-01', 12345, 1, { '': 12345 })];
const months: CustomerMonth[] = [
  { customerId: 'a', month: '2026-10', purchases: 2, revenueFen: 30000, days: [3, 20] },
  { customerId: 'a', month: '2026-12', purchases: 1, revenueFen: 12345, days: [1] },
  { customerId: 'b', month: '2026-11', purchases: 1, revenueFen: 5000, days: [11] },
];
const visits = new Map([
  ['a', ['2026-10-03', '2026-10-20', '2026-12-01']],
  ['b', ['2026-11-11']],
]);
const figures = { revenueFen: 42345, purchases: 3, averageTicketFen: 14115, pointsFen: 0, rewardFen: 0, byMethodFen: {} };
const none = { ...figures, revenueFen: 0, purchases: 0, averageTicketFen: null };
const summary = { active: 2, newCustomers: 2, returning: 0, firstTimers: 2, repeated: 1, pending: 1, repurchaseRate: 1 };
const monthKeys = ['2026-10', '2026-11', '2026-12'];
// By week over three weeks: the complaint came in the week a came (1 December), so that week's rate is 1 in 1.
const weeks = { fromDay: '2026-11-16', toDay: '2026-12-05', grain: 'week' as const };
const NOW = new Date('2026-12-05T10:00:00.000Z');
const complaint = { receivedAt: '2026-12-01T03:00:00.000Z', dueAt: '2026-12-02T03:00:00.000Z', resolvedAt: '2026-12-01T07:00:00.000Z' };

async function draw(lng: string, element: ReactElement) {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(countFormatter).init({ ...I18N_OPTIONS, lng });
  const t = instance.t.bind(instance) as (key: string, options?: Record<string, unknown>) => string;
  return { html: renderToStaticMarkup(<I18nextProvider i18n={instance}>{element}</I18nextProvider>), format: reportFormat(t, lng, (fen) => `¥${(fen / 100).toFixed(2)}`) };
}

function sections(lng: 'zh-CN' | 'zh-TW' | 'en') {
  const t = (key: string, o?: Record<string, unknown>) => (key === 'reports.percent' ? `${String(o?.value)}%` : `${String(o?.value)} h`);
  const format = reportFormat(t, lng, (fen) => `¥${(fen / 100).toFixed(2)}`);
  const label = (key: string) => key;
  const churn = churnByMonth(visits, '2026-10', '2026-12', '2026-12-05');
  return [
    <SalesReport key="s" data={{ request, rows: salesReport(days, request.fromDay, request.toDay, 'month'), totals: { current: figures, previous: { ...figures, revenueFen: 20000 }, lastYear: none, ...windows } }} periodLabel={label} format={format} />,
    <CustomersReport
      key="c"
      customers={{
        request,
        newVsReturning: newVsReturning(visits, request.fromDay, request.toDay, 'month'),
        repurchase: repurchaseRate(visits, request.fromDay, request.toDay, 'month', request.asOfDay),
        boughtAgain: boughtAgain(visits, request.fromDay, request.toDay, 'month'),
        cohorts: cohortRetention(visits, '2026-10', request.asOfDay),
        frequency: visitFrequency(months, '2026-10', '2026-12'),
        totals: { current: summary, previous: { ...summary, active: 1 }, lastYear: { ...summary, repurchaseRate: null }, ...windows },
      }}
      churn={{ request, months: churn, totals: { current: { churned: 1, base: 4, cameBack: 0, rate: 0.25 }, previous: { churned: 0, base: 0, cameBack: 0, rate: null }, lastYear: { churned: 0, base: 0, cameBack: 0, rate: null }, ...windows } }}
      periodLabel={label}
      monthLabel={label}
      format={format}
    />,
    <StatusReport
      key="t"
      data={{
        request,
        grouping: 'tiers',
        tierOrder: ['gold', 'silver'],
        tiers: tierDistribution([{ isDeleted: 0, tierId: 'gold' }], ['gold', 'silver']),
        stages: stageDistribution([{ isDeleted: 0, lifecycleStage: 'new' }]),
        movement: tierMovement([{ at: '2026-11-02T02:00:00.000Z', from: 'silver', to: 'gold' }], ['gold', 'silver'], monthKeys, (iso) => iso.slice(0, 10), churn),
        rfm: rfmGrid([{ isDeleted: 0, rfmScore: '545' }, { isDeleted: 0, rfmScore: null }]),
        risk: churnRiskToday(new Map([['none', 5], ['watch', 3], ['high', 2]]), 123_400, {
          kind: 'cannot-fit',
          fittedOn: '2026-12-05',
          customers: 12,
          repeatBuyers: 3,
          reason: { code: 'too-few-customers', params: { have: 12, need: 50 } },
        }),
      }}
      tierName={(id) => id.toUpperCase()}
      stageName={(s) => s}
      segmentName={(s) => RFM_SEGMENT_NAMES[s][lng]}
      monthLabel={label}
      format={format}
    />,
    <LoyaltyReport
      key="l"
      data={{
        request,
        months: pointsReport([{ month: '2026-11', issued: 1200, redeemed: 200, expired: 0, adjusted: 0 }], monthKeys),
        totals: { current: { issued: 1200, redeemed: 200, expired: 0, adjusted: 0 }, previous: { issued: 600, redeemed: 0, expired: 0, adjusted: 0 }, lastYear: { issued: 0, redeemed: 0, expired: 0, adjusted: 0 }, ...windows },
        liability: { outstandingPoints: 1000, liabilityFen: 1000, expiringSoonPoints: 100, customersWithPoints: 1 },
      }}
      monthLabel={label}
      format={format}
    />,
    <SatisfactionReport
      key="f"
      data={{
        survey: surveyFigures([], surveyPeriod(NOW, 3), NOW, new Map()),
        grain: 'week',
        complaintPeriods: complaintsByPeriod([complaint], customersServedByPeriod(newVsReturning(visits, weeks.fromDay, weeks.toDay, 'week')), weeks, NOW, utcDayOf),
        complaints: complaintsOfWindow([complaint], 1, weeks, NOW, utcDayOf),
      }}
      periodLabel={label}
      monthLabel={label}
      format={format}
    />,
  ];
}

describe('the report sections as drawn', () => {
  it.each(APP_LOCALES)('word every heading, card and note in %s, with no raw key', async (lng) => {
    for (const element of sections(lng)) expect((await draw(lng, element)).html).not.toMatch(/reports\.|status\.|churnModel\.|churn\./);
  });

  it('say each card’s figure and its change on the periods compared', async () => {
    const [sales, customers, status, loyalty, satisfaction] = sections('en');
    const salesHtml = (await draw('en', sales!)).html;
    expect(salesHtml).toContain('¥423.45');
    expect(salesHtml).toContain('+112% on the period before');
    // No base a year earlier: no change said.
    expect(salesHtml).not.toContain('same period last year</dd>');
    const customersHtml = (await draw('en', customers!)).html;
    expect(customersHtml).toContain('+100% on the period before');
    expect(customersHtml).toContain('1 of 1 first-time customers came again');
    expect(customersHtml).toContain('1 of 4 customers churned');
    const statusHtml = (await draw('en', status!)).html;
    expect(statusHtml).toMatch(/Moved up<\/dt><dd[^>]*>1</);
    expect(statusHtml).toMatch(/Customers at high churn risk<\/dt><dd[^>]*>2<\/dd><dd[^>]*>Value at risk: ¥1234.00</);
    expect(statusHtml).toMatch(/Customers to watch for churn<\/dt><dd[^>]*>3</);
    // What judged the levels: today's rule, and why.
    expect(statusHtml).toMatch(/data-model="fallback"[^>]*>Judged by the simple rule \(overdue against their usual gap\), because the store has 12 customers with a purchase and the buying model needs 50\./);
    // The week's complaint against the week's one customer served; the rate a figure, not a dash.
    const satisfactionHtml = (await draw('en', satisfaction!)).html;
    expect(satisfactionHtml).toMatch(/Complaint rate<\/dt><dd[^>]*>100%<\/dd><dd[^>]*>Complaints: 1; customers served: 1</);
    const loyaltyHtml = (await draw('zh-CN', loyalty!)).html;
    expect(loyaltyHtml).toContain('1 位客户持有 1,000 积分');
    expect(loyaltyHtml).toContain('较上一期 +100%');
  });

  it('says when the figures could not be worked out', async () => {
    const { html } = await draw('zh-TW', <LoyaltyReport data={undefined} failed monthLabel={(m) => m} format={() => ''} />);
    expect(html).toContain('這些數字未能算出');
  });
});
