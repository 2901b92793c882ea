// The store's settings: their shape, defaults, and how a stored value is read back safely.
import { z } from 'zod';
import { PHONE_REGIONS } from './customer';
import { CURRENCIES } from './money';

export const storeSettingsSchema = z.object({
  /** Region assumed for phone numbers typed without a country code. */
  defaultRegion: z.enum(PHONE_REGIONS),
  /** How the store was started on first launch; null until the owner chose. */
  startedAs: z.enum(['empty', 'demo']).nullable(),
  /** The store's currency: how amounts (integer minor units) are typed and shown. */
  currency: z.enum(CURRENCIES),
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type SettingKey = keyof StoreSettings;

export const DEFAULT_SETTINGS: StoreSettings = { defaultRegion: 'CN', startedAs: null, currency: 'CNY' };

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
