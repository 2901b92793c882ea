// Version 10 on a version-9 store whose log holds a merge and an import: the entries become the chain's first,
// oldest first, the merge's names leave the hashed part, and the app's next entry chains on.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../../shared/domain/auditChain';
import { recordAudit } from '../audit';
import { RegularsDatabase } from '../database';
import { SCHEMA_V9 } from './v9';
import { SCHEMA_V10 } from './v10';

const MERGE = {
  id: 'a-merge',
  at: '2026-02-01T09:00:00.000Z',
  kind: 'customers.merge',
  summary: '张三, 張三 → 张三丰',
  details: { survivorId: 'c-1', mergedIds: ['c-2', 'c-3'], choice: { survivorId: 'c-1', picks: {} }, before: [{ id: 'c-2', name: '张三', phones: [{ e164: '+8613812345678' }] }], movedPurchases: [] },
};
const IMPORT = { id: 'a-import', at: '2026-01-05T03:00:00.000Z', kind: 'import.customers', summary: 'vip.csv: 3 created, 0 updated', details: { batchId: 'batch-1', counts: { created: 3 } } };
const UNDO = { id: 'a-undo', at: '2026-02-01T09:00:00.000Z', kind: 'import.undo', summary: 'vip.csv: undone', details: { batchId: 'batch-1' } };

describe('version 10: the audit log as a hash chain', () => {
  it('adds the chain order and the customer index to the log, and nothing else', () => {
    expect(SCHEMA_V10.auditLog).toBe('id, &seq, at, kind, *customerIds');
    expect({ ...SCHEMA_V10, auditLog: SCHEMA_V9.auditLog }).toEqual(SCHEMA_V9);
  });

  it('chains the entries of a version 9 store oldest first, keeps what they said, and moves a merge\'s personal data out of the hash', async () => {
    const name = `upgrade-v10-${crypto.randomUUID()}`;
    const v9 = new Dexie(name);
    v9.version(9).stores(SCHEMA_V9);
    await v9.open();
    await v9.table('auditLog').bulkAdd([UNDO, MERGE, IMPORT]);
    v9.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(10);
    const entries = await db.auditLog.orderBy('seq').toArray();
    // Same time: by id.
    expect(entries.map((e) => [e.seq, e.id])).toEqual([[1, 'a-import'], [2, 'a-merge'], [3, 'a-undo']]);
    expect(verifyChain(entries)).toEqual({ status: 'intact', count: 3, head: { seq: 3, hash: entries[2]!.hash } });
    expect(entries[0]).toMatchObject({ actor: null, kind: 'import.customers', customerIds: [], refs: ['batch-1'], legacy: { summary: IMPORT.summary, details: IMPORT.details } });
    const merge = entries[1]!;
    expect(merge.customerIds).toEqual(['c-1', 'c-2', 'c-3']);
    expect(merge.snapshot).toEqual({ before: MERGE.details.before });
    expect(JSON.stringify({ ...merge, snapshot: undefined })).not.toMatch(/张三|張三|138/);
    expect(await db.auditLog.where('customerIds').equals('c-3').primaryKeys()).toEqual(['a-merge']);

    // A tampered legacy entry shows; the app's next entry chains onto the last.
    const next = await recordAudit(db, { now: () => new Date('2026-03-01T00:00:00.000Z'), newId: () => 'a-new' }, { kind: 'customer.edit', customerIds: ['c-1'] });
    expect(next).toMatchObject({ seq: 4, prevHash: entries[2]!.hash, actor: 'clerk' });
    const all: AuditEntry[] = await db.auditLog.orderBy('seq').toArray();
    expect(verifyChain(all).status).toBe('intact');
    expect(verifyChain(all.map((e) => (e.id === 'a-import' ? { ...e, legacy: { summary: 'nothing', details: null } } : e)))).toMatchObject({ status: 'broken', problem: 'edited', seq: 1 });
    db.close();
  });

  it('leaves an empty log empty', async () => {
    const name = `upgrade-v10-empty-${crypto.randomUUID()}`;
    const v9 = new Dexie(name);
    v9.version(9).stores(SCHEMA_V9);
    await v9.open();
    v9.close();
    const db = new RegularsDatabase(name);
    await db.open();
    expect(await db.auditLog.count()).toBe(0);
    db.close();
  });
});
