// The store's settings: their shape, defaults, and how a stored value is read back safely.
import { z } from 'zod';
import { PHONE_REGIONS } from './customer';
import { validateChurnRules } from './churn';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from './customerStatus';
import { validateLifecycleRules } from './lifecycle';
import { CURRENCIES } from './money';
import { isRfmCutPoints, type RfmCutPoints } from './rfm';
import { ownerPinRecordSchema } from './ownerPin';
import { RFM_GROUPS, STATUS_GROUPINGS } from './statusGroups';
import { isValidTierBenefits, validateTierScheme } from './tiers';

/**
 * A stored value as a whole, valid set of status rules, or null. Values saved before the RFM grouping
 * existed lack `grouping` and `rfmBenefits`; they get the defaults (tiers, default benefits) rather
 * than losing the owner's tier rules. The pure validators decide; junk never throws.
 */
export function statusSettingsFrom(value: unknown): StatusSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<StatusSettings>;
  const grouping = v.grouping ?? DEFAULT_STATUS_SETTINGS.grouping;
  const rfmBenefits = v.rfmBenefits ?? DEFAULT_STATUS_SETTINGS.rfmBenefits;
  try {
    if (!(STATUS_GROUPINGS as readonly unknown[]).includes(grouping)) return null;
    if (typeof rfmBenefits !== 'object' || rfmBenefits === null || !RFM_GROUPS.every((g) => isValidTierBenefits(rfmBenefits[g]))) return null;
    if (typeof v.scheme !== 'object' || v.scheme === null) return null;
    const scheme = validateTierScheme(v.scheme);
    if (!scheme.ok) return null;
    if (typeof v.lifecycleRules !== 'object' || v.lifecycleRules === null || !validateLifecycleRules(v.lifecycleRules).ok) return null;
    if (typeof v.churnRules !== 'object' || v.churnRules === null || !validateChurnRules(v.churnRules).ok) return null;
    const benefits = Object.fromEntries(RFM_GROUPS.map((g) => [g, { ...rfmBenefits[g] }])) as StatusSettings['rfmBenefits'];
    return { grouping, scheme: scheme.value, rfmBenefits: benefits, lifecycleRules: { ...v.lifecycleRules }, churnRules: { ...v.churnRules } };
  } catch {
    return null;
  }
}

/** Whether a stored value reads back as a whole, valid set of status rules. */
export function isValidStatusSettings(value: unknown): boolean {
  return statusSettingsFrom(value) !== null;
}

export const storeSettingsSchema = z.object({
  /** Region assumed for phone numbers typed without a country code. */
  defaultRegion: z.enum(PHONE_REGIONS),
  /** How the store was started on first launch; null until the owner chose. */
  startedAs: z.enum(['empty', 'demo']).nullable(),
  /** The store's currency: how amounts (integer minor units) are typed and shown. */
  currency: z.enum(CURRENCIES),
  /** The rules that decide tier, lifecycle stage and churn risk. */
  status: z.unknown().transform((value, ctx): StatusSettings => {
    const settings = statusSettingsFrom(value);
    if (settings === null) {
      ctx.addIssue({ code: 'custom', message: 'status-rules-invalid' });
      return z.NEVER;
    }
    return settings;
  }),
  /**
   * Cache: the store's median gap between visits (storeMedianGap over the customers' median gaps),
   * written by the full status recomputation and read by the incremental one. null when none.
   */
  storeMedianGapDays: z.number().finite().positive().nullable(),
  /** Cache: the store's RFM cut points, written by the full status recomputation. null before the first. */
  rfmCutPoints: z.custom<RfmCutPoints>(isRfmCutPoints).nullable(),
  /** 'yyyy-MM-dd' of the last tier review the owner applied; null when none yet (the first review is due). */
  lastTierReviewAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** 'yyyy-MM-dd' of the last full status recomputation (the daily rollover runs one when this is not today). */
  statusRecomputedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  /** DERIVATION_RULES_VERSION of the last full status recomputation; 0 before the first (or from an app older than the marker). */
  derivationRulesVersion: z.number().int().nonnegative(),
  /** The owner PIN's salted hash (never the PIN); null until the owner sets one. Restore, backup settings and the backup password ask for it. */
  ownerPin: ownerPinRecordSchema.nullable(),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type SettingKey = keyof StoreSettings;

export const DEFAULT_SETTINGS: StoreSettings = {
  defaultRegion: 'CN',
  startedAs: null,
  currency: 'CNY',
  status: DEFAULT_STATUS_SETTINGS,
  storeMedianGapDays: null,
  rfmCutPoints: null,
  lastTierReviewAt: null,
  statusRecomputedOn: null,
  derivationRulesVersion: 0,
  ownerPin: null,
};

/**
 * Whether the store's figures and status need a full recomputation: none yet today (risk and stage age
 * with the days), or the last one applied older derivation rules than this app's.
 */
export function statusRecomputationDue(
  settings: Pick<StoreSettings, 'statusRecomputedOn' | 'derivationRulesVersion'>,
  today: string,
  rulesVersion: number,
): boolean {
  return settings.statusRecomputedOn !== today || settings.derivationRulesVersion !== rulesVersion;
}

/** Merges stored rows over the defaults; a row that no longer fits its schema falls back to the default. */
export function settingsFromRows(rows: { key: string; value: unknown }[]): StoreSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in DEFAULT_SETTINGS)) continue;
    const field = storeSettingsSchema.shape[row.key as SettingKey];
    const parsed = field.safeParse(row.value);
    if (parsed.success) merged[row.key] = parsed.data;
  }
  return storeSettingsSchema.parse(merged);
}

export { CURRENCIES, type Currency } from './money';
