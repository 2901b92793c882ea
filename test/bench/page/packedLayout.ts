// Issue 13's moonshot, as a measured experiment (test/bench/packed.ts drives it): would a layout with
// fewer, larger purchase records restore 1,000,000 purchases in a minute? The same generated purchases
// are written as a restore writes them (payload lines through the real PayloadReader, one bulkAdd per
// line, relaxed durability) into a database of one purchase table per layout, then read back and
// written to as the app would. The app's own layout is not changed by any of this.
import Dexie from 'dexie';
import { encodeRow, PayloadReader, payloadEndLine, payloadHeaderLine, rowsLine } from '../../../shared/domain/backupPayload';
import { newPurchaseRecord, type Purchase } from '../../../shared/domain/purchase';
import { buildDataset } from '../dataset';
import type { PackedLayout, PackedProbe, PackedWrite } from '../protocol';
import { median } from '../stats';

/** Rows per payload line: what the exporter's page size gives (backupExport.ts). */
const LINE_ROWS = 1_000;
/** Records per read while reading a whole table back, as the export and the recomputation page. */
const READ_PAGE = 1_000;
/** Per-block layout: purchases go to one of this many buckets by their customer's id; a bucket grows by blocks. */
const BUCKETS = 256;

/** The purchase table as each layout declares it (the only table of that layout's database). */
const SCHEMAS: Record<PackedLayout, string> = {
  // Today's purchases table (SCHEMA_V7): one record per purchase, six indexes beside the key.
  each: 'id, customerId, [customerId+purchasedAt], purchasedAt, returnOf, importId, externalRef',
  // One record per purchase with only the key and the index the customer page reads.
  'each-lean': 'id, [customerId+purchasedAt]',
  // One record per customer holding all of that customer's purchases, oldest first.
  'per-customer': 'customerId',
  // One record per (bucket of customers, block): a bucket's purchases in blocks, appended to.
  'per-block': '[bucket+block]',
};

interface CustomerBook {
  customerId: string;
  purchases: Purchase[];
}
interface PurchaseBlock {
  bucket: number;
  block: number;
  purchases: Purchase[];
}

const bucketOf = (customerId: string) => parseInt(customerId.slice(0, 2), 16) % BUCKETS;
const dbName = (layout: PackedLayout) => `bench-packed-${layout}`;

function open(layout: PackedLayout): Dexie {
  // As the restore's staging database: bulk writes need not each reach the disk.
  const db = new Dexie(dbName(layout), { chromeTransactionDurability: 'relaxed' });
  db.version(1).stores({ purchases: SCHEMAS[layout] });
  return db;
}

const state: {
  /** Customers the probes read and write: the median buyer and the heaviest of the first slice. */
  probes: { customerId: string; count: number }[];
  /** A purchase of the first slice: its id and day, for the look-ups by id and by date. */
  sample: Purchase | null;
} = { probes: [], sample: null };

/** The records a layout stores for one slice's purchases. */
function recordsOf(layout: PackedLayout, purchases: Purchase[], slice: number): object[] {
  switch (layout) {
    case 'each':
    case 'each-lean':
      return purchases;
    case 'per-customer': {
      const books = new Map<string, CustomerBook>();
      for (const p of purchases) {
        const book = books.get(p.customerId) ?? { customerId: p.customerId, purchases: [] };
        book.purchases.push(p);
        books.set(p.customerId, book);
      }
      return [...books.values()];
    }
    case 'per-block': {
      const blocks = new Map<number, PurchaseBlock>();
      for (const p of purchases) {
        const bucket = bucketOf(p.customerId);
        const block = blocks.get(bucket) ?? { bucket, block: slice, purchases: [] };
        block.purchases.push(p);
        blocks.set(bucket, block);
      }
      return [...blocks.values()];
    }
    default: {
      const never: never = layout;
      throw new Error(`unknown layout ${String(never)}`);
    }
  }
}

/** The payload a backup of these records would carry: header, lines of LINE_ROWS rows, end line. */
function payloadOf(records: object[]): string[] {
  const primaryKey = 'id';
  const lines = [
    payloadHeaderLine({ format: 'regulars-tables', version: 1, schemaVersion: 1, exportedAt: '2026-06-15T10:00:00.000Z', tables: [{ name: 'purchases', primaryKey, rows: records.length }] }),
  ];
  for (let at = 0; at < records.length; at += LINE_ROWS) {
    lines.push(rowsLine('purchases', records.slice(at, at + LINE_ROWS).map((r) => encodeRow(r, 'purchases'))));
  }
  lines.push(payloadEndLine(records.length));
  return lines;
}

