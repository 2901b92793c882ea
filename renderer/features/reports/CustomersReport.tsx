// The reports' customers section (view): new against returning, the 90-day repurchase rate, who bought again, churn
// per month by the lifecycle rules, the cohort retention heat map and how often customers came.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { periodEnd, type ReportGrain, type ChurnReportResult, type CustomersReportResult, type FrequencyBucket } from '../../../shared/domain/reports';
import type { ChartData, FormatValue } from './chart/chartModel';
import { changeText } from './reportFormat';
import { FigureCards, ReportChartSlot, ReportPending, ReportSection, type FigureCard } from './ReportParts';

export interface CustomersReportProps {
  /** undefined while worked out. */
  customers: CustomersReportResult | undefined;
  churn: ChurnReportResult | undefined;
  periodLabel: (key: string, grain: ReportGrain, partial: boolean) => string;
  monthLabel: (month: string) => string;
  format: FormatValue;
  /** The figures could not be worked out. */
  failed?: boolean;
  /** The figures shown are older than the period chosen (the new ones are being worked out). */
  busy?: boolean;
}

const NONE = '—';
const pct = (share: number | null) => (share === null ? null : share * 100);

export function CustomersReport({ customers, churn, periodLabel, monthLabel, format, failed, busy }: CustomersReportProps) {
  const { t } = useTranslation();
  const bucketLabel = (b: FrequencyBucket) =>
    b.max === null ? t('reports.customers.visitsAtLeast', { count: b.min }) : b.max === b.min ? t('reports.customers.visits', { count: b.min }) : t('reports.customers.visitsRange', { min: b.min, max: b.max });

  const charts = useMemo(() => {
    if (!customers || !churn) return null;
    const { grain, toDay } = customers.request;
    const label = (period: string) => periodLabel(period, grain, periodEnd(period, grain) > toDay);
    const nr = customers.newVsReturning;
    const newVsReturning: ChartData = {
      kind: 'stacked',
      categoryHeader: t('reports.period'),
      categories: nr.map((r) => label(r.period)),
      series: [
        { key: 'new', label: t('reports.customers.new'), unit: 'count', values: nr.map((r) => r.newCustomers) },
        { key: 'returning', label: t('reports.customers.returning'), unit: 'count', values: nr.map((r) => r.returning) },
      ],
    };
    const rp = customers.repurchase;
    const repurchase: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.customers.firstVisitPeriod'),
      categories: rp.map((r) => label(r.period)),
      series: [
        { key: 'rate', label: t('reports.customers.repurchaseRate'), unit: 'percent', values: rp.map((r) => pct(r.rate)) },
        { key: 'first', label: t('reports.customers.firstTimers'), unit: 'count', values: rp.map((r) => r.firstTimers), tableOnly: true },
        { key: 'repeated', label: t('reports.customers.repeated'), unit: 'count', values: rp.map((r) => r.repeated), tableOnly: true },
        { key: 'pending', label: t('reports.customers.pending'), unit: 'count', values: rp.map((r) => r.pending), tableOnly: true },
      ],
      min: 0,
      max: 100,
    };
    const ba = customers.boughtAgain;
    const boughtAgain: ChartData = {
      kind: 'line',
      categoryHeader: t('reports.period'),
      categories: ba.map((r) => label(r.period)),
      series: [
        { key: 'share', label: t('reports.customers.boughtAgain'), unit: 'percent', values: ba.map((r) => pct(r.share)) },
        { key: 'previous', label: t('reports.customers.previousCustomers'), unit: 'count', values: ba.map((r) => r.previousCustomers), tableOnly: true },
        { key: 'again', label: t('reports.customers.boughtAgainCount'), unit: 'count', values: ba.map((r) => r.boughtAgain), tableOnly: true },
      ],
      min: 0,
      max: 100,
    };
    const cm = churn.months;
    const churnChart: ChartData = {
      kind: 'line',
      categoryHeader: t('reports.month'),
      categories: cm.map((r) => monthLabel(r.month)),
      series: [
        { key: 'rate', label: t('reports.customers.churnRate'), unit: 'percent', values: cm.map((r) => pct(r.rate)) },
        { key: 'base', label: t('reports.customers.churnBase'), unit: 'count', values: cm.map((r) => r.base), tableOnly: true },
        { key: 'churned', label: t('reports.customers.churned'), unit: 'count', values: cm.map((r) => r.churned), tableOnly: true },
        { key: 'back', label: t('reports.customers.cameBack'), unit: 'count', values: cm.map((r) => r.cameBack), tableOnly: true },
      ],
      min: 0,
    };
    const width = Math.max(0, ...customers.cohorts.map((c) => c.shares.length));
    const cohorts: ChartData = {
      kind: 'heatmap',
      unit: 'percent',
      rowHeader: t('reports.customers.cohort'),
      sizeHeader: t('reports.customers.cohortSize'),
      columns: Array.from({ length: width }, (_v, k) => (k === 0 ? t('reports.customers.monthFirst') : t('reports.customers.monthAfter', { count: k }))),
      rows: customers.cohorts.map((c) => ({ label: monthLabel(c.cohort), size: c.customers, cells: Array.from({ length: width }, (_v, k) => (k < c.shares.length && c.customers > 0 ? c.shares[k]! * 100 : null)) })),
    };
    const frequency: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.customers.visitCount'),
      categories: customers.frequency.map(bucketLabel),
      series: [{ key: 'customers', label: t('reports.customers.customers'), unit: 'count', values: customers.frequency.map((b) => b.customers) }],
    };
    return { newVsReturning, repurchase, boughtAgain, churn: churnChart, cohorts, frequency };
    // bucketLabel is made from t alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [customers, churn, periodLabel, monthLabel, t]);

  const cards = (): FigureCard[] => {
    if (!customers || !churn) return [];
    const { current, previous, lastYear } = customers.totals;
    const change = (now: number | null, base: number | null) => changeText(t, now === null || base === null || base === 0 ? null : ((now - base) / Math.abs(base)) * 100);
    const notes = (now: number | null, p: number | null, y: number | null) => {
      const a = change(now, p);
      const b = change(now, y);
      return [a && t('reports.vsPrevious', { change: a }), b && t('reports.vsLastYear', { change: b })];
    };
    const c = churn.totals;
    return [
      { id: 'active', label: t('reports.customers.active'), value: format('count', current.active), notes: notes(current.active, previous.active, lastYear.active) },
      { id: 'new', label: t('reports.customers.new'), value: format('count', current.newCustomers), notes: notes(current.newCustomers, previous.newCustomers, lastYear.newCustomers) },
      {
        id: 'repurchase',
        label: t('reports.customers.repurchaseRate'),
        value: current.repurchaseRate === null ? NONE : format('percent', current.repurchaseRate * 100),
        notes: [t('reports.customers.repurchaseOf', { repeated: current.repeated, decided: current.firstTimers - current.pending })],
      },
      {
        id: 'churn',
        label: t('reports.customers.churnRate'),
        value: c.current.rate === null ? NONE : format('percent', c.current.rate * 100),
        notes: [t('reports.customers.churnOf', { churned: c.current.churned, base: c.current.base })],
      },
    ];
  };

  return (
    <ReportSection id="customers" title={t('reports.customers.title')} intro={t('reports.customers.intro')} busy={busy}>
      {!charts ? (
        <ReportPending failed={failed} />
      ) : (
        <>
          <FigureCards cards={cards()} />
          <div className="report-grid">
            <ReportChartSlot id="customers-new" title={t('reports.customers.newChart')} note={t('reports.customers.newNote')} data={charts.newVsReturning} format={format} />
            <ReportChartSlot id="customers-repurchase" title={t('reports.customers.repurchaseChart')} note={t('reports.customers.repurchaseNote')} data={charts.repurchase} format={format} />
            <ReportChartSlot id="customers-again" title={t('reports.customers.againChart')} note={t('reports.customers.againNote')} data={charts.boughtAgain} format={format} />
            <ReportChartSlot id="customers-churn" title={t('reports.customers.churnChart')} note={t('reports.customers.churnNote')} data={charts.churn} format={format} />
          </div>
          <ReportChartSlot id="customers-cohorts" title={t('reports.customers.cohortChart')} note={t('reports.customers.cohortNote')} data={charts.cohorts} format={format} />
          <div className="report-grid">
            <ReportChartSlot id="customers-frequency" title={t('reports.customers.frequencyChart')} note={t('reports.customers.frequencyNote')} data={charts.frequency} format={format} />
          </div>
        </>
      )}
    </ReportSection>
  );
}
