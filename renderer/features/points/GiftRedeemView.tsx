// Redeeming a gift or a free service outside a purchase (view): the rewards that make sense there, why one cannot be had now, the confirmation.
import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Currency } from '../../../shared/domain/money';
import { canRedeem, REDEEM_REFUSALS, type RedeemRefusal, type RedeemingCustomer, type Reward } from '../../../shared/domain/rewards';
import { Dialog } from '../../ui/Dialog';
import { pointsWording, redeemRefusalText, rewardKindName, rewardValueText } from './pointsText';
import './points.css';

/** Why the write refused the redemption (canRedeem's reasons checked again inside it, or the rows gone). */
export type GiftRedeemRefusal = RedeemRefusal | 'reward-not-found' | 'customer-not-found' | 'failed';

export interface GiftRedeemFormProps {
  /** The catalogue as read now; vouchers and percentages off are left out here (they belong to a purchase). */
  rewards: readonly Reward[];
  customer: RedeemingCustomer;
  /** The points the customer may spend now (pointsSummary's available). */
  available: number;
  now: Date;
  currency: Currency;
  /** Redeems the reward; null once saved, or why the write refused it (nothing changed then). */
  onConfirm: (rewardId: string) => Promise<GiftRedeemRefusal | null>;
  onCancel: () => void;
}

/** The rewards handed over outside a purchase: gifts and free services, withdrawn ones left out. */
export function giftsOutsidePurchase(rewards: readonly Reward[]): Reward[] {
  return rewards.filter((r) => r.active && (r.kind === 'gift' || r.kind === 'free-service'));
}

export function giftRefusalText(t: TFunction, code: GiftRedeemRefusal): string {
  const reason = (REDEEM_REFUSALS as readonly string[]).includes(code) ? redeemRefusalText(t, code as RedeemRefusal) : t(`points.gift.refusals.${code}`);
  return t('points.gift.refused', { reason });
}

export function GiftRedeemForm({ rewards, customer, available, now, currency, onConfirm, onCancel }: GiftRedeemFormProps) {
  const { t, i18n } = useTranslation();
  const w = pointsWording(t, i18n.language, currency);
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [refused, setRefused] = useState<GiftRedeemRefusal | null>(null);
  const [saving, setSaving] = useState(false);
  const offered = giftsOutsidePurchase(rewards);
  const verdicts = new Map(offered.map((r) => [r.id, canRedeem(r, customer, available, now)]));
  const reward = offered.find((r) => r.id === chosen) ?? null;
  const ready = reward !== null && verdicts.get(reward.id)?.ok === true;

  const confirm = async () => {
    if (!reward || !ready) return;
    setRefused(null);
    setSaving(true);
    try {
      setRefused(await onConfirm(reward.id));
    } catch {
      setRefused('failed');
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="points-gift-form"
      onSubmit={(e) => {
        e.preventDefault();
        void confirm();
      }}
      noValidate
      data-testid="points-gift-form"
    >
      <p className="hint" id={`${id}-hint`}>
        {t('points.gift.atTill')}
      </p>
      <p data-testid="points-gift-available">{t('points.gift.available', { count: available })}</p>
      {refused && (
        <p className="points-problems" role="alert" data-testid="points-gift-refused">
          {giftRefusalText(t, refused)}
        </p>
      )}
      {offered.length === 0 ? (
        <p className="muted" data-testid="points-gift-none">
          {t('points.gift.none')}
        </p>
      ) : (
        <fieldset className="points-choice" aria-describedby={`${id}-hint`}>
          <legend>{t('points.gift.choose')}</legend>
          <ul className="points-till-rewards">
            {offered.map((r) => {
              const verdict = verdicts.get(r.id) ?? canRedeem(r, customer, available, now);
              return (
                <li key={r.id} className={verdict.ok ? undefined : 'is-off'} data-testid={`points-gift-${r.id}`}>
                  <label className="points-check">
                    <input
                      type="radio"
                      name={`${id}-reward`}
                      checked={chosen === r.id}
                      disabled={!verdict.ok || saving}
                      onChange={() => {
                        setChosen(r.id);
                        setRefused(null);
                      }}
                      aria-describedby={verdict.ok ? undefined : `${id}-refusal-${r.id}`}
                      data-testid={`points-gift-choose-${r.id}`}
                    />
                    <span>
                      <strong>{r.name}</strong> · {rewardKindName(t, r.kind)} · {rewardValueText(w, r)} · {t('points.count', { count: r.pointsCost })}
                    </span>
                  </label>
                  {!verdict.ok && (
                    <span className="hint points-block points-refusal" id={`${id}-refusal-${r.id}`} data-testid={`points-gift-refusal-${r.id}`}>
                      {redeemRefusalText(t, verdict.reason)}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {reward && ready && (
        <p className="hint" data-testid="points-gift-after">
          {t('points.gift.after', { name: reward.name, count: reward.pointsCost, balance: available - reward.pointsCost })}
        </p>
      )}
      <div className="points-form-actions">
        <button type="button" className="button" onClick={onCancel} disabled={saving}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={!ready || saving} data-testid="points-gift-confirm">
          {t('points.gift.confirm')}
        </button>
      </div>
    </form>
  );
}

/** The redemption in a dialog, opened from the customer's points. */
export function GiftRedeemDialog(props: GiftRedeemFormProps) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('points.gift.title')} onClose={props.onCancel} testId="points-gift-dialog">
      <GiftRedeemForm {...props} />
    </Dialog>
  );
}
