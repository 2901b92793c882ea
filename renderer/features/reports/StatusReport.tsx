// The reports' tiers and stages section (view): how customers are spread over tiers and lifecycle stages today, how
// tiers moved per month (up, down, churned, came back), the RFM grid of recency by frequency, and today's churn risk
// by level with what judged it (the store's model, or today's rule).
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../shared/domain/lifecycle';
import type { StatusReportResult } from '../../../shared/domain/reports';
import type { RfmSegment } from '../../../shared/domain/rfm';
import { ChurnModelNote } from '../churn/ChurnModelNote';
import { churnLevelName } from '../status/statusText';
import type { ChartData, FormatValue } from './chart/chartModel';
import { FigureCards, ReportChartSlot, ReportPending, ReportSection } from './ReportParts';

export interface StatusReportProps {
  /** undefined while worked out. */
  data: StatusReportResult | undefined;
  tierName: (tierId: string) => string;
  stageName: (stage: LifecycleStage) => string;
  segmentName: (segment: RfmSegment) => string;
  monthLabel: (month: string) => string;
  format: FormatValue;
  /** The figures could not be worked out. */
  failed?: boolean;
  /** The figures shown are older than the period chosen (the new ones are being worked out). */
  busy?: boolean;
}

const SCORES = [5, 4, 3, 2, 1] as const;

export function StatusReport({ data, tierName, stageName, segmentName, monthLabel, format, failed, busy }: StatusReportProps) {
  const { t } = useTranslation();
  const charts = useMemo(() => {
    if (!data) return null;
    const customers = t('reports.status.customers');
    const tiers: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.status.tier'),
      categories: data.tiers.map((r) => tierName(r.tierId)),
      series: [{ key: 'customers', label: customers, unit: 'count', values: data.tiers.map((r) => r.customers) }],
    };
    const stages: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.status.stage'),
      categories: data.stages.map((r) => stageName(r.stage)),
      series: [{ key: 'customers', label: customers, unit: 'count', values: data.stages.map((r) => r.customers) }],
    };
    const mv = data.movement;
    const movement: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.month'),
      categories: mv.map((r) => monthLabel(r.month)),
      series: [
        { key: 'up', label: t('reports.status.up'), unit: 'count', values: mv.map((r) => r.up) },
        { key: 'down', label: t('reports.status.down'), unit: 'count', values: mv.map((r) => r.down) },
        { key: 'churned', label: t('reports.status.churned'), unit: 'count', values: mv.map((r) => r.churned) },
        { key: 'back', label: t('reports.status.cameBack'), unit: 'count', values: mv.map((r) => r.cameBack) },
        { key: 'assigned', label: t('reports.status.assigned'), unit: 'count', values: mv.map((r) => r.assigned), tableOnly: true },
        { key: 'other', label: t('reports.status.other'), unit: 'count', values: mv.map((r) => r.other), tableOnly: true },
      ],
    };
    // Recency 5 (came lately) at the top, frequency 1 to 5 left to right; each axis named in words above its scores.
    const rfm: ChartData = {
      kind: 'heatmap',
      unit: 'count',
      rowHeader: t('reports.status.recency'),
      sizeHeader: t('reports.status.customers'),
      columnHeader: t('reports.status.frequency'),
      columns: [1, 2, 3, 4, 5].map((f) => t('reports.status.score', { score: f })),
      rows: SCORES.map((r) => {
        const cells = data.rfm.cells[r - 1] ?? [];
        return { label: t('reports.status.score', { score: r }), size: cells.reduce((a, b) => a + b, 0), cells: [...cells] };
      }),
    };
    const segments: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.status.segment'),
      categories: data.rfm.segments.map((s) => segmentName(s.segment)),
      series: [{ key: 'customers', label: customers, unit: 'count', values: data.rfm.segments.map((s) => s.customers) }],
    };
    const levels = data.risk.levels;
    const risk: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.status.riskLevel'),
      categories: levels.map((l) => churnLevelName(t, l.level)),
      series: [
        { key: 'customers', label: customers, unit: 'count', values: levels.map((l) => l.customers) },
        { key: 'value', label: t('reports.status.valueAtRisk'), unit: 'money', values: levels.map((l) => (l.level === 'high' ? data.risk.highValueFen : null)), tableOnly: true },
      ],
    };
    return { tiers, stages, movement, rfm, segments, risk };
  }, [data, tierName, stageName, segmentName, monthLabel, t]);

  return (
    <ReportSection id="status" title={t('reports.status.title')} intro={t('reports.status.intro')} busy={busy}>
      {!data || !charts ? (
        <ReportPending failed={failed} />
      ) : (
        <>
          <FigureCards
            cards={[
              { id: 'up', label: t('reports.status.up'), value: format('count', data.movement.reduce((n, r) => n + r.up, 0)) },
              { id: 'down', label: t('reports.status.down'), value: format('count', data.movement.reduce((n, r) => n + r.down, 0)) },
              { id: 'unscored', label: t('reports.status.unscored'), value: format('count', data.rfm.unscored) },
              {
                id: 'risk-high',
                label: t('reports.status.riskHigh'),
                value: format('count', data.risk.levels.find((l) => l.level === 'high')?.customers ?? 0),
                notes: [t('churn.totalValue', { amount: format('money', data.risk.highValueFen) })],
              },
              { id: 'risk-watch', label: t('reports.status.riskWatch'), value: format('count', data.risk.levels.find((l) => l.level === 'watch')?.customers ?? 0) },
            ]}
          />
          <ChurnModelNote t={t} model={data.risk.model} className="report-model-note" />
          <div className="report-grid">
            <ReportChartSlot id="status-tiers" title={t('reports.status.tiersChart')} note={t('reports.status.todayNote')} data={charts.tiers} format={format} />
            <ReportChartSlot id="status-stages" title={t('reports.status.stagesChart')} note={t('reports.status.todayNote')} data={charts.stages} format={format} />
            <ReportChartSlot id="status-movement" title={t('reports.status.movementChart')} note={t('reports.status.movementNote')} data={charts.movement} format={format} />
            <ReportChartSlot id="status-rfm" title={t('reports.status.rfmChart')} note={t('reports.status.rfmNote')} data={charts.rfm} format={format} />
            <ReportChartSlot id="status-segments" title={t('reports.status.segmentsChart')} note={t('reports.status.todayNote')} data={charts.segments} format={format} />
            <ReportChartSlot
              id="status-risk"
              title={t('reports.status.riskChart')}
              note={`${t('reports.status.todayNote')} ${t(data.risk.model?.kind === 'fitted' ? 'churnModel.valueHint' : 'churn.valueHint')}`}
              data={charts.risk}
              format={format}
            />
          </div>
        </>
      )}
    </ReportSection>
  );
}
