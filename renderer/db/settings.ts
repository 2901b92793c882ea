// The settings repository: the only code that reads and writes the settings table (the owner's configuration).
import { readSettingsRows, SETTING_KEYS, storeSettingsSchema, type SettingKey, type SettingsRead, type StoreSettings } from '../../shared/domain/settings';
import type { StatusSettings } from '../../shared/domain/customerStatus';
import type { RegularsDatabase } from './database';
import { recordAudit, type AuditDeps } from './audit';
import { writeTransaction } from './derivation/scopes';
import { systemClock } from '../platform/systemClock';

const APP_DEPS: AuditDeps = { now: systemClock, newId: () => crypto.randomUUID() };

/** `deps`: the clock and ids of the audit entry each write records (the app's unless given). */
export function createSettingsRepository(db: RegularsDatabase, deps: AuditDeps = APP_DEPS) {
  /** Only the configuration's keys are read; each stored value is checked, an unreadable one named. */
  async function readChecked(): Promise<SettingsRead> {
    return readSettingsRows((await db.settings.bulkGet(SETTING_KEYS)).filter((r) => r !== undefined));
  }
  return {
    readChecked,
    async read(): Promise<StoreSettings> {
      return (await readChecked()).settings;
    },
    /** The status rules in force (inside a transaction that includes the settings table, or on its own). */
    statusRules(): Promise<StatusSettings> {
      // Dexie's promise, no async wrapper: callers await it inside their write transactions (see bookkeeping.ts).
      return db.settings.bulkGet(['status']).then((rows) => readSettingsRows(rows.filter((r) => r !== undefined)).settings.status);
    },
    /** Throws when `value` does not fit the key's schema: nothing is stored then. */
    async write<K extends SettingKey>(key: K, value: StoreSettings[K]): Promise<void> {
      if (!SETTING_KEYS.includes(key)) throw new Error(`settings: no key ${String(key)}`);
      const parsed = storeSettingsSchema.shape[key].parse(value);
      await writeTransaction(db, ['settings'], [], async () => {
        await db.settings.put({ key, value: parsed });
        // A code (region, currency) is said; a rule set is named only by its key.
        await recordAudit(db, deps, { kind: 'settings.change', facts: { key, value: typeof parsed === 'string' ? parsed : null } });
      });
    },
  };
}

export type SettingsRepository = ReturnType<typeof createSettingsRepository>;
