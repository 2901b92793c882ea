// Why a purchase's points were not saved, in words: the points typed (not a whole number, more than the purchase can take),
// or the write's refusal of the reward or the payment (the catalogue, the balance or the cap changed since the dialog showed them).
import type { TFunction } from 'i18next';
import type { PointsRefusal } from '../../db/pointsEarning';
import { assertNever } from '../../../shared/result';
import { REDEEM_REFUSALS, type RedeemRefusal } from '../../../shared/domain/rewards';
import { redeemRefusalText } from '../points/pointsText';

/** What the dialog says above the form: its own check of the points typed, or the write's refusal (`reward`: the reward's name when it was the reward refused). */
export type TillPointsBanner = { kind: 'not-whole' } | { kind: 'too-many'; max: number } | { kind: 'refused'; code: PointsRefusal; reward: string | null };

export function tillRefusalText(t: TFunction, banner: TillPointsBanner): string {
  switch (banner.kind) {
    case 'not-whole':
      return t('points.tillRewards.refused.notWhole');
    case 'too-many':
      return t('points.tillRewards.refused.tooMany', { count: banner.max });
    case 'refused':
      if (banner.reward === null) return paymentRefusalText(t, banner.code);
      if (banner.code === 'reward-not-found' || banner.reward === '') return t('points.tillRewards.refused.rewardGone');
      return t('points.tillRewards.refused.reward', {
        name: banner.reward,
        reason: (REDEEM_REFUSALS as readonly string[]).includes(banner.code) ? redeemRefusalText(t, banner.code as RedeemRefusal) : '',
      });
    default:
      return assertNever(banner, 'till points banner');
  }
}

/** The write's refusal code in words (for a reward, the reason it gives). */
function paymentRefusalText(t: TFunction, code: PointsRefusal): string {
  switch (code) {
    case 'insufficient-points':
      return t('points.till.refused.insufficient');
    case 'points-over-cap':
      return t('points.till.refused.overCap');
    case 'points-invalid':
      return t('points.till.refused.invalid');
    case 'customer-deleted':
    case 'reward-inactive':
    case 'reward-not-yet-valid':
    case 'reward-expired':
    case 'tier-not-allowed':
    case 'out-of-stock':
      return redeemRefusalText(t, code);
    // Not what a purchase's payment with points is refused for; said plainly should one ever reach here.
    case 'adjust-reason-required':
    case 'reward-not-found':
    case 'customer-not-found':
    case 'rules-invalid':
    case 'reward-invalid':
      return t('points.till.refused.other');
    default:
      return assertNever(code, 'points refusal');
  }
}
