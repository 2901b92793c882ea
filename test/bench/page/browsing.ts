// Item 3 and the list: search as you type, the unfiltered list, the tag filter, through the same
// repository calls the customer list makes; raw: the same indexes of the same database, read plainly.
// When the list screen changes what it asks the repository, change these with it (and the breakdown,
// which repeats listIds' steps one at a time).
import { customers } from '../../../renderer/db';
import { database } from '../../../renderer/db/database';
import { SEARCH_HIT_CAP, type CustomerListQuery } from '../../../renderer/db/customers';
import type { Customer } from '../../../shared/domain/customer';
import { DEMO_TAGS } from '../../../shared/domain/demoStore';
import { matchesAllTerms, normalizeSearchQuery } from '../../../shared/domain/searchTokens';
import type { PairedSample, Probe, SearchBreakdown } from '../protocol';
import { appDatabase, cursorWindow, done, getMany, rangeRead } from './idb';
import { paired, timed, type Answer } from './timing';

/** Rows of a filtered list the screen shows at once (the virtualized table loads only these, by id). */
const VISIBLE_ROWS = 40;
/** Rows the unfiltered list reads per page (CustomerTable's PAGE_ROWS). */
const PAGE_ROWS = 100;
const PROBES = 5;
const ACTIVE = IDBKeyRange.bound([0, -Infinity], [0, []]);

async function rawCustomers(): Promise<IDBObjectStore> {
  return (await appDatabase()).transaction('customers', 'readonly').objectStore('customers');
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

/**
 * A search: a prefix range on the multi-entry token index (customerSearch) per term, read up to the same cap the app
 * uses (an uncapped read of "1" at 100,000 customers is seconds), then the visible rows.
 */
async function rawSearch(terms: string[]): Promise<number> {
  const tx = (await appDatabase()).transaction(['customerSearch', 'customers'], 'readonly');
  const index = tx.objectStore('customerSearch').index('tokens');
  const store = tx.objectStore('customers');
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
  await getMany(store, distinct);
  return distinct.length;
}

async function rawCount(): Promise<number> {
  return done((await rawCustomers()).index('[isDeleted+createdAt]').count(ACTIVE));
}

async function rawPage(indexName: string, direction: IDBCursorDirection, offset: number): Promise<number> {
  const index = (await rawCustomers()).index(indexName);
  const rows = offset === 0 ? await rangeRead(index, 'getAll', ACTIVE, direction, PAGE_ROWS) : await cursorWindow(index, ACTIVE, direction, offset, PAGE_ROWS, true);
  return rows.length;
}

async function rawTag(tag: string): Promise<number> {
  const store = await rawCustomers();
  const keys = await done(store.index('tags').getAllKeys(IDBKeyRange.only(tag)));
  await getMany(store, keys.slice(0, VISIBLE_ROWS));
  return keys.length;
}

/**
 * A search or tag filter as the screen does it: openList, then the records of the visible rows (ids
 * answered whole), or the table's first page (a large filter answered `paged`; its count comes apart).
 */
async function appFiltered(query: CustomerListQuery): Promise<Answer> {
  const { ids, truncated, paged } = await customers.openList(query, PAGE_ROWS);
  if (paged) return { hits: (await customers.listPage(query.sort, query.direction, 0, PAGE_ROWS, query)).length, truncated };
  await customers.getMany(ids.slice(0, VISIBLE_ROWS));
  return { hits: ids.length, truncated };
}

/** The raw count of a tag: the index's entries for it (the trash among them). */
async function rawTagCount(tag: string): Promise<number> {
  return done((await rawCustomers()).index('tags').count(IDBKeyRange.only(tag)));
}

/** The raw read of a sort's whole order: every primary key of its index, ascending. */
async function rawOrder(indexName: string): Promise<number> {
  return (await done((await rawCustomers()).index(indexName).getAllKeys(ACTIVE))).length;
}

function prefixes(text: string): string[] {
  const chars = [...text];
  return chars.map((_, i) => chars.slice(0, i + 1).join(''));
}

/** Customers with a Chinese name of 2–3 characters and a mainland mobile, spread through the data set. */
export function pickProbes(all: readonly Pick<Customer, 'name' | 'nameSort' | 'phones'>[]): Probe[] {
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

export async function searchAsYouType(probes: readonly Probe[], passes: number): Promise<PairedSample[]> {
  const out: PairedSample[] = [];
  let order = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const probe of probes) {
      for (const { section, keystrokes } of probe.sequences) {
        for (const typed of keystrokes) {
          const terms = normalizeSearchQuery(typed);
          out.push(
            await paired(
              order++,
              section,
              typed,
              () => appFiltered({ sort: 'updatedAt', direction: 'desc', terms, tag: null }),
              () => rawSearch(terms),
            ),
          );
        }
      }
    }
  }
  return out;
}

