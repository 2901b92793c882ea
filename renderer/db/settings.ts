// The settings repository: the only code that reads and writes the settings table.
import { settingsFromRows, storeSettingsSchema, type SettingKey, type StoreSettings } from '../../shared/domain/settings';
import type { RegularsDatabase } from './database';

export function createSettingsRepository(db: RegularsDatabase) {
  return {
    async read(): Promise<StoreSettings> {
      return settingsFromRows(await db.settings.toArray());
    },
    async write<K extends SettingKey>(key: K, value: StoreSettings[K]): Promise<void> {
      const parsed = storeSettingsSchema.shape[key].parse(value);
      await db.settings.put({ key, value: parsed });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
