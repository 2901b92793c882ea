// The clerk's day (view): today's and overdue care reminders, grouped by kind with counts, each with the
// customer, the reason in words and the actions (done, snooze, dismiss). Everything comes in as props.
import { Fragment } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import { REMINDER_KINDS, type DueReminder, type ReminderKind, type SnoozeChoice } from '../../../shared/domain/reminders';
import { ScreenHeader } from '../../ui/ScreenHeader';
import type { CareSummary } from './careClient';
import { kindLabel, reasonText, type CareWords } from './careText';
import { SnoozeSelect } from './SnoozeSelect';
import './care.css';

export interface TodayViewProps {
  summary: CareSummary | null;
  failed: boolean;
  /** The kind shown, or null for all. */
  kind: ReminderKind | null;
  onKindChange: (kind: ReminderKind | null) => void;
  /** The reminders shown so far (pages of the list), and how many there are of the kind. */
  reminders: DueReminder[] | undefined;
  total: number;
  onShowMore: () => void;
  customers: Map<string, Customer> | undefined;
  words: CareWords;
  /** Keys of reminders whose action is being written. */
  busy: ReadonlySet<string>;
  onOpenCustomer: (customerId: string) => void;
  onDone: (r: DueReminder) => void;
  /** Opens the greeting for a customer's reminder (sending it logs the contact and marks the reminder done). */
  onGreet: (r: DueReminder) => void;
  /** Opens a new complaint with a survey follow-up's answer attached. */
  onNewComplaint: (r: DueReminder) => void;
  /** The suggested greeting for a customer's reminder, filled for them; null while their record loads. */
  suggestion: (r: DueReminder) => string | null;
  onSnooze: (r: DueReminder, choice: SnoozeChoice) => void;
  onDismiss: (r: DueReminder) => void;
  /** What the last action said (a failure in words), or null. */
  status: string | null;
}

