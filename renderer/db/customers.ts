// The customer repository: the only code that reads and writes the customers table.
import Dexie from 'dexie';
import type { Customer, CustomerFields } from '../../shared/domain/customer';
import { customerFieldsOf, deriveCustomerIndexFields, editedCustomerRecord, newCustomerRecord } from '../../shared/domain/customerRecord';
import type { StatusSettings } from '../../shared/domain/customerStatus';
import { settingsFromRows } from '../../shared/domain/settings';
import { assertNever } from '../../shared/result';
import { matchesAllTerms } from '../../shared/domain/searchTokens';
import type { RegularsDatabase } from './database';

export const CUSTOMER_SORT_FIELDS = ['name', 'phone', 'tags', 'totalSpent', 'purchaseCount', 'lastPurchase', 'createdAt', 'updatedAt'] as const;
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

export interface CustomerListResult {
  ids: string[];
  /** True when a search was too broad to rank every match: only the first SEARCH_HIT_CAP were read. */
  truncated: boolean;
  /** False when the matches are too many to put in the list's order: they come in the index's order. */
  ranked: boolean;
}

/** Search hits up to this many are read and put in the list's order; more are shown in index order. */
const RANK_IN_MEMORY_MAX = 300;

/**
 * Index entries read per search term. A one- or two-digit term matches most of a large store; reading
 * all of it would stall typing for seconds, so a broad term shows its first matches and asks for more.
 */
export const SEARCH_HIT_CAP = 1_000;

/** Up to this many tagged customers are read and sorted in memory; more walk the sort index instead. */
const SORT_IN_MEMORY_MAX = 3_000;

