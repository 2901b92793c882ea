// Opening points through the customer import on fake-indexeddb: one 'opening' entry per customer in the import's
// transaction, expiring by the rule in force from the import, the derived balance written with it; once per customer
// (a file imported again adds nothing); and undo takes the entries back, the balances following.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { emptyCustomerFields } from '../../shared/domain/customer';
import { parseDelimited, rowsToDrafts, suggestMapping, type ImportCandidate } from '../../shared/domain/import';
import { changeExpiryPolicy, DEFAULT_POINTS_RULES } from '../../shared/domain/pointsRules';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createCustomerRepository } from './customers';
import type { RegularsDatabase } from './database';
import { createImportRepository } from './imports';
import { createPointsRepository } from './points';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });
const imports = () => createImportRepository(db, deps());
const points = () => createPointsRepository(db, deps());
const CTX = { defaultRegion: 'CN' as const, today: new Date(2026, 0, 15) };

beforeEach(() => {
  db = database();
  clock = new Date(2026, 2, 1, 10);
  ids = 0;
});

function candidatesFrom(lines: string[]): ImportCandidate[] {
  const table = parseDelimited(lines.join('\n'));
  const r = rowsToDrafts(table, suggestMapping(table.headers), CTX);
  expect(r.errors).toEqual([]);
  return r.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields, ...(d.openingPoints ? { openingPoints: d.openingPoints } : {}) }));
}

const FILE = ['姓名,手机,积分', '张三,13800138001,1200', '李四,13800138002,', '王五,13800138003,300', '王五,13800138003,50'];

async function balances(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const c of await db.customers.toArray()) out[c.name] = (await db.pointsState.get(c.id))!.pointsBalance;
  return out;
}

describe('opening points in a customer import', () => {
  it('writes one opening entry per customer, expiring like points earned at the import, and the balances with them', async () => {
    await points().saveRules(changeExpiryPolicy(structuredClone(DEFAULT_POINTS_RULES), { kind: 'months', months: 12 }, new Date(2026, 0, 1)));
    const candidates = candidatesFrom(FILE);
    const plan = await imports().planCustomers(candidates, 'update');
    const expiresAt = new Date(2027, 2, 2).toISOString();
    expect(await imports().planOpeningPoints(plan)).toEqual({ customers: 2, points: 1550, alreadyOpened: 0, expiresAt });
    const r = await imports().importCustomers({ fileName: 'points.csv', candidates, policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 3, openingPointsCustomers: 2, openingPoints: 1550 });
    const entries = await db.pointsEntries.toArray();
    expect(entries.map((e) => [e.kind, e.points, e.expiresAt, e.createdAt, e.purchaseId])).toEqual([
      ['opening', 1200, expiresAt, clock.toISOString(), null],
      ['opening', 350, expiresAt, clock.toISOString(), null],
    ]);
    expect(await balances()).toEqual({ 张三: 1200, 李四: 0, 王五: 350 });
    expect((await db.imports.get(r.batchId))!.pointsEntryIds).toEqual(entries.map((e) => e.id));
    // The stored values are what the ledger gives.
    expect(await points().recomputeAll()).toMatchObject({ changed: 0 });
  });

  it('adds to an existing customer once: a file imported again adds nothing, under "update" or "skip"', async () => {
    const customers = createCustomerRepository(db, deps());
    const li = await customers.create({ ...emptyCustomerFields(), name: '李四', phones: candidatesFrom(FILE)[1]!.fields.phones });
    await points().adjust(li.id, 40, '老卡补录');
    const file = ['姓名,手机,积分', '李四,13800138002,500', '新客,13800138009,20'];
    await imports().importCustomers({ fileName: 'p.csv', candidates: candidatesFrom(file), policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(await balances()).toEqual({ 李四: 540, 新客: 20 });
    const again = candidatesFrom(file);
    expect(await imports().planOpeningPoints(await imports().planCustomers(again, 'update'))).toMatchObject({ customers: 0, points: 0, alreadyOpened: 2 });
    const second = await imports().importCustomers({ fileName: 'p.csv', candidates: again, policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(second.counts).toMatchObject({ openingPointsCustomers: 0, openingPoints: 0 });
    await imports().importCustomers({ fileName: 'p.csv', candidates: again, policy: 'skip', invalidRows: 0, emptyRows: 0 });
    expect(await balances()).toEqual({ 李四: 540, 新客: 20 });
    expect((await db.pointsEntries.toArray()).filter((e) => e.kind === 'opening')).toHaveLength(2);
  });

  it('gives a customer whose details stay as they are their points (nothing else written for them)', async () => {
    const customers = createCustomerRepository(db, deps());
    const li = await customers.create({ ...emptyCustomerFields(), name: '李四', phones: candidatesFrom(FILE)[1]!.fields.phones });
    const r = await imports().importCustomers({ fileName: 'p.csv', candidates: candidatesFrom(['姓名,手机,积分', '李四,13800138002,500']), policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(r.counts).toMatchObject({ created: 0, updated: 0, openingPointsCustomers: 1 });
    expect((await db.pointsState.get(li.id))!.pointsBalance).toBe(500);
  });

  it('undo takes the opening entries back, from the customers it created and from those who stay, and their balances follow', async () => {
    const customers = createCustomerRepository(db, deps());
    const li = await customers.create({ ...emptyCustomerFields(), name: '李四', phones: candidatesFrom(FILE)[1]!.fields.phones });
    await points().adjust(li.id, 40, '老卡补录');
    const r = await imports().importCustomers({ fileName: 'p.csv', candidates: candidatesFrom(['姓名,手机,积分', '李四,13800138002,500', '新客,13800138009,20']), policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(await balances()).toEqual({ 李四: 540, 新客: 20 });
    await imports().undo(r.batchId);
    expect(await balances()).toEqual({ 李四: 40 });
    expect((await db.pointsEntries.toArray()).map((e) => e.kind)).toEqual(['adjust']);
    expect(await points().recomputeAll()).toMatchObject({ changed: 0 });
    // Undone, the customer may be given an opening balance again.
    const again = candidatesFrom(['姓名,手机,积分', '李四,13800138002,500']);
    expect(await imports().planOpeningPoints(await imports().planCustomers(again, 'update'))).toMatchObject({ customers: 1, points: 500, alreadyOpened: 0 });
  });

  it('never expires opening points under the default rules; under "skip" a repeated row is left out, points too', async () => {
    await imports().importCustomers({ fileName: 'p.csv', candidates: candidatesFrom(FILE), policy: 'skip', invalidRows: 0, emptyRows: 0 });
    expect((await db.pointsEntries.toArray()).map((e) => e.expiresAt)).toEqual([null, null]);
    expect(await balances()).toEqual({ 张三: 1200, 李四: 0, 王五: 300 });
  });
});
