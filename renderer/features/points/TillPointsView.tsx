// Points in the purchase dialog (view): the customer's balance, what this purchase earns, paying part with points, redeeming a reward.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import type { PointsSummary } from '../../../shared/domain/pointsLedger';
import type { PointsEarning, PointsRules } from '../../../shared/domain/pointsRules';
import { canRedeem, pointsPayment, rewardDiscountFen, type PointsPayment, type RedeemingCustomer, type Reward } from '../../../shared/domain/rewards';
import { assertNever } from '../../../shared/result';
import { earningBreakdown, earningFormula, lastValidDay, paymentLimitText, pointsWording, redeemRateText, redeemRefusalText, rewardKindName, rewardValueText, type PointsWording } from './pointsText';
import './points.css';

export interface TillPointsViewProps {
  /** The customer's points now (pointsSummary): `available` is what may be spent. */
  summary: PointsSummary;
  /** What this purchase earns (pointsForPurchase, with the points payment taken off), or null while its amount is not valid yet. */
  earning: PointsEarning | null;
  /** The customer's tier name as shown, or null. */
  tierName: string | null;
  rules: Pick<PointsRules, 'redeem' | 'earn'>;
  /** The purchase's amount after discounts, before any reward or points. */
  amountFen: number;
  currency: Currency;
  customer: RedeemingCustomer;
  /** The catalogue (withdrawn rewards are left out here). */
  rewards: readonly Reward[];
  now: Date;
  /** The reward chosen for this purchase, or null. */
  rewardId: string | null;
  onRewardChange: (rewardId: string | null) => void;
  /**
   * Points the clerk asked to pay with (what the payment actually takes is `pointsPayment`'s); null while the
   * text typed is not a whole number. The field's text starts from it and is the view's own after: give the
   * view a new `key` for a new purchase.
   */
  requestedPoints: number | null;
  onRequestedPointsChange: (points: number | null) => void;
  /** false: no reward is offered (a purchase that cannot carry one); the payment with points stays. */
  offerRewards?: boolean;
}

/** The points field's text as a request: a whole number of points (full-width digits read too), 0 when empty, null otherwise. */
export function parseRequestedPoints(text: string): number | null {
  const clean = text.normalize('NFKC').trim();
  if (clean === '') return 0;
  if (!/^\d+$/.test(clean)) return null;
  const n = Number(clean);
  return Number.isSafeInteger(n) ? n : Number.MAX_SAFE_INTEGER;
}

/**
 * Why the points asked for cannot be saved as they stand: not a whole number, or more than this purchase can
 * take (the cap, or the balance the reward leaves). Never paid silently less: the clerk changes them.
 */
export type TillPointsProblem = 'not-whole' | 'too-many';

export function tillPointsProblem(requestedPoints: number | null, payment: Pick<PointsPayment, 'maxPoints'>): TillPointsProblem | null {
  if (requestedPoints === null) return 'not-whole';
  return requestedPoints > payment.maxPoints ? 'too-many' : null;
}

/** What the till settles on: the reward's discount first, then points pay part of what is left, within the balance the reward leaves. */
export function tillPoints(props: Pick<TillPointsViewProps, 'summary' | 'rules' | 'amountFen' | 'rewards' | 'rewardId' | 'requestedPoints'>): {
  reward: Reward | null;
  rewardFen: number;
  payment: PointsPayment;
  /** Points left after the reward and the payment. */
  left: number;
} {
  const reward = props.rewards.find((r) => r.id === props.rewardId) ?? null;
  const rewardFen = reward ? rewardDiscountFen(reward, props.amountFen) : 0;
  const balance = props.summary.available - (reward?.pointsCost ?? 0);
  const payment = pointsPayment(props.rules, props.amountFen - rewardFen, Math.max(0, balance), props.requestedPoints ?? 0);
  return { reward, rewardFen, payment, left: balance - payment.points };
}

