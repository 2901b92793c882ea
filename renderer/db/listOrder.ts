// The list's order kept between reads: every active id in one sort's order, read once from the sort
// index (keys only). A write of a few customers (an edit, a purchase, the trash) is placed into the kept
// order where it now belongs; a bulk write (an import, a recomputation) drops it, to be read again.
import { onCustomerChanges } from './customerChanges';

/** One row of an order: the customer and the value its sort index holds for them. */
export interface SortEntry {
  id: string;
  key: unknown;
}

/** How the rows of one order are found and compared, to place changed customers without reading the order again. */
export interface OrderPlacement {
  /**
   * The entries of these ids as the order's index holds them now, read in one go; null for an id the
   * order leaves out (in the trash, gone, or without a value in the index).
   */
  entries(ids: readonly string[]): Promise<(SortEntry | null)[]>;
  /** The order of two entries as walking the index ascending gives it (ties by id). */
  compare(a: SortEntry, b: SortEntry): number;
}

export interface ListOrderCache {
  /**
   * The ids in the ascending walk of the order named `key`: from memory when no write to the watched
   * tables came since they were read; with the customers a few writes changed put in place (`placement`);
   * else from `read` (kept unless a write came while it ran).
   */
  ascending(key: string, read: () => Promise<string[]>, placement?: OrderPlacement): Promise<readonly string[]>;
  /** Whether the order named `key` is in memory now (changed customers are placed on the next ascending). */
  isKept(key: string): boolean;
  /** A count of the writes to the watched tables so far: what was read while it stayed the same is still right. */
  writes(): number;
}

/** More changed customers than this since the order was right, and it is read again rather than patched. */
export const PLACE_AT_MOST = 200;

interface Kept {
  ids: readonly string[];
  /** Customers written since `ids` was right: each is placed anew on the next read. */
  changed: Set<string>;
  /**
   * Ids whose index value a placement compared against, with when. A write that changed one of them
   * and was not yet announced (a worker's, on its way) could have misled that placement, so news of one
   * that comes soon after (within NEWS_MS) drops the order.
   */
  probed: Map<string, number>;
}

/** How long news of a write may take to come from another context (Dexie's BroadcastChannel). */
export const NEWS_MS = 1_000;

/**
 * `dbName` and `tables`: the writes that change the kept orders (Dexie announces every committed write,
 * from this page or a worker, as changed parts named `idb://<db>/<table>/<index>`, a few writes by their
 * primary keys, which are the customers' ids in every watched table). At most `keep` orders are kept,
 * the most recently used (a sort's and a filter's in it count apart); each is one id per row (a few MB at 100,000).
 */
export function createListOrderCache(dbName: string, tables: readonly string[], keep = 4, now: () => number = () => performance.now()): ListOrderCache {
  const kept = new Map<string, Kept>();
  // A read or a placement that a write overtook answers its own caller but is not kept.
  let generation = 0;
  onCustomerChanges(dbName, tables, (announced) => {
    // A range or the whole database drops every kept order.
    const changed = announced === 'all' ? null : announced;
    generation++;
    const at = now();
    for (const [name, order] of kept) {
      for (const [id, when] of order.probed) if (at - when >= NEWS_MS) order.probed.delete(id);
      if (changed === null || [...changed].some((id) => order.probed.has(id))) {
        kept.delete(name);
        continue;
      }
      for (const id of changed) order.changed.add(id);
      if (order.changed.size > PLACE_AT_MOST) kept.delete(name);
    }
  });

  const remember = (key: string, order: Kept) => {
    kept.delete(key);
    kept.set(key, order);
    for (const oldest of kept.keys()) {
      if (kept.size <= keep) break;
      kept.delete(oldest);
    }
  };

  return {
    async ascending(key, read, placement) {
      const hit = kept.get(key);
      if (hit && hit.changed.size === 0) {
        remember(key, hit);
        return hit.ids;
      }
      const at = generation;
      if (hit && placement) {
        const placed = await placeChanged(hit.ids, [...hit.changed], placement);
        if (placed) {
          // Kept only if no write came meanwhile; one that did left its ids in `hit.changed`, placed next time.
          if (at === generation) {
            const when = now();
            for (const id of placed.probed) hit.probed.set(id, when);
            remember(key, { ids: placed.ids, changed: new Set(), probed: hit.probed });
          }
          return placed.ids;
        }
      }
      const ids = await read();
      if (at === generation) remember(key, { ids, changed: new Set(), probed: new Map() });
      else kept.delete(key);
      return ids;
    },
    isKept: (key) => kept.has(key),
    writes: () => generation,
  };
}

/**
 * The order with `changed` taken out and put back where each now belongs: a binary search per changed
 * customer, all of them a step at a time, each step one read of the entries it compares against. Null
 * when an entry it compared against is no longer in the order (a write not yet announced): read it again.
 */
export async function placeChanged(
  ascending: readonly string[],
  changed: readonly string[],
  placement: OrderPlacement,
): Promise<{ ids: string[]; probed: Set<string> } | null> {
  const moving = new Set(changed);
  const rest = ascending.filter((id) => !moving.has(id));
  const entries = (await placement.entries(changed)).filter((e): e is SortEntry => e !== null).sort(placement.compare);
  const probed = new Set<string>();
  const known = new Map<string, SortEntry>();
  // For each entry, the first position in `rest` whose entry comes after it.
  const lo = entries.map(() => 0);
  const hi = entries.map(() => rest.length);
  for (;;) {
    const wanted = new Set<string>();
    entries.forEach((_, i) => {
      if (lo[i]! < hi[i]!) {
        const id = rest[(lo[i]! + hi[i]!) >>> 1]!;
        if (!known.has(id)) wanted.add(id);
      }
    });
    if (wanted.size === 0 && entries.every((_, i) => lo[i]! >= hi[i]!)) break;
    if (wanted.size > 0) {
      const ids = [...wanted];
      const read = await placement.entries(ids);
      for (const [i, id] of ids.entries()) {
        const entry = read[i];
        if (!entry) return null;
        known.set(id, entry);
        probed.add(id);
      }
    }
    entries.forEach((entry, i) => {
      if (lo[i]! >= hi[i]!) return;
      const mid = (lo[i]! + hi[i]!) >>> 1;
      if (placement.compare(known.get(rest[mid]!)!, entry) < 0) lo[i] = mid + 1;
      else hi[i] = mid;
    });
  }
  const ids: string[] = [];
  let next = 0;
  entries.forEach((entry, i) => {
    while (next < lo[i]!) ids.push(rest[next++]!);
    ids.push(entry.id);
  });
  while (next < rest.length) ids.push(rest[next++]!);
  return { ids, probed };
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
