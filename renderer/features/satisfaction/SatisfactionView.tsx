// The satisfaction figures (view): CSAT and NPS of the period, per month and per tier, each with how many answered
// and a mark under 30, and the loop closed on unhappy answers. Everything comes in as props.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_PERIOD_MONTHS, type CsatFigure, type NpsFigure, type SurveyFigures, type SurveyPeriodMonths } from '../../../shared/domain/surveyScores';
import { ScreenHeader } from '../../ui/ScreenHeader';
import type { ChartData, FormatValue } from '../reports/chart/chartModel';
import { csatText, NO_SCORE, npsText } from './figureText';
import './satisfaction.css';

// The reports' chart (chart.js, its own chunk): CSAT and NPS by month as two lines; the table beside it carries the numbers.
const ReportChart = lazy(() => import('../reports/chart/ReportChart').then((m) => ({ default: m.ReportChart })));

export interface SatisfactionViewProps {
  months: SurveyPeriodMonths;
  onMonthsChange: (months: SurveyPeriodMonths) => void;
  /** undefined while worked out. */
  figures: SurveyFigures | undefined;
  /** A month ('yyyy-MM') and a day (ISO) as the user reads them. */
  monthLabel: (month: string) => string;
  dayLabel: (iso: string) => string;
  tierName: (tierId: string | null) => string;
}

/** "1,234 answers" and, under 30, the mark. */
function Answers({ answers, few }: { answers: number; few: boolean }) {
  const { t } = useTranslation();
  return (
    <span className="sat-answers">
      <span className="sat-count" data-testid="sat-count">
        {t('satisfaction.answers', { count: answers })}
      </span>
      {few && answers > 0 && (
        <span className="sat-few" title={t('satisfaction.fewTitle')} data-testid="sat-few">
          {t('satisfaction.few')}
        </span>
      )}
    </span>
  );
}

function CsatCell({ f }: { f: CsatFigure }) {
  const { t } = useTranslation();
  return (
    <td className="sat-cell" data-testid="sat-csat">
      <span className="sat-value" data-testid="sat-value">
        {csatText(t, f)}
      </span>
      <Answers answers={f.answers} few={f.fewAnswers} />
    </td>
  );
}

function NpsCell({ f }: { f: NpsFigure }) {
  return (
    <td className="sat-cell" data-testid="sat-nps">
      <span className="sat-value" data-testid="sat-value">
        {npsText(f)}
      </span>
      <Answers answers={f.answers} few={f.fewAnswers} />
    </td>
  );
}

