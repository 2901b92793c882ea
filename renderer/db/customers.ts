// The customer repository: the only code that reads and writes the customers table.
import Dexie from 'dexie';
import type { Customer, CustomerFields } from '../../shared/domain/customer';
import { editedCustomerRecord, newCustomerRecord } from '../../shared/domain/customerRecord';
import { assertNever } from '../../shared/result';
import type { RegularsDatabase } from './database';

export const CUSTOMER_SORT_FIELDS = ['name', 'phone', 'tags', 'createdAt', 'updatedAt'] as const;
export type CustomerSortField = (typeof CUSTOMER_SORT_FIELDS)[number];
export type SortDirection = 'asc' | 'desc';

export interface CustomerListQuery {
  sort: CustomerSortField;
  direction: SortDirection;
  /** Search terms already normalized (see normalizeSearchQuery); every term must match. */
  terms: string[];
  tag: string | null;
}

export interface DuplicateMatches {
  byPhone: Customer[];
  byEmail: Customer[];
}

export interface RepositoryDeps {
  now: () => Date;
  newId: () => string;
}

/** Below this many search hits, sorting the hits in memory beats walking the whole sort index. */
const SMALL_RESULT = 2_000;

function sortIndexOf(field: CustomerSortField): { index: string; key: keyof Customer } {
  switch (field) {
    case 'name':
      return { index: '[isDeleted+nameSort]', key: 'nameSort' };
    case 'phone':
      return { index: '[isDeleted+phoneSort]', key: 'phoneSort' };
    case 'tags':
      return { index: '[isDeleted+tagsSort]', key: 'tagsSort' };
    case 'createdAt':
      return { index: '[isDeleted+createdAt]', key: 'createdAt' };
    case 'updatedAt':
      return { index: '[isDeleted+updatedAt]', key: 'updatedAt' };
    default:
      return assertNever(field, 'sort field');
  }
}

