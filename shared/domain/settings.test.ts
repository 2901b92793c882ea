import { describe, expect, it } from 'vitest';
import { CURRENCIES } from './money';
import { DEFAULT_STATUS_SETTINGS } from './customerStatus';
import { DEFAULT_SETTINGS, isValidStatusSettings, settingsFromRows } from './settings';

describe('settingsFromRows', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(settingsFromRows([])).toEqual(DEFAULT_SETTINGS);
  });
  it('takes stored values over the defaults', () => {
    expect(
      settingsFromRows([{ key: 'defaultRegion', value: 'HK' }, { key: 'startedAs', value: 'demo' }, { key: 'currency', value: 'HKD' }]),
    ).toEqual({
      defaultRegion: 'HK',
      startedAs: 'demo',
      currency: 'HKD',
      status: DEFAULT_STATUS_SETTINGS,
      storeMedianGapDays: null,
    });
  });
  it('ignores unknown keys and values that no longer fit', () => {
    expect(settingsFromRows([{ key: 'defaultRegion', value: 'XX' }, { key: 'bogus', value: 1 }])).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromRows([{ key: 'currency', value: 'XYZ' }]).currency).toBe('CNY');
  });
  it('offers every currency in the list, CNY by default', () => {
    expect(DEFAULT_SETTINGS.currency).toBe('CNY');
    for (const currency of CURRENCIES) expect(settingsFromRows([{ key: 'currency', value: currency }]).currency).toBe(currency);
  });
  it('keeps the status rules when the pure validators accept them, the defaults otherwise', () => {
    expect(DEFAULT_SETTINGS.status).toBe(DEFAULT_STATUS_SETTINGS);
    expect(isValidStatusSettings(DEFAULT_STATUS_SETTINGS)).toBe(true);
    const status = { ...DEFAULT_STATUS_SETTINGS, scheme: { ...DEFAULT_STATUS_SETTINGS.scheme, reviewEveryMonths: 6 } };
    expect(settingsFromRows([{ key: 'status', value: status }]).status).toEqual(status);
    const bad = [
      { ...DEFAULT_STATUS_SETTINGS, scheme: { ...DEFAULT_STATUS_SETTINGS.scheme, reviewEveryMonths: 0 } },
      { ...DEFAULT_STATUS_SETTINGS, lifecycleRules: { ...DEFAULT_STATUS_SETTINGS.lifecycleRules, loyalMinPurchases: 1 } },
      { ...DEFAULT_STATUS_SETTINGS, churnRules: null },
      { scheme: { tiers: 'x' } },
      'status',
      null,
    ];
    for (const value of bad) {
      expect(isValidStatusSettings(value)).toBe(false);
      expect(settingsFromRows([{ key: 'status', value }]).status).toBe(DEFAULT_STATUS_SETTINGS);
    }
  });
  it('caches the store median gap: a positive number or null', () => {
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: 21.5 }]).storeMedianGapDays).toBe(21.5);
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: -1 }]).storeMedianGapDays).toBeNull();
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: 'x' }]).storeMedianGapDays).toBeNull();
  });
});
