// The purchase repository on fake-indexeddb: writes keep the customer's figures in step, and a full
// recomputation gives exactly what the incremental updates gave, on generated and on real data.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import type { Customer } from '../../shared/domain/customer';
import {
  computeCustomerFigures,
  customerFigureFields,
  figuresOf,
  groupPurchasesByCustomer,
  localDayOf,
  utcDayOf,
  ZERO_FIGURES,
  type CustomerFigures,
} from '../../shared/domain/customerFigures';
import { generateDemoCustomers } from '../../shared/domain/demoStore';
import { generateDemoPurchases } from '../../shared/domain/demoPurchases';
import { parseMoney } from '../../shared/domain/money';
import { purchaseFieldsOf, type PurchaseFields, type PurchaseLine } from '../../shared/domain/purchase';
import { makeCustomer, makeCustomerFields } from '../../test/factories/customer';
import { makeLine, makePurchaseFields } from '../../test/factories/purchase';
import { createCatalogRepository } from './catalog';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createDerivation } from './derivation';
import { createPurchaseRepository, PurchaseRuleError } from './purchases';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}` });
const repo = () => createPurchaseRepository(db, { ...deps(), dayOf: utcDayOf });
const engine = () => createDerivation(db, { ...deps(), dayOf: utcDayOf });

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

async function addCustomer(): Promise<Customer> {
  return createCustomerRepository(db, deps()).create(makeCustomerFields());
}

async function storedFigures(customerId: string): Promise<CustomerFigures> {
  return figuresOf((await storedCustomers(db).get(customerId))!);
}

/** Every customer's stored figures, by id. */
async function allFigures(): Promise<Map<string, CustomerFigures & { lastPurchaseSort: string }>> {
  return new Map((await storedCustomers(db).toArray()).map((c) => [c.id, { ...figuresOf(c), lastPurchaseSort: c.lastPurchaseSort }]));
}

/** Wipes the cached figures, so a recomputation that did nothing could not pass. */
async function wipeFigures(): Promise<void> {
  const all = await storedCustomers(db).toArray();
  await storedCustomers(db).bulkPut(all.map((c) => ({ ...c, ...customerFigureFields({ ...ZERO_FIGURES, totalSpentFen: -1 }) })));
}

const sale = (purchasedAt: string, lines: PurchaseLine[] = [makeLine()], discountFen = 0): PurchaseFields => makePurchaseFields({ purchasedAt, lines, discountFen });

describe('purchase repository', () => {
  it('records a purchase and updates the figures, catalog, but not the customer’s updatedAt', async () => {
    const purchases = repo();
    const c = await addCustomer();
    clock = new Date('2026-03-02T10:00:00Z');
    const p = await purchases.record(c.id, sale('2026-03-02T09:00:00.000Z', [makeLine({ product: '铁观音', category: '乌龙茶', quantity: 2, unitPriceFen: 9800 })], 600));
    expect(p).toMatchObject({ customerId: c.id, totalFen: 19000, isVoided: 0, returnOf: null, importId: null, createdAt: '2026-03-02T10:00:00.000Z' });
    const after = (await storedCustomers(db).get(c.id))!;
    expect(figuresOf(after)).toEqual({
      totalSpentFen: 19000,
      purchaseCount: 1,
      firstPurchaseAt: '2026-03-02T09:00:00.000Z',
      lastPurchaseAt: '2026-03-02T09:00:00.000Z',
      averageGapDays: null,
      medianGapDays: null,
    });
    expect(after.lastPurchaseSort).toBe('2026-03-02T09:00:00.000Z');
    expect(after.updatedAt).toBe(c.updatedAt);
    expect(await purchases.suggestProducts('铁')).toEqual([
      { key: '铁观音', product: '铁观音', category: '乌龙茶', lastUnitPriceFen: 9800, count: 1, lastUsedAt: '2026-03-02T09:00:00.000Z' },
    ]);
  });

  it('refuses an unknown customer and inconsistent fields, writing nothing', async () => {
    const purchases = repo();
    const c = await addCustomer();
    await expect(purchases.record('missing', sale('2026-03-01T09:00:00.000Z'))).rejects.toThrow(/not found/);
    await expect(purchases.record(c.id, { ...sale('2026-03-01T09:00:00.000Z'), totalFen: 1 })).rejects.toThrow(TypeError);
    await expect(purchases.record(c.id, { ...sale('2026-03-01T09:00:00.000Z'), totalFen: 0.5, subtotalFen: 0.5, lines: [] })).rejects.toThrow(TypeError);
    expect(await db.purchases.count()).toBe(0);
    expect(await db.catalog.count()).toBe(0);
  });

  it('lists a customer’s purchases newest first, with a limit', async () => {
    const purchases = repo();
    const [a, b] = [await addCustomer(), await addCustomer()];
    for (const day of ['03', '01', '02']) await purchases.record(a.id, sale(`2026-01-${day}T09:00:00.000Z`));
    await purchases.record(b.id, sale('2026-01-05T09:00:00.000Z'));
    expect((await purchases.listForCustomer(a.id)).map((p) => p.purchasedAt.slice(0, 10))).toEqual(['2026-01-03', '2026-01-02', '2026-01-01']);
    expect((await purchases.listForCustomer(a.id, 2)).map((p) => p.purchasedAt.slice(0, 10))).toEqual(['2026-01-03', '2026-01-02']);
    expect(await purchases.listForCustomer('nobody')).toEqual([]);
  });

  it('edits a purchase and recomputes; a voided one cannot be edited', async () => {
    const purchases = repo();
    const c = await addCustomer();
    const p = await purchases.record(c.id, sale('2026-01-01T09:00:00.000Z'));
    await purchases.record(c.id, sale('2026-01-11T09:00:00.000Z'));
    clock = new Date('2026-03-05T00:00:00Z');
    const edited = await purchases.edit(p.id, { ...sale('2025-12-22T09:00:00.000Z', [makeLine({ product: '白瓷盖碗', unitPriceFen: 6800 })]), id: 'ignored' } as PurchaseFields);
    expect(edited).toMatchObject({ id: p.id, totalFen: 6800, createdAt: p.createdAt, updatedAt: '2026-03-05T00:00:00.000Z' });
    expect(await storedFigures(c.id)).toMatchObject({ totalSpentFen: 6800 + 16800, firstPurchaseAt: '2025-12-22T09:00:00.000Z', averageGapDays: 20, medianGapDays: 20 });
    expect((await purchases.suggestProducts('白'))[0]?.count).toBe(1);
    // Saving again without new products does not count them again.
    await purchases.edit(p.id, purchaseFieldsOf(edited));
    expect((await purchases.suggestProducts('白'))[0]?.count).toBe(1);
    await purchases.void(p.id, '录入错误');
    await expect(purchases.edit(p.id, sale('2026-01-01T09:00:00.000Z'))).rejects.toMatchObject({ code: 'purchase-voided' });
  });

  it('voids with a reason: kept, left out of the figures; voiding twice changes nothing', async () => {
    const purchases = repo();
    const c = await addCustomer();
    const p = await purchases.record(c.id, sale('2026-01-01T09:00:00.000Z'));
    await expect(purchases.void(p.id, '  ')).rejects.toMatchObject({ code: 'void-reason-required' });
    clock = new Date('2026-03-06T00:00:00Z');
    const voided = await purchases.void(p.id, ' 重复录入 ');
    expect(voided).toMatchObject({ isVoided: 1, voidedAt: '2026-03-06T00:00:00.000Z', voidReason: '重复录入' });
    expect(await storedFigures(c.id)).toEqual(ZERO_FIGURES);
    expect((await storedCustomers(db).get(c.id))!.lastPurchaseSort).toBe('');
    clock = new Date('2026-03-07T00:00:00Z');
    expect(await purchases.void(p.id, '再次')).toEqual(voided);
    expect(await purchases.listForCustomer(c.id)).toEqual([voided]);
    await expect(purchases.void('missing', 'x')).rejects.toThrow(/not found/);
  });

  it('records returns tied to the original, never more than what is left, and subtracts them', async () => {
    const purchases = repo();
    const c = await addCustomer();
    const original = await purchases.record(c.id, sale('2026-01-01T09:00:00.000Z', [makeLine({ quantity: 2, unitPriceFen: 9800 })], 1600));
    expect(original.totalFen).toBe(18000);
    const back = (totalFen: number, at = '2026-01-03T09:00:00.000Z') =>
      makePurchaseFields({ purchasedAt: at, lines: [makeLine({ quantity: -1, unitPriceFen: 9800 })], discountFen: -9800 - totalFen });

    const r1 = await purchases.recordReturn(original.id, back(-9000));
    expect(r1).toMatchObject({ returnOf: original.id, customerId: c.id, totalFen: -9000 });
    expect(await storedFigures(c.id)).toMatchObject({ totalSpentFen: 9000, purchaseCount: 1, lastPurchaseAt: original.purchasedAt });
    await expect(purchases.recordReturn(original.id, back(-9001))).rejects.toMatchObject({ code: 'return-exceeds-original' });
    await expect(purchases.recordReturn(original.id, back(-100, '2025-12-31T09:00:00.000Z'))).rejects.toMatchObject({ code: 'return-before-original' });
    await expect(purchases.recordReturn(r1.id, back(-100))).rejects.toMatchObject({ code: 'return-original-invalid' });
    await expect(purchases.recordReturn('missing', back(-100))).rejects.toMatchObject({ code: 'return-original-invalid' });
    await expect(purchases.recordReturn(original.id, sale('2026-01-03T09:00:00.000Z'))).rejects.toMatchObject({ code: 'amount-invalid' });

    const r2 = await purchases.recordReturn(original.id, back(-9000));
    expect(await purchases.returnContext(original.id)).toMatchObject({ returnedFen: 18000, returnableFen: 0, returns: [r1, r2] });
    // Returned in full: no longer a visit (a partial return left it one, above).
    expect(await storedFigures(c.id)).toMatchObject({ totalSpentFen: 0, purchaseCount: 0, firstPurchaseAt: null, lastPurchaseAt: null });

    // The original cannot be voided, nor edited below its returns, while they stand.
    await expect(purchases.void(original.id, '错')).rejects.toBeInstanceOf(PurchaseRuleError);
    await expect(purchases.edit(original.id, sale('2026-01-01T09:00:00.000Z', [makeLine({ unitPriceFen: 17999 })]))).rejects.toMatchObject({ code: 'total-below-returns' });
    // Editing a return is checked against the original and its other returns.
    await expect(purchases.edit(r2.id, back(-9001))).rejects.toMatchObject({ code: 'return-exceeds-original' });
    await purchases.edit(r2.id, back(-5000));
    expect(await storedFigures(c.id)).toMatchObject({ totalSpentFen: 4000, purchaseCount: 1, lastPurchaseAt: original.purchasedAt });
    // Void the returns, then the original.
    await purchases.void(r1.id, '退货取消');
    await purchases.void(r2.id, '退货取消');
    await purchases.void(original.id, '录入错误');
    expect(await storedFigures(c.id)).toEqual(ZERO_FIGURES);
  });

  it('keeps the figures when the customer is edited with a stale copy of the record', async () => {
    const purchases = repo();
    const customers = createCustomerRepository(db, deps());
    const c = await addCustomer();
    await purchases.record(c.id, sale('2026-01-01T09:00:00.000Z'));
    await customers.update(c.id, { ...c, name: '改名' });
    expect(await storedFigures(c.id)).toMatchObject({ totalSpentFen: 16800, purchaseCount: 1 });
  });

  it('handles several purchases on one day and a leap day', async () => {
    const purchases = repo();
    const c = await addCustomer();
    for (const at of ['2024-02-28T09:00:00.000Z', '2024-02-29T09:00:00.000Z', '2024-02-29T18:00:00.000Z', '2024-03-01T09:00:00.000Z', '2024-03-31T09:00:00.000Z']) {
      await purchases.record(c.id, sale(at));
    }
    // Visit days 02-28, 02-29, 03-01, 03-31: gaps 1, 1, 30.
    expect(await storedFigures(c.id)).toEqual({
      totalSpentFen: 5 * 16800,
      purchaseCount: 5,
      firstPurchaseAt: '2024-02-28T09:00:00.000Z',
      lastPurchaseAt: '2024-03-31T09:00:00.000Z',
      averageGapDays: 10.7,
      medianGapDays: 1,
    });
  });

  it('suggests products by prefix, most used first, and categories', async () => {
    const purchases = repo();
    const c = await addCustomer();
    await purchases.record(c.id, sale('2026-01-01T09:00:00.000Z', [makeLine({ product: 'Longjing', category: 'Green' }), makeLine({ product: 'Lapsang', category: 'Black' })]));
    await purchases.record(c.id, sale('2026-01-02T09:00:00.000Z', [makeLine({ product: 'lapsang', category: 'Black', unitPriceFen: 9900 })]));
    expect((await purchases.suggestProducts('l')).map((e) => [e.product, e.count, e.lastUnitPriceFen])).toEqual([
      ['lapsang', 2, 9900],
      ['Longjing', 1, 16800],
    ]);
    expect((await purchases.suggestProducts('LO')).map((e) => e.product)).toEqual(['Longjing']);
    expect(await purchases.suggestProducts('x')).toEqual([]);
    expect((await purchases.suggestProducts('', 1)).map((e) => e.product)).toEqual(['lapsang']);

    const catalog = createCatalogRepository(db);
    await purchases.record(c.id, sale('2026-01-03T09:00:00.000Z', [makeLine({ product: 'Biluochun', category: 'green' })]));
    // Green was used twice, spelt 'green' the last time.
    expect(await catalog.suggestCategories('')).toEqual(['Black', 'green']);
    expect(await catalog.suggestCategories('G')).toEqual(['green']);
    // A rebuild from the purchases gives the same catalog (returns and voids never counted).
    const before = await db.catalog.toArray();
    await db.catalog.clear();
    expect(await catalog.rebuild()).toBe(3);
    expect(await db.catalog.toArray()).toEqual(before);
  });

  it('moves purchases to another customer (a merge) and deletes them with a customer', async () => {
    const purchases = repo();
    const [a, b] = [await addCustomer(), await addCustomer()];
    await purchases.record(a.id, sale('2026-01-01T09:00:00.000Z'));
    await purchases.record(b.id, sale('2026-01-05T09:00:00.000Z'));
    expect(await purchases.moveAll(a.id, b.id)).toBe(1);
    expect(await storedFigures(a.id)).toEqual(ZERO_FIGURES);
    expect(await storedFigures(b.id)).toMatchObject({ purchaseCount: 2, averageGapDays: 4 });
    expect(await purchases.removeAllForCustomer(b.id)).toBe(2);
    expect(await storedFigures(b.id)).toEqual(ZERO_FIGURES);
  });
});

describe('incremental figures equal a full recomputation', () => {
  async function expectRecomputationMatches(): Promise<Map<string, CustomerFigures>> {
    const incremental = await allFigures();
    // An independent oracle: every purchase read back and computed in memory.
    const groups = groupPurchasesByCustomer(await db.purchases.toArray());
    for (const [id, f] of incremental) expect([id, f]).toEqual([id, { ...computeCustomerFigures(groups.get(id) ?? [], utcDayOf), lastPurchaseSort: f.lastPurchaseAt ?? '' }]);

    await wipeFigures();
    const progress: number[] = [];
    const result = await engine().recomputeAllFigures((p) => progress.push(p.done));
    expect(result.customers).toBe(incremental.size);
    expect(progress.at(-1)).toBe(incremental.size);
    const full = await allFigures();
    for (const [id, f] of incremental) expect([id, full.get(id)]).toEqual([id, f]);
    // Nothing to change the second time.
    expect((await engine().recomputeAllFigures()).changed).toBe(0);
    return incremental;
  }

  it('on generated data: ~150 demo customers with edits, voids and returns, through the repository', async () => {
    const now = new Date('2026-03-01T10:00:00Z');
    let n = 0;
    // 150 customers make ~1,500 purchases with 20 returns and 13 voids, each written through the repository.
    const demoCustomers = generateDemoCustomers({ seed: 11, count: 150, now, newId: () => `c-${String(++n).padStart(4, '0')}` });
    await storedCustomers(db).bulkAdd(demoCustomers.map((d) => makeCustomer(d.fields, { id: d.id, now })));
    const history = generateDemoPurchases({ seed: 11, customers: demoCustomers, now, newId: () => `g-${++n}` });
    const purchases = repo();
    const stored = new Map<string, string>();
    let edits = 0;
    for (const g of history.purchases) {
      const fields = purchaseFieldsOf(g);
      if (g.returnOf !== null) {
        stored.set(g.id, (await purchases.recordReturn(stored.get(g.returnOf)!, fields)).id);
        continue;
      }
      const p = await purchases.record(g.customerId, fields);
      stored.set(g.id, p.id);
      if (g.isVoided) await purchases.void(p.id, g.voidReason);
      else if (ids % 41 === 0 && p.lines.length > 0) {
        // Now and then the clerk corrects the quantity and moves the time.
        edits += 1;
        const lines = p.lines.map((l, i) => (i === 0 ? { ...l, quantity: l.quantity + 1 } : l));
        const moved = new Date(Date.parse(p.purchasedAt) - 86_400_000).toISOString();
        await purchases.edit(p.id, makePurchaseFields({ purchasedAt: moved, lines, discountFen: p.discountFen, paymentNote: p.paymentNote }));
      }
    }
    const figures = await expectRecomputationMatches();
    expect(edits).toBeGreaterThan(10);
    const values = [...figures.values()];
    // Most customers have gaps to take a median of (111 of the 150).
    expect(values.filter((f) => f.medianGapDays !== null).length).toBeGreaterThan(values.length / 2);
    expect(history.purchases.some((p) => p.returnOf !== null) && history.purchases.some((p) => p.isVoided === 1)).toBe(true);
  }, 120_000);

  it('on real data: the UCI Online Retail sample, invoices as purchases and cancellations as returns', async () => {
    const rows = parseCsv(readFileSync(new URL('../../../shared/data/online-retail-sample.csv', import.meta.url), 'utf8'));
    const header = rows.shift()!;
    expect(header).toEqual(['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']);
    expect(rows).toHaveLength(4792);

    interface Invoice {
      customer: string;
      at: string;
      cancelled: boolean;
      lines: PurchaseLine[];
    }
    const invoices = new Map<string, Invoice>();
    const expected = new Map<string, { total: number; count: number; first: string | null; last: string | null }>();
    for (const [invoiceNo, stockCode, description, quantity, invoiceDate, unitPrice, customerId] of rows as string[][]) {
      if (customerId === '0.0') continue;
      const price = parseMoney(unitPrice!, 'GBP', { roundExtraDecimals: true });
      if (!price.ok) throw new Error(`price ${unitPrice}`);
      const line: PurchaseLine = { product: description!.trim() || stockCode!, category: stockCode!, quantity: Number(quantity), unitPriceFen: price.value };
      // Invoice times carry no zone; read them as UTC. An invoice's first line gives its time.
      const invoice = invoices.get(invoiceNo!) ?? { customer: customerId!, at: new Date(`${invoiceDate!.replace(' ', 'T')}Z`).toISOString(), cancelled: invoiceNo!.startsWith('C'), lines: [] };
      invoice.lines.push(line);
      invoices.set(invoiceNo!, invoice);
      const e = expected.get(customerId!) ?? { total: 0, count: 0, first: null, last: null };
      e.total += line.quantity * line.unitPriceFen;
      expected.set(customerId!, e);
    }
    for (const inv of invoices.values()) {
      if (inv.cancelled) continue;
      const e = expected.get(inv.customer)!;
      e.count += 1;
      if (e.first === null || inv.at < e.first) e.first = inv.at;
      if (e.last === null || inv.at > e.last) e.last = inv.at;
    }
    expect(expected.size).toBe(874);

    await storedCustomers(db).bulkAdd([...expected.keys()].map((id) => makeCustomer({ name: `UCI ${id}` }, { id })));
    const purchases = repo();
    for (const inv of invoices.values()) {
      await purchases.record(inv.customer, makePurchaseFields({ purchasedAt: inv.at, lines: inv.lines }));
    }
    expect(await db.purchases.count()).toBe(invoices.size);

    const figures = await expectRecomputationMatches();
    for (const [id, e] of expected) {
      expect([id, figures.get(id)]).toMatchObject([id, { totalSpentFen: e.total, purchaseCount: e.count, firstPurchaseAt: e.first, lastPurchaseAt: e.last }]);
    }
    const withReturns = [...invoices.values()].filter((i) => i.cancelled).length;
    expect(withReturns).toBe(42);
    // 12748 is the sample's busiest customer.
    expect(figures.get('12748.0')!.purchaseCount).toBeGreaterThan(10);
  }, 120_000);

  it('recomputes customers without purchases to zero, in chunks of customers, and local days by default', async () => {
    await storedCustomers(db).bulkAdd(Array.from({ length: 2_100 }, (_, i) => makeCustomer({}, { id: `c-${String(i).padStart(5, '0')}` })));
    const local = createPurchaseRepository(db, deps());
    await local.record('c-02099', sale('2026-01-01T23:30:00.000Z'));
    await local.record('c-02099', sale('2026-01-03T00:30:00.000Z'));
    await wipeFigures();
    const progress: { done: number; total: number }[] = [];
    expect(await createDerivation(db, deps()).recomputeAllFigures((p) => progress.push(p))).toEqual({ customers: 2_100, changed: 2_100 });
    expect(progress).toEqual([
      { done: 0, total: 2_100 },
      { done: 2_000, total: 2_100 },
      { done: 2_100, total: 2_100 },
    ]);
    expect(await storedFigures('c-00000')).toEqual(ZERO_FIGURES);
    const gap = Number(localDayOf('2026-01-03T00:30:00.000Z').slice(8)) - Number(localDayOf('2026-01-01T23:30:00.000Z').slice(8));
    expect(await storedFigures('c-02099')).toMatchObject({ purchaseCount: 2, averageGapDays: gap });
  }, 60_000);
});

/** Just enough CSV for the fixture: commas inside quotes and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
