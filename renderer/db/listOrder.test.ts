// The kept list order: pages cut from it in both directions, and dropped by writes to its tables.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Dexie, { type Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createListOrderCache, pageOf } from './listOrder';

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
