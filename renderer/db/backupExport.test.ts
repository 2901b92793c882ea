// The export: every table as one consistent moment of the store, as a payload the reader accepts; read in
// slices that let writes through, and read again when a write came between slices.
import { pointsEntry } from '../../shared/domain/pointsLedger';
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { clockAt } from '../../shared/clock';
import { PayloadReader, UnsupportedValueError } from '../../shared/domain/backupPayload';
import { makeCustomer } from '../../test/factories/customer';
import { onDatabaseChange } from './backupChanges';
import { ExportBusyError, exportDatabase, ExportError, exportFailureReason, type ExportOptions } from './backupExport';
import { RegularsDatabase } from './database';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
beforeEach(() => {
  db = database();
});

const customers = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => makeCustomer({ name: `客户${i}` }, { id: `${prefix}-${String(i).padStart(4, '0')}` }));

async function exportAll(options: Partial<ExportOptions> = {}, onRows?: (read: number) => void) {
  const pieces: Uint8Array[] = [];
  const progress: number[] = [];
  let started: { schemaVersion: number; counts: Record<string, number> } | null = null;
  const result = await exportDatabase(
    db,
    {
      start: (info) => (started = info),
      piece: (bytes) => pieces.push(bytes),
      progress: (done) => {
        progress.push(done);
        onRows?.(done);
      },
    },
    { now: () => new Date('2026-11-23T10:00:00.000Z'), sleep: async () => undefined, ...options },
  );
  const reader = new PayloadReader();
  const events = reader.push(new TextDecoder().decode(Buffer.concat(pieces)));
  return { result, pieces, progress, started, events, finished: reader.finish() };
}

const rowsOf = (events: ReturnType<PayloadReader['push']>, table: string) => events.flatMap((e) => (e.kind === 'rows' && e.table === table ? e.rows : []));