export function SatisfactionView({ months, onMonthsChange, figures, monthLabel, dayLabel, tierName }: SatisfactionViewProps) {
  const { t } = useTranslation();
  const loop = figures?.loop;
  const lastDay = figures ? new Date(Date.parse(figures.period.to) - 1).toISOString() : null;
  const monthChart = useMemo<ChartData | null>(
    () =>
      figures
        ? {
            kind: 'line',
            categoryHeader: t('satisfaction.month'),
            categories: figures.months.map((m) => monthLabel(m.month)),
            series: [
              { key: 'csat', label: t('satisfaction.csat'), unit: 'percent', values: figures.months.map((m) => m.csat.score) },
              { key: 'nps', label: t('satisfaction.nps'), unit: 'score', values: figures.months.map((m) => m.nps.score) },
              { key: 'csatAnswers', label: t('satisfaction.csatAnswers'), unit: 'count', values: figures.months.map((m) => m.csat.answers), tableOnly: true },
              { key: 'npsAnswers', label: t('satisfaction.npsAnswers'), unit: 'count', values: figures.months.map((m) => m.nps.answers), tableOnly: true },
            ],
            min: -100,
            max: 100,
          }
        : null,
    [figures, monthLabel, t],
  );
  const chartFormat = useCallback<FormatValue>((unit, value) => (unit === 'percent' ? csatText(t, { score: value }) : unit === 'score' ? npsText({ score: value }) : String(Math.round(value))), [t]);
  return (
    <section className="screen satisfaction" aria-labelledby="satisfaction-title">
      <ScreenHeader
        headingId="satisfaction-title"
        title={t('satisfaction.title')}
        intro={t('satisfaction.intro')}
        filters={
          <div className="sat-periods" role="group" aria-label={t('satisfaction.period')}>
            {SURVEY_PERIOD_MONTHS.map((m) => (
              <button key={m} type="button" className={m === months ? 'chip selected' : 'chip'} aria-pressed={m === months} onClick={() => onMonthsChange(m)} data-testid={`sat-period-${m}`}>
                {t('satisfaction.periodMonths', { count: m })}
              </button>
            ))}
          </div>
        }
        count={
          figures && lastDay ? (
            <span className="muted" data-testid="sat-range">
              {t('satisfaction.periodRange', { from: dayLabel(figures.period.from), to: dayLabel(lastDay) })}
            </span>
          ) : undefined
        }
      />
      {!figures && <p className="muted">{t('satisfaction.loading')}</p>}
      {figures && (
        <>
          <div className="sat-summary">
            <div className="card sat-card" data-testid="sat-total-csat">
              <h2>{t('satisfaction.csat')}</h2>
              <p className="sat-big" data-testid="sat-value">
                {csatText(t, figures.total.csat)}
              </p>
              <p className="muted sat-hint">{t('satisfaction.csatHint')}</p>
              <Answers answers={figures.total.csat.answers} few={figures.total.csat.fewAnswers} />
            </div>
            <div className="card sat-card" data-testid="sat-total-nps">
              <h2>{t('satisfaction.nps')}</h2>
              <p className="sat-big" data-testid="sat-value">
                {npsText(figures.total.nps)}
              </p>
              <p className="muted sat-hint">
                {figures.total.nps.answers > 0
                  ? t('satisfaction.npsBreakdown', { promoters: figures.total.nps.promoters, passives: figures.total.nps.passives, detractors: figures.total.nps.detractors })
                  : t('satisfaction.npsHint')}
              </p>
              <Answers answers={figures.total.nps.answers} few={figures.total.nps.fewAnswers} />
            </div>
            <div className="card sat-card sat-loop" data-testid="sat-loop">
              <h2>{t('satisfaction.loop.title')}</h2>
              {loop && loop.needed > 0 ? (
                <dl className="sat-loop-figures">
                  <div>
                    <dt>{t('satisfaction.loop.inTime')}</dt>
                    <dd>
                      <span className="sat-value" data-testid="sat-in-time">
                        {loop.inTimeShare === null ? NO_SCORE : t('satisfaction.percent', { value: Math.round(loop.inTimeShare) })}
                      </span>{' '}
                      {loop.inTime + loop.late > 0 && (
                        <span className="muted" data-testid="sat-in-time-of">
                          {t('satisfaction.loop.inTimeOf', { done: loop.inTime, decided: loop.inTime + loop.late })}
                        </span>
                      )}
                      {loop.pending > 0 && (
                        <span className="muted sat-pending" data-testid="sat-pending">
                          {t('satisfaction.loop.pending', { count: loop.pending })}
                        </span>
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt title={t('satisfaction.loop.cameBackHint')}>{t('satisfaction.loop.cameBack')}</dt>
                    <dd>
                      <span className="sat-value" data-testid="sat-came-back">
                        {loop.cameBackShare === null ? NO_SCORE : t('satisfaction.percent', { value: Math.round(loop.cameBackShare) })}
                      </span>{' '}
                      {loop.inTime > 0 && (
                        <span className="muted" data-testid="sat-came-back-of">
                          {t('satisfaction.loop.cameBackOf', { back: loop.cameBack, inTime: loop.inTime })}
                        </span>
                      )}
                      <span className="muted sat-hint">{t('satisfaction.loop.cameBackHint')}</span>
                    </dd>
                  </div>
                  {loop.fewAnswers && loop.inTime + loop.late > 0 && <Answers answers={loop.inTime + loop.late} few />}
                </dl>
              ) : (
                <p className="muted">{t('satisfaction.loop.none')}</p>
              )}
              <p className="muted sat-hint">{t('satisfaction.loop.intro')}</p>
            </div>
          </div>

          {figures.total.csat.answers + figures.total.nps.answers === 0 ? (
            <p className="empty-state" data-testid="sat-empty">
              {t('satisfaction.noAnswers')}
            </p>
          ) : (
            <>
              <h2 className="sat-heading">{t('satisfaction.byMonth')}</h2>
              <div className="sat-by-month">
                <table className="simple-table sat-table" data-testid="sat-months">
                  <thead>
                    <tr>
                      <th scope="col">{t('satisfaction.month')}</th>
                      <th scope="col">{t('satisfaction.csat')}</th>
                      <th scope="col">{t('satisfaction.nps')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {figures.months.map((m) => (
                      <tr key={m.month} data-month={m.month}>
                        <th scope="row">{monthLabel(m.month)}</th>
                        <CsatCell f={m.csat} />
                        <NpsCell f={m.nps} />
                      </tr>
                    ))}
                  </tbody>
                </table>
                <Suspense fallback={null}>
                  <ReportChart
                    id="satisfaction"
                    title={t('satisfaction.chart')}
                    data={monthChart!}
                    format={chartFormat}
                    table={false}
                  />
                </Suspense>
              </div>

              <h2 className="sat-heading">{t('satisfaction.byTier')}</h2>
              <table className="simple-table sat-table" data-testid="sat-tiers">
                <thead>
                  <tr>
                    <th scope="col">{t('satisfaction.tier')}</th>
                    <th scope="col">{t('satisfaction.csat')}</th>
                    <th scope="col">{t('satisfaction.nps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {figures.tiers.map((tier) => (
                    <tr key={tier.tierId ?? ''} data-tier={tier.tierId ?? ''}>
                      <th scope="row">{tierName(tier.tierId)}</th>
                      <CsatCell f={tier.csat} />
                      <NpsCell f={tier.nps} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </>
      )}
    </section>
  );
}
