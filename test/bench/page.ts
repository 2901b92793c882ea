// The bench page: the app's real database code, driven by test/bench/run.ts through window.regularsBench.
// Every app figure goes through the same repository calls the screens make; every raw figure is plain
// IndexedDB doing the same job on a second database with the same indexes.
import Dexie from 'dexie';
import { RegularsDatabase, SCHEMA_V1 } from '../../renderer/db/database';
import { createCustomerRepository, type CustomerListQuery, type CustomerRepository } from '../../renderer/db/customers';
import type { Customer } from '../../shared/domain/customer';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import { DEMO_TAGS, generateDemoCustomers } from '../../shared/domain/demoStore';
import { createRng } from '../../shared/domain/random';
import { normalizeSearchQuery } from '../../shared/domain/searchTokens';
import type { BenchApi, PairedSample, Probe, SearchBreakdown, SeedOptions } from './protocol';

/** The rows a screen shows at once (the virtualized table loads only these by id). */
const VISIBLE_ROWS = 40;
/** A fixed clock, so the same seed gives the same store. */
const NOW = new Date('2026-06-01T08:00:00.000Z');
const RAW_DB = 'regulars-bench-raw';
const PROBES = 5;

const db = new RegularsDatabase();
const repo: CustomerRepository = createCustomerRepository(db, { now: () => NOW, newId: () => crypto.randomUUID() });
let raw: IDBDatabase | null = null;
let records: Customer[] = [];
let chunkSize = 5_000;
let probes: Probe[] = [];

// ---------- raw IndexedDB helpers ----------

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

/** The app's index list (SCHEMA_V1), parsed, so the baseline pays for exactly the same indexes. */
function schemaIndexes(): { name: string; keyPath: string | string[]; multiEntry: boolean; unique: boolean }[] {
  const [, ...specs] = SCHEMA_V1.customers.split(',').map((s) => s.trim());
  return specs.map((spec) => {
    const unique = spec.startsWith('&');
    const multiEntry = spec.startsWith('*');
    const name = spec.replace(/^[&*]/, '');
    const keyPath = name.startsWith('[') ? name.slice(1, -1).split('+') : name;
    return { name, keyPath, multiEntry, unique };
  });
}

function openRaw(): Promise<IDBDatabase> {
  const request = indexedDB.open(RAW_DB, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore('customers', { keyPath: 'id' });
    for (const index of schemaIndexes()) {
      store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry, unique: index.unique });
    }
  };
  return done(request);
}

function rawDb(): IDBDatabase {
  if (!raw) throw new Error('raw database not open: call writeRaw first');
  return raw;
}

/** getAllKeys in a direction (IndexedDB 3.1's options form where there is one, a key cursor otherwise). */
async function rawKeys(source: IDBIndex, range: IDBKeyRange, direction: IDBCursorDirection): Promise<IDBValidKey[]> {
  if (direction === 'next') return done(source.getAllKeys(range));
  if ('getAllRecords' in IDBObjectStore.prototype) {
    const getAllKeys = source.getAllKeys as unknown as (options: { query: IDBKeyRange; direction: IDBCursorDirection }) => IDBRequest<IDBValidKey[]>;
    return done(getAllKeys.call(source, { query: range, direction }));
  }
  return new Promise((resolve, reject) => {
    const out: IDBValidKey[] = [];
    const request = source.openKeyCursor(range, direction);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      out.push(cursor.primaryKey);
      cursor.continue();
    };
    request.onerror = () => reject(request.error ?? new Error('cursor failed'));
  });
}

/** The first `count` distinct keys, in order. */
function firstDistinct(keys: readonly IDBValidKey[], count: number): IDBValidKey[] {
  const seen = new Set<IDBValidKey>();
  for (const key of keys) {
    if (seen.size >= count) break;
    seen.add(key);
  }
  return [...seen];
}

function rawGetMany(store: IDBObjectStore, keys: readonly IDBValidKey[]): Promise<unknown[]> {
  return Promise.all(keys.map((key) => done(store.get(key))));
}

/** Raw baseline of a search: a prefix range on the multi-entry token index per term, then the visible rows. */
async function rawSearch(terms: string[]): Promise<number> {
  const tx = rawDb().transaction('customers', 'readonly');
  const store = tx.objectStore('customers');
  const index = store.index('searchTokens');
  let hits: IDBValidKey[] = [];
  for (const [i, term] of terms.entries()) {
    const keys = await done(index.getAllKeys(IDBKeyRange.bound(term, term + '\uffff')));
    if (i === 0) hits = keys;
    else {
      const set = new Set(keys);
      hits = hits.filter((k) => set.has(k));
    }
  }
  await rawGetMany(store, firstDistinct(hits, VISIBLE_ROWS));
  return hits.length;
}