function compareBy(key: keyof Customer, direction: SortDirection) {
  const sign = direction === 'asc' ? 1 : -1;
  return (a: Customer, b: Customer) => {
    const x = String(a[key]);
    const y = String(b[key]);
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

export class CustomerNotFoundError extends Error {
  constructor(id: string) {
    super(`Customer ${id} not found`);
    this.name = 'CustomerNotFoundError';
  }
}

export function createCustomerRepository(db: RegularsDatabase, deps: RepositoryDeps) {
  async function requireCustomer(id: string): Promise<Customer> {
    const found = await db.customers.get(id);
    if (!found) throw new CustomerNotFoundError(id);
    return found;
  }

  /** Ids of customers carrying every term (each term answered by the token index, never a scan). */
  async function idsMatchingTerms(terms: string[]): Promise<Set<string> | null> {
    let result: Set<string> | null = null;
    for (const term of terms) {
      const keys = (await db.customers.where('searchTokens').startsWith(term).primaryKeys()) as string[];
      const hits = new Set<string>(keys);
      const previous: Set<string> | null = result;
      result = previous === null ? hits : new Set([...previous].filter((id: string) => hits.has(id)));
      if (result.size === 0) break;
    }
    return result;
  }

  return {
    async create(fields: CustomerFields): Promise<Customer> {
      const record = newCustomerRecord(fields, deps.newId(), deps.now());
      await db.customers.add(record);
      return record;
    },

    async update(id: string, fields: CustomerFields): Promise<Customer> {
      return db.transaction('rw', db.customers, async () => {
        const existing = await requireCustomer(id);
        const record = editedCustomerRecord(existing, fields, deps.now());
        await db.customers.put(record);
        return record;
      });
    },

    get(id: string): Promise<Customer | undefined> {
      return db.customers.get(id);
    },

    async getMany(ids: string[]): Promise<(Customer | undefined)[]> {
      return db.customers.bulkGet(ids);
    },

    /** The ordered ids of the active customers that match the query. */
    async listIds(query: CustomerListQuery): Promise<string[]> {
      const filters: Set<string>[] = [];
      if (query.tag !== null) filters.push(new Set(await db.customers.where('tags').equals(query.tag).primaryKeys()));
      const termHits = query.terms.length ? await idsMatchingTerms(query.terms) : null;
      if (termHits) filters.push(termHits);

      const { index, key } = sortIndexOf(query.sort);
      const smallest = filters.reduce<Set<string> | null>((a, b) => (a === null || b.size < a.size ? b : a), null);
      if (smallest && smallest.size <= SMALL_RESULT) {
        const rows = (await db.customers.bulkGet([...smallest])).filter(
          (c): c is Customer => !!c && c.isDeleted === 0 && filters.every((f) => f.has(c.id)),
        );
        return rows.sort(compareBy(key, query.direction)).map((c) => c.id);
      }
      let collection = db.customers.where(index).between([0, Dexie.minKey], [0, Dexie.maxKey]);
      if (query.direction === 'desc') collection = collection.reverse();
      const ordered = (await collection.primaryKeys()) as string[];
      return filters.length ? ordered.filter((id) => filters.every((f) => f.has(id))) : ordered;
    },

    /** Quick search for pickers: the first few active matches, best sorted by name. */
    async search(terms: string[], limit = 20): Promise<Customer[]> {
      if (terms.length === 0) return [];
      const ids = await idsMatchingTerms(terms);
      if (!ids) return [];
      const rows = await db.customers.bulkGet([...ids].slice(0, 500));
      return rows
        .filter((c): c is Customer => !!c && c.isDeleted === 0)
        .sort(compareBy('nameSort', 'asc'))
        .slice(0, limit);
    },

    countActive(): Promise<number> {
      return db.customers.where('[isDeleted+createdAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).count();
    },

    /** Other customers (trash included, so nothing is silently doubled) sharing a phone or the email. */
    async findDuplicates(candidate: { phoneKeys: string[]; emailKey: string; excludeId: string | null }): Promise<DuplicateMatches> {
      const keys = candidate.phoneKeys.filter(Boolean);
      const byPhone = keys.length ? await db.customers.where('phoneKeys').anyOf(keys).distinct().toArray() : [];
      const byEmail = candidate.emailKey ? await db.customers.where('emailKey').equals(candidate.emailKey).toArray() : [];
      const other = (c: Customer) => c.id !== candidate.excludeId;
      return { byPhone: byPhone.filter(other), byEmail: byEmail.filter(other) };
    },

    /** Every tag in use (trash included), for suggestions and the tag filter. */
    async allTags(): Promise<string[]> {
      const tags = (await db.customers.orderBy('tags').uniqueKeys()) as string[];
      return tags;
    },

    async moveToTrash(id: string): Promise<void> {
      await db.transaction('rw', db.customers, async () => {
        const c = await requireCustomer(id);
        if (c.isDeleted) return;
        const at = deps.now().toISOString();
        await db.customers.put({ ...c, deletedAt: at, isDeleted: 1, updatedAt: at });
      });
    },

    async restoreFromTrash(id: string): Promise<void> {
      await db.transaction('rw', db.customers, async () => {
        const c = await requireCustomer(id);
        if (!c.isDeleted) return;
        await db.customers.put({ ...c, deletedAt: null, isDeleted: 0, updatedAt: deps.now().toISOString() });
      });
    },

    /** Only a customer already in the trash can be deleted for good. */
    async deleteForever(id: string): Promise<void> {
      await db.transaction('rw', db.customers, async () => {
        const c = await requireCustomer(id);
        if (!c.isDeleted) throw new Error('Only customers in the trash can be deleted for good');
        await db.customers.delete(id);
      });
    },

    /** The trash, most recently deleted first. */
    listTrash(): Promise<Customer[]> {
      return db.customers.where('[isDeleted+deletedAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).reverse().toArray();
    },

    /** Bulk insert in one transaction (demo store, later imports). */
    async addMany(records: Customer[]): Promise<void> {
      await db.transaction('rw', db.customers, async () => {
        await db.customers.bulkAdd(records);
      });
    },
  };
}

export type CustomerRepository = ReturnType<typeof createCustomerRepository>;