describe('exportDatabase', () => {
  it('writes every table with its counts, in pieces, with progress; the reader takes it back row for row', async () => {
    const rows = customers(250);
    await db.customers.bulkAdd(rows);
    await db.settings.bulkPut([{ key: 'currency', value: 'CNY' }]);
    await db.bookkeeping.bulkPut([{ key: 'startedAs', value: 'empty' }]);
    // Points entries have a compound key: paged by it, every entry once, in key order (several entries share a customer and a time).
    const entries = Array.from({ length: 130 }, (_, i) =>
      pointsEntry({ customerId: rows[i % 7]!.id, kind: 'earn', points: i + 1, createdAt: new Date(Date.UTC(2026, 0, 1 + (i % 5))).toISOString() }, () => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`),
    );
    await db.pointsEntries.bulkAdd(entries);
    const { result, pieces, progress, started, events, finished } = await exportAll({ pageRows: 40, pieceChars: 4_000 });
    const counts = { auditLog: 0, bookkeeping: 1, catalog: 0, consentEvents: 0, consentState: 0, customerSearch: 0, customerState: 0, customers: 250, erasures: 0, imports: 0, interactions: 0, pins: 0, pointsEntries: 130, pointsState: 0, purchases: 0, reminderMarks: 0, rewards: 0, settings: 1, tierHistory: 0, surveys: 0, surveyAnswers: 0, surveyState: 0, complaints: 0, surveyTally: 0, salesDays: 0, visitBuckets: 0, pointsMonths: 0, campaigns: 0, campaignMembers: 0, savedSegments: 0, statusCounts: 0 };
    expect(started).toEqual({ schemaVersion: db.verno, counts });
    expect(result).toEqual({ schemaVersion: db.verno, counts, bytes: pieces.reduce((n, p) => n + p.length, 0), slices: 1, spoiledPasses: 0 });
    expect(pieces.length).toBeGreaterThan(5);
    expect(progress.at(-1)).toBe(382);
    expect(rowsOf(events, 'customers')).toStrictEqual(rows);
    expect(rowsOf(events, 'pointsEntries')).toStrictEqual(await db.pointsEntries.toArray());
    expect(finished).toMatchObject({ ok: true, value: { counts } });
  });

  it('exports an empty database as a payload with every table and no rows', async () => {
    const { events, finished } = await exportAll();
    expect(events.map((e) => e.kind)).toEqual(['header', 'end']);
    expect(finished.ok).toBe(true);
  });

  it('fails rather than leave a value out', async () => {
    await db.settings.put({ key: 'odd', value: new Map([['a', 1]]) });
    await expect(exportAll()).rejects.toThrow(UnsupportedValueError);
  });

  it('reads a small store in one transaction: a write issued during the read lands after it', async () => {
    await db.customers.bulkAdd(customers(300));
    let wrote: Promise<unknown> | null = null;
    const { result, finished } = await exportAll({ pageRows: 50 }, (done) => {
      // Outside the export's transaction, as the clerk's page or another worker would write; its key sorts
      // after every page still to come, so separate reads would pick it up.
      if (done === 50 && !wrote) wrote = Dexie.ignoreTransaction(() => db.customers.put(makeCustomer({}, { id: 'c-9999-late' })));
    });
    await wrote;
    expect(result.slices).toBe(1);
    expect(finished).toMatchObject({ ok: true, value: { counts: { customers: 300 } } });
    expect(await db.customers.count()).toBe(301);
  });

  describe('in slices', () => {
    let writes = 0;
    let stop: () => void;
    beforeEach(() => {
      writes = 0;
      stop = onDatabaseChange(db.name, () => (writes += 1));
    });
    afterEach(() => stop());

    /** Each page its own transaction (a slice of 0 ms), so writes get in between pages. */
    const sliced = (extra: Partial<ExportOptions> = {}) => ({ pageRows: 50, sliceMs: 0, changes: () => writes, ...extra });

    it('lets writes in between slices and, when one came, reads the store again: the kept pass is one moment', async () => {
      await db.customers.bulkAdd(customers(300));
      let wrote: Promise<unknown> | null = null;
      const { result, events, finished } = await exportAll(sliced(), (done) => {
        if (done === 100 && !wrote) wrote = Dexie.ignoreTransaction(() => db.customers.put(makeCustomer({}, { id: 'c-9999-late' })));
      });
      await wrote;
      expect(result.spoiledPasses).toBe(1);
      expect(result.slices).toBeGreaterThan(5);
      // The second pass saw the late customer from its first page on: 301 rows, none twice.
      expect(finished).toMatchObject({ ok: true, value: { counts: { customers: 301 } } });
      const ids = rowsOf(events, 'customers').map((c) => (c as { id: string }).id);
      expect(new Set(ids).size).toBe(301);
    });

    it('keeps a pass no write came into', async () => {
      await db.customers.bulkAdd(customers(300));
      const { result, finished } = await exportAll(sliced());
      expect(result).toMatchObject({ spoiledPasses: 0, counts: { customers: 300 } });
      expect(result.slices).toBeGreaterThan(5);
      expect(finished.ok).toBe(true);
    });

    it('ends with one transaction when writes keep spoiling the sliced passes', async () => {
      await db.customers.bulkAdd(customers(300));
      let n = 0;
      // A pass this small would hold a write for a moment only.
      const { result, finished } = await exportAll(sliced({ slicedPasses: 2, singlePassMs: 60_000 }), (done) => {
        if (done === 100) void Dexie.ignoreTransaction(() => db.customers.put(makeCustomer({}, { id: `c-9999-${++n}` })));
      });
      expect(result.spoiledPasses).toBe(2);
      expect(result.slices).toBe(1);
      expect(finished.ok).toBe(true);
      // The write issued during the single-transaction pass waited for it.
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await db.customers.count()).toBe(result.counts.customers! + 1);
    });

    it('gives up rather than hold writes for a long single pass when a large store keeps changing', async () => {
      await db.customers.bulkAdd(customers(300));
      let n = 0;
      let tick = 0;
      // Each reading of the clock is a second later: every pass looks long.
      const failure = await exportAll(sliced({ slicedPasses: 2, clock: () => (tick += 1_000) }), (done) => {
        if (done === 100) void Dexie.ignoreTransaction(() => db.customers.put(makeCustomer({}, { id: `c-9999-${++n}` })));
      }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ExportBusyError);
      expect(exportFailureReason(failure)).toBe('export-busy');
      expect(exportFailureReason(new ExportError('x'))).toBe('export-failed');
      // Only the sliced passes ran: every write went through between slices.
      expect(n).toBe(2);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(await db.customers.count()).toBe(302);
    });
  });

  it('refuses a database with a table it cannot key', async () => {
    const odd = new Dexie(`odd-${crypto.randomUUID()}`);
    odd.version(1).stores({ things: '++' });
    await expect(exportDatabase(odd, { start: () => undefined, piece: () => undefined, progress: () => undefined }, { now: clockAt('2026-06-15T10:00:00Z') })).rejects.toThrow(ExportError);
    await odd.delete();
  });
});
