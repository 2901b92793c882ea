// The bench page: the app's real database code, driven by test/bench/run.ts through globalThis.regularsBench.
// Every app figure goes through the same repository calls the customer list makes; every raw figure
// is plain IndexedDB doing the same job on a second database with the same indexes.
// When the list screen changes what it asks the repository, change the "what the screen does"
// functions below with it (and the breakdown, which repeats listIds' steps one at a time).
import { RegularsDatabase } from '../../renderer/db/database';
import { createCustomerRepository, SEARCH_HIT_CAP, type CustomerListQuery, type CustomerRepository } from '../../renderer/db/customers';
import type { Customer } from '../../shared/domain/customer';
import { newCustomerRecord } from '../../shared/domain/customerRecord';
import { DEMO_TAGS, generateDemoCustomers } from '../../shared/domain/demoStore';
import { createRng } from '../../shared/domain/random';
import { matchesAllTerms, normalizeSearchQuery } from '../../shared/domain/searchTokens';
import { BENCH_GLOBAL, type BenchApi, type PairedSample, type Probe, type SearchBreakdown, type SeedOptions } from './protocol';

/** Rows of a filtered list the screen shows at once (the virtualized table loads only these, by id). */
const VISIBLE_ROWS = 40;
/** Rows the unfiltered list reads per page (CustomerTable's PAGE_ROWS). */
const PAGE_ROWS = 100;
/** A fixed clock, so the same seed gives the same store. */
const NOW = new Date('2026-06-01T08:00:00.000Z');
const RAW_DB = 'regulars-bench-raw';
const PROBES = 5;
const ACTIVE = IDBKeyRange.bound([0, -Infinity], [0, []]);

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

/** The baseline gets exactly the indexes the app's current schema gives the customers table. */
async function openRaw(): Promise<IDBDatabase> {
  await db.open();
  const schema = db.customers.schema;
  const request = indexedDB.open(RAW_DB, 1);
  request.onupgradeneeded = () => {
    const store = request.result.createObjectStore('customers', { keyPath: schema.primKey.keyPath as string });
    for (const index of schema.indexes) {
      store.createIndex(index.name, index.keyPath as string | string[], { multiEntry: !!index.multi, unique: !!index.unique });
    }
  };
  return done(request);
}

function rawStore(): IDBObjectStore {
  if (!raw) throw new Error('raw database not open: call write first');
  return raw.transaction('customers', 'readonly').objectStore('customers');
}

/** Direction-aware getAll/getAllKeys (IndexedDB 3.1's options form, which Chromium 141+ has; a cursor elsewhere). */
const HAS_OPTIONS_FORM = 'getAllRecords' in IDBObjectStore.prototype;

function rawRange<K extends 'getAll' | 'getAllKeys'>(
  source: IDBIndex,
  kind: K,
  range: IDBKeyRange,
  direction: IDBCursorDirection,
  count?: number,
): Promise<unknown[]> {
  if (direction === 'next') return done(source[kind](range, count));
  if (HAS_OPTIONS_FORM) {
    const call = source[kind] as unknown as (options: { query: IDBKeyRange; direction: IDBCursorDirection; count?: number }) => IDBRequest<unknown[]>;
    return done(call.call(source, { query: range, direction, count }));
  }
  return cursorWindow(source, range, direction, 0, count ?? Infinity, kind === 'getAll');
}

/** Rows offset..offset+count of an index through a cursor (advance, then continue), as Dexie's offset does. */
function cursorWindow(source: IDBIndex, range: IDBKeyRange, direction: IDBCursorDirection, offset: number, count: number, values: boolean): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const out: unknown[] = [];
    const request = values ? source.openCursor(range, direction) : source.openKeyCursor(range, direction);
    let skipped = offset === 0;
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve(out);
      if (!skipped) {
        skipped = true;
        cursor.advance(offset);
        return;
      }
      out.push(values ? (cursor as IDBCursorWithValue).value : cursor.primaryKey);
      if (out.length >= count) return resolve(out);
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

