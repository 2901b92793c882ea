// The kept list order: pages cut from it in both directions, and dropped by writes to its tables.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Dexie, { cmp, type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createListOrderCache, NEWS_MS, pageOf, PLACE_AT_MOST, type OrderPlacement } from './listOrder';

describe('pageOf', () => {
  it('cuts every page of both directions as walking the order would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 12 }), (n, offset, limit) => {
        const asc = Array.from({ length: n }, (_, i) => `id-${String(i).padStart(3, '0')}`);
        const desc = [...asc].reverse();
        expect(pageOf(asc, 'asc', offset, limit)).toEqual(asc.slice(offset, offset + limit));
        expect(pageOf(asc, 'desc', offset, limit)).toEqual(desc.slice(offset, offset + limit));
      }),
    );
  });
});

describe('list order cache', () => {
  let db: Dexie & { things: Table<{ id: string }, string>; other: Table<{ id: string }, string> };
  beforeEach(async () => {
    db = new Dexie(`order-${crypto.randomUUID()}`) as typeof db;
    db.version(1).stores({ things: 'id', other: 'id' });
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('reads once, then answers from memory until a write to a watched table', async () => {
    const cache = createListOrderCache(db.name, ['things']);
    let reads = 0;
    const read = async () => {
      reads++;
      return (await db.things.toCollection().primaryKeys()) as string[];
    };
    await db.things.bulkAdd([{ id: 'a' }, { id: 'b' }]);
    expect(await cache.ascending('k', read)).toEqual(['a', 'b']);
    expect(await cache.ascending('k', read)).toEqual(['a', 'b']);
    expect(reads).toBe(1);

    await db.other.add({ id: 'x' });
    expect(await cache.ascending('k', read)).toEqual(['a', 'b']);
    expect(reads).toBe(1);

    await db.things.add({ id: 'c' });
    expect(await cache.ascending('k', read)).toEqual(['a', 'b', 'c']);
    expect(reads).toBe(2);

    await db.things.delete('a');
    expect(await cache.ascending('k', read)).toEqual(['b', 'c']);
    expect(reads).toBe(3);
  });

  it('does not keep a read that a write overtook', async () => {
    const cache = createListOrderCache(db.name, ['things']);
    let reads = 0;
    const stale = async () => {
      reads++;
      const ids = (await db.things.toCollection().primaryKeys()) as string[];
      await db.things.add({ id: `late-${reads}` });
      return ids;
    };
    expect(await cache.ascending('k', stale)).toEqual([]);
    const fresh = async () => {
      reads++;
      return (await db.things.toCollection().primaryKeys()) as string[];
    };
    expect(await cache.ascending('k', fresh)).toEqual(['late-1']);
    expect(reads).toBe(2);
  });

  it('keeps only the most recently used orders', async () => {
    const cache = createListOrderCache(db.name, ['things'], 2);
    const reads: string[] = [];
    const read = (key: string) => async () => {
      reads.push(key);
      return [key];
    };
    await cache.ascending('a', read('a'));
    await cache.ascending('b', read('b'));
    await cache.ascending('a', read('a'));
    await cache.ascending('c', read('c'));
    await cache.ascending('a', read('a'));
    await cache.ascending('b', read('b'));
    expect(reads).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('placing changed rows in a kept order', () => {
  interface Row {
    id: string;
    name: string;
    isDeleted: 0 | 1;
  }
  let db: Dexie & { rows: Table<Row, string> };
  beforeEach(async () => {
    db = new Dexie(`placing-${crypto.randomUUID()}`) as typeof db;
    db.version(1).stores({ rows: 'id, [isDeleted+name]' });
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  const fresh = async () => (await db.rows.where('[isDeleted+name]').between([0, Dexie.minKey], [0, Dexie.maxKey]).primaryKeys()) as string[];
  const placement: OrderPlacement = {
    async entries(ids) {
      const rows = await db.rows.bulkGet([...ids]);
      return rows.map((r, i) => (r && r.isDeleted === 0 ? { id: ids[i]!, key: r.name } : null));
    },
    compare: (a, b) => cmp(a.key, b.key) || cmp(a.id, b.id),
  };

  // Few names and ids, so ties (broken by id) and moves onto an equal name are everywhere.
  const NAMES = ['', 'a', 'b', 'bb', 'c', 'Z', '张', '10', '9'];
  const id = fc.integer({ min: 0, max: 24 }).map((n) => `id-${String(n).padStart(2, '0')}`);
  const row = fc.record({ id, name: fc.constantFrom(...NAMES), isDeleted: fc.constantFrom<0 | 1>(0, 0, 0, 1) });
  const write = fc.oneof(
    row.map((r) => ({ kind: 'put' as const, rows: [r] })),
    fc.array(row, { minLength: 2, maxLength: 4 }).map((rows) => ({ kind: 'put' as const, rows })),
    id.map((key) => ({ kind: 'delete' as const, key })),
  );

  it('equals the index walked afresh after any run of small writes, without reading the order again', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 20 }), fc.array(write, { minLength: 1, maxLength: 12 }), async (initial, writes) => {
        await db.rows.clear();
        await db.rows.bulkPut(initial);
        // Every write comes long after the placement before it (news from a worker could not be on its way).
        let time = 0;
        const cache = createListOrderCache(db.name, ['rows'], 2, () => (time += 10 * NEWS_MS));
        let reads = 0;
        const read = async () => {
          reads++;
          return fresh();
        };
        expect(await cache.ascending('by name', read, placement)).toEqual(await fresh());
        for (const w of writes) {
          if (w.kind === 'put') await db.rows.bulkPut(w.rows);
          else await db.rows.delete(w.key);
          expect(await cache.ascending('by name', read, placement)).toEqual(await fresh());
        }
        expect(reads).toBe(1);
      }),
      { numRuns: 40 },
    );
  });

  it('places several writes that came before one read, and reads again after a bulk write', async () => {
    await db.rows.bulkPut(Array.from({ length: 10 }, (_, i) => ({ id: `id-${i}`, name: NAMES[i % NAMES.length]!, isDeleted: 0 as const })));
    const cache = createListOrderCache(db.name, ['rows']);
    let reads = 0;
    const read = async () => {
      reads++;
      return fresh();
    };
    await cache.ascending('k', read, placement);
    await db.rows.put({ id: 'id-3', name: 'zz', isDeleted: 0 });
    await db.rows.put({ id: 'id-new', name: 'a', isDeleted: 0 });
    await db.rows.update('id-5', { isDeleted: 1 });
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(1);
    // Dexie names a put of 50 rows or more as a range, not by keys: the order is read again.
    await db.rows.bulkPut(Array.from({ length: 60 }, (_, i) => ({ id: `bulk-${i}`, name: 'm', isDeleted: 0 as const })));
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(2);
  });

  it('reads the order again when more changed than placing is worth', async () => {
    await db.rows.bulkPut(Array.from({ length: 5 }, (_, i) => ({ id: `id-${i}`, name: 'a', isDeleted: 0 as const })));
    const cache = createListOrderCache(db.name, ['rows']);
    let reads = 0;
    const read = async () => {
      reads++;
      return fresh();
    };
    await cache.ascending('k', read, placement);
    for (let i = 0; i <= PLACE_AT_MOST; i++) await db.rows.put({ id: `one-${i}`, name: 'b', isDeleted: 0 });
    expect(cache.isKept('k')).toBe(false);
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(2);
  });

  it('reads the order again when news of a write to a row a placement compared against comes soon after it', async () => {
    await db.rows.bulkPut(Array.from({ length: 9 }, (_, i) => ({ id: `id-${i}`, name: NAMES[i]!, isDeleted: 0 as const })));
    let time = 0;
    const cache = createListOrderCache(db.name, ['rows'], 2, () => time);
    let reads = 0;
    const read = async () => {
      reads++;
      return fresh();
    };
    await cache.ascending('k', read, placement);
    await db.rows.put({ id: 'id-new', name: 'b', isDeleted: 0 });
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(1);
    // The placement compared 'id-new' against the middle row; a write to it announced at once may have come before that.
    const middle = (await fresh()).filter((id) => id !== 'id-new')[4]!;
    await db.rows.update(middle, { name: 'zz' });
    expect(cache.isKept('k')).toBe(false);
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(2);
    // Long after a placement, news of such a write is of a later write: placed like any other.
    await db.rows.put({ id: 'id-later', name: 'c', isDeleted: 0 });
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    time += NEWS_MS;
    await db.rows.update(middle, { name: 'a' });
    expect(await cache.ascending('k', read, placement)).toEqual(await fresh());
    expect(reads).toBe(2);
  });
});
