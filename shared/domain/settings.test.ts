import { describe, expect, it } from 'vitest';
import { CURRENCIES } from './money';
import { DEFAULT_SETTINGS, settingsFromRows } from './settings';

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
});
