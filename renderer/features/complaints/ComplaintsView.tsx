// The complaints screen (view): the figures at the top, the filters, and the list (open ones by due date, overdue
// highlighted; or the latest, closed ones too). Props only; ComplaintsScreen reads the database.
import { useTranslation } from 'react-i18next';
import { isOverdue, type ComplaintFigures } from '../../../shared/domain/complaint';
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATES, type Complaint, type ComplaintCategory, type ComplaintSeverity, type ComplaintState } from '../../../shared/domain/complaintRecords';
import type { Customer } from '../../../shared/domain/customer';
import { formatDateTime } from '../../i18n';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { durationText, percentText, rateText, stateText } from './complaintText';

export const FIGURE_PERIODS = [30, 90, 365] as const;

export interface ComplaintFilters {
  /** 'open': every state but closed (by due date); 'all': the latest, closed too. */
  state: 'open' | 'all' | ComplaintState;
  category: ComplaintCategory | null;
  severity: ComplaintSeverity | null;
}

export const OPEN_FILTERS: ComplaintFilters = { state: 'open', category: null, severity: null };

/** The complaints the filters keep, in the order given. */
export function filterComplaints(rows: readonly Complaint[], f: ComplaintFilters): Complaint[] {
  return rows.filter((c) => (f.state === 'open' || f.state === 'all' || c.state === f.state) && (f.category === null || c.category === f.category) && (f.severity === null || c.severity === f.severity));
}

interface Props {
  figures: (ComplaintFigures & { days: number }) | undefined;
  days: number;
  onDaysChange: (days: number) => void;
  filters: ComplaintFilters;
  onFiltersChange: (filters: ComplaintFilters) => void;
  /** undefined while loading. */
  rows: Complaint[] | undefined;
  customers: Map<string, Customer>;
  capped: boolean;
  now: Date;
  onOpen: (id: string) => void;
}

