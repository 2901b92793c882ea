// The store's settings: their shape, defaults, and how a stored value is read back safely.
import { z } from 'zod';
import { PHONE_REGIONS } from './customer';
import { validateChurnRules } from './churn';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from './customerStatus';
import { validateLifecycleRules } from './lifecycle';
import { CURRENCIES } from './money';
import { validateTierScheme } from './tiers';

/** Whether a stored value is a whole, valid set of status rules (the pure validators decide; junk never throws). */
export function isValidStatusSettings(value: unknown): value is StatusSettings {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StatusSettings>;
  try {
    return (
      typeof v.scheme === 'object' && v.scheme !== null && validateTierScheme(v.scheme).ok &&
      typeof v.lifecycleRules === 'object' && v.lifecycleRules !== null && validateLifecycleRules(v.lifecycleRules).ok &&
      typeof v.churnRules === 'object' && v.churnRules !== null && validateChurnRules(v.churnRules).ok
    );
  } catch {
    return false;
  }
}

export const storeSettingsSchema = z.object({
  /** Region assumed for phone numbers typed without a country code. */
  defaultRegion: z.enum(PHONE_REGIONS),
  /** How the store was started on first launch; null until the owner chose. */
  startedAs: z.enum(['empty', 'demo']).nullable(),
  /** The store's currency: how amounts (integer minor units) are typed and shown. */
  currency: z.enum(CURRENCIES),
  /** The rules that decide tier, lifecycle stage and churn risk. */
  status: z.custom<StatusSettings>(isValidStatusSettings, { message: 'status-rules-invalid' }),
  /**
   * Cache: the store's median gap between visits (storeMedianGap over the customers' median gaps),
   * written by the full status recomputation and read by the incremental one. null when none.
   */
  storeMedianGapDays: z.number().finite().positive().nullable(),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type SettingKey = keyof StoreSettings;

export const DEFAULT_SETTINGS: StoreSettings = {
  defaultRegion: 'CN',
  startedAs: null,
  currency: 'CNY',
  status: DEFAULT_STATUS_SETTINGS,
  storeMedianGapDays: null,
};

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
