// The customer page's points: the section (balance, expiring soon, history) read live, the owner's adjustment and a gift redeemed.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointsEntryProblem } from '../../../shared/domain/pointsLedger';
import type { Action } from '../../../shared/domain/permissions';
import { points } from '../../db';
import { PointsRefusedError, type PointsRefusal } from '../../db/points';
import { REDEEM_REFUSALS } from '../../../shared/domain/rewards';
import { useCustomerPoints } from '../../db/pointsHooks';
import { useTillPoints } from '../../db/pointsTillHooks';
import { useClock } from '../../platform/clock';
import { useOwnerGate, usePermission } from '../../session/ownerGate';
import { useMoney } from '../../ui/useMoney';
import { CustomerPointsView, PointsAdjustmentDialog, type PointsAdjustment } from '../points/CustomerPointsView';
import { GiftRedeemDialog, type GiftRedeemRefusal } from '../points/GiftRedeemView';
import { asPointsLocale, signedPoints } from '../points/pointsText';

const ADJUST: Action = 'points.adjust';
const REDEEM: Action = 'points.redeem';
/** The write's refusals the gift dialog words as they are; any other is a failure to save. */
const GIFT_REFUSALS: ReadonlySet<PointsRefusal> = new Set<PointsRefusal>([...REDEEM_REFUSALS, 'reward-not-found', 'customer-not-found']);

interface Props {
  customerId: string;
  /** The customer is in the trash: the history shows, an adjustment is refused. */
  readOnly: boolean;
  /** Tells the page's toast what happened (an adjustment saved or refused), in words. */
  onSaid: (text: string) => void;
}

/** The adjustment's refusals the form can point at a field; others close the dialog with words. */
function fieldProblems(error: unknown): PointsEntryProblem[] | null {
  if (!(error instanceof PointsRefusedError)) return null;
  if (error.code === 'points-invalid') return ['points-zero'];
  if (error.code === 'adjust-reason-required') return ['adjust-without-note'];
  return null;
}

export function CustomerPoints({ customerId, readOnly, onSaid }: Props) {
  const { t, i18n } = useTranslation();
  const data = useCustomerPoints(customerId);
  const { currency } = useMoney();
  const gate = useOwnerGate();
  const clock = useClock();
  const { locked } = usePermission(ADJUST);
  const [adjusting, setAdjusting] = useState(false);
  const [redeeming, setRedeeming] = useState(false);
  // The rewards and what may be spent now, as the till reads them: read only while the dialog is open.
  const till = useTillPoints(redeeming ? customerId : null);
  // "Now" for what expires soon: taken when the ledger is read, so the figures and the table agree.
  const now = useMemo(() => (data ? clock() : null), [data, clock]);
  const balance = useMemo(() => data?.entries.reduce((sum, e) => sum + e.points, 0) ?? 0, [data]);

  // The owner session ended while the dialog was open (idle, or locked): the adjustment goes with it.
  useEffect(() => {
    if (adjusting && locked) setAdjusting(false);
  }, [adjusting, locked]);

  if (!data || data.customerId !== customerId || !now) return <section className="card points-customer" aria-busy="true" data-testid="customer-points-loading" />;

  const onAdjust = () => {
    if (readOnly) return onSaid(t('points.redeemRefusals.customer-deleted'));
    gate.run(ADJUST, () => setAdjusting(true));
  };

  const onRedeemGift = () => {
    if (readOnly) return onSaid(t('points.redeemRefusals.customer-deleted'));
    gate.run(REDEEM, () => setRedeeming(true));
  };

  const redeem = async (rewardId: string): Promise<GiftRedeemRefusal | null> => {
    const reward = till?.rewards.find((r) => r.id === rewardId);
    try {
      const entry = await points.redeemReward(customerId, rewardId);
      setRedeeming(false);
      const kind = reward?.kind === 'free-service' ? 'free-service' : 'gift';
      onSaid(t(`points.gift.redeemed.${kind}`, { name: reward?.name ?? '', count: -entry.points }));
      return null;
    } catch (error) {
      if (!(error instanceof PointsRefusedError)) throw error;
      return GIFT_REFUSALS.has(error.code) ? (error.code as GiftRedeemRefusal) : 'failed';
    }
  };

  const save = async (adjustment: PointsAdjustment): Promise<PointsEntryProblem[] | null> => {
    try {
      const entry = await points.adjust(customerId, adjustment.points, adjustment.reason);
      setAdjusting(false);
      onSaid(t('points.customer.adjusted', { points: signedPoints(asPointsLocale(i18n.language), entry.points) }));
      return null;
    } catch (error) {
      const problems = fieldProblems(error);
      if (problems) return problems;
      if (error instanceof PointsRefusedError) {
        setAdjusting(false);
        onSaid(error.code === 'customer-not-found' ? t('points.customer.customerGone') : t('points.adjustment.saveFailed'));
        return null;
      }
      throw error;
    }
  };

  return (
    <div className="customer-points">
      <CustomerPointsView entries={data.entries} now={now} currency={currency} names={data.names} adjustLocked={locked && !readOnly} onAdjust={onAdjust} onRedeemGift={onRedeemGift} />
      {redeeming && till && (
        <GiftRedeemDialog rewards={till.rewards} customer={till.customer} available={till.summary.available} now={now} currency={currency} onConfirm={redeem} onCancel={() => setRedeeming(false)} />
      )}
      {adjusting && <PointsAdjustmentDialog customerId={customerId} balance={balance} negativeBalance={data.negativeBalance} now={now} onSubmit={save} onCancel={() => setAdjusting(false)} />}
    </div>
  );
}