export function ComplaintsView({ figures, days, onDaysChange, filters, onFiltersChange, rows, customers, capped, now, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const none = t('complaints.figures.none');
  const filtered = rows === undefined ? undefined : filterComplaints(rows, filters);
  return (
    <section className="complaints-screen" aria-labelledby="complaints-heading" data-testid="complaints-screen">
      <ScreenHeader
        headingId="complaints-heading"
        title={t('complaints.title')}
        intro={t('complaints.subtitle')}
        filters={
          <>
            <label className="inline-field">
              <span>{t('complaints.filters.state')}</span>
              <select value={filters.state} onChange={(e) => onFiltersChange({ ...filters, state: e.target.value as ComplaintFilters['state'] })} data-testid="complaints-filter-state">
                <option value="open">{t('complaints.filters.open')}</option>
                <option value="all">{t('complaints.filters.all')}</option>
                {COMPLAINT_STATES.map((s) => (
                  <option key={s} value={s}>
                    {stateText(t, s)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>{t('complaints.filters.category')}</span>
              <select value={filters.category ?? ''} onChange={(e) => onFiltersChange({ ...filters, category: COMPLAINT_CATEGORIES.find((c) => c === e.target.value) ?? null })} data-testid="complaints-filter-category">
                <option value="">{t('complaints.filters.anyCategory')}</option>
                {COMPLAINT_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t(`complaints.category.${c}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="inline-field">
              <span>{t('complaints.filters.severity')}</span>
              <select value={filters.severity ?? ''} onChange={(e) => onFiltersChange({ ...filters, severity: COMPLAINT_SEVERITIES.find((s) => s === e.target.value) ?? null })} data-testid="complaints-filter-severity">
                <option value="">{t('complaints.filters.anySeverity')}</option>
                {COMPLAINT_SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`complaints.severity.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </>
        }
        count={
          filtered && (
            <span className="muted" data-testid="complaints-count">
              {t('complaints.list.count', { count: filtered.length })}
              {capped ? ` · ${t('complaints.list.capped', { count: filtered.length })}` : ''}
            </span>
          )
        }
      />
      <div className="complaint-figures" role="group" aria-label={t('complaints.figures.label')} data-testid="complaint-figures">
        <label className="inline-field complaint-period">
          <span>{t('complaints.figures.period')}</span>
          <select value={days} onChange={(e) => onDaysChange(Number(e.target.value))} data-testid="complaints-period">
            {FIGURE_PERIODS.map((d) => (
              <option key={d} value={d}>
                {t('complaints.figures.days', { count: d })}
              </option>
            ))}
          </select>
        </label>
        <div className="card complaint-figure" data-testid="figure-rate">
          <h2>{t('complaints.figures.rate')}</h2>
          <p className="figure-value">{figures?.ratePer100 != null ? t('complaints.figures.rateValue', { rate: rateText(figures.ratePer100, locale) }) : none}</p>
          <p className="hint">{figures ? t('complaints.figures.rateBasis', { complaints: figures.received, customers: figures.customersServed }) : ''}</p>
        </div>
        <div className="card complaint-figure" data-testid="figure-median">
          <h2>{t('complaints.figures.median')}</h2>
          <p className="figure-value">{figures?.medianHoursToResolve != null ? durationText(t, figures.medianHoursToResolve, locale) : none}</p>
          <p className="hint">{figures ? t('complaints.figures.medianBasis', { count: figures.resolved }) : ''}</p>
        </div>
        <div className="card complaint-figure" data-testid="figure-in-time">
          <h2>{t('complaints.figures.inTime')}</h2>
          <p className="figure-value">{figures?.inTimeShare != null ? percentText(figures.inTimeShare, locale) : none}</p>
          <p className="hint">{figures ? t('complaints.figures.inTimeBasis', { inTime: figures.resolvedInTime, decided: figures.decided }) : ''}</p>
        </div>
        <p className="hint complaint-served-note">{t('complaints.figures.servedNote')}</p>
      </div>
      {filtered === undefined ? (
        <div className="loading" aria-busy="true" />
      ) : filtered.length === 0 ? (
        <p className="muted complaints-empty" data-testid="complaints-empty">
          {t(filters.state === 'open' && filters.category === null && filters.severity === null ? 'complaints.list.empty' : 'complaints.list.emptyFiltered')}
        </p>
      ) : (
        <table className="complaints-table" data-testid="complaints-table">
          <thead>
            <tr>
              <th scope="col">{t('complaints.list.due')}</th>
              <th scope="col">{t('complaints.list.customer')}</th>
              <th scope="col">{t('complaints.list.category')}</th>
              <th scope="col">{t('complaints.list.severity')}</th>
              <th scope="col">{t('complaints.list.state')}</th>
              <th scope="col">{t('complaints.list.received')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('complaints.list.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {filtered.map((c) => {
              const late = isOverdue(c, now);
              return (
                <tr key={c.id} className={late ? 'complaint-row overdue' : 'complaint-row'} data-testid="complaint-row" data-state={c.state} data-overdue={late ? 'true' : 'false'}>
                  <td>
                    {formatDateTime(c.dueAt)}
                    {late && (
                      <span className="complaint-overdue" data-testid="complaint-overdue">
                        {t('complaints.list.overdue')}
                      </span>
                    )}
                  </td>
                  <td>{customers.get(c.customerId)?.name ?? ''}</td>
                  <td>{t(`complaints.category.${c.category}`)}</td>
                  <td>
                    <span className={`complaint-severity ${c.severity}`}>{t(`complaints.severity.${c.severity}`)}</span>
                  </td>
                  <td>{stateText(t, c.state)}</td>
                  <td>{formatDateTime(c.receivedAt)}</td>
                  <td>
                    <button type="button" className="button button-small" onClick={() => onOpen(c.id)} data-testid="complaint-open">
                      {t('complaints.list.open')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
