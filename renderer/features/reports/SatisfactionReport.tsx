// The reports' satisfaction section (view): CSAT and NPS per month with their answers, complaints per period (the
// picker's day, week or month) against the customers served, and the time to resolve them.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComplaintFigures } from '../../../shared/domain/complaint';
import type { ComplaintPeriodRow, ReportGrain } from '../../../shared/domain/reports';
import type { SurveyFigures } from '../../../shared/domain/surveyScores';
import type { ChartData, FormatValue } from './chart/chartModel';
import { FigureCards, ReportChartSlot, ReportPending, ReportSection } from './ReportParts';

export interface SatisfactionReportData {
  survey: SurveyFigures;
  /** The grain of the complaint periods. */
  grain: ReportGrain;
  /** Per period of the window (complaintsByPeriod); the rate is null where no customer was served or the customers served are not known. */
  complaintPeriods: ComplaintPeriodRow[];
  /** The whole window (complaintsOfWindow). */
  complaints: ComplaintFigures;
}

export interface SatisfactionReportProps {
  /** undefined while worked out. */
  data: SatisfactionReportData | undefined;
  /** A period's key (of the grain) in words, marked when the period is cut at today. */
  periodLabel: (key: string, grain: ReportGrain, partial: boolean) => string;
  monthLabel: (month: string) => string;
  format: FormatValue;
  /** The figures could not be worked out. */
  failed?: boolean;
  /** The figures shown are older than the period chosen (the new ones are being worked out). */
  busy?: boolean;
}

const NONE = '—';

export function SatisfactionReport({ data, periodLabel, monthLabel, format, failed, busy }: SatisfactionReportProps) {
  const { t } = useTranslation();
  const charts = useMemo(() => {
    if (!data) return null;
    const months = data.survey.months;
    const scores: ChartData = {
      kind: 'line',
      categoryHeader: t('reports.month'),
      categories: months.map((m) => monthLabel(m.month)),
      series: [
        { key: 'csat', label: t('reports.satisfaction.csat'), unit: 'percent', values: months.map((m) => m.csat.score) },
        { key: 'nps', label: t('reports.satisfaction.nps'), unit: 'score', values: months.map((m) => m.nps.score) },
        { key: 'csatAnswers', label: t('reports.satisfaction.csatAnswers'), unit: 'count', values: months.map((m) => m.csat.answers), tableOnly: true },
        { key: 'npsAnswers', label: t('reports.satisfaction.npsAnswers'), unit: 'count', values: months.map((m) => m.nps.answers), tableOnly: true },
      ],
      min: -100,
      max: 100,
    };
    const cm = data.complaintPeriods;
    const periods = cm.map((m) => periodLabel(m.period, data.grain, m.partial));
    const complaints: ChartData = {
      kind: 'bar',
      categoryHeader: t('reports.period'),
      categories: periods,
      series: [
        { key: 'received', label: t('reports.satisfaction.received'), unit: 'count', values: cm.map((m) => m.received) },
        { key: 'rate', label: t('reports.satisfaction.rate'), unit: 'percent', values: cm.map((m) => m.ratePer100), tableOnly: true },
        { key: 'resolved', label: t('reports.satisfaction.resolved'), unit: 'count', values: cm.map((m) => m.resolved), tableOnly: true },
      ],
    };
    const resolve: ChartData = {
      kind: 'line',
      categoryHeader: t('reports.period'),
      categories: periods,
      series: [
        { key: 'median', label: t('reports.satisfaction.medianHours'), unit: 'hours', values: cm.map((m) => m.medianHoursToResolve) },
        { key: 'inTime', label: t('reports.satisfaction.inTime'), unit: 'percent', values: cm.map((m) => (m.inTimeShare === null ? null : m.inTimeShare * 100)), tableOnly: true },
      ],
    };
    return { scores, complaints, resolve };
  }, [data, periodLabel, monthLabel, t]);

  return (
    <ReportSection id="satisfaction" title={t('reports.satisfaction.title')} intro={t('reports.satisfaction.intro')} busy={busy}>
      {!data || !charts ? (
        <ReportPending failed={failed} />
      ) : (
        <>
          <FigureCards
            cards={[
              {
                id: 'csat',
                label: t('reports.satisfaction.csat'),
                value: data.survey.total.csat.score === null ? NONE : format('percent', data.survey.total.csat.score),
                notes: [t('reports.satisfaction.answers', { count: data.survey.total.csat.answers }), data.survey.total.csat.fewAnswers && data.survey.total.csat.answers > 0 ? t('reports.satisfaction.few') : null],
              },
              {
                id: 'nps',
                label: t('reports.satisfaction.nps'),
                value: data.survey.total.nps.score === null ? NONE : format('score', data.survey.total.nps.score),
                notes: [t('reports.satisfaction.answers', { count: data.survey.total.nps.answers }), data.survey.total.nps.fewAnswers && data.survey.total.nps.answers > 0 ? t('reports.satisfaction.few') : null],
              },
              {
                id: 'complaint-rate',
                label: t('reports.satisfaction.rate'),
                value: data.complaints.ratePer100 === null ? NONE : format('percent', data.complaints.ratePer100),
                notes: [t('reports.satisfaction.rateOf', { received: data.complaints.received, served: data.complaints.customersServed })],
              },
              {
                id: 'resolve',
                label: t('reports.satisfaction.medianHours'),
                value: data.complaints.medianHoursToResolve === null ? NONE : format('hours', data.complaints.medianHoursToResolve),
                notes: [
                  data.complaints.inTimeShare === null
                    ? null
                    : t('reports.satisfaction.inTimeOf', { share: format('percent', data.complaints.inTimeShare * 100), done: data.complaints.resolvedInTime, decided: data.complaints.decided }),
                ],
              },
            ]}
          />
          <div className="report-grid">
            <ReportChartSlot id="satisfaction-scores" title={t('reports.satisfaction.scoresChart')} note={t('reports.satisfaction.scoresNote')} data={charts.scores} format={format} />
            <ReportChartSlot id="satisfaction-complaints" title={t('reports.satisfaction.complaintsChart')} note={t('reports.satisfaction.complaintsNote')} data={charts.complaints} format={format} />
            <ReportChartSlot id="satisfaction-resolve" title={t('reports.satisfaction.resolveChart')} note={t('reports.satisfaction.resolveNote')} data={charts.resolve} format={format} />
          </div>
        </>
      )}
    </ReportSection>
  );
}
