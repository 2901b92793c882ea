// The reports (view): the period picker (grain and how many periods), the print button, and each section, from props.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_GRAINS, type ReportGrain } from '../../../shared/domain/reports';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { REPORT_SPANS, type ReportChoice } from './reportPeriod';
import './reports.css';

export interface ReportsViewProps {
  choice: ReportChoice;
  onChoiceChange: (choice: ReportChoice) => void;
  /** The window's first and last day, worded. */
  range: { from: string; to: string };
  /** When the page is printed, worded (the printed header says it). */
  printedOn: string;
  onPrint: () => void;
  /** The sections, in order. */
  children: ReactNode;
}

export function ReportsView({ choice, onChoiceChange, range, printedOn, onPrint, children }: ReportsViewProps) {
  const { t } = useTranslation();
  const grainOf = (grain: ReportGrain): ReportChoice => ({ grain, span: REPORT_SPANS[grain][0]! });
  return (
    <section className="screen reports-screen" aria-labelledby="reports-title">
      <ScreenHeader
        headingId="reports-title"
        title={t('reports.title')}
        intro={t('reports.intro')}
        filters={
          <>
            <div className="report-grains" role="group" aria-label={t('reports.grain.label')}>
              {REPORT_GRAINS.map((g) => (
                <button key={g} type="button" className={g === choice.grain ? 'chip selected' : 'chip'} aria-pressed={g === choice.grain} onClick={() => onChoiceChange(grainOf(g))} data-testid={`report-grain-${g}`}>
                  {t(`reports.grain.${g}`)}
                </button>
              ))}
            </div>
            <label className="report-span">
              <span>{t('reports.span.label')}</span>
              <select value={choice.span} onChange={(e) => onChoiceChange({ grain: choice.grain, span: Number(e.target.value) })} data-testid="report-span">
                {[...REPORT_SPANS[choice.grain]]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={n}>
                      {t(`reports.span.${choice.grain}`, { count: n })}
                    </option>
                  ))}
              </select>
            </label>
          </>
        }
        count={
          <span className="muted report-range" data-testid="report-range">
            {t('reports.range', { from: range.from, to: range.to })}
          </span>
        }
        actions={
          <button type="button" className="button" onClick={onPrint} data-testid="report-print">
            {t('reports.print')}
          </button>
        }
      />
      <p className="report-print-head" aria-hidden="true">
        {t('reports.printHead', { app: t('app.name'), from: range.from, to: range.to, printed: printedOn })}
      </p>
      {children}
    </section>
  );
}