export function TillPointsView(props: TillPointsViewProps) {
  const { t, i18n } = useTranslation();
  const { summary, earning, rules, currency, now } = props;
  const w = pointsWording(t, i18n.language, currency);
  const id = useId();
  const [typed, setTyped] = useState((props.requestedPoints ?? 0) > 0 ? String(props.requestedPoints) : '');
  const { reward, rewardFen, payment, left } = tillPoints(props);
  const offered = props.rewards.filter((r) => r.active);
  const request = (text: string) => {
    setTyped(text);
    props.onRequestedPointsChange(parseRequestedPoints(text));
  };
  const typedInvalid = parseRequestedPoints(typed) === null;
  const problem = typedInvalid ? 'not-whole' : tillPointsProblem(props.requestedPoints, payment);

  return (
    <section className="points-till" aria-labelledby={`${id}-heading`} data-testid="till-points">
      <h3 id={`${id}-heading`} className="points-subheading">
        {t('points.till.title')}
      </h3>
      <p className="points-till-balance" data-testid="till-points-balance">
        {t('points.till.balance', { count: summary.available })}
        {summary.expiringSoon.points > 0 && summary.expiringSoon.earliestAt !== null && (
          <span className="hint points-block">{t('points.customer.expiringFrom', { count: summary.expiringSoon.points, date: lastValidDay(summary.expiringSoon.earliestAt) })}</span>
        )}
      </p>

      <div className="points-till-earn" data-testid="till-points-earn">
        {earning === null ? (
          <p className="muted">{t('points.till.earnPending')}</p>
        ) : (
          <details>
            <summary>
              {t('points.till.earns', { count: earning.total })} <span className="muted">({earningFormula(w, earning)})</span>
            </summary>
            <ul className="points-breakdown">
              {earningBreakdown(w, earning, rules, props.tierName).map((line, i) => (
                <li key={i} className={line.off ? 'is-off' : undefined} data-step={line.step}>
                  {line.text}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>

      {props.offerRewards !== false && (
        <fieldset className="points-choice" aria-describedby={`${id}-rewards-hint`}>
          <legend>{t('points.till.reward')}</legend>
          <p className="hint" id={`${id}-rewards-hint`}>
            {offered.length === 0 ? t('points.till.noRewards') : t('points.till.rewardHint')}
          </p>
          {offered.length > 0 && (
            <ul className="points-till-rewards">
              <li>
                <label className="points-check">
                  <input type="radio" name={`${id}-reward`} checked={props.rewardId === null} onChange={() => props.onRewardChange(null)} data-testid="till-reward-none" />
                  {t('points.till.noReward')}
                </label>
              </li>
              {offered.map((r) => {
                // Whether it can be had with what this purchase's points payment leaves (the chosen one is already counted).
                const spendable = summary.available - (r.id === props.rewardId ? 0 : payment.points);
                const verdict = canRedeem(r, props.customer, spendable, now);
                return (
                  <li key={r.id} className={verdict.ok ? undefined : 'is-off'}>
                    <label className="points-check">
                      <input
                        type="radio"
                        name={`${id}-reward`}
                        checked={props.rewardId === r.id}
                        disabled={!verdict.ok && props.rewardId !== r.id}
                        onChange={() => props.onRewardChange(r.id)}
                        aria-describedby={verdict.ok ? undefined : `${id}-refusal-${r.id}`}
                        data-testid={`till-reward-${r.id}`}
                      />
                      <span>
                        <strong>{r.name}</strong> · {rewardKindName(t, r.kind)} · {rewardValueText(w, r)} · {t('points.count', { count: r.pointsCost })}
                      </span>
                    </label>
                    {!verdict.ok && (
                      <span className="hint points-block points-refusal" id={`${id}-refusal-${r.id}`} data-testid={`till-reward-refusal-${r.id}`}>
                        {redeemRefusalText(t, verdict.reason)}
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {reward && <RewardEffect reward={reward} rewardFen={rewardFen} w={w} />}
        </fieldset>
      )}

      <div className="points-till-pay">
        <label htmlFor={`${id}-pay`}>{t('points.till.pay')}</label>
        <span className="points-input-row">
          <input
            id={`${id}-pay`}
            inputMode="numeric"
            value={typed}
            onChange={(e) => request(e.target.value)}
            aria-invalid={problem ? true : undefined}
            aria-describedby={`${id}-pay-rate ${id}-pay-result`}
            data-testid="till-points-pay"
          />
          <button type="button" className="button" onClick={() => request(String(payment.maxPoints))} disabled={payment.maxPoints === 0} data-testid="till-points-max">
            {t('points.till.useMost', { count: payment.maxPoints })}
          </button>
        </span>
        <span className="hint" id={`${id}-pay-rate`}>
          {redeemRateText(w, rules.redeem)}
          {props.offerRewards !== false && offered.length > 0 && (
            <span className="points-block" data-testid="till-points-combine">
              {t('points.tillRewards.combine', { percent: rules.redeem.maxPercent })}
            </span>
          )}
        </span>
        <p id={`${id}-pay-result`} role="status" className={problem ? 'points-problem' : undefined} data-testid="till-points-payment">
          {problem === 'not-whole'
            ? t('points.tillRewards.notWhole')
            : problem === 'too-many'
              ? t('points.tillRewards.tooMany')
              : payment.points > 0
                ? t('points.till.paying', { count: payment.points, amount: w.money(payment.fen) })
                : t('points.till.notPaying')}
          {problem !== 'not-whole' && (props.requestedPoints ?? 0) > 0 && payment.limitedBy !== 'none' && (
            <span className="points-block points-limit" data-testid="till-points-limit">
              {paymentLimitText(w, payment)}
            </span>
          )}
        </p>
      </div>
      {problem === null && (
        <p className="points-till-left" data-testid="till-points-left">
          {t('points.till.left', { count: left, spent: (reward?.pointsCost ?? 0) + payment.points })}
        </p>
      )}
    </section>
  );
}

/** What the chosen reward does to this purchase: the amount it takes off, the gift to hand over, the service to give. */
function RewardEffect({ reward, rewardFen, w }: { reward: Reward; rewardFen: number; w: PointsWording }) {
  const { t } = w;
  switch (reward.kind) {
    case 'voucher':
    case 'percent-off':
      return <p data-testid="till-reward-discount">{t('points.till.rewardDiscount', { amount: w.money(rewardFen), name: reward.name })}</p>;
    case 'gift':
      return (
        <p data-testid="till-reward-discount">
          {reward.stock === null ? t('points.tillRewards.giftUncounted', { name: reward.name }) : t('points.tillRewards.gift', { name: reward.name, count: reward.stock - 1 })}
        </p>
      );
    case 'free-service':
      return <p data-testid="till-reward-discount">{t('points.tillRewards.service', { name: reward.name })}</p>;
    default:
      return assertNever(reward.kind, 'reward kind');
  }
}
