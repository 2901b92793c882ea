// Items 1 and 2: the customers and purchases files through the app's import worker, driven as the
// import screen drives it (load, preview, import; the same ImportClient, the same options), beside
// plain puts of the same records into a database of the same schema on another origin (the raw page).
import { settings as settingsRepository } from '../../../renderer/db';
import { database, RegularsDatabase } from '../../../renderer/db/database';
import { ImportClient, type ImportWorkerProgress } from '../../../renderer/features/import/importClient';
import { EXTERNAL_ID_MARK, type ImportOutcome } from '../../../renderer/workers/importProtocol';
import type { Customer } from '../../../shared/domain/customer';
import { customerRecordOf, customerStateOf, newCustomerRecord } from '../../../shared/domain/customerRecord';
import type { Interaction } from '../../../shared/domain/interaction';
import type { ImportRun, RawWrite, SetupStep } from '../protocol';
import { putInChunks } from './idb';
import { longTasksBetween, settle } from './longTasks';
import { requireDataset, session } from './session';

export const CUSTOMERS_FILE = 'customers.csv';
export const PURCHASES_FILE = 'purchases.csv';
const RAW_DATABASE = 'regulars-bench-raw';
/** Contacts per transaction when seeding them (the app's own bulk writers use chunks of 1,000–2,000). */
const SEED_CHUNK = 2_000;

// The import screen reports progress into React state; here it only has to be received.
const ignoreProgress = (_: ImportWorkerProgress) => undefined;

/**
 * The write's steps as its progress reports them (the phases the import screen shows): when each phase
 * was first reported. 'parse' is the time until the first report: the session reads the file again.
 */
function writeSteps() {
  const start = performance.now();
  const seen: [string, number][] = [];
  return {
    onProgress(p: ImportWorkerProgress) {
      if (!seen.some(([phase]) => phase === p.phase)) seen.push([p.phase, performance.now()]);
    },
    durations(end: number): Record<string, number> {
      const marks: [string, number][] = [['parse', start], ...seen];
      return Object.fromEntries(marks.map(([phase, at], i) => [phase, (marks[i + 1]?.[1] ?? end) - at]));
    },
  };
}

async function importFile(kind: 'customers' | 'purchases', fileName: string, bytes: ArrayBuffer | null): Promise<ImportRun> {
  if (!bytes) throw new Error('call prepare on the app page first');
  const settings = await settingsRepository.read();
  const defaultRegion = settings.defaultRegion;
  const currency = settings.currency;
  const client = new ImportClient();
  try {
    const start = performance.now();
    // The screen sends a copy, so it can read the file again in another encoding.
    const loaded = await client.load({ fileName, bytes: bytes.slice(0), encoding: null });
    const loadedAt = performance.now();
    let outcome: ImportOutcome;
    let previewedAt: number;
    let steps: ReturnType<typeof writeSteps>;
    if (kind === 'customers') {
      const options = { mapping: loaded.customerMapping, policy: 'skip' as const, defaultRegion, dateOrder: 'mdy' as const };
      const preview = await client.previewCustomers({ options }, ignoreProgress);
      previewedAt = performance.now();
      if (preview.errorCount > 0) console.warn(`customers file: ${preview.errorCount} row errors, first: ${JSON.stringify(preview.errors.slice(0, 3))}`);
      steps = writeSteps();
      outcome = await client.importData({ type: 'importCustomers', options }, steps.onProgress);
    } else {
      const options = { mapping: loaded.purchaseMapping, currency, defaultRegion, dateOrder: 'mdy' as const };
      const preview = await client.previewPurchases({ options });
      previewedAt = performance.now();
      if (preview.summary.importRows !== preview.summary.totalRows) console.warn(`purchases file: only ${preview.summary.importRows} of ${preview.summary.totalRows} rows import`);
      // The screen translates import.externalCustomerName; only Online Retail files use it.
      steps = writeSteps();
      // An Online Retail-shaped file is named as sterling; the bench confirms as the clerk would.
      const confirmed = { ...options, currencyAcknowledged: preview.currency.foreign.length > 0 };
      outcome = await client.importData({ type: 'importPurchases', options: confirmed, externalNamePattern: `客户 ${EXTERNAL_ID_MARK}` }, steps.onProgress);
    }
    const end = performance.now();
    await settle();
    return {
      rows: loaded.rowCount,
      phases: { loadMs: loadedAt - start, previewMs: previewedAt - loadedAt, writeMs: end - previewedAt },
      writeSteps: steps.durations(end),
      totalMs: end - start,
      counts: outcome.counts,
      longTasks: longTasksBetween(start, end),
    };
  } finally {
    client.dispose();
  }
}

