// A backup made at database version 12 (the points ledger keyed by id, the points on the state rows) restores into
// today's version: every entry in pointsEntries, every customer's points on their points row, the counts checked.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_FORMAT } from '../../shared/domain/backupPayload';
import { pointsEntry } from '../../shared/domain/pointsLedger';
import { exportDatabase } from './backupExport';
import { databaseAtVersion } from './backupSchemas';
import { createStagingImport } from './backupStaging';
import { RegularsDatabase } from './database';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const entry = (i: number, customerId: string) =>
  pointsEntry({ customerId, kind: 'earn', points: 10 * (i + 1), createdAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(), rule: 'purchase' }, () => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

describe('a version-12 backup', () => {
  it('restores into version 13 with its entries keyed by customer and its points on points rows', async () => {
    const sourceName = `v12-${crypto.randomUUID()}`;
    names.push(sourceName);
    const v12 = databaseAtVersion(sourceName, 12)!;
    await v12.open();
    const ids = ['c-1', 'c-2', 'c-3'];
    await v12.table('customers').bulkAdd(ids.map((id) => ({ id, name: id, isDeleted: 0, tags: [], phoneKeys: [], emailKey: '', nameSort: id, phoneSort: '', tagsSort: '', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', deletedAt: null, searchTokens: [] })));
    const entries = Array.from({ length: 9 }, (_, i) => entry(i, ids[i % 3]!));
    await v12.table('pointsLedger').bulkAdd(entries);
    const balance = (id: string) => entries.filter((e) => e.customerId === id).reduce((sum, e) => sum + e.points, 0);
    await v12.table('customerState').bulkAdd(ids.map((id) => ({ id, isDeleted: 0, totalSpentFen: 0, tierId: 'potential', pointsBalance: balance(id), pointsExpiringSoon: 0, pointsExpiringAt: null })));
    const pieces: Uint8Array[] = [];
    let counts: Record<string, number> = {};
    await exportDatabase(v12, { start: (info) => (counts = info.counts), piece: (bytes) => pieces.push(bytes), progress: () => undefined }, { now: () => new Date('2026-02-01T00:00:00Z') });
    v12.close();
    expect(counts.pointsLedger).toBe(9);

    const stagedName = `staged-${crypto.randomUUID()}`;
    names.push(stagedName);
    const importer = createStagingImport(stagedName, { schemaVersion: 12, counts, payloadFormat: PAYLOAD_FORMAT });
    await importer.push(new Uint8Array(Buffer.concat(pieces)));
    await importer.finish(null);

    const restored = new RegularsDatabase(stagedName);
    await restored.open();
    // Version 13 and every later one ran.
    expect(restored.verno).toBeGreaterThanOrEqual(13);
    expect((await restored.pointsEntries.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(entries);
    for (const id of ids) {
      expect(await restored.pointsState.get(id)).toEqual({ id, isDeleted: 0, pointsBalance: balance(id), pointsExpiringSoon: 0, pointsExpiringAt: null });
      expect(await restored.customerState.get(id)).not.toHaveProperty('pointsBalance');
    }
    restored.close();
  });
});
