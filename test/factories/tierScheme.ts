// A four-tier spend ladder for tier tests: platinum ¥10,000, gold ¥5,000, silver ¥1,000, basic; 12-month window, quarterly review.
import { DEFAULT_TIER_SCHEME, type TierRule, type TierScheme } from '../../shared/domain/tiers';

const benefits = DEFAULT_TIER_SCHEME.tiers[0]!.benefits;
const spendTier = (id: string, minSpendFen: number): TierRule => ({ id, name: id, minSpendFen, minPurchases: 0, maxDaysSinceLastPurchase: null, benefits });

export const SPEND_LADDER: TierScheme = {
  kind: 'thresholds',
  windowMonths: 12,
  reviewEveryMonths: 3,
  tiers: [spendTier('platinum', 1_000_000), spendTier('gold', 500_000), spendTier('silver', 100_000), spendTier('basic', 0)],
};