export function importCustomers(): Promise<ImportRun> {
  return importFile('customers', CUSTOMERS_FILE, session.customersFile);
}

export function importPurchases(): Promise<ImportRun> {
  return importFile('purchases', PURCHASES_FILE, session.purchasesFile);
}

/**
 * The contacts go in as the demo store puts its contacts in (bulkAdd), on the customers the import
 * created: the app has no contact import, and the customer page and backups need them there.
 */
export async function seedContacts(): Promise<SetupStep> {
  const { customers, contacts } = requireDataset();
  const db = database();
  const start = performance.now();
  const appIdByPhone = new Map<string, string>();
  await db.customers.each((c) => {
    for (const key of c.phoneKeys) appIdByPhone.set(key, c.id);
  });
  const appIdOf = new Map<string, string>();
  for (const c of customers) {
    const phone = c.fields.phones[0]?.normalized;
    const appId = phone ? appIdByPhone.get(phone) : undefined;
    if (appId) appIdOf.set(c.id, appId);
  }
  const rows: Interaction[] = [];
  for (const i of contacts) {
    const customerId = appIdOf.get(i.customerId);
    if (customerId) rows.push({ ...i, customerId });
  }
  for (let k = 0; k < rows.length; k += SEED_CHUNK) await db.interactions.bulkAdd(rows.slice(k, k + SEED_CHUNK));
  return { ms: performance.now() - start, records: rows.length };
}

// ---------- the raw page ----------

let rawCustomerRecords: Customer[] = [];
let rawDatabase: IDBDatabase | null = null;

/** The stored customer records the import makes of the same rows (search tokens, sort keys, status fields). */
export function buildRawRecords(nowMs: number): number {
  const { customers } = requireDataset();
  const now = new Date(nowMs);
  rawCustomerRecords = customers.map((d) => newCustomerRecord(d.fields, d.id, now));
  return rawCustomerRecords.reduce((sum, r) => sum + r.searchTokens.length, 0) / Math.max(1, rawCustomerRecords.length);
}

/** A database with the app's schema (every table, every index), created by the app's own Dexie class, then used plainly. */
async function rawTarget(): Promise<IDBDatabase> {
  if (!rawDatabase) {
    const dexie = new RegularsDatabase(RAW_DATABASE);
    await dexie.open();
    rawDatabase = dexie.backendDB();
  }
  return rawDatabase;
}

async function rawWrite(writes: Record<string, readonly unknown[]>, records: number, chunk: number): Promise<RawWrite> {
  const target = await rawTarget();
  const start = performance.now();
  const transactions = await putInChunks(target, writes, chunk);
  return { ms: performance.now() - start, records, transactions };
}

/** Each customer's record, state row and search row (the app's three records per customer), in the same transaction. */
export async function rawWriteCustomers(chunk: number): Promise<RawWrite> {
  const search = rawCustomerRecords.map((c) => ({ id: c.id, tokens: c.searchTokens }));
  const records = rawCustomerRecords.map(customerRecordOf);
  const states = rawCustomerRecords.map(customerStateOf);
  const written = await rawWrite({ customers: records, customerState: states, customerSearch: search }, rawCustomerRecords.length, chunk);
  rawCustomerRecords = [];
  return written;
}

export function rawWritePurchases(chunk: number): Promise<RawWrite> {
  const { purchases } = requireDataset();
  return rawWrite({ purchases }, purchases.length, chunk);
}

export function releaseRaw(): void {
  rawCustomerRecords = [];
}