// ---------- the raw baselines ----------

/**
 * A search: a prefix range on the multi-entry token index per term, read up to the same cap the app
 * uses (an uncapped read of "1" at 100,000 customers is seconds), then the visible rows.
 */
async function rawSearch(terms: string[]): Promise<number> {
  const store = rawStore();
  const index = store.index('searchTokens');
  let hits: IDBValidKey[] = [];
  for (const [i, term] of terms.entries()) {
    const keys = await done(index.getAllKeys(IDBKeyRange.bound(term, term + '\uffff'), SEARCH_HIT_CAP));
    if (i === 0) hits = keys;
    else {
      const set = new Set(keys);
      hits = hits.filter((k) => set.has(k));
    }
  }
  const distinct = firstDistinct(hits, VISIBLE_ROWS);
  await rawGetMany(store, distinct);
  return distinct.length;
}

async function rawCount(): Promise<number> {
  return done(rawStore().index('[isDeleted+createdAt]').count(ACTIVE));
}

async function rawPage(indexName: string, direction: IDBCursorDirection, offset: number): Promise<number> {
  const index = rawStore().index(indexName);
  const rows = offset === 0 ? await rawRange(index, 'getAll', ACTIVE, direction, PAGE_ROWS) : await cursorWindow(index, ACTIVE, direction, offset, PAGE_ROWS, true);
  return rows.length;
}

async function rawTag(tag: string): Promise<number> {
  const store = rawStore();
  const keys = await done(store.index('tags').getAllKeys(IDBKeyRange.only(tag)));
  await rawGetMany(store, keys.slice(0, VISIBLE_ROWS));
  return keys.length;
}

// ---------- what the screen does ----------

/** A search or tag filter: the ordered ids, then the records of the visible rows. */
async function appFiltered(query: CustomerListQuery): Promise<{ hits: number; truncated: boolean }> {
  const { ids, truncated } = await repo.listIds(query);
  await repo.getMany(ids.slice(0, VISIBLE_ROWS));
  return { hits: ids.length, truncated };
}

// ---------- timing ----------

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

interface Answer {
  hits: number;
  truncated?: boolean;
}

