// A purchase's payment with points refused by the write, in words: the balance or the cap changed since the dialog showed them.
import type { TFunction } from 'i18next';
import type { PointsRefusal } from '../../db/pointsEarning';
import { assertNever } from '../../../shared/result';
import { redeemRefusalText } from '../points/pointsText';

export function tillRefusalText(t: TFunction, code: PointsRefusal): string {
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
