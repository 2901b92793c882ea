// The settings repository on fake-indexeddb: configuration only, every write checked, unreadable rows named.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_SETTINGS } from '../../shared/domain/customerStatus';
import { DEFAULT_SETTINGS, type SettingKey } from '../../shared/domain/settings';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createSettingsRepository } from './settings';

const db = freshDatabasePerTest();


describe('settings repository', () => {
  it('reads the defaults from an empty table and gives back what it wrote', async () => {
    const settings = createSettingsRepository(db());
    expect(await settings.readChecked()).toEqual({ settings: DEFAULT_SETTINGS, unreadable: [] });
    const status = { ...DEFAULT_STATUS_SETTINGS, grouping: 'rfm' as const };
    await settings.write('defaultRegion', 'HK');
    await settings.write('currency', 'HKD');
    await settings.write('status', status);
    expect(await settings.read()).toEqual({ ...DEFAULT_SETTINGS, defaultRegion: 'HK', currency: 'HKD', status });
    expect(await settings.statusRules()).toEqual(status);
    expect((await db().settings.toArray()).map((r) => r.key).sort()).toEqual(['currency', 'defaultRegion', 'status']);
  });

  it('refuses a value that does not fit, and a key that is not configuration, storing nothing', async () => {
    const settings = createSettingsRepository(db());
    await expect(settings.write('defaultRegion', 'XX' as never)).rejects.toThrow();
    await expect(settings.write('currency', '' as never)).rejects.toThrow();
    await expect(settings.write('status', { ...DEFAULT_STATUS_SETTINGS, churnRules: null } as never)).rejects.toThrow();
    for (const key of ['ownerPin', 'startedAs', 'statusRecomputedOn', '__proto__']) {
      await expect(settings.write(key as SettingKey, null as never)).rejects.toThrow(/no key/);
    }
    expect(await db().settings.count()).toBe(0);
  });

  it('names each stored value it cannot read, its default standing in, and reads nothing else', async () => {
    await db().settings.bulkPut([
      { key: 'defaultRegion', value: 'ZZ' },
      { key: 'currency', value: 12 },
      { key: 'status', value: { scheme: 'gold' } },
      { key: 'ownerPin', value: 'left from version 5' },
      { key: 'zz-unknown', value: new Map() },
    ]);
    const settings = createSettingsRepository(db());
    expect(await settings.readChecked()).toEqual({ settings: DEFAULT_SETTINGS, unreadable: ['defaultRegion', 'currency', 'status'] });
    expect(await settings.statusRules()).toEqual(DEFAULT_STATUS_SETTINGS);
    // Writing a value puts it right.
    await settings.write('currency', 'EUR');
    expect(await settings.readChecked()).toEqual({ settings: { ...DEFAULT_SETTINGS, currency: 'EUR' }, unreadable: ['defaultRegion', 'status'] });
  });
});
