// The list's order kept between reads: every active id in one sort's order, read once from the sort
// index (keys only) and dropped by any write to the tables whose indexes give that order.
import Dexie from 'dexie';

export interface ListOrderCache {
  /**
   * The ids in the ascending walk of the order named `key`: from memory when no write to the watched
   * tables came since they were read, else from `read` (kept unless a write came while it ran).
   */
  ascending(key: string, read: () => Promise<string[]>): Promise<readonly string[]>;
  /** Whether the order named `key` is in memory now (no write since it was read). */
  isKept(key: string): boolean;
}

/**
 * `dbName` and `tables`: the writes that drop the kept orders (Dexie announces every committed write,
 * from this page or a worker, as changed parts named `idb://<db>/<table>/<index>`). At most `keep`
 * orders are kept, the most recently used; each is one id per active customer (a few MB at 100,000).
 */
export function createListOrderCache(dbName: string, tables: readonly string[], keep = 2): ListOrderCache {
  const kept = new Map<string, readonly string[]>();
  // A read that a write overtook answers its own caller but is not kept.
  let generation = 0;
  const prefixes = tables.map((t) => `idb://${dbName}/${t}/`);
  Dexie.on('storagemutated', (parts) => {
    if ('all' in parts || Object.keys(parts).some((part) => prefixes.some((p) => part.startsWith(p)))) {
      generation++;
      kept.clear();
    }
  });
  return {
    async ascending(key, read) {
      const hit = kept.get(key);
      if (hit) {
        kept.delete(key);
        kept.set(key, hit);
        return hit;
      }
      const at = generation;
      const ids = await read();
      if (at === generation) {
        kept.set(key, ids);
        for (const oldest of kept.keys()) {
          if (kept.size <= keep) break;
          kept.delete(oldest);
        }
      }
      return ids;
    },
    isKept: (key) => kept.has(key),
  };
}

/**
 * Rows offset..offset+limit of an order walked `direction`, from its ascending ids: a descending walk
 * of an index is exactly its ascending walk reversed (ties included, by primary key).
 */
export function pageOf(ascending: readonly string[], direction: 'asc' | 'desc', offset: number, limit: number): string[] {
  const n = ascending.length;
  const start = Math.max(0, Math.min(offset, n));
  const end = Math.max(start, Math.min(offset + limit, n));
  if (direction === 'asc') return ascending.slice(start, end);
  return ascending.slice(n - end, n - start).reverse();
}
