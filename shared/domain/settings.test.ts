import { describe, expect, it } from 'vitest';
import { CURRENCIES } from './money';
import { DEFAULT_STATUS_SETTINGS } from './customerStatus';
import { DEFAULT_SETTINGS, isValidStatusSettings, settingsFromRows, statusRecomputationDue } from './settings';

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
      rfmCutPoints: null,
      lastTierReviewAt: null,
      statusRecomputedOn: null,
      derivationRulesVersion: 0,
      ownerPin: null,
    });
  });
  it('keeps the owner PIN only as a whole salted-hash record', () => {
    const record = { version: 1, kdf: 'pbkdf2-sha256', iterations: 210_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: `${'A'.repeat(43)}=`, setAt: '2026-11-23T10:00:00.000Z' };
    expect(settingsFromRows([{ key: 'ownerPin', value: record }]).ownerPin).toEqual(record);
    for (const value of [{ ...record, hash: 'short' }, { ...record, pin: '2580' }, '2580', null]) {
      expect(settingsFromRows([{ key: 'ownerPin', value }]).ownerPin).toBeNull();
    }
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
  it('keeps the RFM cut points and the last tier review day only when they fit', () => {
    const cuts = { recency: [-90, -60, -30, -10], frequency: [1, 1, 2, 4], monetary: [100, 500, 900, 3000] };
    expect(settingsFromRows([{ key: 'rfmCutPoints', value: cuts }]).rfmCutPoints).toEqual(cuts);
    expect(settingsFromRows([{ key: 'rfmCutPoints', value: { recency: [1] } }]).rfmCutPoints).toBeNull();
    expect(settingsFromRows([{ key: 'lastTierReviewAt', value: '2026-09-01' }]).lastTierReviewAt).toBe('2026-09-01');
    expect(settingsFromRows([{ key: 'lastTierReviewAt', value: 'yesterday' }]).lastTierReviewAt).toBeNull();
  });
  it('caches the store median gap: a positive number or null', () => {
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: 21.5 }]).storeMedianGapDays).toBe(21.5);
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: -1 }]).storeMedianGapDays).toBeNull();
    expect(settingsFromRows([{ key: 'storeMedianGapDays', value: 'x' }]).storeMedianGapDays).toBeNull();
  });
});

describe('statusRecomputationDue', () => {
  const today = '2026-12-03';
  it('is due once a day', () => {
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 2 }, today, 2)).toBe(false);
    expect(statusRecomputationDue({ statusRecomputedOn: '2026-12-02', derivationRulesVersion: 2 }, today, 2)).toBe(true);
    expect(statusRecomputationDue({ statusRecomputedOn: null, derivationRulesVersion: 0 }, today, 2)).toBe(true);
  });
  it('is due at once when the figures were derived by older rules, even today', () => {
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 0 }, today, 2)).toBe(true);
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 1 }, today, 2)).toBe(true);
    // A store written by a newer app (restored here) is recomputed by this app's rules, too.
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 3 }, today, 2)).toBe(true);
  });
});
