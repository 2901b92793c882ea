// The store's configuration (what the owner chose): its shape, defaults, and how a stored value is read back safely.
import { z } from 'zod';
import { careSettingsSchema, DEFAULT_CARE_SETTINGS } from './careSettings';
import { complaintSettingsSchema, DEFAULT_COMPLAINT_SETTINGS } from './complaintSettings';
import { PHONE_REGIONS } from './customer';
import { validateChurnRules } from './churn';
import { DEFAULT_CHURN_MODEL_SETTINGS, validateChurnModelSettings, type ChurnModelSettings } from './churnModel/levels';
import { DEFAULT_GREETING_SETTINGS, greetingSettingsSchema } from './greetings';
import { DEFAULT_STATUS_SETTINGS, type StatusSettings } from './customerStatus';
import { validateLifecycleRules } from './lifecycle';
import { CURRENCIES } from './money';
import { RFM_GROUPS, STATUS_GROUPINGS } from './statusGroups';
import { DEFAULT_SURVEY_SETTINGS, surveySettingsSchema } from './surveySettings';
import { isValidTierBenefits, validateTierScheme } from './tiers';

/**
 * A stored value as a whole, valid set of status rules, or null. Values saved before the RFM grouping
 * existed lack `grouping` and `rfmBenefits`; they get the defaults (tiers, default benefits) rather
 * than losing the owner's tier rules; values saved before the churn model lack `churnModel` and get its
 * defaults. The pure validators decide; junk never throws.
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
    const churnModel = churnModelSettingsFrom(v.churnModel ?? DEFAULT_CHURN_MODEL_SETTINGS);
    if (churnModel === null) return null;
    const benefits = Object.fromEntries(RFM_GROUPS.map((g) => [g, { ...rfmBenefits[g] }])) as StatusSettings['rfmBenefits'];
    return { grouping, scheme: scheme.value, rfmBenefits: benefits, lifecycleRules: { ...v.lifecycleRules }, churnRules: { ...v.churnRules }, churnModel };
  } catch {
    return null;
  }
}

function churnModelSettingsFrom(value: unknown): ChurnModelSettings | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as ChurnModelSettings;
  if (typeof v.highCap !== 'object' || v.highCap === null || (v.highCap.kind !== 'share' && v.highCap.kind !== 'count')) return null;
  const checked = validateChurnModelSettings({
    watchBelow: v.watchBelow,
    highBelow: v.highBelow,
    highCap: v.highCap.kind === 'share' ? { kind: 'share', percent: v.highCap.percent } : { kind: 'count', count: v.highCap.count },
    minVisits: v.minVisits,
    spendDropPercent: v.spendDropPercent,
  });
  return checked.ok ? checked.value : null;
}

/** Whether a stored value reads back as a whole, valid set of status rules. */
export function isValidStatusSettings(value: unknown): boolean {
  return statusSettingsFrom(value) !== null;
}

/**
 * The store's configuration: what the owner chose. Caches, job markers and the store's bookkeeping are
 * in bookkeeping.ts, the PINs in ownerPin.ts; each has a table of its own.
 */
export const storeSettingsSchema = z.object({
  /** Region assumed for phone numbers typed without a country code. */
  defaultRegion: z.enum(PHONE_REGIONS),
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
  /** Care reminders: lead times per occasion and the call-back's overdue threshold. */
  care: careSettingsSchema,
  /** Greetings: the name they sign with and the owner's template per occasion (null: the language's default). */
  greetings: greetingSettingsSchema,
  /** Surveys: how often a customer may be asked, and how soon an unhappy answer is followed up. */
  surveys: surveySettingsSchema,
  /** Complaints: hours to resolve per severity and the weekdays the store is closed (not counted). */
  complaints: complaintSettingsSchema,
});
export type StoreSettings = z.infer<typeof storeSettingsSchema>;
export type SettingKey = keyof StoreSettings;
export const SETTING_KEYS = Object.keys(storeSettingsSchema.shape) as SettingKey[];

export const DEFAULT_SETTINGS: StoreSettings = {
  defaultRegion: 'CN',
  currency: 'CNY',
  status: DEFAULT_STATUS_SETTINGS,
  care: DEFAULT_CARE_SETTINGS,
  greetings: DEFAULT_GREETING_SETTINGS,
  surveys: DEFAULT_SURVEY_SETTINGS,
  complaints: DEFAULT_COMPLAINT_SETTINGS,
};

/** The settings as read back, and the keys whose stored value no longer fits (their default is in use). */
export interface SettingsRead {
  settings: StoreSettings;
  unreadable: SettingKey[];
}

function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(DEFAULT_SETTINGS, key);
}

/**
 * Merges stored rows over the defaults. A row that no longer fits its schema falls back to the default,
 * explicitly: its key is listed in `unreadable`, so the settings screen says which defaults stand in.
 * Rows of keys that are not configuration are not read.
 */
export function readSettingsRows(rows: readonly { key: string; value: unknown }[]): SettingsRead {
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const unreadable: SettingKey[] = [];
  for (const row of rows) {
    if (!isSettingKey(row.key)) continue;
    const parsed = storeSettingsSchema.shape[row.key].safeParse(row.value);
    if (parsed.success) merged[row.key] = parsed.data;
    else unreadable.push(row.key);
  }
  return { settings: storeSettingsSchema.parse(merged), unreadable };
}

/** readSettingsRows without the list of unreadable keys. */
export function settingsFromRows(rows: readonly { key: string; value: unknown }[]): StoreSettings {
  return readSettingsRows(rows).settings;
}

export { CURRENCIES, type Currency } from './money';
