// The bookkeeping repository on fake-indexeddb: declared keys only, checked writes, explicit fallbacks.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { BookkeepingKey } from '../../shared/domain/bookkeeping';
import { createBookkeepingRepository } from './bookkeeping';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';

const db = freshDatabasePerTest();


describe('bookkeeping repository', () => {
  it('writes several keys at once and reads them back', async () => {
    const bookkeeping = createBookkeepingRepository(db());
    expect(await bookkeeping.read()).toMatchObject({ startedAs: null, statusRecomputedOn: null, derivationRulesVersion: 0 });
    await bookkeeping.write({ startedAs: 'demo', statusRecomputedOn: '2026-12-03', derivationRulesVersion: 2, storeMedianGapDays: null });
    expect(await bookkeeping.readChecked()).toEqual({
      values: { startedAs: 'demo', storeMedianGapDays: null, rfmCutPoints: null, churnModel: null, statusRecomputedOn: '2026-12-03', derivationRulesVersion: 2, lastTierReviewAt: null, restoreCommit: null },
      unreadable: [],
    });
  });

  it('refuses the whole write when one value does not fit or a key is undeclared', async () => {
    const bookkeeping = createBookkeepingRepository(db());
    await expect(bookkeeping.write({ startedAs: 'demo', storeMedianGapDays: Number.NaN })).rejects.toThrow(/storeMedianGapDays/);
    await expect(bookkeeping.write({ statusRecomputedOn: '3 Dec' })).rejects.toThrow();
    await expect(bookkeeping.write({ ['status' as BookkeepingKey]: {} } as never)).rejects.toThrow(/no key/);
    expect(await db().bookkeeping.count()).toBe(0);
  });

  it('reads hostile rows as their declared fallbacks, naming them; a damaged cache makes the rollover due', async () => {
    await db().bookkeeping.bulkPut([
      { key: 'startedAs', value: { kind: 'demo' } },
      { key: 'storeMedianGapDays', value: -4 },
      { key: 'statusRecomputedOn', value: '2026-12-03' },
      { key: 'churnModel', value: { kind: 'fitted', fittedOn: '2026-12-03', customers: 5 } },
      { key: 'derivationRulesVersion', value: 2 },
      { key: 'lastTierReviewAt', value: 20261201 },
      { key: 'status', value: 'configuration never lives here' },
    ]);
    expect(await createBookkeepingRepository(db()).readChecked()).toEqual({
      values: { startedAs: 'empty', storeMedianGapDays: null, rfmCutPoints: null, churnModel: null, statusRecomputedOn: null, derivationRulesVersion: 2, lastTierReviewAt: null, restoreCommit: null },
      unreadable: ['startedAs', 'storeMedianGapDays', 'churnModel', 'lastTierReviewAt'],
    });
  });

  it('reads only the keys asked for, inside a write transaction', async () => {
    const bookkeeping = createBookkeepingRepository(db());
    await bookkeeping.write({ storeMedianGapDays: 12, rfmCutPoints: null });
    const read = await db().transaction('rw', db().bookkeeping, () => bookkeeping.readChecked(['storeMedianGapDays']));
    expect(read.values.storeMedianGapDays).toBe(12);
  });

  it('leaves no trace of the restore marker', async () => {
    const bookkeeping = createBookkeepingRepository(db());
    await db().transaction('rw', db().bookkeeping, () => bookkeeping.touchRestoreCommit());
    expect(await db().bookkeeping.count()).toBe(0);
  });
});
