// The import repository on fake-indexeddb: all or nothing, no duplicates on re-import, undo puts
// back exactly what was there, and the Online Retail sample is accounted for row by row.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import type { Customer } from '../../shared/domain/customer';
import { computeCustomerFigures, customerFigureFields, utcDayOf } from '../../shared/domain/customerFigures';
import {
  decodeText,
  importPurchases,
  parseDelimited,
  rowsToDrafts,
  suggestMapping,
  type ImportCandidate,
} from '../../shared/domain/import';
import { makeCustomerFields, makePhone } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createDerivation } from './derivation';
import { createImportRepository, ImportCancelledError, type ImportedPurchase } from './imports';
import { createPurchaseRepository } from './purchases';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;
/** When set, newId throws on that call: a failure in the middle of the write. */
let failAtId: number | null;

const deps = () => ({
  now: () => clock,
  newId: () => {
    ids += 1;
    if (failAtId !== null && ids === failAtId) throw new Error('disk full (simulated)');
    return `id-${String(ids).padStart(6, '0')}`;
  },
  dayOf: utcDayOf,
});
const repo = () => createImportRepository(db, deps());
const CTX = { defaultRegion: 'CN' as const, today: new Date(2026, 0, 15) };

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
  failAtId = null;
});

function candidatesFrom(csv: string): { candidates: ImportCandidate[]; invalid: number } {
  const table = parseDelimited(csv);
  const r = rowsToDrafts(table, suggestMapping(table.headers), CTX);
  const badRows = new Set(r.errors.map((e) => e.rowNumber));
  return { candidates: r.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields })), invalid: badRows.size };
}

const CSV = [
  '姓名,手机,邮箱,标签,备注',
  '张三,13812345678,zs@example.cn,VIP,',
  '李四,13912345678,,,喜欢普洱',
  '王五,,ww@example.cn,,',
  '赵六,,,,',
  '张三丰,138 1234 5678,,老客户,',
  '坏号码,12345,,,',
].join('\r\n');

function bigCsv(n: number): string {
  const lines = ['姓名,手机'];
  for (let i = 0; i < n; i++) lines.push(`客户${i},139${String(i).padStart(8, '0')}`);
  return lines.join('\n');
}

async function allCustomers(): Promise<Customer[]> {
  return storedCustomers(db).toArray();
}

