// The audit trail in the store: who wrote an entry, the viewer's filters, and the chain check over the table.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/permissions';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { configureAuditActor, createAuditReader, NO_AUDIT_FILTER, recordAudit } from './audit';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createPurchaseRepository } from './purchases';

let db: RegularsDatabase;
let clock: Date;
let ids: number;
let role: Role;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(async () => {
  db = new RegularsDatabase(`audit-${crypto.randomUUID()}`);
  await db.open();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
  role = 'clerk';
  configureAuditActor(() => role);
});

afterEach(async () => {
  configureAuditActor(() => 'clerk');
  await db.delete();
});

async function someHistory() {
  const customers = createCustomerRepository(db, deps());
  const purchases = createPurchaseRepository(db, deps());
  const a = await customers.create(makeCustomerFields({ name: '张三' }));
  const b = await customers.create(makeCustomerFields({ name: '李四' }));
  clock = new Date('2026-03-02T10:00:00Z');
  role = 'owner';
  await customers.update(a.id, makeCustomerFields({ name: '张三', city: '杭州' }));
  role = 'clerk';
  const sale = await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2026-03-02T09:00:00.000Z', totalFen: 12_300 }));
  clock = new Date('2026-03-05T10:00:00Z');
  await purchases.record(b.id, makePurchaseFields({ purchasedAt: '2026-03-05T09:00:00.000Z', totalFen: 4_500 }));
  return { a, b, sale };
}

describe('recordAudit', () => {
  it('names who was at the keyboard at each write, and what, without the customer\'s data', async () => {
    const { a, sale } = await someHistory();
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.kind, e.actor])).toEqual([
      [1, 'customer.create', 'clerk'],
      [2, 'customer.create', 'clerk'],
      [3, 'customer.edit', 'owner'],
      [4, 'purchase.record', 'clerk'],
      [5, 'purchase.record', 'clerk'],
    ]);
    expect(entries[2]).toMatchObject({ customerIds: [a.id], facts: { fields: 'city' }, at: '2026-03-02T10:00:00.000Z' });
    expect(entries[3]).toMatchObject({ customerIds: [a.id], refs: [sale.id], facts: { totalFen: 12_300 } });
    expect(JSON.stringify(entries)).not.toMatch(/张三|李四|杭州/);
  });

  it('writes nothing when the write it belongs to fails', async () => {
    const customers = createCustomerRepository(db, deps());
    await expect(customers.update('00000000-0000-4000-8000-999999999999', makeCustomerFields())).rejects.toThrow();
    expect(await db.auditLog.count()).toBe(0);
  });

  it('keeps one chain when writes come at once', async () => {
    const customers = createCustomerRepository(db, deps());
    await Promise.all(Array.from({ length: 12 }, (_, i) => customers.create(makeCustomerFields({ name: `客户${i}` }))));
    await Promise.all(Array.from({ length: 5 }, () => recordAudit(db, deps(), { kind: 'export.file', facts: { format: 'csv' } })));
    expect(await createAuditReader(db).checkChain()).toMatchObject({ status: 'intact', count: 17 });
  });
});

describe('the audit reader', () => {
  it('filters by customer, kind and date range, newest first', async () => {
    const { a, b } = await someHistory();
    const reader = createAuditReader(db);
    const kindsOf = async (filter: Partial<typeof NO_AUDIT_FILTER>, limit?: number) =>
      (await reader.query({ ...NO_AUDIT_FILTER, ...filter }, limit)).entries.map((e) => e.seq);
    expect(await kindsOf({})).toEqual([5, 4, 3, 2, 1]);
    expect(await kindsOf({ customerId: a.id })).toEqual([4, 3, 1]);
    expect(await kindsOf({ customerId: b.id, kinds: ['purchase.record'] })).toEqual([5]);
    expect(await kindsOf({ kinds: ['customer.create', 'customer.edit'] })).toEqual([3, 2, 1]);
    expect(await kindsOf({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' })).toEqual([4, 3]);
    expect(await kindsOf({ customerId: a.id, from: '2026-03-02T00:00:00.000Z' })).toEqual([4, 3]);
    expect(await reader.query(NO_AUDIT_FILTER, 2)).toMatchObject({ more: true, entries: [{ seq: 5 }, { seq: 4 }] });
    expect(await reader.query({ ...NO_AUDIT_FILTER, customerId: a.id }, 3)).toMatchObject({ more: false });
  });

  it('finds an entry edited, deleted or put in by hand in the table', async () => {
    await someHistory();
    const reader = createAuditReader(db);
    expect(await reader.checkChain()).toMatchObject({ status: 'intact', count: 5 });

    const third = (await db.auditLog.where('seq').equals(3).first())!;
    await db.auditLog.put({ ...third, actor: 'clerk' });
    expect(await reader.checkChain()).toMatchObject({ status: 'broken', problem: 'edited', seq: 3, count: 5 });
    await db.auditLog.put(third);
    expect((await reader.checkChain()).status).toBe('intact');

    await db.auditLog.delete(third.id);
    expect(await reader.checkChain()).toMatchObject({ status: 'broken', problem: 'missing', seq: 4 });
    await db.auditLog.put(third);

    const last = (await db.auditLog.orderBy('seq').last())!;
    await db.auditLog.put({ ...last, id: crypto.randomUUID(), seq: 6, at: '2026-03-06T00:00:00.000Z' });
    expect(await reader.checkChain()).toMatchObject({ status: 'broken', problem: 'edited', seq: 6 });
  });
});