export async function packedReset(layout: PackedLayout): Promise<void> {
  await Dexie.delete(dbName(layout));
  state.probes = [];
  state.sample = null;
}

/**
 * One slice of the store (its own customers and purchases from the seeded generator) written as a
 * restore writes a backup's rows: each line parsed by PayloadReader and bulkAdded in its own transaction.
 */
export async function packedWrite(layout: PackedLayout, options: { slice: number; customers: number; purchases: number; seed: number; nowMs: number }): Promise<PackedWrite> {
  const dataset = buildDataset({ customers: options.customers, purchases: options.purchases, contacts: 0, seed: options.seed + 104_729 * options.slice, nowMs: options.nowMs });
  const purchases = dataset.purchases;
  if (options.slice === 0) {
    const counts = new Map<string, number>();
    for (const p of purchases) counts.set(p.customerId, (counts.get(p.customerId) ?? 0) + 1);
    const sorted = [...counts].sort((a, b) => a[1] - b[1]);
    const medianBuyer = sorted[Math.floor(sorted.length / 2)]!;
    const heaviest = sorted[sorted.length - 1]!;
    state.probes = [medianBuyer, heaviest].map(([customerId, count]) => ({ customerId, count }));
    state.sample = purchases[Math.floor(purchases.length / 2)]!;
  }
  const records = recordsOf(layout, purchases, options.slice);
  const lines = payloadOf(records);
  const bytes = lines.reduce((sum, line) => sum + line.length, 0);

  const db = open(layout);
  await db.open();
  const table = db.table('purchases');
  const reader = new PayloadReader();
  let parseMs = 0;
  let writeMs = 0;
  const start = performance.now();
  for (const line of lines) {
    const parsedAt = performance.now();
    const events = reader.push(line);
    const parsed = performance.now();
    parseMs += parsed - parsedAt;
    for (const event of events) if (event.kind === 'rows' && event.rows.length > 0) await table.bulkAdd(event.rows);
    writeMs += performance.now() - parsed;
  }
  const read = reader.finish();
  const ms = performance.now() - start;
  db.close();
  if (!read.ok) throw new Error(`the payload was refused: ${read.reason}`);
  return { ms, parseMs, writeMs, records: records.length, purchases: purchases.length, payloadBytes: bytes };
}

