// Version 6: the settings table keeps only the owner's configuration; the app's bookkeeping (derivation
// caches, job markers, how the store was started) and the owner PIN move to tables of their own.
import type { Transaction } from 'dexie';

/** The tables version 6 adds: bookkeeping by key, PIN records by role. */
export const V6_NEW_TABLES = {
  bookkeeping: 'key',
  pins: 'role',
} as const;

/** The settings keys that are bookkeeping, as of version 5: this migration's own copy, never the live list. */
export const V6_BOOKKEEPING_KEYS = ['startedAs', 'storeMedianGapDays', 'rfmCutPoints', 'statusRecomputedOn', 'derivationRulesVersion', 'lastTierReviewAt'] as const;

/** The settings key of the owner PIN's record in version 5; from 6 on it is the pins row of role 'owner'. */
export const V6_OWNER_PIN_KEY = 'ownerPin';

/** Where the rows this version takes out of a table are afterwards (a restore counts them there). */
export const V6_ROWS_MOVED: Readonly<Record<string, readonly string[]>> = { settings: ['bookkeeping', 'pins'] };

interface SettingRowV5 {
  key: string;
  value: unknown;
}

/**
 * Moves the rows as they are, values unchecked: the new tables' readers check each value against its
 * schema, so a value that did not fit before still does not, and is named, rather than dropped here.
 * Every moved row lands in exactly one new row, so no row is lost.
 */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const settings = tx.table<SettingRowV5, string>('settings');
  const keys = [...V6_BOOKKEEPING_KEYS, V6_OWNER_PIN_KEY];
  const found = (await settings.bulkGet(keys)).filter((row): row is SettingRowV5 => row !== undefined);
  const bookkeeping = found.filter((row) => row.key !== V6_OWNER_PIN_KEY).map((row) => ({ key: row.key, value: row.value }));
  const pin = found.find((row) => row.key === V6_OWNER_PIN_KEY);
  if (bookkeeping.length) await tx.table('bookkeeping').bulkPut(bookkeeping);
  if (pin) await tx.table('pins').put({ role: 'owner', record: pin.value });
  await settings.bulkDelete(found.map((row) => row.key));
}
