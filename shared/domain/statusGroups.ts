// The groups a customer can be sorted into — the owner's tiers, or RFM segments — with their names and benefits.
import { RFM_SEGMENT_NAMES, type RfmSegment } from './rfm';
import { tierName, type TierBenefits, type TierRule } from './tiers';

export const STATUS_GROUPINGS = ['tiers', 'rfm'] as const;
/** 'tiers': the owner's thresholds; 'rfm': RFM segments over the store's customers. */
export type StatusGrouping = (typeof STATUS_GROUPINGS)[number];

/**
 * The RFM groups best first (the order of lists, filters and the preview), ending with 'unscored':
 * a customer without purchases, or any customer before the store has been scored once.
 */
export const RFM_GROUPS = [
  'champions',
  'loyal',
  'potential-loyalist',
  'new',
  'promising',
  'need-attention',
  'cant-lose',
  'at-risk',
  'about-to-sleep',
  'lost',
  'unscored',
] as const satisfies readonly (RfmSegment | 'unscored')[];
export type RfmGroup = (typeof RFM_GROUPS)[number];

const RFM_PREFIX = 'rfm:';

/** The tierId stored on a customer in an RFM group ('rfm:champions'); the prefix keeps it apart from the owner's tier ids. */
export function rfmTierId(group: RfmGroup): string {
  return RFM_PREFIX + group;
}

export function rfmGroupOf(tierId: string): RfmGroup | null {
  if (!tierId.startsWith(RFM_PREFIX)) return null;
  const g = tierId.slice(RFM_PREFIX.length);
  return (RFM_GROUPS as readonly string[]).includes(g) ? (g as RfmGroup) : null;
}

const UNSCORED_NAME = { 'zh-CN': '未评分', 'zh-TW': '未評分', en: 'Not scored yet' } as const;

export const DEFAULT_RFM_BENEFITS: Readonly<Record<RfmGroup, TierBenefits>> = Object.freeze({
  champions: { discountPercent: 10, pointsMultiplier: 2, contactCadenceDays: 30 },
  loyal: { discountPercent: 8, pointsMultiplier: 1.5, contactCadenceDays: 45 },
  'potential-loyalist': { discountPercent: 5, pointsMultiplier: 1.5, contactCadenceDays: 45 },
  new: { discountPercent: 5, pointsMultiplier: 1, contactCadenceDays: 30 },
  promising: { discountPercent: 3, pointsMultiplier: 1, contactCadenceDays: 60 },
  'need-attention': { discountPercent: 5, pointsMultiplier: 1, contactCadenceDays: 30 },
  'cant-lose': { discountPercent: 10, pointsMultiplier: 1.5, contactCadenceDays: 14 },
  'at-risk': { discountPercent: 10, pointsMultiplier: 1, contactCadenceDays: 21 },
  'about-to-sleep': { discountPercent: 5, pointsMultiplier: 1, contactCadenceDays: 30 },
  lost: { discountPercent: 0, pointsMultiplier: 1, contactCadenceDays: 180 },
  unscored: { discountPercent: 0, pointsMultiplier: 1, contactCadenceDays: 180 },
});

export type Locale = 'zh-CN' | 'zh-TW' | 'en';

/** One group a customer can be in, under the grouping in force. */
export type StatusGroup =
  | { kind: 'tier'; id: string; rank: number; rule: TierRule; benefits: TierBenefits }
  | { kind: 'rfm'; id: string; rank: number; group: RfmGroup; benefits: TierBenefits };

/** What statusGroups needs of the status settings. */
export interface GroupingSettings {
  grouping: StatusGrouping;
  scheme: { tiers: readonly TierRule[] };
  rfmBenefits: Readonly<Record<RfmGroup, TierBenefits>>;
}

/** Every group under the grouping in force, best first. */
export function statusGroups(s: GroupingSettings): StatusGroup[] {
  switch (s.grouping) {
    case 'tiers':
      return s.scheme.tiers.map((rule, rank) => ({ kind: 'tier', id: rule.id, rank, rule, benefits: rule.benefits }));
    case 'rfm':
      return RFM_GROUPS.map((group, rank) => ({ kind: 'rfm', id: rfmTierId(group), rank, group, benefits: s.rfmBenefits[group] }));
    default:
      throw new TypeError(`unknown grouping ${String((s as { grouping: unknown }).grouping)}`);
  }
}

/** The group a stored tierId names under the grouping in force; null when it names none (a removed tier, the other grouping). */
export function statusGroupOf(s: GroupingSettings, tierId: string): StatusGroup | null {
  return statusGroups(s).find((g) => g.id === tierId) ?? null;
}

/**
 * The name of any tierId ever stored — a tier of the scheme, an RFM group — in a locale, whichever
 * grouping is in force (the tier history keeps ids from earlier rules); null for an id no longer known.
 */
export function statusGroupName(s: GroupingSettings, tierId: string, locale: Locale): string | null {
  const rfm = rfmGroupOf(tierId);
  if (rfm !== null) return rfm === 'unscored' ? UNSCORED_NAME[locale] : RFM_SEGMENT_NAMES[rfm][locale];
  const rule = s.scheme.tiers.find((t) => t.id === tierId);
  return rule ? tierName(rule, locale) : null;
}

/** The benefits a customer in this tierId gets now; null when the id is not a group under the grouping in force. */
export function groupBenefits(s: GroupingSettings, tierId: string): TierBenefits | null {
  return statusGroupOf(s, tierId)?.benefits ?? null;
}