/** Raw baseline of the list: every key of a sort index, then the visible rows. */
async function rawList(indexName: string, direction: IDBCursorDirection): Promise<number> {
  const tx = rawDb().transaction('customers', 'readonly');
  const store = tx.objectStore('customers');
  const keys = await rawKeys(store.index(indexName), IDBKeyRange.bound([0, -Infinity], [0, []]), direction);
  await rawGetMany(store, keys.slice(0, VISIBLE_ROWS));
  return keys.length;
}

async function rawTag(tag: string): Promise<number> {
  const tx = rawDb().transaction('customers', 'readonly');
  const store = tx.objectStore('customers');
  const keys = await done(store.index('tags').getAllKeys(IDBKeyRange.only(tag)));
  await rawGetMany(store, keys.slice(0, VISIBLE_ROWS));
  return keys.length;
}

// ---------- the app's way ----------

/** What the list screen does: the ordered ids, then the records of the visible rows. */
async function appQuery(query: CustomerListQuery): Promise<number> {
  const ids = await repo.listIds(query);
  await repo.getMany(ids.slice(0, VISIBLE_ROWS));
  return ids.length;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** Times the app and the baseline back to back, alternating which goes first so neither always reads warm. */
async function paired(
  order: number,
  section: string,
  label: string,
  app: () => Promise<number>,
  baseline: () => Promise<number>,
): Promise<PairedSample> {
  let a: { ms: number; value: number };
  let b: { ms: number; value: number };
  if (order % 2 === 0) {
    a = await timed(app);
    b = await timed(baseline);
  } else {
    b = await timed(baseline);
    a = await timed(app);
  }
  return { section, label, appMs: a.ms, rawMs: b.ms, hits: a.value };
}

// ---------- data ----------

function deterministicUuid(rng: ReturnType<typeof createRng>): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = ((rng.int(0, 15) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

function prefixes(text: string): string[] {
  const chars = [...text];
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

/** Customers with a Chinese name of 2–3 characters and a mainland mobile, spread through the data set. */
function pickProbes(all: readonly Customer[]): Probe[] {
  const out: Probe[] = [];
  for (let k = 0; k < PROBES; k++) {
    for (let i = Math.floor(((k + 0.5) * all.length) / PROBES); i < all.length; i++) {
      const c = all[i]!;
      const phone = c.phones.find((p) => p.primary)?.normalized ?? '';
      const nameOk = /^\p{Script=Han}{2,3}$/u.test(c.name) && c.nameSort.split(' ').length === [...c.name].length;
      if (!nameOk || !/^\+861\d{10}$/.test(phone)) continue;
      const digits = phone.slice(3);
      const syllables = c.nameSort.split(' ');
      out.push({
        name: c.name,
        phoneDigits: digits,
        sequences: [
          { section: 'search: phone digits', keystrokes: prefixes(digits) },
          { section: 'search: phone tail', keystrokes: prefixes(digits.slice(-4)) },
          { section: 'search: pinyin initials', keystrokes: prefixes(syllables.map((s) => s[0]).join('')) },
          { section: 'search: pinyin full', keystrokes: prefixes(syllables.join('').slice(0, 8)) },
          { section: 'search: Chinese name', keystrokes: prefixes(c.name) },
        ],
      });
      break;
    }
  }
  return out;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------- the API the runner calls ----------

const api: BenchApi = {
  async prepare(options: SeedOptions) {
    chunkSize = options.chunk;
    const start = performance.now();
    const rng = createRng(options.seed ^ 0x5eed);
    const demo = generateDemoCustomers({ seed: options.seed, count: options.customers, now: NOW, newId: () => deterministicUuid(rng) });
    records = demo.map((d) => newCustomerRecord(d.fields, d.id, NOW, d.createdAt));
    const buildMs = performance.now() - start;
    probes = pickProbes(records);
    const tokens = records.reduce((sum, r) => sum + r.searchTokens.length, 0);
    return { customers: records.length, buildMs, tokensPerCustomer: tokens / Math.max(1, records.length), probes };
  },

  async writeApp() {
    await db.open();
    const parts = chunks(records, chunkSize);
    const start = performance.now();
    for (const part of parts) await repo.addMany(part);
    return { ms: performance.now() - start, chunks: parts.length };
  },

  async writeRaw() {
    raw ??= await openRaw();
    const database = raw;
    const parts = chunks(records, chunkSize);
    const start = performance.now();
    for (const part of parts) {
      const tx = database.transaction('customers', 'readwrite');
      const store = tx.objectStore('customers');
      for (const record of part) store.put(record);
      await committed(tx);
    }
    return { ms: performance.now() - start, chunks: parts.length };
  },

  async release() {
    records = [];
  },

  async search(passes: number) {
    const out: PairedSample[] = [];
    let order = 0;
    for (let pass = 0; pass < passes; pass++) {
      for (const probe of probes) {
        for (const { section, keystrokes } of probe.sequences) {
          for (const typed of keystrokes) {
            out.push(
              await paired(
                order++,
                section,
                typed,
                () => appQuery({ sort: 'updatedAt', direction: 'desc', terms: normalizeSearchQuery(typed), tag: null }),
                () => rawSearch(normalizeSearchQuery(typed)),
              ),
            );
          }
        }
      }
    }
    return out;
  },

  async list(repeats: number) {
    const variants = [
      { section: 'list: by name', query: { sort: 'name', direction: 'asc' } as const, index: '[isDeleted+nameSort]', direction: 'next' as const },
      { section: 'list: by last update', query: { sort: 'updatedAt', direction: 'desc' } as const, index: '[isDeleted+updatedAt]', direction: 'prev' as const },
    ];
    const out: PairedSample[] = [];
    let order = 0;
    for (let r = 0; r < repeats; r++) {
      for (const v of variants) {
        out.push(
          await paired(
            order++,
            v.section,
            `${v.query.sort} ${v.query.direction}`,
            () => appQuery({ ...v.query, terms: [], tag: null }),
            () => rawList(v.index, v.direction),
          ),
        );
      }
    }
    return out;
  },

  async tags(repeats: number) {
    const out: PairedSample[] = [];
    let order = 0;
    for (let r = 0; r < repeats; r++) {
      for (const tag of DEMO_TAGS) {
        out.push(
          await paired(
            order++,
            'tag filter',
            tag,
            () => appQuery({ sort: 'updatedAt', direction: 'desc', terms: [], tag }),
            () => rawTag(tag),
          ),
        );
      }
    }
    return out;
  },

  async breakdown(queries: string[]) {
    const out: SearchBreakdown[] = [];
    for (const query of queries) {
      const terms = normalizeSearchQuery(query);
      const steps: { step: string; ms: number }[] = [];
      const step = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
        const { ms, value } = await timed(async () => fn());
        steps.push({ step: name, ms });
        return value;
      };
      const total = performance.now();
      // The same calls listIds makes, one at a time.
      let hits: Set<string> | null = null;
      let indexEntries = 0;
      for (const term of terms) {
        const keys = (await step(`token index primaryKeys "${term}"`, () =>
          db.customers.where('searchTokens').startsWith(term).primaryKeys(),
        )) as string[];
        indexEntries += keys.length;
        const set = await step('new Set(keys)', () => new Set(keys));
        const previous: Set<string> | null = hits;
        hits = previous === null ? set : await step('intersect', () => new Set([...previous].filter((id) => set.has(id))));
      }
      const found = hits ?? new Set<string>();
      let ids: string[];
      let path: string;
      if (found.size <= 2_000) {
        path = 'sort hits in memory';
        const rows = await step('bulkGet(all hits)', () => db.customers.bulkGet([...found]));
        ids = await step('filter + sort in memory', () =>
          rows
            .filter((c): c is Customer => !!c && c.isDeleted === 0)
            .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
            .map((c) => c.id),
        );
      } else {
        path = 'walk sort index';
        const ordered = (await step('sort index primaryKeys (reverse)', () =>
          db.customers.where('[isDeleted+updatedAt]').between([0, Dexie.minKey], [0, Dexie.maxKey]).reverse().primaryKeys(),
        )) as string[];
        ids = await step('filter by hit set', () => ordered.filter((id) => found.has(id)));
      }
      await step(`bulkGet(${VISIBLE_ROWS} visible rows)`, () => db.customers.bulkGet(ids.slice(0, VISIBLE_ROWS)));
      const totalMs = performance.now() - total;
      const first = terms[0] ?? '';
      const rawKeys = await timed(() =>
        done(rawDb().transaction('customers', 'readonly').objectStore('customers').index('searchTokens').getAllKeys(IDBKeyRange.bound(first, first + '\uffff'))),
      );
      out.push({ query, terms, indexEntries, hits: found.size, path, steps, totalMs, rawKeysMs: rawKeys.ms });
    }
    return out;
  },
};

window.regularsBench = api;
document.body.dataset.ready = 'true';