/** Every purchase of one customer, as the customer page and the status engine read them. */
async function customerPurchases(db: Dexie, layout: PackedLayout, customerId: string): Promise<Purchase[]> {
  const table = db.table('purchases');
  switch (layout) {
    case 'each':
    case 'each-lean':
      return table.where('[customerId+purchasedAt]').between([customerId, Dexie.minKey], [customerId, Dexie.maxKey], true, true).toArray();
    case 'per-customer':
      return ((await table.get(customerId)) as CustomerBook | undefined)?.purchases ?? [];
    case 'per-block': {
      const bucket = bucketOf(customerId);
      const blocks = (await table.where('[bucket+block]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey], true, true).toArray()) as PurchaseBlock[];
      return blocks.flatMap((b) => b.purchases.filter((p) => p.customerId === customerId));
    }
    default: {
      const never: never = layout;
      throw new Error(`unknown layout ${String(never)}`);
    }
  }
}

/** Reads the whole table in key order, a page at a time; calls `see` with each purchase. */
async function readAll(db: Dexie, layout: PackedLayout, see: (p: Purchase) => void): Promise<number> {
  const table = db.table('purchases');
  let after: unknown = undefined;
  let n = 0;
  for (;;) {
    const rows: object[] = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(READ_PAGE).toArray();
    if (rows.length === 0) return n;
    const last = rows[rows.length - 1]!;
    after = layout === 'per-customer' ? (last as CustomerBook).customerId : layout === 'per-block' ? [(last as PurchaseBlock).bucket, (last as PurchaseBlock).block] : (last as Purchase).id;
    for (const row of rows) {
      if (layout === 'each' || layout === 'each-lean') {
        see(row as Purchase);
        n++;
      } else {
        for (const p of (row as CustomerBook | PurchaseBlock).purchases) {
          see(p);
          n++;
        }
      }
    }
  }
}

/** A new purchase for `customerId`, as the purchase dialog records one (one read-write transaction). */
async function recordOne(db: Dexie, layout: PackedLayout, customerId: string, n: number, nowMs: number): Promise<void> {
  const at = new Date(nowMs - n * 60_000);
  const purchase = newPurchaseRecord(
    { purchasedAt: at.toISOString(), lines: [{ product: 'Bench tea', category: 'Tea', quantity: 1, unitPriceFen: 1_800 }], subtotalFen: 1_800, discountFen: 0, totalFen: 1_800, paymentNote: '', note: '' },
    { id: crypto.randomUUID(), customerId, now: at },
  );
  const table = db.table('purchases');
  await db.transaction('rw', table, async () => {
    switch (layout) {
      case 'each':
      case 'each-lean':
        await table.add(purchase);
        return;
      case 'per-customer': {
        const book = ((await table.get(customerId)) as CustomerBook | undefined) ?? { customerId, purchases: [] };
        book.purchases.push(purchase);
        await table.put(book);
        return;
      }
      case 'per-block': {
        const bucket = bucketOf(customerId);
        const last = ((await table.where('[bucket+block]').between([bucket, Dexie.minKey], [bucket, Dexie.maxKey], true, true).last()) as PurchaseBlock | undefined) ?? { bucket, block: 0, purchases: [] };
        last.purchases.push(purchase);
        await table.put(last);
        return;
      }
      default: {
        const never: never = layout;
        throw new Error(`unknown layout ${String(never)}`);
      }
    }
  });
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

/** After the writes: what the layout costs the screens and the other targets. */
export async function packedProbe(layout: PackedLayout, nowMs: number): Promise<PackedProbe> {
  if (state.probes.length === 0 || !state.sample) throw new Error('write a first slice before probing');
  const db = open(layout);
  await db.open();
  try {
    const records = await db.table('purchases').count();
    const [fullReadMs, purchases] = await timed(() => readAll(db, layout, () => undefined));

    const REPEAT = 15;
    const customerPage: PackedProbe['customerPage'] = [];
    const recordPurchase: PackedProbe['recordPurchase'] = [];
    for (const probe of state.probes) {
      const reads: number[] = [];
      let found = 0;
      for (let i = 0; i < REPEAT; i++) {
        const [ms, rows] = await timed(() => customerPurchases(db, layout, probe.customerId));
        reads.push(ms);
        found = rows.length;
      }
      if (found !== probe.count) throw new Error(`${layout}: ${found} purchases read for a customer who has ${probe.count}`);
      customerPage.push({ purchases: probe.count, p50Ms: median(reads) });
      const writes: number[] = [];
      for (let i = 0; i < REPEAT; i++) writes.push((await timed(() => recordOne(db, layout, probe.customerId, i + 1, nowMs)))[0]);
      recordPurchase.push({ purchases: probe.count, p50Ms: median(writes) });
    }

    const sample = state.sample;
    const day = sample.purchasedAt.slice(0, 10);
    // A purchase by its id with no customer known (a return's original, an import's undo), and one
    // day's purchases (a report): an index in today's layout, a scan of everything in the packed ones.
    const [byIdMs, byIdFound] = await timed(async () => {
      if (layout === 'each' || layout === 'each-lean') return (await db.table('purchases').get(sample.id)) !== undefined;
      let hit = false;
      await readAll(db, layout, (p) => (hit ||= p.id === sample.id));
      return hit;
    });
    if (!byIdFound) throw new Error(`${layout}: the sample purchase was not found by its id`);
    const [byDayMs, byDay] = await timed(async () => {
      if (layout === 'each') return db.table('purchases').where('purchasedAt').between(`${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`, true, true).count();
      let n = 0;
      await readAll(db, layout, (p) => (n += p.purchasedAt.startsWith(day) ? 1 : 0));
      return n;
    });
    const estimate = await navigator.storage.estimate();
    return { records, purchases, fullReadMs, customerPage, recordPurchase, byIdMs, byDayMs, byDayPurchases: byDay, originUsageBytes: estimate.usage ?? 0 };
  } finally {
    db.close();
  }
}