export async function browseList(repeats: number): Promise<PairedSample[]> {
  const total = await customers.countActive();
  const middle = Math.floor(total / 2);
  const variants: { section: string; label: string; app: () => Promise<Answer>; raw: () => Promise<unknown> }[] = [
    { section: 'list: count (header)', label: 'countActive', app: async () => ({ hits: await customers.countActive() }), raw: rawCount },
    {
      section: 'list: first page, by name',
      label: `name asc 0..${PAGE_ROWS}`,
      app: async () => ({ hits: (await customers.listPage('name', 'asc', 0, PAGE_ROWS)).length }),
      raw: () => rawPage('[isDeleted+nameSort]', 'next', 0),
    },
    {
      section: 'list: first page, by last update',
      label: `updatedAt desc 0..${PAGE_ROWS}`,
      app: async () => ({ hits: (await customers.listPage('updatedAt', 'desc', 0, PAGE_ROWS)).length }),
      raw: () => rawPage('[isDeleted+updatedAt]', 'prev', 0),
    },
    {
      // The screen reads its sort's order ahead once the first rows are shown (useWarmListOrder), in
      // the background; a later jump cuts its page from it. Timed apart, then the jump.
      section: 'list: order read ahead',
      label: 'updatedAt',
      app: async () => {
        await customers.warmOrder('updatedAt');
        return { hits: 0 };
      },
      raw: () => rawOrder('[isDeleted+updatedAt]'),
    },
    {
      section: 'list: page in the middle',
      label: `updatedAt desc ${middle}..${middle + PAGE_ROWS}`,
      app: async () => ({ hits: (await customers.listPage('updatedAt', 'desc', middle, PAGE_ROWS)).length }),
      raw: () => rawPage('[isDeleted+updatedAt]', 'prev', middle),
    },
  ];
  const out: PairedSample[] = [];
  let order = 0;
  for (let r = 0; r < repeats; r++) {
    for (const v of variants) out.push(await paired(order++, v.section, v.label, v.app, v.raw));
  }
  return out;
}

export async function tagFilter(repeats: number): Promise<PairedSample[]> {
  const out: PairedSample[] = [];
  let order = 0;
  for (let r = 0; r < repeats; r++) {
    for (const tag of DEMO_TAGS) {
      out.push(await paired(order++, 'tag filter', tag, () => appFiltered({ sort: 'updatedAt', direction: 'desc', terms: [], tag }), () => rawTag(tag)));
      // The header's count, read once the first rows are shown.
      out.push(await paired(order++, 'tag filter: count (header)', tag, async () => ({ hits: await customers.countMatching({ tag }) }), () => rawTagCount(tag)));
    }
  }
  return out;
}

export async function searchBreakdown(queries: string[]): Promise<SearchBreakdown[]> {
  const db = database();
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
        db.customerSearch.where('tokens').startsWith(term).limit(SEARCH_HIT_CAP).primaryKeys(),
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
    const uncapped = await timed(async () => (await db.customerSearch.where('tokens').startsWith(first).primaryKeys()).length);
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
}
