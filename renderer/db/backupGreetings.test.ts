// A backup restores the form of address on customers that have one, customers saved before it existed, and
// the greetings setting: none of them needs a database version (nothing about them is indexed).
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { PAYLOAD_FORMAT } from '../../shared/domain/backupPayload';
import { DEFAULT_GREETING_SETTINGS } from '../../shared/domain/greetings';
import { makeCustomerFields } from '../../test/factories/customer';
import { snapshotDatabase } from '../../test/support/backup';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { exportDatabase } from './backupExport';
import { CURRENT_SCHEMA_VERSION } from './backupSchemas';
import { createStagingImport } from './backupStaging';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createSettingsRepository } from './settings';

const database = freshDatabasePerTest();
const staged: string[] = [];

afterEach(async () => {
  for (const name of staged.splice(0)) await Dexie.delete(name);
});

const deps = { now: () => new Date('2026-06-15T10:00:00.000Z'), newId: (() => { let n = 0; return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`; })() };

async function restored(db: RegularsDatabase): Promise<RegularsDatabase> {
  const pieces: Uint8Array[] = [];
  let counts: Record<string, number> = {};
  await exportDatabase(db, { start: (info) => (counts = info.counts), piece: (bytes) => pieces.push(bytes), progress: () => undefined }, { now: deps.now });
  const name = `staging-${crypto.randomUUID()}`;
  staged.push(name);
  const importer = createStagingImport(name, { schemaVersion: CURRENT_SCHEMA_VERSION, counts, payloadFormat: PAYLOAD_FORMAT });
  for (const piece of pieces) await importer.push(piece);
  await importer.finish(null);
  return new RegularsDatabase(name);
}

describe('a backup and the form of address', () => {
  it('restores customers with and without a preferred form of address, and the greetings setting', async () => {
    const db = database();
    const customers = createCustomerRepository(db, deps);
    const withForm = await customers.create(makeCustomerFields({ name: '张小美', gender: 'female', addressAs: '小美姐', honorific: 'given-name' }));
    const older = await customers.create(makeCustomerFields({ name: '王建国', gender: 'male' }));
    // A record saved before the fields existed has neither key.
    const { addressAs: _a, honorific: _h, ...olderRecord } = (await db.customers.get(older.id))!;
    await db.customers.put(olderRecord);
    await createSettingsRepository(db, deps).write('greetings', { storeName: '小林花店', templates: { ...DEFAULT_GREETING_SETTINGS.templates, birthday: '{称呼}，生日快乐！' } });

    const copy = await restored(db);
    try {
      expect(await snapshotDatabase(copy)).toStrictEqual(await snapshotDatabase(db));
      const back = createCustomerRepository(copy, deps);
      expect(await back.get(withForm.id)).toMatchObject({ addressAs: '小美姐', honorific: 'given-name' });
      const old = (await copy.customers.get(older.id))!;
      expect('addressAs' in old || 'honorific' in old).toBe(false);
      expect((await createSettingsRepository(copy, deps).read()).greetings).toEqual({ storeName: '小林花店', templates: { ...DEFAULT_GREETING_SETTINGS.templates, birthday: '{name}，生日快乐！' } });
    } finally {
      copy.close();
    }
  });

  it('keeps a stored form of address when a write does not know of it (an import, a merge)', async () => {
    const db = database();
    const customers = createCustomerRepository(db, deps);
    const c = await customers.create(makeCustomerFields({ name: '张小美', gender: 'female', addressAs: '小美姐' }));
    const { addressAs: _a, honorific: _h, ...withoutThem } = makeCustomerFields({ name: '张小美', gender: 'female', city: '杭州' });
    await customers.update(c.id, withoutThem);
    expect(await db.customers.get(c.id)).toMatchObject({ addressAs: '小美姐', city: '杭州' });
    await customers.update(c.id, { ...withoutThem, addressAs: '' });
    expect(await db.customers.get(c.id)).toMatchObject({ addressAs: '' });
  });
});