export function TodayView(props: TodayViewProps) {
  const { summary, failed, kind, onKindChange, reminders, total, onShowMore, customers, words, busy, status } = props;
  const { t } = words;
  const today = summary?.today ?? '';
  return (
    <section className="screen care-today" aria-labelledby="today-title">
      <ScreenHeader
        headingId="today-title"
        title={t('care.today.title')}
        intro={summary ? t('care.today.intro', { count: summary.total, overdue: summary.byTiming.overdue }) : t('care.today.loading')}
      />
      {failed && (
        <p className="banner banner-error" role="alert">
          {t('care.today.failed')}
        </p>
      )}
      {summary && summary.unknownHolidayYears.length > 0 && (
        <p className="banner banner-warning" data-testid="holidays-unknown">
          {t('care.today.holidaysUnknown', { years: summary.unknownHolidayYears.join(t('care.listSeparator')) })}
        </p>
      )}
      {summary && (
        <div className="care-kinds" role="group" aria-label={t('care.today.kinds')}>
          <button type="button" className={kind === null ? 'chip selected' : 'chip'} aria-pressed={kind === null} onClick={() => onKindChange(null)} data-testid="care-kind-all">
            {t('care.today.all')} <span className="chip-count">{words.count(summary.total)}</span>
          </button>
          {REMINDER_KINDS.map((k) => (
            <button key={k} type="button" className={kind === k ? 'chip selected' : 'chip'} aria-pressed={kind === k} onClick={() => onKindChange(k)} data-testid={`care-kind-${k}`}>
              {kindLabel(t, k)} <span className="chip-count">{words.count(summary.byKind[k])}</span>
            </button>
          ))}
        </div>
      )}
      {status && (
        <p className="banner banner-ok" role="status">
          {status}
        </p>
      )}
      {summary && reminders && reminders.length === 0 && (
        <div className="care-empty">
          <p className="muted">{t(kind === null ? 'care.today.empty' : 'care.today.emptyKind')}</p>
          {kind === null && (
            <a className="button" href="#/customers" data-testid="care-to-customers">
              {t('care.today.toCustomers')}
            </a>
          )}
        </div>
      )}
      <ul className="care-list">
        {reminders?.map((r, i) => {
          const customer = r.customerId ? customers?.get(r.customerId) : undefined;
          const working = busy.has(r.key);
          // A complaint's reminder, or a survey follow-up a complaint was opened from, links to the complaint.
          const complaintId = r.detail.kind === 'complaint' || r.detail.kind === 'survey-follow-up' ? r.detail.complaintId : null;
          // All kinds shown: each kind's first card carries the group's heading (the list comes grouped).
          const heading = kind === null && summary && (i === 0 || reminders[i - 1]!.kind !== r.kind);
          return (
            <Fragment key={r.key}>
              {heading && (
                <li className="care-group">
                  <h2 className="care-group-heading" data-testid="care-group-heading">
                    {t('care.today.group', { kind: kindLabel(t, r.kind), count: summary.byKind[r.kind] })}
                  </h2>
                </li>
              )}
              <li className={`care-item ${r.timing}`} data-testid="care-item" data-kind={r.kind} data-key={r.key}>
                <div className="care-item-main">
                  <div className="care-item-head">
                    <span className={`care-kind-tag ${r.kind}`}>{kindLabel(t, r.kind)}</span>
                    {r.timing === 'overdue' && <span className="care-overdue">{t('care.today.overdue')}</span>}
                    {r.customerId ? (
                      <a
                        href={`#/customers/${encodeURIComponent(r.customerId)}`}
                        className="care-customer"
                        onClick={(e) => {
                          e.preventDefault();
                          props.onOpenCustomer(r.customerId!);
                        }}
                        data-testid="care-customer"
                      >
                        {customer?.name ?? t('care.today.customerLoading')}
                      </a>
                    ) : (
                      <span className="care-customer store-wide">{t('care.today.storeWide')}</span>
                    )}
                  </div>
                  <p className="care-reason" data-testid="care-reason">
                    {today ? reasonText(words, r, today) : ''}
                  </p>
                  {r.customerId && r.detail.kind !== 'complaint' && props.suggestion(r) && (
                    <p className="care-suggestion muted" data-testid="care-suggestion">
                      {t('care.today.suggestion', { text: props.suggestion(r) })}
                    </p>
                  )}
                </div>
                <div className="care-actions">
                  {complaintId !== null ? (
                    <a className="button button-small" href={`#/complaints/${encodeURIComponent(complaintId)}`} data-testid="care-open-complaint">
                      {t('complaints.reminder.open')}
                    </a>
                  ) : r.detail.kind === 'survey-follow-up' ? (
                    <button type="button" className="button button-small" disabled={working || !customer} onClick={() => props.onNewComplaint(r)} data-testid="care-new-complaint">
                      {t('satisfaction.today.newComplaint')}
                    </button>
                  ) : (
                    r.customerId && (
                      <button type="button" className="button button-small" disabled={working || !customer} onClick={() => props.onGreet(r)} data-testid="care-greet">
                        {t('care.actions.greet')}
                      </button>
                    )
                  )}
                  <button type="button" className="button button-primary button-small" disabled={working} onClick={() => props.onDone(r)} data-testid="care-done">
                    {t(r.customerId ? 'care.actions.doneContact' : 'care.actions.done')}
                  </button>
                  <span className="care-snooze">
                    <SnoozeSelect t={t} label={t('care.actions.snooze')} disabled={working} onChoose={(choice) => props.onSnooze(r, choice)} testId="care-snooze" />
                  </span>
                  <button type="button" className="button button-small" disabled={working} onClick={() => props.onDismiss(r)} data-testid="care-dismiss">
                    {t('care.actions.dismiss')}
                  </button>
                </div>
              </li>
            </Fragment>
          );
        })}
      </ul>
      {reminders && reminders.length < total && (
        <button type="button" className="button care-more" onClick={onShowMore} data-testid="care-more">
          {t('care.today.more', { count: total - reminders.length })}
        </button>
      )}
    </section>
  );
}
