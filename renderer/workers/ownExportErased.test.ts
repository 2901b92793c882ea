// An old file of the app's own export cannot bring an erased customer back: exported (as the export worker builds
// it), the customer erased, the file imported again (as the import worker does): their rows are named in the
// preview as erased and left out, the rest of the file goes ahead.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { clockAt } from '../../shared/clock';
import { emptyCustomerFields } from '../../shared/domain/customer';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { createCustomerRepository } from '../db/customers';
import { RegularsDatabase } from '../db/database';
import { createErasure } from '../db/erasure';
import { createExportReader } from '../db/exportData';
import { createImportRepository } from '../db/imports';
import { createPurchaseRepository } from '../db/purchases';
import { buildExport, type ExportFormat } from '../features/export/buildExport';
import { OWN_EXPORT_VOCABULARIES } from '../features/importExport/ownExportVocabularies';
import { readXlsx, writeXlsx } from '../features/importExport/xlsx';
import { EXTERNAL_ID_MARK } from './importProtocol';
import { createImportSession } from './importSession';

let n = 0;
const deps = { now: clockAt('2026-06-15T10:00:00Z'), newId: () => crypto.randomUUID(), dayOf: utcDayOf };
const purchase = (at: string, totalFen: number, note = '') => ({ purchasedAt: at, lines: [], subtotalFen: totalFen, discountFen: 0, totalFen, paymentNote: '', note });

async function exportFile(db: RegularsDatabase, kind: 'customers' | 'purchases', format: ExportFormat) {
  const vocabulary = OWN_EXPORT_VOCABULARIES[0]!;
  const job = { kind, format, customerIds: null, purchaseRows: 'purchases' as const, currency: 'CNY' as const, region: 'CN' as const, vocabulary, sheetName: kind };
  return { name: `${kind}.${format}`, bytes: (await buildExport(createExportReader(db), job, writeXlsx, () => undefined)).bytes };
}

describe.each(['csv', 'xlsx'] as const)('an own export (%s) imported after a customer in it was erased', (format) => {
  it('names their rows as erased and imports the rest, customers and purchases', async () => {
    const db = new RegularsDatabase(`erased-export-${++n}`);
    const customers = createCustomerRepository(db, deps);
    const purchases = createPurchaseRepository(db, deps);
    const zhang = await customers.create({ ...emptyCustomerFields(), name: '张三丰', notes: '喜欢太极', city: '十堰' });
    const li = await customers.create({ ...emptyCustomerFields(), name: '李四' });
    const sale = await purchases.record(zhang.id, purchase('2026-05-01T02:00:00.000Z', 90_000, '送货上门'));
    await purchases.recordReturn(sale.id, purchase('2026-05-02T02:00:00.000Z', -10_000));
    await purchases.record(li.id, purchase('2026-05-03T02:00:00.000Z', 3_000));
    const customersFile = await exportFile(db, 'customers', format);
    const purchasesFile = await exportFile(db, 'purchases', format);

    await createErasure(db, deps).erase(zhang.id, 'anonymise');
    // Someone else deleted for good (not erased): the file brings them back, as it always has.
    await customers.moveToTrash(li.id);
    await customers.deleteForever(li.id);

    const session = createImportSession(db, createImportRepository(db, deps), (bytes, layout) => readXlsx(bytes, layout), deps.now, OWN_EXPORT_VOCABULARIES);
    const loaded = await session.load(customersFile.name, customersFile.bytes, null);
    const options = { mapping: loaded.customerMapping, policy: 'update' as const, defaultRegion: 'CN' as const, dateOrder: 'mdy' as const };
    const preview = await session.previewCustomers(options);
    expect(preview.errors).toEqual([]);
    expect(preview.counts).toMatchObject({ erased: 1 });
    expect(preview.erased).toEqual([{ rowNumber: expect.any(Number), name: '张三丰', erasedAt: '2026-06-15T10:00:00.000Z' }]);
    const imported = await session.importCustomers(options, {});
    expect(imported.counts).toMatchObject({ created: 1, erased: 1 });

    const purchaseSession = createImportSession(db, createImportRepository(db, deps), (bytes, layout) => readXlsx(bytes, layout), deps.now, OWN_EXPORT_VOCABULARIES);
    const loadedPurchases = await purchaseSession.load(purchasesFile.name, purchasesFile.bytes, null);
    const purchaseOptions = { mapping: loadedPurchases.purchaseMapping, currency: 'CNY' as const, defaultRegion: 'CN' as const, dateOrder: 'mdy' as const };
    const purchasePreview = await purchaseSession.previewPurchases(purchaseOptions);
    expect(purchasePreview.summary).toMatchObject({ totalRows: 3, erasedRows: 2 });
    expect(purchasePreview.erased.map((e) => [e.customer, e.erasedAt])).toEqual([
      ['张三丰', '2026-06-15T10:00:00.000Z'],
      ['张三丰', '2026-06-15T10:00:00.000Z'],
    ]);
    const done = await purchaseSession.importPurchases(purchaseOptions, `#${EXTERNAL_ID_MARK}`, {});
    expect(done.counts).toMatchObject({ purchases: 1, erased: 2 });
    expect(await db.customers.get(li.id)).toMatchObject({ name: '李四' });
    expect(await db.purchases.where('customerId').equals(li.id).count()).toBe(1);

    // Nothing of them is back: no customer, no purchase with their note; the anonymised two are still the only ones of theirs.
    const everything = JSON.stringify(await Promise.all(db.tables.map((t) => t.toArray())));
    expect(everything).not.toMatch(/张三丰|太极|十堰|送货上门/);
    expect((await db.purchases.toArray()).filter((p) => p.totalFen === 90_000 || p.totalFen === -10_000)).toHaveLength(2);
    db.close();
  });
});
