import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingsFromRows } from './settings';

describe('settingsFromRows', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(settingsFromRows([])).toEqual(DEFAULT_SETTINGS);
  });
  it('takes stored values over the defaults', () => {
    expect(settingsFromRows([{ key: 'defaultRegion', value: 'HK' }, { key: 'startedAs', value: 'demo' }])).toEqual({
      defaultRegion: 'HK',
      startedAs: 'demo',
    });
  });
  it('ignores unknown keys and values that no longer fit', () => {
    expect(settingsFromRows([{ key: 'defaultRegion', value: 'XX' }, { key: 'bogus', value: 1 }])).toEqual(DEFAULT_SETTINGS);
  });
});
