// The tier review (view): the review dates, the customers who would move down with the reason, and the apply step.
import { parseISO } from 'date-fns';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneRegion } from '../../../shared/domain/customer';
import { primaryPhone } from '../../../shared/domain/customer';
import type { StatusSettings } from '../../../shared/domain/customerStatus';
import { formatPhoneForDisplay } from '../../../shared/domain/phone';
import type { PendingDowngrades } from '../../db/tierReview';
import { currentLocale, formatLongDate } from '../../i18n';
import { ConfirmDialog } from '../../ui/Dialog';
import { routeHref } from '../../ui/routes';
import { ScreenHeader } from '../../ui/ScreenHeader';
import { useMoney } from '../../ui/useMoney';
import { groupName, statusMoney, tierReasonText, type StatusWording } from '../status/statusText';
import '../statusRules/statusRules.css';

export type ApplyState = { phase: 'idle' } | { phase: 'applying' } | { phase: 'applied'; waiting: number; changed: number } | { phase: 'failed' };

interface Props {
  status: StatusSettings;
  region: PhoneRegion;
  lastReviewDay: string | null;
  /** null: never reviewed, so the first review is due now. */
  nextReviewDay: string | null;
  due: boolean;
  pending: PendingDowngrades;
  apply: ApplyState;
  busy: boolean;
  onApply: () => void;
}

const dayText = (day: string) => formatLongDate(parseISO(day));

export function TierReviewView({ status, region, lastReviewDay, nextReviewDay, due, pending, apply, busy, onApply }: Props) {
  const { t } = useTranslation();
  const { currency } = useMoney();
  const locale = currentLocale();
  const [confirming, setConfirming] = useState(false);
  const wording: StatusWording = { t, locale, money: statusMoney(currency, locale), status };
  const nameOf = (id: string | null) => (id === null ? '—' : groupName(wording, id));

  return (
    <section aria-labelledby="review-heading" className="tier-review">
      <ScreenHeader
        headingId="review-heading"
        title={t('tierReview.title')}
        intro={t('tierReview.intro')}
        actions={
          <a className="button" href={routeHref({ name: 'statusRules' })}>
            {t('tierReview.editRules')}
          </a>
        }
      />

      <section className="card review-summary" data-testid="review-summary">
        <dl className="field-grid">
          <div className="field-view">
            <dt>{t('tierReview.lastReview')}</dt>
            <dd>{lastReviewDay === null ? t('tierReview.never') : dayText(lastReviewDay)}</dd>
          </div>
          <div className="field-view">
            <dt>{t('tierReview.nextReview')}</dt>
            <dd>
              {nextReviewDay === null ? t('tierReview.dueNow') : dayText(nextReviewDay)}
              {due && nextReviewDay !== null && <span className="review-due-badge">{t('tierReview.due')}</span>}
            </dd>
          </div>
          <div className="field-view">
            <dt>{t('tierReview.waiting')}</dt>
            <dd data-testid="review-count">{t('tierReview.customers', { count: pending.count })}</dd>
          </div>
        </dl>
        {status.grouping === 'rfm' && <p className="hint">{t('tierReview.rfmNote')}</p>}
        <div className="card-actions">
          <button type="button" className="button button-primary" disabled={busy} onClick={() => setConfirming(true)} data-testid="review-apply">
            {pending.count > 0 ? t('tierReview.apply', { count: pending.count }) : t('tierReview.markDone')}
          </button>
        </div>
        <ApplyMessage apply={apply} />
      </section>

      {pending.count === 0 ? (
        <p className="empty-state" data-testid="review-empty">
          {t('tierReview.empty')}
        </p>
      ) : (
        <div className="tier-table-wrap">
          <table className="simple-table review-table" data-testid="review-table">
            <caption className="visually-hidden">{t('tierReview.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customer.fields.name')}</th>
                <th scope="col">{t('customer.fields.phone')}</th>
                <th scope="col">{t('tierReview.from')}</th>
                <th scope="col">{t('tierReview.to')}</th>
                <th scope="col">{t('tierReview.why')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.customers.map((c) => {
                const phone = primaryPhone(c);
                return (
                  <tr key={c.id} data-customer={c.id}>
                    <td>
                      <a href={routeHref({ name: 'customer', id: c.id })}>{c.name}</a>
                    </td>
                    <td className="mono">{phone ? formatPhoneForDisplay(phone, region) : '—'}</td>
                    <td>{nameOf(c.tierId)}</td>
                    <td>{nameOf(c.pendingTierId)}</td>
                    <td className="review-why">{c.pendingTierReason ? tierReasonText(wording, c.pendingTierReason) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {pending.count > pending.customers.length && <p className="hint">{t('tierReview.more', { count: pending.count - pending.customers.length })}</p>}
        </div>
      )}

      {confirming && (
        <ConfirmDialog
          title={t('tierReview.confirmTitle')}
          message={pending.count > 0 ? t('tierReview.confirmMessage', { count: pending.count }) : t('tierReview.confirmEmpty')}
          confirmLabel={t('tierReview.confirm')}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            onApply();
          }}
        />
      )}
    </section>
  );
}

function ApplyMessage({ apply }: { apply: ApplyState }) {
  const { t } = useTranslation();
  switch (apply.phase) {
    case 'idle':
      return null;
    case 'applying':
      return (
        <p className="muted" role="status">
          {t('tierReview.applying')}
        </p>
      );
    case 'applied':
      return (
        <p className="rules-saved" role="status" data-testid="review-applied">
          {t('tierReview.applied', { count: apply.waiting })}
        </p>
      );
    case 'failed':
      return (
        <p className="rules-problems" role="alert">
          {t('tierReview.failed')}
        </p>
      );
    default: {
      const never: never = apply;
      throw new TypeError(`unknown apply state ${String(never)}`);
    }
  }
}
