// The one Dexie class. It holds the whole version history: a shipped version is never edited;
// each change is a new version with an upgrade function and a test that opens the previous one.
import Dexie, { type EntityTable } from 'dexie';
import type { Customer } from '../../shared/domain/customer';

export interface SettingRow {
  key: string;
  value: unknown;
}

export const DATABASE_NAME = 'regulars';

/** Version 1: the customer file and the store's settings. */
export const SCHEMA_V1 = {
  customers:
    'id, *searchTokens, *tags, *phoneKeys, emailKey, [isDeleted+nameSort], [isDeleted+phoneSort], [isDeleted+tagsSort], [isDeleted+createdAt], [isDeleted+updatedAt], [isDeleted+deletedAt]',
  settings: 'key',
} as const;

export class RegularsDatabase extends Dexie {
  customers!: EntityTable<Customer, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;

  constructor(name: string = DATABASE_NAME, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
  }
}

let current: RegularsDatabase | null = null;

/** The app's database; tests open their own with a unique name. */
export function database(): RegularsDatabase {
  current ??= new RegularsDatabase();
  return current;
}
