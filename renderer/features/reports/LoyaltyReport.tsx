// The reports' loyalty section (view): points issued, redeemed and expired per month with the store's balance at
// each month's end, and the outstanding points as a liability at the owner's redemption rate.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyReportResult, PointsTotals } from '../../../shared/domain/reports';
import type { ChartData, FormatValue } from './chart/chartModel';
import { changeText } from './reportFormat';
import { FigureCards, ReportChartSlot, ReportPending, ReportSection, type FigureCard } from './ReportParts';

export interface LoyaltyReportProps {
  /** undefined while worked out. */
  data: LoyaltyReportResult | undefined;
  monthLabel: (month: string) => string;
  format: FormatValue;
  /** The figures could not be worked out. */
  failed?: boolean;
  /** The figures shown are older than the period chosen (the new ones are being worked out). */
  busy?: boolean;
}

export function LoyaltyReport({ data, monthLabel, format, failed, busy }: LoyaltyReportProps) {
  const { t } = useTranslation();
  const charts = useMemo(() => {
    if (!data) return null;
    const m = data.months;
    const categories = m.map((r) => monthLabel(r.month));
    const movement: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.month'),
      categories,
      series: [
        { key: 'issued', label: t('reports.loyalty.issued'), unit: 'points', values: m.map((r) => r.issued) },
        { key: 'redeemed', label: t('reports.loyalty.redeemed'), unit: 'points', values: m.map((r) => r.redeemed) },
        { key: 'expired', label: t('reports.loyalty.expired'), unit: 'points', values: m.map((r) => r.expired) },
        { key: 'adjusted', label: t('reports.loyalty.adjusted'), unit: 'points', values: m.map((r) => r.adjusted), tableOnly: true },
      ],
    };
    const balance: ChartData = {
      kind: 'line',
      categoryHeader: t('reports.month'),
      categories,
      series: [{ key: 'balance', label: t('reports.loyalty.balance'), unit: 'points', values: m.map((r) => r.balanceAtEnd) }],
    };
    return { movement, balance };
  }, [data, monthLabel, t]);

  const cards = (): FigureCard[] => {
    if (!data) return [];
    const { current, previous, lastYear } = data.totals;
    const card = (id: keyof PointsTotals, label: string): FigureCard => {
      const pct = (base: number) => (base === 0 ? null : ((current[id] - base) / Math.abs(base)) * 100);
      const a = changeText(t, pct(previous[id]));
      const b = changeText(t, pct(lastYear[id]));
      return { id, label, value: format('points', current[id]), notes: [a && t('reports.vsPrevious', { change: a }), b && t('reports.vsLastYear', { change: b })] };
    };
    const l = data.liability;
    return [
      card('issued', t('reports.loyalty.issued')),
      card('redeemed', t('reports.loyalty.redeemed')),
      card('expired', t('reports.loyalty.expired')),
      {
        id: 'liability',
        label: t('reports.loyalty.liability'),
        value: format('money', l.liabilityFen),
        notes: [t('reports.loyalty.outstanding', { points: l.outstandingPoints, customers: l.customersWithPoints }), t('reports.loyalty.expiringSoon', { points: l.expiringSoonPoints })],
      },
    ];
  };

  return (
    <ReportSection id="loyalty" title={t('reports.loyalty.title')} intro={t('reports.loyalty.intro')} busy={busy}>
      {!data || !charts ? (
        <ReportPending failed={failed} />
      ) : (
        <>
          <FigureCards cards={cards()} />
          <div className="report-grid">
            <ReportChartSlot id="loyalty-points" title={t('reports.loyalty.pointsChart')} note={t('reports.loyalty.pointsNote')} data={charts.movement} format={format} />
            <ReportChartSlot id="loyalty-balance" title={t('reports.loyalty.balanceChart')} note={t('reports.loyalty.balanceNote')} data={charts.balance} format={format} />
          </div>
        </>
      )}
    </ReportSection>
  );
}
