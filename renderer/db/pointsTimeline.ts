// The points ledger as the customer's timeline reads it: newest entries a page at a time (bounded by the
// page's dates), a page's purchases' own entries, and the names the entries point to.
import Dexie from 'dexie';
import type { PointsEntry } from '../../shared/domain/pointsLedger';
import { isPurchaseOwnPoints } from '../../shared/domain/timeline';
import type { RegularsDatabase } from './database';

export function createPointsTimelineReads(db: RegularsDatabase) {
  return {
    /**
     * The customer's newest entries, up to `limit`, none older than `since` (ISO, inclusive; null: any):
     * the page's other rows bound the range, so only the page's period of the ledger is walked.
     * `separate`: only entries that are rows of their own (a purchase's own points are on its row).
     */
    newest(customerId: string, limit: number, since: string | null, separate: boolean): Promise<PointsEntry[]> {
      // The ledger's key leads with the customer and the time: [customerId, since] sorts before their entries from then on.
      let collection = db.pointsEntries.where(':id').between(since === null ? [customerId] : [customerId, since], [customerId, Dexie.maxKey], true, true).reverse();
      if (separate) collection = collection.filter((e) => !isPurchaseOwnPoints(e));
      return collection.limit(limit).toArray();
    },

    /** The entries of these purchases (by the purchaseId index). */
    ofPurchases(purchaseIds: readonly string[]): Promise<PointsEntry[]> {
      return purchaseIds.length === 0 ? Promise.resolve([]) : db.pointsEntries.where('purchaseId').anyOf([...purchaseIds]).toArray();
    },

    /** Entries by id (the batches expire entries name), by the id index, in no particular order. */
    async entries(ids: readonly string[]): Promise<PointsEntry[]> {
      return ids.length === 0 ? [] : db.pointsEntries.where('id').anyOf([...ids]).toArray();
    },

    /** Every reward's name, by id (the catalogue is a few dozen rows). */
    async rewardNames(): Promise<Map<string, string>> {
      return new Map((await db.rewards.toArray()).map((r) => [r.id, r.name]));
    },

    /** The names of these customers (a referral's other customer), by id; the missing are left out. */
    async customerNames(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.customers.bulkGet([...ids]);
      return new Map(rows.flatMap((c) => (c ? [[c.id, c.name] as const] : [])));
    },
  };
}

export type PointsTimelineReads = ReturnType<typeof createPointsTimelineReads>;
