// The reports' sales section (view): revenue, purchases and the average ticket per period against the period before
// and the same period last year, and the revenue by how it was paid (every payment method, cash included).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportGrain, SalesFigures, SalesReportResult } from '../../../shared/domain/reports';
import type { ChartData, ChartSeries, FormatValue } from './chart/chartModel';
import { changeText } from './reportFormat';
import { FigureCards, ReportChartSlot, ReportPending, ReportSection } from './ReportParts';

export interface SalesReportProps {
  /** undefined while worked out. */
  data: SalesReportResult | undefined;
  /** A period's key (of the grain) in words, marked when the period is cut at today. */
  periodLabel: (key: string, grain: ReportGrain, partial: boolean) => string;
  format: FormatValue;
  /** The figures could not be worked out. */
  failed?: boolean;
  /** The figures shown are older than the period chosen (the new ones are being worked out). */
  busy?: boolean;
}

/** Payment methods drawn apart; the rest are summed as "other". */
const METHODS_DRAWN = 5;

const NONE = '—';

export function SalesReport({ data, periodLabel, format, failed, busy }: SalesReportProps) {
  const { t } = useTranslation();
  const charts = useMemo(() => {
    if (!data) return null;
    const rows = data.rows;
    const categories = rows.map((r) => periodLabel(r.period, data.request.grain, r.partial));
    const compared = (key: string, label: string, unit: ChartSeries['unit'], pick: (f: SalesFigures) => number | null): ChartData => ({
      kind: 'line',
      categoryHeader: t('reports.period'),
      categories,
      series: [
        { key, label, unit, values: rows.map((r) => pick(r)) },
        { key: `${key}-previous`, label: t('reports.sales.previous'), unit, values: rows.map((r) => pick(r.previous)) },
        { key: `${key}-last-year`, label: t('reports.sales.lastYear'), unit, values: rows.map((r) => pick(r.lastYear)) },
      ],
    });
    const totals = new Map<string, number>();
    for (const r of rows) for (const [m, fen] of Object.entries(r.byMethodFen)) totals.set(m, (totals.get(m) ?? 0) + fen);
    const methods = [...totals.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([m]) => m);
    const drawn = methods.length > METHODS_DRAWN + 1 ? methods.slice(0, METHODS_DRAWN) : methods;
    const rest = methods.filter((m) => !drawn.includes(m));
    const methodSeries: ChartSeries[] = drawn.map((m) => ({ key: `method-${m}`, label: m === '' ? t('reports.sales.methodNone') : m, unit: 'money', values: rows.map((r) => r.byMethodFen[m] ?? 0) }));
    if (rest.length) methodSeries.push({ key: 'method-other', label: t('reports.sales.methodOther'), unit: 'money', values: rows.map((r) => rest.reduce((sum, m) => sum + (r.byMethodFen[m] ?? 0), 0)) });
    const byMethod: ChartData = {
      kind: 'stacked',
      categoryHeader: t('reports.period'),
      categories,
      series: [
        ...methodSeries,
        { key: 'points', label: t('reports.sales.points'), unit: 'money', values: rows.map((r) => r.pointsFen) },
        { key: 'reward', label: t('reports.sales.reward'), unit: 'money', values: rows.map((r) => r.rewardFen) },
      ],
    };
    return {
      revenue: compared('revenue', t('reports.sales.revenue'), 'money', (f) => f.revenueFen),
      purchases: compared('purchases', t('reports.sales.purchases'), 'count', (f) => f.purchases),
      ticket: compared('ticket', t('reports.sales.averageTicket'), 'money', (f) => f.averageTicketFen),
      byMethod,
    };
  }, [data, periodLabel, t]);

  const card = (id: string, label: string, pick: (f: SalesFigures) => number | null, unit: 'money' | 'count') => {
    if (!data) return { id, label, value: NONE };
    const { current, previous, lastYear } = data.totals;
    const now = pick(current);
    const pct = (base: number | null) => (now === null || base === null || base === 0 ? null : ((now - base) / Math.abs(base)) * 100);
    const vsPrevious = changeText(t, pct(pick(previous)));
    const vsLastYear = changeText(t, pct(pick(lastYear)));
    return {
      id,
      label,
      value: now === null ? NONE : format(unit, now),
      notes: [vsPrevious && t('reports.vsPrevious', { change: vsPrevious }), vsLastYear && t('reports.vsLastYear', { change: vsLastYear })],
    };
  };

  return (
    <ReportSection id="sales" title={t('reports.sales.title')} intro={t('reports.sales.intro')} busy={busy}>
      {!data || !charts ? (
        <ReportPending failed={failed} />
      ) : (
        <>
          <FigureCards
            cards={[
              card('revenue', t('reports.sales.revenue'), (f) => f.revenueFen, 'money'),
              card('purchases', t('reports.sales.purchases'), (f) => f.purchases, 'count'),
              card('ticket', t('reports.sales.averageTicket'), (f) => f.averageTicketFen, 'money'),
            ]}
          />
          <div className="report-grid">
            <ReportChartSlot id="sales-revenue" title={t('reports.sales.revenueChart')} note={t('reports.sales.comparedNote')} data={charts.revenue} format={format} />
            <ReportChartSlot id="sales-purchases" title={t('reports.sales.purchasesChart')} note={t('reports.sales.comparedNote')} data={charts.purchases} format={format} />
            <ReportChartSlot id="sales-ticket" title={t('reports.sales.ticketChart')} note={t('reports.sales.comparedNote')} data={charts.ticket} format={format} />
            <ReportChartSlot id="sales-methods" title={t('reports.sales.methodsChart')} note={t('reports.sales.methodsNote')} data={charts.byMethod} format={format} />
          </div>
        </>
      )}
    </ReportSection>
  );
}
