// The export reader on fake-indexeddb: everything read back in chunks, in the promised order.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { makeCustomerFields } from '../../test/factories/customer';
import { makeInteractionFields, makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createExportReader, EXPORT_CHUNK } from './exportData';
import { createInteractionRepository } from './interactions';
import { createDerivation } from './derivation';
import { pointsEntry } from '../../shared/domain/pointsLedger';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids: number;
const deps = () => ({ now: () => new Date('2026-03-01T10:00:00Z'), newId: () => `id-${String(++ids).padStart(6, '0')}`, dayOf: utcDayOf });

beforeEach(() => {
  db = database();
  ids = 0;
});

describe('export reader', () => {
  it('reads the active customers by name, and given ids in the given order, in chunks with progress', async () => {
    const customers = createCustomerRepository(db, deps());
    const names = ['王五', '阿明', '张三', '李四'];
    const made = [];
    for (const name of names) made.push(await customers.create(makeCustomerFields({ name })));
    await customers.moveToTrash(made[0]!.id);
    const reader = createExportReader(db);
    expect((await reader.allActiveCustomers()).map((c) => c.name)).toEqual(['阿明', '李四', '张三']);
    const progress: string[] = [];
    const picked = await reader.customersByIds([made[3]!.id, 'gone', made[1]!.id], (p) => progress.push(`${p.done}/${p.total}`));
    expect(picked.map((c) => c.name)).toEqual(['李四', '阿明']);
    expect(progress).toEqual(['0/3', '3/3']);
    expect((await reader.customerNames()).get(made[0]!.id)).toBe('王五');
  });

  it('reads more purchases than one chunk, oldest first, and one customer’s complete data', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields());
    const b = await customers.create(makeCustomerFields());
    const rows = Array.from({ length: EXPORT_CHUNK + 5 }, (_, i) => ({
      ...makePurchaseFields({ purchasedAt: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString() }),
      id: `p-${String((i * 7919) % 100_000).padStart(6, '0')}`,
      customerId: i % 2 ? a.id : b.id,
    }));
    await db.purchases.bulkAdd(rows.map((r) => ({ ...r, isVoided: 0 as const, voidReason: '', voidedAt: null, returnOf: null, importId: null, createdAt: r.purchasedAt, updatedAt: r.purchasedAt })) as never);
    await createInteractionRepository(db, deps()).record(a.id, makeInteractionFields());
    await createDerivation(db, deps()).refreshFigures([a.id, b.id]);
    const reader = createExportReader(db);
    const progress: number[] = [];
    const all = await reader.allPurchases((p) => progress.push(p.done));
    expect(all).toHaveLength(EXPORT_CHUNK + 5);
    expect(all.map((p) => p.purchasedAt)).toEqual(rows.map((r) => r.purchasedAt));
    expect(progress).toEqual([0, EXPORT_CHUNK, EXPORT_CHUNK + 5]);
    expect(await reader.allInteractions()).toHaveLength(1);
    const data = (await reader.customerData(a.id))!;
    expect(data.customer.id).toBe(a.id);
    expect(data.purchases).toHaveLength(Math.floor((EXPORT_CHUNK + 5) / 2));
    expect(data.interactions).toHaveLength(1);
    // The audit trail's entries naming them (created, the contact logged); the tier history, theirs only.
    expect(data.auditTrail.map((e) => e.kind)).toEqual(expect.arrayContaining(['customer.create', 'contact.record']));
    expect(data.auditTrail.every((e) => e.customerIds.includes(a.id))).toBe(true);
    expect(data.tierHistory.every((h) => h.customerId === a.id)).toBe(true);
    expect(await reader.customerData('nobody')).toBeUndefined();
  });

  it('reads every points entry oldest first (equal times by id) with progress, and every reward\'s name', async () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day, 9)).toISOString();
    await db.pointsEntries.bulkAdd([
      pointsEntry({ customerId: 'c2', kind: 'adjust', points: 5, createdAt: at(3), note: 'x' }, () => 'b'),
      pointsEntry({ customerId: 'c1', kind: 'opening', points: 100, createdAt: at(1) }, () => 'z'),
      pointsEntry({ customerId: 'c1', kind: 'redeem', points: -50, createdAt: at(3), rewardId: 'r1' }, () => 'a'),
    ]);
    await db.rewards.put({ id: 'r1', name: '保温杯' } as never);
    const reader = createExportReader(db);
    const progress: string[] = [];
    expect((await reader.allPointsEntries((p) => progress.push(`${p.done}/${p.total}`))).map((e) => e.id)).toEqual(['z', 'a', 'b']);
    expect(progress).toEqual(['0/3', '3/3']);
    expect(await reader.rewardNames()).toEqual(new Map([['r1', '保温杯']]));
  });
});