/** Times the app and the baseline back to back, alternating which goes first so neither always reads warm. */
async function paired(order: number, section: string, label: string, app: () => Promise<Answer>, baseline: () => Promise<unknown>): Promise<PairedSample> {
  let a: { ms: number; value: Answer };
  let b: { ms: number };
  if (order % 2 === 0) {
    a = await timed(app);
    b = await timed(baseline);
  } else {
    b = await timed(baseline);
    a = await timed(app);
  }
  return { section, label, appMs: a.ms, rawMs: b.ms, hits: a.value.hits, truncated: a.value.truncated ?? false };
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

let customerCount = 0;

const api: BenchApi = {
  async prepare(options: SeedOptions) {
    chunkSize = options.chunk;
    const start = performance.now();
    const rng = createRng(options.seed ^ 0x5eed);
    const demo = generateDemoCustomers({ seed: options.seed, count: options.customers, now: NOW, newId: () => deterministicUuid(rng) });
    records = demo.map((d) => newCustomerRecord(d.fields, d.id, NOW, d.createdAt));
    const buildMs = performance.now() - start;
    probes = pickProbes(records);
    customerCount = records.length;
    const tokens = records.reduce((sum, r) => sum + r.searchTokens.length, 0);
    return { customers: records.length, buildMs, tokensPerCustomer: tokens / Math.max(1, records.length), probes };
  },

  async write() {
    raw ??= await openRaw();
    const database = raw;
    const parts = chunks(records, chunkSize);
    let appMs = 0;
    let rawMs = 0;
    const app = async (part: Customer[]) => {
      const start = performance.now();
      await repo.addMany(part);
      appMs += performance.now() - start;
    };
    const baseline = async (part: Customer[]) => {
      const start = performance.now();
      const tx = database.transaction('customers', 'readwrite');
      const store = tx.objectStore('customers');
      for (const record of part) store.put(record);
      await committed(tx);
      rawMs += performance.now() - start;
    };
    for (const [i, part] of parts.entries()) {
      if (i % 2 === 0) {
        await app(part);
        await baseline(part);
      } else {
        await baseline(part);
        await app(part);
      }
    }
    return { appMs, rawMs, chunks: parts.length };
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
                () => appFiltered({ sort: 'updatedAt', direction: 'desc', terms: normalizeSearchQuery(typed), tag: null }),
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
    const middle = Math.floor(customerCount / 2);
    const variants: { section: string; label: string; app: () => Promise<Answer>; raw: () => Promise<unknown> }[] = [
      {
        section: 'list: count (header)',
        label: 'countActive',
        app: async () => ({ hits: await repo.countActive() }),
        raw: rawCount,
      },
      {
        section: 'list: first page, by name',
        label: `name asc 0..${PAGE_ROWS}`,
        app: async () => ({ hits: (await repo.listPage('name', 'asc', 0, PAGE_ROWS)).length }),
        raw: () => rawPage('[isDeleted+nameSort]', 'next', 0),
      },
      {
        section: 'list: first page, by last update',
        label: `updatedAt desc 0..${PAGE_ROWS}`,
        app: async () => ({ hits: (await repo.listPage('updatedAt', 'desc', 0, PAGE_ROWS)).length }),
        raw: () => rawPage('[isDeleted+updatedAt]', 'prev', 0),
      },
      {
        section: 'list: page in the middle',
        label: `updatedAt desc ${middle}..${middle + PAGE_ROWS}`,
        app: async () => ({ hits: (await repo.listPage('updatedAt', 'desc', middle, PAGE_ROWS)).length }),
        raw: () => rawPage('[isDeleted+updatedAt]', 'prev', middle),
      },
    ];
    const out: PairedSample[] = [];
    let order = 0;
    for (let r = 0; r < repeats; r++) {
      for (const v of variants) out.push(await paired(order++, v.section, v.label, v.app, v.raw));
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
            () => appFiltered({ sort: 'updatedAt', direction: 'desc', terms: [], tag }),
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
      // listIds' search path, one step at a time: capped token reads, the narrowest term's records, check, sort.
      let best: string[] | null = null;
      let indexEntries = 0;
      for (const term of terms) {
        const keys = (await step(`token index primaryKeys "${term}" (limit ${SEARCH_HIT_CAP})`, () =>
          db.customers.where('searchTokens').startsWith(term).limit(SEARCH_HIT_CAP).primaryKeys(),
        )) as string[];
        indexEntries += keys.length;
        if (!best || keys.length < best.length) best = keys;
      }
      const candidates = [...new Set(best ?? [])];
      const rows = await step(`bulkGet(${candidates.length} candidates)`, () => db.customers.bulkGet(candidates));
      const ids = await step('check terms + sort in memory', () =>
        rows
          .filter((c): c is Customer => !!c && c.isDeleted === 0 && matchesAllTerms(c.searchTokens, terms))
          .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
          .map((c) => c.id),
      );
      await step(`bulkGet(${VISIBLE_ROWS} visible rows)`, () => db.customers.bulkGet(ids.slice(0, VISIBLE_ROWS)));
      const totalMs = performance.now() - total;
      const first = terms[0] ?? '';
      // For scale: what reading the whole range would cost (what the cap saves).
      const uncapped = await timed(async () =>
        (await db.customers.where('searchTokens').startsWith(first).primaryKeys()).length,
      );
      out.push({
        query,
        terms,
        indexEntries,
        hits: ids.length,
        path: (best?.length ?? 0) >= SEARCH_HIT_CAP ? 'capped: shows the first matches, asks to type more' : 'complete',
        steps,
        totalMs,
        uncappedEntries: uncapped.value,
        uncappedMs: uncapped.ms,
      });
    }
    return out;
  },
};

(globalThis as unknown as Record<typeof BENCH_GLOBAL, BenchApi>)[BENCH_GLOBAL] = api;
document.body.dataset.ready = 'true';
