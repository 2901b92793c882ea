// The product catalog repository: product and category suggestions learnt from purchase lines.
import { catalogFromPurchases, catalogKey, type CatalogEntry, type Purchase } from '../../shared/domain/purchase';
import type { RegularsDatabase } from './database';
import { writeTransaction } from './derivation';

type CatalogSource = Pick<Purchase, 'lines' | 'purchasedAt' | 'returnOf' | 'totalFen' | 'isVoided'>;

/** Rows per bulkPut when the whole catalog is rebuilt. */
const CHUNK = 2_000;

/**
 * Notes the sale lines of `purchases` in the catalog. Call it inside the transaction that writes
 * the purchases (it needs the catalog table in that transaction's scope).
 */
export async function noteInCatalog(db: RegularsDatabase, purchases: readonly CatalogSource[]): Promise<void> {
  const keys = new Set<string>();
  for (const p of purchases) for (const l of p.lines) if (l.product.trim()) keys.add(catalogKey(l.product));
  if (keys.size === 0) return;
  const list = [...keys];
  const before = new Map<string, CatalogEntry>();
  (await db.catalog.bulkGet(list)).forEach((e) => e && before.set(e.key, e));
  const merged = catalogFromPurchases(purchases, new Map(before));
  // Entries no sale line touched keep their object, so only real changes are written.
  const changed = list.map((k) => merged.get(k)).filter((e): e is CatalogEntry => e !== undefined && e !== before.get(e.key));
  if (changed.length) await db.catalog.bulkPut(changed);
}

/** Most used first, then most recently used, then alphabetically. */
function byUse(a: CatalogEntry, b: CatalogEntry): number {
  return b.count - a.count || (a.lastUsedAt < b.lastUsedAt ? 1 : a.lastUsedAt > b.lastUsedAt ? -1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

export function createCatalogRepository(db: RegularsDatabase) {
  return {
    /**
     * Products whose name starts with `prefix` (case-insensitive), answered by the key index. An
     * empty prefix gives the most used products.
     */
    async suggestProducts(prefix: string, limit = 8): Promise<CatalogEntry[]> {
      const key = catalogKey(prefix);
      const rows = key === '' ? await db.catalog.toArray() : await db.catalog.where('key').startsWith(key).toArray();
      return rows.sort(byUse).slice(0, limit);
    },

    /**
     * Categories in use that start with `prefix`, most used first. A store has tens to a few
     * thousand products, so this reads the catalog rather than keeping a second table in step.
     */
    async suggestCategories(prefix: string, limit = 8): Promise<string[]> {
      const wanted = catalogKey(prefix);
      // Spellings that differ only in case are one category, shown as most recently used.
      const uses = new Map<string, { name: string; count: number; lastUsedAt: string }>();
      await db.catalog.each((e) => {
        const k = catalogKey(e.category);
        if (k === '' || !k.startsWith(wanted)) return;
        const u = uses.get(k);
        if (!u) uses.set(k, { name: e.category, count: e.count, lastUsedAt: e.lastUsedAt });
        else {
          u.count += e.count;
          if (e.lastUsedAt > u.lastUsedAt) Object.assign(u, { name: e.category, lastUsedAt: e.lastUsedAt });
        }
      });
      return [...uses.values()]
        .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, limit)
        .map((u) => u.name);
    },

    /** Rebuilds the catalog from every purchase (after an import undo, or to repair it). */
    async rebuild(): Promise<number> {
      // Reads purchases and writes only the catalog, which derives nothing.
      return writeTransaction(db, [], ['purchases', 'catalog'], async () => {
        const merged = new Map<string, CatalogEntry>();
        // Reading in chunks keeps memory flat; the catalog itself stays small.
        let after: string | null = null;
        for (;;) {
          const rows: Purchase[] = await (after === null ? db.purchases.orderBy(':id') : db.purchases.where(':id').above(after)).limit(CHUNK).toArray();
          if (rows.length === 0) break;
          catalogFromPurchases(rows, merged);
          after = rows[rows.length - 1]!.id;
        }
        await db.catalog.clear();
        const entries = [...merged.values()];
        for (let i = 0; i < entries.length; i += CHUNK) await db.catalog.bulkPut(entries.slice(i, i + CHUNK));
        return entries.length;
      });
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