describe('importCustomers', () => {
  it('creates the valid rows, merges the in-file duplicate, records a batch and an audit entry', async () => {
    const { candidates, invalid } = candidatesFrom(CSV);
    expect(invalid).toBe(1);
    const r = await repo().importCustomers({ fileName: 'a.csv', candidates, policy: 'update', invalidRows: invalid, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 4, updated: 0, invalid: 1, rows: 6 });
    const names = (await allCustomers()).map((c) => c.name).sort();
    // 张三丰 shares 张三's phone: merged into one new customer (the later name wins, tags are joined).
    expect(names).toEqual(['张三丰', '李四', '王五', '赵六'].sort());
    const batch = await db.imports.get(r.batchId);
    expect(batch?.createdCustomerIds).toHaveLength(4);
    expect((await db.auditLog.toArray()).map((a) => a.kind)).toEqual(['import.customers']);
  });

  it('importing the same file twice creates no duplicates, with skip and with update', async () => {
    const { candidates } = candidatesFrom(CSV);
    await repo().importCustomers({ fileName: 'a.csv', candidates, policy: 'update', invalidRows: 1, emptyRows: 0 });
    const first = await allCustomers();
    expect(first).toHaveLength(4);
    const skip = await repo().importCustomers({ fileName: 'a.csv', candidates, policy: 'skip', invalidRows: 1, emptyRows: 0 });
    expect(skip.counts).toMatchObject({ created: 0, updated: 0, skipped: 5 });
    const update = await repo().importCustomers({ fileName: 'a.csv', candidates, policy: 'update', invalidRows: 1, emptyRows: 0 });
    // Every row matches (赵六 by name: no phone and no e-mail); merging the same values changes nothing.
    expect(update.counts).toMatchObject({ created: 0, updated: 0 });
    expect(await allCustomers()).toEqual(first);
  });

  it('is all or nothing: a failure in the middle of the write leaves the store as it was', async () => {
    const { candidates } = candidatesFrom(bigCsv(2_500));
    await createCustomerRepository(db, deps()).create({ ...(await import('../../shared/domain/customer')).emptyCustomerFields(), name: '老客' });
    const before = await allCustomers();
    const entriesBefore = await db.auditLog.toArray();
    // Ids 1 (the customer above) and 2 (the batch) are taken; 1,500 records in, the next id fails.
    failAtId = ids + 1 + 1_500;
    await expect(repo().importCustomers({ fileName: 'big.csv', candidates, policy: 'skip', invalidRows: 0, emptyRows: 0 })).rejects.toThrow('disk full');
    expect(await allCustomers()).toEqual(before);
    expect(await db.imports.count()).toBe(0);
    expect(await db.auditLog.toArray()).toEqual(entriesBefore);
  });

  it('a cancel while writing rolls everything back', async () => {
    const { candidates } = candidatesFrom(bigCsv(3_000));
    const abort = new AbortController();
    const phases: string[] = [];
    const run = repo().importCustomers(
      { fileName: 'big.csv', candidates, policy: 'skip', invalidRows: 0, emptyRows: 0 },
      {
        signal: abort.signal,
        onProgress: (p) => {
          phases.push(`${p.phase}:${p.done}`);
          if (p.phase === 'writing' && p.done >= 2_000) abort.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(ImportCancelledError);
    expect(phases).toContain('writing:2000');
    expect(await db.customers.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('undo removes created customers (and their purchases), restores updated ones exactly, and logs it', async () => {
    const customers = createCustomerRepository(db, deps());
    const existing = await customers.create({
      ...(await import('../../shared/domain/customer')).emptyCustomerFields(),
      name: '张三',
      email: 'zs@example.cn',
      notes: '老客户',
    });
    await createPurchaseRepository(db, deps()).record(existing.id, makePurchaseFields({ totalFen: 5000, subtotalFen: 5000, lines: [] }));
    const before = await storedCustomers(db).get(existing.id);
    clock = new Date('2026-03-02T10:00:00Z');
    const { candidates } = candidatesFrom(CSV);
    const r = await repo().importCustomers({ fileName: 'a.csv', candidates, policy: 'update', invalidRows: 1, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 3, updated: 1 });
    const changed = await storedCustomers(db).get(existing.id);
    expect(changed?.phoneKeys).toEqual(['+8613812345678']);
    // A contact with a customer the import created goes with that customer.
    const createdId = r.plan.create.length ? (await db.imports.get(r.batchId))!.createdCustomerIds[0]! : '';
    await createPurchaseRepository(db, deps()).record(createdId, makePurchaseFields({ totalFen: 100, subtotalFen: 100, lines: [] }));

    clock = new Date('2026-03-03T10:00:00Z');
    const undone = await repo().undo(r.batchId);
    expect(undone.undoneAt).toBe('2026-03-03T10:00:00.000Z');
    // The earlier record comes back; its status is derived again as of the undo (two days on).
    const [restored] = await allCustomers();
    expect(restored).toEqual({ ...before, statusAsOf: '2026-03-03', churnReason: restored!.churnReason });
    expect(restored!.churnReason).toEqual({ ...before!.churnReason, params: { ...before!.churnReason.params, daysSinceLast: before!.churnReason.params.daysSinceLast! + 2 } });
    expect(await db.purchases.where('customerId').equals(createdId).count()).toBe(0);
    expect(await db.purchases.count()).toBe(1);
    const imported = (await db.auditLog.orderBy('seq').toArray()).filter((a) => a.kind.startsWith('import.'));
    expect(imported.map((a) => [a.kind, a.refs])).toEqual([['import.customers', [r.batchId]], ['import.undo', [r.batchId]]]);
    expect(imported[1]!.facts).toMatchObject({ importKind: 'customers', removedCustomers: undone.createdCustomerIds.length, restoredCustomers: 1 });
    await expect(repo().undo(r.batchId)).rejects.toThrow(/already undone/);
  });
});

describe('importPurchases', () => {
  const RAW = readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url));
  const PCTX = { currency: 'GBP' as const, now: new Date(2026, 0, 15), defaultRegion: 'CN' as const };
  const sample = () => importPurchases(parseDelimited(decodeText(new Uint8Array(RAW)).text), PCTX);
  const input = () => ({ fileName: 'online-retail-sample.csv', result: sample(), externalCustomerName: (id: string) => `Customer ${id}` });

  it('imports the Online Retail sample accounting for every row, with figures equal to a full recomputation', async () => {
    const started = performance.now();
    const plan = await repo().planPurchases(sample());
    const s = plan.summary;
    expect(s.format).toBe('online-retail');
    expect(s.importRows + s.alreadyImportedRows + s.noCustomerRows + s.notFoundRows + s.badRows).toBe(s.totalRows);
    expect(s.totalRows).toBe(4_792);
    expect(s.noCustomerRows).toBeGreaterThan(0);
    expect(s.newCustomers).toBeGreaterThan(0);

    const r = await repo().importPurchases(input());
    const ms = performance.now() - started;
    expect(r.counts).toMatchObject({ rows: 4_792, importedRows: s.importRows, purchases: s.purchases, customersCreated: s.newCustomers });
    expect(await db.purchases.count()).toBe(s.purchases);
    expect(await db.customers.count()).toBe(s.newCustomers);
    const lines = (await db.purchases.toArray()).reduce((n, p) => n + p.lines.length, 0);
    expect(lines).toBe(s.importRows);
    // The figures written with the new customers are what a full recomputation gives.
    for (const c of await storedCustomers(db).toArray()) {
      const mine = await db.purchases.where('customerId').equals(c.id).toArray();
      expect(customerFigureFields(computeCustomerFigures(mine, utcDayOf))).toEqual(customerFigureFields(c));
      expect(c.name).toBe(`Customer ${c.externalKey}`);
    }
    expect(ms).toBeLessThan(30_000);
  });

  it('re-importing the same invoices adds nothing; undo removes purchases and the customers it created', async () => {
    const first = await repo().importPurchases(input());
    const customersAfter = await allCustomers();
    const again = await repo().importPurchases(input());
    expect(again.counts).toMatchObject({ purchases: 0, customersCreated: 0, importedRows: 0 });
    expect(again.plan.summary.alreadyImportedRows).toBe(first.counts.importedRows);
    expect(await db.purchases.count()).toBe(first.counts.purchases);
    expect(await allCustomers()).toEqual(customersAfter);

    await repo().undo(first.batchId);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.customers.count()).toBe(0);
    expect(await db.catalog.count()).toBe(0);
  });

  it('adds purchases to existing customers by phone and recomputes their figures; not found rows are reported', async () => {
    const c = await createCustomerRepository(db, deps()).create(
      makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })] }),
    );
    const csv = ['手机,日期,金额,商品,订单号', '13812345678,2025-12-01,88.00,普洱,A1', '13812345678,2025-12-05,12.50,绿茶 x2,A2', '13900000000,2025-12-05,10,,A3', ',2025-12-05,10,,A4', '13812345678,明天,10,,A5'].join('\n');
    const result = importPurchases(parseDelimited(csv), { ...PCTX, currency: 'CNY' });
    const r = await repo().importPurchases({ fileName: 's.csv', result, externalCustomerName: (id) => id });
    const s = r.plan.summary;
    expect(s).toMatchObject({ format: 'simple', totalRows: 5, importRows: 2, notFoundRows: 1, noCustomerRows: 1, badRows: 1 });
    const stored = (await storedCustomers(db).get(c.id))!;
    expect(stored.totalSpentFen).toBe(10_050);
    expect(stored.purchaseCount).toBe(2);
    const refs = ((await db.purchases.toArray()) as ImportedPurchase[]).map((p) => p.externalRef).sort();
    expect(refs).toEqual(['A1', 'A2']);
    await repo().undo(r.batchId);
    expect((await storedCustomers(db).get(c.id))!.totalSpentFen).toBe(0);
  });
  it('undo takes back at once the upgrade the imported purchases alone gave an existing customer, with its history', async () => {
    const c = await createCustomerRepository(db, deps()).create(
      makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })] }),
    );
    await createPurchaseRepository(db, deps()).record(c.id, makePurchaseFields({ purchasedAt: '2025-11-20T09:00:00.000Z', totalFen: 60_000 }));
    clock = new Date(clock.getTime() + 60_000);
    const csv = ['手机,日期,金额,订单号', '13812345678,2025-12-01,800.00,B1'].join('\n');
    const r = await repo().importPurchases({ fileName: 'wrong-shop.csv', result: importPurchases(parseDelimited(csv), { ...PCTX, currency: 'CNY' }), externalCustomerName: (id) => id });
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'regular', purchaseCount: 2 });
    clock = new Date(clock.getTime() + 60_000);
    await repo().undo(r.batchId);
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ tierId: 'potential', pendingTierId: null, purchaseCount: 1, totalSpentFen: 60_000 });
    const history = await db.tierHistory.where('customerId').equals(c.id).sortBy('at');
    expect(history.map((h) => [h.from, h.to, h.reason.code, h.reason.params.cause ?? ''])).toEqual([
      ['potential', 'regular', 'tier-upgrade', ''],
      ['regular', 'potential', 'tier-corrected', 'import-undone'],
    ]);
  });
});

