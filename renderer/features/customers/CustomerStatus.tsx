// A customer's status on their page: the tier with its benefits (and a downgrade waiting for the
// review), the lifecycle stage, the churn risk with its reason, the RFM score; and the tier history.
import { parseISO } from 'date-fns';
import { useState } from 'react';
import type { Customer } from '../../../shared/domain/customer';
import type { TierHistoryEntry } from '../../../shared/domain/customerStatus';
import { statusGroupOf } from '../../../shared/domain/statusGroups';
import { formatLongDate } from '../../i18n';
import { RiskBadge, StageBadge, TierBadge } from '../status/StatusBadges';
import {
  benefitsTexts,
  churnReasonText,
  expectedVisitsText,
  isModelChurnReason,
  pendingTierText,
  rfmDigits,
  rfmScoreText,
  stageHint,
  tierMoveNames,
  tierReasonText,
  type StatusWording,
} from '../status/statusText';
import './customers.css';

const longDate = (isoOrDay: string) => formatLongDate(parseISO(isoOrDay));

interface StatusCardProps {
  customer: Customer;
  wording: StatusWording;
  /** When the customer's current tier began (the newest history entry into it); null when unknown. */
  tierSince: string | null;
  /** 'yyyy-MM-dd' of the next tier review, when one is scheduled. */
  nextReviewDay: string | null;
}

export function CustomerStatusCard({ customer, wording, tierSince, nextReviewDay }: StatusCardProps) {
  const { t } = wording;
  const benefits = statusGroupOf(wording.status, customer.tierId)?.benefits ?? null;
  const pending = customer.pendingTierId ?? null;
  const rfm = rfmDigits(customer.rfmScore);
  const riskReason = churnReasonText(wording, customer.churnReason);
  const expectedVisits = expectedVisitsText(wording, customer.churnReason);
  return (
    <section className="card customer-status" aria-labelledby="status-heading" data-testid="customer-status">
      <div className="customer-status-head">
        <h2 id="status-heading">{t('customer.status.title')}</h2>
        <span className="hint">{t('customer.status.asOf', { date: longDate(customer.statusAsOf) })}</span>
      </div>
      <dl className="status-grid">
        <div className="status-item status-item-tier">
          <dt>{t('status.tier')}</dt>
          <dd>
            <div className="status-line">
              <TierBadge tierId={customer.tierId} wording={wording} testId="status-tier" />
              {tierSince && <span className="hint">{t('customer.status.since', { date: longDate(tierSince) })}</span>}
            </div>
            {benefits && (
              <p className="status-text" data-testid="status-benefits">
                <span className="muted">
                  {t('status.benefits.title')}
                  {t('common.colon')}
                </span>
                {benefitsTexts(wording, benefits).join(' · ')}
              </p>
            )}
            {pending && (
              <p className="status-pending" data-testid="status-pending">
                <strong>{pendingTierText(wording, pending, nextReviewDay === null ? null : longDate(nextReviewDay))}</strong>
                {customer.pendingTierReason && <span className="hint">{tierReasonText(wording, customer.pendingTierReason)}</span>}
              </p>
            )}
          </dd>
        </div>
        <div className="status-item">
          <dt>{t('status.stage')}</dt>
          <dd>
            <div className="status-line">
              <StageBadge stage={customer.lifecycleStage} testId="status-stage" />
            </div>
            <p className="status-text hint">{stageHint(t, customer.lifecycleStage)}</p>
          </dd>
        </div>
        <div className="status-item status-item-risk">
          <dt>{t('status.risk')}</dt>
          <dd>
            <div className="status-line">
              <RiskBadge level={customer.churnLevel} reason={riskReason} testId="status-risk" />
              {customer.churnLevel !== 'none' && customer.valueAtRiskFen > 0 && (
                <span className="hint" title={t(isModelChurnReason(customer.churnReason) ? 'churnModel.valueHint' : 'churn.valueHint')}>
                  {t('customer.status.valueAtRisk', { amount: wording.money(customer.valueAtRiskFen) })}
                </span>
              )}
            </div>
            <p className="status-text" data-testid="status-risk-reason">
              {riskReason}
            </p>
            {expectedVisits !== null && (
              <p className="status-text hint" data-testid="status-expected-visits">
                {expectedVisits}
              </p>
            )}
          </dd>
        </div>
        {rfm && (
          <div className="status-item status-item-rfm">
            <dt>{t('status.rfmScore')}</dt>
            <dd>
              <span className="rfm-score" title={rfmScoreText(t, rfm)} data-testid="status-rfm">
                {(['r', 'f', 'm'] as const).map((k) => (
                  <span className="rfm-digit" key={k} aria-hidden="true">
                    <span className="rfm-letter">{t(`status.rfm.letters.${k}`)}</span>
                    {rfm[k]}
                  </span>
                ))}
                <span className="visually-hidden">{rfmScoreText(t, rfm)}</span>
              </span>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Entries shown before "show all": the latest few say how the customer got here. */
const HISTORY_PREVIEW = 5;

export function TierHistoryCard({ history, wording }: { history: TierHistoryEntry[] | undefined; wording: StatusWording }) {
  const { t } = wording;
  const [showAll, setShowAll] = useState(false);
  const shown = history && (showAll ? history : history.slice(0, HISTORY_PREVIEW));
  return (
    <section className="card tier-history" aria-labelledby="tier-history-heading" data-testid="tier-history">
      <h2 id="tier-history-heading">{t('customer.status.history')}</h2>
      {history === undefined ? null : history.length === 0 ? (
        <p className="muted">{t('customer.status.historyEmpty')}</p>
      ) : (
        <ol className="tier-history-list">
          {shown!.map((entry) => {
            const names = tierMoveNames(wording, entry);
            return (
              <li key={entry.id} className="tier-history-item" data-testid="tier-history-entry">
                <div className="tier-history-head">
                  <span className="visually-hidden">{names.from === null ? `${t('customer.status.firstTier')}${t('common.colon')}${names.to}` : t('customer.status.move', names)}</span>
                  <span className="tier-history-move" aria-hidden="true">
                    {entry.from === null ? <span className="hint">{t('customer.status.firstTier')}</span> : <TierBadge tierId={entry.from} wording={wording} />}
                    <span className="tier-history-arrow">→</span>
                    <TierBadge tierId={entry.to} wording={wording} />
                  </span>
                  <time className="hint" dateTime={entry.at}>
                    {longDate(entry.at)}
                  </time>
                </div>
                <p className="tier-history-why">{tierReasonText(wording, entry.reason)}</p>
              </li>
            );
          })}
        </ol>
      )}
      {history && history.length > HISTORY_PREVIEW && (
        <button type="button" className="link-button tier-history-more" onClick={() => setShowAll(!showAll)} aria-expanded={showAll}>
          {showAll ? t('customer.status.showFewer') : t('customer.status.showAll', { count: history.length })}
        </button>
      )}
    </section>
  );
}
