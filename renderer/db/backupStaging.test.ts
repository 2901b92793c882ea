// The staging import writes a piece's rows while the next piece is parsed: order, failures and the
// count check must hold as when every push waited for its own rows.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_FORMAT } from '../../shared/domain/backupPayload';
import { makePurchase } from '../../test/factories/purchase';
import { snapshotDatabase } from '../../test/support/backup';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { exportDatabase } from './backupExport';
import { CURRENT_SCHEMA_VERSION } from './backupSchemas';
import { createStagingImport, RestoreError, type StagingImport } from './backupStaging';
import { RegularsDatabase } from './database';

const database = freshDatabasePerTest();
const staged: string[] = [];

afterEach(async () => {
  for (const name of staged.splice(0)) await Dexie.delete(name);
});

/** The app's own export of the test database: its payload and the counts its file header would list. */
async function payloadOf(db: RegularsDatabase, pageRows = 7): Promise<{ bytes: Uint8Array; counts: Record<string, number> }> {
  const pieces: Uint8Array[] = [];
  let counts: Record<string, number> = {};
  await exportDatabase(db, { start: (info) => (counts = info.counts), piece: (bytes) => pieces.push(bytes), progress: () => undefined }, { now: () => new Date('2026-06-15T10:00:00.000Z'), pageRows, pieceChars: 1 });
  const bytes = new Uint8Array(pieces.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const piece of pieces) {
    bytes.set(piece, at);
    at += piece.length;
  }
  return { bytes, counts };
}

/** `bytes` cut into pieces of `size` (a piece may end inside a line, or inside a character). */
function cut(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.slice(at, at + size));
  return pieces;
}

async function withPurchases(count: number): Promise<RegularsDatabase> {
  const db = database();
  await db.purchases.bulkAdd(Array.from({ length: count }, (_, i) => makePurchase({ id: `p-${String(i).padStart(4, '0')}`, customerId: `c-${i % 9}` })));
  await db.settings.put({ key: 'currency', value: 'CNY' });
  return db;
}

function staging(counts: Record<string, number>): { name: string; importer: StagingImport } {
  const name = `staging-${crypto.randomUUID()}`;
  staged.push(name);
  return { name, importer: createStagingImport(name, { schemaVersion: CURRENT_SCHEMA_VERSION, counts, payloadFormat: PAYLOAD_FORMAT }) };
}

async function reasonOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return error instanceof RestoreError ? error.reason : `not a RestoreError: ${String(error)}`;
  }
  return 'no error';
}

describe('the staging import', () => {
  it('gives back every row in order when pushes overlap (nobody waits for the last push)', async () => {
    const db = await withPurchases(60);
    const { bytes, counts } = await payloadOf(db);
    const { name, importer } = staging(counts);
    await Promise.all(cut(bytes, 97).map((piece) => importer.push(piece)));
    const result = await importer.finish(null);
    expect(result.counts).toEqual(counts);
    const restored = new RegularsDatabase(name);
    const copy = await snapshotDatabase(restored);
    restored.close();
    expect(copy).toStrictEqual(await snapshotDatabase(db));
  });

  it('refuses a row whose key came before, found while the next piece is read or at the end', async () => {
    const db = await withPurchases(30);
    const { bytes, counts } = await payloadOf(db);
    // The exporter never writes a key twice: the sixth purchase takes the id of the fifth.
    const text = new TextDecoder().decode(bytes).replace('"id":"p-0005"', '"id":"p-0004"');
    const { name, importer } = staging(counts);
    const pieces = cut(new TextEncoder().encode(text), 211);
    const reasons: string[] = [];
    for (const piece of pieces) {
      const reason = await reasonOf(importer.push(piece));
      if (reason !== 'no error') {
        reasons.push(reason);
        break;
      }
    }
    if (reasons.length === 0) reasons.push(await reasonOf(importer.finish(null)));
    expect(reasons).toEqual(['restore-payload-invalid']);
    await importer.discard();
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('still counts every table once the rows are written: a row that came from elsewhere is refused', async () => {
    const db = await withPurchases(20);
    const { bytes, counts } = await payloadOf(db);
    const { name, importer } = staging(counts);
    for (const piece of cut(bytes, 500)) await importer.push(piece);
    // Someone else's row in the staging database, before the finish counts it.
    const intruder = new RegularsDatabase(name);
    await intruder.purchases.add(makePurchase({ id: 'p-intruder' }));
    intruder.close();
    expect(await reasonOf(importer.finish(null))).toBe('restore-counts-mismatch');
    await importer.discard();
    expect(await Dexie.exists(name)).toBe(false);
  });

  it('lets the rows being written finish before discard deletes the database', async () => {
    const db = await withPurchases(40);
    const { bytes, counts } = await payloadOf(db);
    const { name, importer } = staging(counts);
    const pieces = cut(bytes, 300);
    for (const piece of pieces.slice(0, -1)) await importer.push(piece);
    await importer.discard();
    expect(await Dexie.exists(name)).toBe(false);
  });
});
