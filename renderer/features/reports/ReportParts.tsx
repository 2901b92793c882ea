// What every report section is built from (props only): the section with its heading, a row of figure cards, and
// the charts loaded in their own chunk (chart.js).
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportChartProps } from './chart/ReportChart';

const LazyReportChart = lazy(() => import('./chart/ReportChart').then((m) => ({ default: m.ReportChart })));

export function ReportChartSlot(props: ReportChartProps) {
  return (
    <Suspense fallback={<div className="report-chart report-chart-loading" aria-busy="true" style={{ minHeight: (props.height ?? 260) + 60 }} />}>
      <LazyReportChart {...props} />
    </Suspense>
  );
}

/** `busy`: the figures shown are the last period's while the new ones are worked out (dimmed). */
export function ReportSection({ id, title, intro, busy, children }: { id: string; title: string; intro?: string; busy?: boolean; children: ReactNode }) {
  return (
    <section className={busy ? 'report-section busy' : 'report-section'} aria-labelledby={`report-${id}-title`} aria-busy={busy || undefined} data-testid={`report-${id}`}>
      <h2 id={`report-${id}-title`}>{title}</h2>
      {intro && <p className="muted report-section-intro">{intro}</p>}
      {children}
    </section>
  );
}

export interface FigureCard {
  id: string;
  label: string;
  value: string;
  /** Lines under the value: the count behind it, the change against the periods compared. */
  notes?: (string | null)[];
}

export function FigureCards({ cards }: { cards: FigureCard[] }) {
  return (
    <dl className="report-cards">
      {cards.map((c) => (
        <div key={c.id} className="report-card" data-testid={`report-card-${c.id}`}>
          <dt>{c.label}</dt>
          <dd className="report-card-value" data-testid="report-card-value">
            {c.value}
          </dd>
          {c.notes
            ?.filter((n): n is string => n !== null)
            .map((n, i) => (
              <dd key={i} className="muted report-card-note">
                {n}
              </dd>
            ))}
        </div>
      ))}
    </dl>
  );
}

/** What a section shows before its figures: working them out, or that they could not be worked out. */
export function ReportPending({ failed }: { failed?: boolean }) {
  const { t } = useTranslation();
  return failed ? (
    <p className="report-failed" role="alert" data-testid="report-failed">
      {t('reports.failed')}
    </p>
  ) : (
    <p className="muted">{t('reports.loading')}</p>
  );
}
