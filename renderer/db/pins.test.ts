// The PIN repository on fake-indexeddb: one whole salted-hash record per role, nothing else.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { OwnerPinRecord, PinRole } from '../../shared/domain/ownerPin';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createPinRepository } from './pins';

const db = freshDatabasePerTest();
const RECORD: OwnerPinRecord = { version: 1, kdf: 'pbkdf2-sha256', iterations: 210_000, salt: 'AAAAAAAAAAAAAAAAAAAAAA==', hash: `${'A'.repeat(43)}=`, setAt: '2026-11-23T10:00:00.000Z' };


describe('PIN repository', () => {
  it('keeps the owner PIN only as a whole salted-hash record', async () => {
    const pins = createPinRepository(db());
    expect(await pins.read('owner')).toBeNull();
    await pins.write('owner', RECORD);
    expect(await pins.read('owner')).toEqual(RECORD);
    expect(await db().pins.toArray()).toEqual([{ role: 'owner', record: RECORD }]);
    await pins.write('owner', null);
    expect(await db().pins.count()).toBe(0);
  });

  it('refuses a record that is not a whole PIN record, and a role nobody declared', async () => {
    const pins = createPinRepository(db());
    for (const record of [{ ...RECORD, hash: 'short' }, { ...RECORD, pin: '2580' }, '2580', {}]) {
      await expect(pins.write('owner', record as never)).rejects.toThrow();
    }
    await expect(pins.write('clerk' as PinRole, RECORD)).rejects.toThrow(/no role/);
    await expect(pins.read('__proto__' as PinRole)).rejects.toThrow(/no role/);
    expect(await db().pins.count()).toBe(0);
  });

  it('reads a stored record that does not fit as none (the owner then sets a new PIN)', async () => {
    const pins = createPinRepository(db());
    for (const record of [{ ...RECORD, hash: 'short' }, { ...RECORD, pin: '2580' }, '2580', null, undefined, { ...RECORD, iterations: 1 }]) {
      await db().pins.put({ role: 'owner', record: record as never });
      expect(await pins.read('owner')).toBeNull();
    }
  });
});