function sortIndexOf(field: CustomerSortField): { index: string; key: keyof Customer } {
  switch (field) {
    case 'name':
      return { index: '[isDeleted+nameSort]', key: 'nameSort' };
    case 'phone':
      return { index: '[isDeleted+phoneSort]', key: 'phoneSort' };
    case 'tags':
      return { index: '[isDeleted+tagsSort]', key: 'tagsSort' };
    case 'totalSpent':
      return { index: '[isDeleted+totalSpentFen]', key: 'totalSpentFen' };
    case 'purchaseCount':
      return { index: '[isDeleted+purchaseCount]', key: 'purchaseCount' };
    case 'lastPurchase':
      return { index: '[isDeleted+lastPurchaseSort]', key: 'lastPurchaseSort' };
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
  // The same order as the index: numbers as numbers, strings by code unit, ties by id.
  return (a: Customer, b: Customer) => {
    const x = a[key] as string | number;
    const y = b[key] as string | number;
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign;
  };
}

/** The status rules in force (the group a new customer starts in depends on them). */
export async function statusRules(db: RegularsDatabase): Promise<StatusSettings> {
  return settingsFromRows((await db.settings.bulkGet(['status'])).filter((r) => r !== undefined)).status;
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

  /**
   * Active customers carrying every term. Each term is answered by the token index; the term with
   * the fewest hits decides which records are read, and the others are checked on those records.
   */
  /** Per term, the ids the token index holds (at most SEARCH_HIT_CAP entries), fewest-hits term first. */
  async function termHits(terms: string[]): Promise<{ keys: string[]; complete: boolean }> {
    let best: { keys: string[]; complete: boolean } | null = null;
    for (const term of terms) {
      const raw = (await db.customers.where('searchTokens').startsWith(term).limit(SEARCH_HIT_CAP).primaryKeys()) as string[];
      const candidate = { keys: [...new Set(raw)], complete: raw.length < SEARCH_HIT_CAP };
      if (!best || (candidate.complete && !best.complete) || (candidate.complete === best.complete && candidate.keys.length < best.keys.length)) {
        best = candidate;
      }
      if (candidate.complete && candidate.keys.length === 0) break;
    }
    return best ?? { keys: [], complete: true };
  }

  /** Active customers carrying every term; the other terms are checked on the fewest-hits term's records. */
  async function searchCandidates(terms: string[]): Promise<{ rows: Customer[]; truncated: boolean }> {
    const best = await termHits(terms);
    const rows = (await db.customers.bulkGet(best.keys)).filter(
      (c): c is Customer => !!c && c.isDeleted === 0 && matchesAllTerms(c.searchTokens, terms),
    );
    return { rows, truncated: !best.complete };
  }

  return {
    async create(fields: CustomerFields): Promise<Customer> {
      return db.transaction('rw', [db.customers, db.settings], async () => {
        const record = newCustomerRecord(fields, deps.newId(), deps.now(), undefined, await statusRules(db));
        await db.customers.add(record);
        return record;
      });
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
    async listIds(query: CustomerListQuery): Promise<CustomerListResult> {
      const { index, key } = sortIndexOf(query.sort);
      if (query.terms.length === 1 && query.tag === null) {
        // One broad term: show the index's order and read only the rows on screen. Reading and
        // ranking a thousand records per keystroke is what made typing stutter at 100,000 customers.
        const best = await termHits(query.terms);
        if (best.keys.length > RANK_IN_MEMORY_MAX) return { ids: best.keys, truncated: !best.complete, ranked: false };
      }
      if (query.terms.length > 0) {
        const { rows, truncated } = await searchCandidates(query.terms);
        const ids = rows
          .filter((c) => query.tag === null || c.tags.includes(query.tag))
          .sort(compareBy(key, query.direction))
          .map((c) => c.id);
        return { ids, truncated, ranked: true };
      }
      const tagged = query.tag === null ? null : ((await db.customers.where('tags').equals(query.tag).primaryKeys()) as string[]);
      if (tagged && tagged.length <= SORT_IN_MEMORY_MAX) {
        const rows = (await db.customers.bulkGet(tagged)).filter((c): c is Customer => !!c && c.isDeleted === 0);
        return { ids: rows.sort(compareBy(key, query.direction)).map((c) => c.id), truncated: false, ranked: true };
      }
      let collection = db.customers.where(index).between([0, Dexie.minKey], [0, Dexie.maxKey]);
      if (query.direction === 'desc') collection = collection.reverse();
      const ordered = (await collection.primaryKeys()) as string[];
      if (tagged === null) return { ids: ordered, truncated: false, ranked: true };
      const members = new Set(tagged);
      return { ids: ordered.filter((id) => members.has(id)), truncated: false, ranked: true };
    },

    /**
     * One page of the unfiltered list, in the list's order: the screen reads only the rows it shows,
     * so opening the list costs the same at 100 customers as at 100,000.
     */
    async listPage(sort: CustomerSortField, direction: SortDirection, offset: number, limit: number): Promise<Customer[]> {
      const { index } = sortIndexOf(sort);
      let collection = db.customers.where(index).between([0, Dexie.minKey], [0, Dexie.maxKey]);
      if (direction === 'desc') collection = collection.reverse();
      return collection.offset(offset).limit(limit).toArray();
    },

    /** Quick search for pickers: the first few active matches, sorted by name. */
    async search(terms: string[], limit = 20): Promise<Customer[]> {
      if (terms.length === 0) return [];
      const { rows } = await searchCandidates(terms);
      return rows.sort(compareBy('nameSort', 'asc')).slice(0, limit);
    },

    /** All customers less the trash: counting the store and the (small) trash index is far cheaper than the active range. */
    async countActive(): Promise<number> {
      const [all, trashed] = await Promise.all([
        db.customers.count(),
        db.customers.where('[isDeleted+createdAt]').between([1, Dexie.minKey], [1, Dexie.maxKey]).count(),
      ]);
      return all - trashed;
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
        // No search tokens in the trash: search answers from the index alone, without reading records.
        await db.customers.put({ ...c, deletedAt: at, isDeleted: 1, updatedAt: at, searchTokens: [] });
      });
    },

    async restoreFromTrash(id: string): Promise<void> {
      await db.transaction('rw', db.customers, async () => {
        const c = await requireCustomer(id);
        if (!c.isDeleted) return;
        const { searchTokens } = deriveCustomerIndexFields(customerFieldsOf(c));
        await db.customers.put({ ...c, deletedAt: null, isDeleted: 0, updatedAt: deps.now().toISOString(), searchTokens });
      });
    },

    /** Only a customer already in the trash can be deleted for good; their purchases and contacts go with them. */
    async deleteForever(id: string): Promise<void> {
      await db.transaction('rw', [db.customers, db.purchases, db.interactions, db.tierHistory], async () => {
        const c = await requireCustomer(id);
        if (!c.isDeleted) throw new Error('Only customers in the trash can be deleted for good');
        await db.purchases.where('customerId').equals(id).delete();
        await db.tierHistory.where('customerId').equals(id).delete();
        await db.interactions.where('customerId').equals(id).delete();
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
