// Issue 15's points figures. The recomputation of every customer's points from the ledger (points.recomputeAll:
// one range read of the ledger per chunk of customers, the balance, batches and expiring points derived, changed
// state rows written) against the raw read of the same entries with a plain per-customer sum. The ledger is
// seeded with plain puts first (untimed): imports earn no points, so the imported store has none. And recording a
// purchase that pays part of its amount with points, against one plain put.
import { addDays } from 'date-fns';
import { purchases, points } from '../../../renderer/db';
import { database } from '../../../renderer/db/database';
import type { PointsEntry } from '../../../shared/domain/pointsLedger';
import { createRng } from '../../../shared/domain/random';
import type { PairedSample, PointsSeed, RawRead, RecomputeRun } from '../protocol';
import { probeCustomers } from './customerPage';
import { appDatabase, committed, done } from './idb';
import { longTasksBetween, settle } from './longTasks';
import { deleteRawPuts, rawPut, saleFields } from './recording';
import { paired } from './timing';

/** Entries per transaction of the seeding's plain puts. */
const SEED_CHUNK = 10_000;
/** Entries per getAll of the raw read. */
const RAW_READ_CHUNK = 10_000;

/**
 * `count` entries spread over every customer: mostly earnings (a year's expiry on some), with redemptions and
 * adjustments, dated over the last two years, so the recomputation derives batches, spends and expiring points.
 */
export async function seedPointsLedger(count: number, nowMs: number): Promise<PointsSeed> {
  const start = performance.now();
  const ids = (await database().customers.toCollection().primaryKeys()) as string[];
  const rng = createRng(20261204);
  const random = () => rng.next();
  const db = await appDatabase();
  const now = new Date(nowMs);
  for (let written = 0; written < count; written += SEED_CHUNK) {
    const tx = db.transaction('pointsEntries', 'readwrite');
    const store = tx.objectStore('pointsEntries');
    for (let i = written; i < Math.min(count, written + SEED_CHUNK); i++) {
      const createdAt = addDays(now, -Math.floor(random() * 730));
      const roll = random();
      const earn = roll < 0.85;
      const entry: PointsEntry = {
        id: crypto.randomUUID(),
        customerId: ids[Math.floor(random() * ids.length)]!,
        kind: earn ? 'earn' : roll < 0.95 ? 'redeem' : 'adjust',
        points: earn ? 1 + Math.floor(random() * 800) : roll < 0.95 ? -(1 + Math.floor(random() * 200)) : 50,
        createdAt: createdAt.toISOString(),
        expiresAt: earn && random() < 0.5 ? addDays(createdAt, 365).toISOString() : null,
        purchaseId: null,
        rewardId: null,
        referralCustomerId: null,
        rule: null,
        batchId: null,
        reverses: null,
        note: '',
      };
      store.put(entry);
    }
    await committed(tx);
  }
  return { ms: performance.now() - start, entries: count, customers: ids.length };
}

export async function recomputePoints(): Promise<RecomputeRun> {
  const start = performance.now();
  const result = await points.recomputeAll();
  const end = performance.now();
  await settle();
  return { ms: end - start, customers: result.customers, changed: result.changed, longTasks: longTasksBetween(start, end) };
}

/** Every ledger entry read plainly (getAll in key order, [customerId+createdAt+id], chunk by chunk, one transaction) and summed per customer. */
export async function readLedgerRaw(): Promise<RawRead> {
  const start = performance.now();
  const store = (await appDatabase()).transaction('pointsEntries', 'readonly').objectStore('pointsEntries');
  const balances = new Map<string, number>();
  let records = 0;
  let after: IDBValidKey | null = null;
  for (;;) {
    const rows: PointsEntry[] = await done(store.getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), RAW_READ_CHUNK));
    if (rows.length === 0) break;
    for (const e of rows) balances.set(e.customerId, (balances.get(e.customerId) ?? 0) + e.points);
    records += rows.length;
    const lastRow = rows[rows.length - 1]!;
    after = [lastRow.customerId, lastRow.createdAt, lastRow.id];
  }
  return { ms: performance.now() - start, records };
}

/** Recording a purchase that pays with points (what the customer may spend, at most 10 points a sale). */
export async function recordPurchasesWithPoints(passes: number): Promise<PairedSample[]> {
  const ids = await probeCustomers(50, 5);
  const rawIds: string[] = [];
  const out: PairedSample[] = [];
  let order = 0;
  for (let pass = 0; pass < passes; pass++) {
    for (const id of ids) {
      const n = order;
      const available = (await points.summary(id)).available;
      const redeem = Math.max(0, Math.min(10, available));
      out.push(
        await paired(
          order++,
          'record a purchase with points',
          id,
          async () => {
            await purchases.record(id, saleFields(n), { pointsToRedeem: redeem });
            return { hits: 1 };
          },
          async () => rawIds.push(await rawPut(n)),
        ),
      );
    }
  }
  await deleteRawPuts(rawIds);
  return out;
}
