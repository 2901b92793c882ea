import { describe, expect, it } from 'vitest';
import { CURRENCIES } from './money';
import { DEFAULT_STATUS_SETTINGS } from './customerStatus';
import { DEFAULT_SETTINGS, isValidStatusSettings, readSettingsRows, SETTING_KEYS, settingsFromRows } from './settings';

describe('settingsFromRows', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(settingsFromRows([])).toEqual(DEFAULT_SETTINGS);
  });
  it('takes stored values over the defaults', () => {
    expect(
      settingsFromRows([{ key: 'defaultRegion', value: 'HK' }, { key: 'startedAs', value: 'demo' }, { key: 'currency', value: 'HKD' }]),
    ).toEqual({ ...DEFAULT_SETTINGS, defaultRegion: 'HK', currency: 'HKD' });
  });
  it('holds configuration only: bookkeeping and the PIN have tables of their own', () => {
    expect([...SETTING_KEYS].sort()).toEqual(['care', 'complaints', 'currency', 'defaultRegion', 'greetings', 'status', 'surveys']);
    const record = { version: 1, kdf: 'pbkdf2-sha256', iterations: 210_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: `${'A'.repeat(43)}=`, setAt: '2026-11-23T10:00:00.000Z' };
    const read = readSettingsRows([{ key: 'ownerPin', value: record }, { key: 'statusRecomputedOn', value: '2026-12-01' }]);
    expect(read).toEqual({ settings: DEFAULT_SETTINGS, unreadable: [] });
  });
  it('names every stored value that no longer fits, its default standing in', () => {
    const hostile: unknown[] = [undefined, null, '', 0, -0, Number.NaN, 'XX', { region: 'CN' }, ['CN'], new Date(0), '__proto__'];
    for (const value of hostile) {
      const read = readSettingsRows([{ key: 'defaultRegion', value }, { key: 'currency', value }, { key: 'status', value }]);
      expect(read.settings, String(value)).toEqual(DEFAULT_SETTINGS);
      expect(read.unreadable, String(value)).toEqual(['defaultRegion', 'currency', 'status']);
    }
    expect(readSettingsRows([{ key: 'currency', value: 'HKD' }, { key: 'defaultRegion', value: 'XX' }])).toEqual({ settings: { ...DEFAULT_SETTINGS, currency: 'HKD' }, unreadable: ['defaultRegion'] });
    // Keys of Object.prototype are not settings.
    expect(readSettingsRows([{ key: 'toString', value: 'x' }, { key: '__proto__', value: { currency: 'HKD' } }])).toEqual({ settings: DEFAULT_SETTINGS, unreadable: [] });
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
      expect(settingsFromRows([{ key: 'status', value }]).status).toEqual(DEFAULT_STATUS_SETTINGS);
    }
    expect(isValidStatusSettings({ ...DEFAULT_STATUS_SETTINGS, grouping: 'stars' })).toBe(false);
    expect(isValidStatusSettings({ ...DEFAULT_STATUS_SETTINGS, rfmBenefits: { ...DEFAULT_STATUS_SETTINGS.rfmBenefits, lost: { discountPercent: 120, pointsMultiplier: 1, contactCadenceDays: 30 } } })).toBe(false);
  });
  it('reads status rules saved before the RFM grouping with its defaults, keeping the owner\'s tiers', () => {
    const { grouping: _g, rfmBenefits: _b, ...old } = { ...DEFAULT_STATUS_SETTINGS, scheme: { ...DEFAULT_STATUS_SETTINGS.scheme, windowMonths: 6 } };
    const read = settingsFromRows([{ key: 'status', value: old }]).status;
    expect(read).toEqual({ ...DEFAULT_STATUS_SETTINGS, scheme: { ...DEFAULT_STATUS_SETTINGS.scheme, windowMonths: 6 } });
  });
});