describe('figures of customers who already had purchases', () => {
  const PCTX = { currency: 'CNY' as const, now: new Date(2026, 2, 5), defaultRegion: 'CN' as const };
  const phoneOf = (digits: string) => makePhone(`+86${digits}`, { raw: digits });

  /** The state rows as they are, then as a full recomputation derives them (which must change none). */
  async function expectEqualToFullRecomputation(): Promise<void> {
    const incremental = await db.customerState.toArray();
    const historyBefore = await db.tierHistory.count();
    expect((await createDerivation(db, deps()).recomputeAllFigures()).changed).toBe(0);
    expect(await db.customerState.toArray()).toEqual(incremental);
    expect(await db.tierHistory.count()).toBe(historyBefore);
  }

  it('derive from their stored purchases (returns, voided, returned in full) and the imported ones alike', async () => {
    const customers = createCustomerRepository(db, deps());
    const purchases = createPurchaseRepository(db, deps());
    const sale = (purchasedAt: string, totalFen: number) => makePurchaseFields({ purchasedAt, totalFen, subtotalFen: totalFen, discountFen: 0, lines: [] });
    const refund = (purchasedAt: string, totalFen: number) => makePurchaseFields({ purchasedAt, totalFen, subtotalFen: totalFen, discountFen: 0, lines: [] });
    // A regular: sales, a partial return, a voided sale, a sale returned in full.
    const regular = await customers.create(makeCustomerFields({ name: '张三', phones: [phoneOf('13812345678')] }));
    await purchases.record(regular.id, sale('2025-10-01T03:00:00.000Z', 300_00));
    const partly = await purchases.record(regular.id, sale('2025-10-05T03:00:00.000Z', 200_00));
    await purchases.recordReturn(partly.id, refund('2025-10-06T03:00:00.000Z', -50_00));
    const mistaken = await purchases.record(regular.id, sale('2025-10-10T03:00:00.000Z', 9_999_00));
    await purchases.void(mistaken.id, '录错了');
    const whole = await purchases.record(regular.id, sale('2025-11-01T03:00:00.000Z', 120_00));
    await purchases.recordReturn(whole.id, refund('2025-11-02T03:00:00.000Z', -120_00));
    // Figures of zero, yet purchases stored: only a voided one; a sale returned in full.
    const voidedOnly = await customers.create(makeCustomerFields({ name: '李四', phones: [phoneOf('13912345678')] }));
    await purchases.void((await purchases.record(voidedOnly.id, sale('2025-09-01T03:00:00.000Z', 5_000_00))).id, '录错了');
    const returnedOnly = await customers.create(makeCustomerFields({ name: '王五', phones: [phoneOf('13712345678')] }));
    const back = await purchases.record(returnedOnly.id, sale('2025-12-20T03:00:00.000Z', 3_000_00));
    await purchases.recordReturn(back.id, refund('2025-12-21T03:00:00.000Z', -3_000_00));
    // None stored at all.
    const newcomer = await customers.create(makeCustomerFields({ name: '赵六', phones: [phoneOf('13612345678')] }));
    await expectEqualToFullRecomputation();

    clock = new Date('2026-03-02T10:00:00Z');
    const csv = [
      '手机,日期,金额,订单号',
      '13812345678,2026-01-10,88.00,C1',
      '13812345678,2026-01-10,12.00,C2',
      '13812345678,2026-02-01,-20.00,C3',
      '13912345678,2026-01-20,1500.00,C4',
      '13712345678,2026-02-02,66.00,C5',
      '13612345678,2026-02-03,2800.00,C6',
      '13612345678,2026-02-20,-2800.00,C7',
    ].join('\n');
    const r = await repo().importPurchases({ fileName: 'more.csv', result: importPurchases(parseDelimited(csv), PCTX), externalCustomerName: (id) => id });
    expect(r.counts).toMatchObject({ purchases: 7, returns: 2, customersUpdated: 4 });
    expect(await storedCustomers(db).get(regular.id)).toMatchObject({ purchaseCount: 4, totalSpentFen: 300_00 + 150_00 + 100_00 - 20_00 });
    expect(await storedCustomers(db).get(voidedOnly.id)).toMatchObject({ purchaseCount: 1, totalSpentFen: 1500_00 });
    expect(await storedCustomers(db).get(returnedOnly.id)).toMatchObject({ purchaseCount: 1, totalSpentFen: 66_00 });
    expect(await storedCustomers(db).get(newcomer.id)).toMatchObject({ purchaseCount: 1, totalSpentFen: 0 });
    await expectEqualToFullRecomputation();

    // A second file on top of the first (the same day: a later day moves every customer's statusAsOf): its purchases are stored ones now.
    clock = new Date('2026-03-02T11:00:00Z');
    const next = ['手机,日期,金额,订单号', '13812345678,2026-03-01,40.00,D1', '13912345678,2026-03-01,-1500.00,D2', '13612345678,2026-03-01,10.00,D3', '13512345678,2026-03-01,10.00,D4'].join('\n');
    await repo().importPurchases({ fileName: 'next.csv', result: importPurchases(parseDelimited(next), PCTX), externalCustomerName: (id) => id });
    expect(await storedCustomers(db).get(voidedOnly.id)).toMatchObject({ purchaseCount: 1, totalSpentFen: 0 });
    await expectEqualToFullRecomputation();
  });

  it('an undone import leaves figures equal to a full recomputation too', async () => {
    const c = await createCustomerRepository(db, deps()).create(makeCustomerFields({ name: '张三', phones: [phoneOf('13812345678')] }));
    await createPurchaseRepository(db, deps()).record(c.id, makePurchaseFields({ purchasedAt: '2025-11-20T09:00:00.000Z', totalFen: 600_00 }));
    const csv = ['手机,日期,金额,订单号', '13812345678,2025-12-01,800.00,B1', '13812345678,2025-12-02,-100.00,B2'].join('\n');
    const r = await repo().importPurchases({ fileName: 'p.csv', result: importPurchases(parseDelimited(csv), PCTX), externalCustomerName: (id) => id });
    await expectEqualToFullRecomputation();
    await repo().undo(r.batchId);
    await expectEqualToFullRecomputation();
    expect(await storedCustomers(db).get(c.id)).toMatchObject({ purchaseCount: 1, totalSpentFen: 600_00 });
  });
});

describe('speed', () => {
  it('imports 10,000 customers in one transaction', async () => {
    const { candidates } = candidatesFrom(bigCsv(10_000));
    const started = performance.now();
    const r = await repo().importCustomers({ fileName: 'big.csv', candidates, policy: 'skip', invalidRows: 0, emptyRows: 0 });
    const ms = performance.now() - started;
    expect(r.counts.created).toBe(10_000);
    expect(await db.customers.count()).toBe(10_000);
    console.info(`imported 10,000 customers in ${Math.round(ms)} ms (fake-indexeddb)`);
  }, 60_000);
});
