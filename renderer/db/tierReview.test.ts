import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomer } from '../../test/factories/customer';
import { RegularsDatabase } from './database';
import { createTierReviewRepository } from './tierReview';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
beforeEach(() => {
  db = database();
});

describe('pendingDowngrades', () => {
  it('lists only customers with a pending downgrade, the trash left out, up to the limit', async () => {
    await storedCustomers(db).bulkAdd([
      { ...makeCustomer({ name: '甲' }), id: 'a', tierId: 'vip', pendingTierId: 'regular' },
      { ...makeCustomer({ name: '乙' }), id: 'b', tierId: 'regular', pendingTierId: 'potential' },
      { ...makeCustomer({ name: '丙' }), id: 'c', tierId: 'vip', pendingTierId: null },
      { ...makeCustomer({ name: '丁' }), id: 'd', tierId: 'vip', pendingTierId: 'regular', isDeleted: 1, deletedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    const repo = createTierReviewRepository(db);
    const all = await repo.pendingDowngrades(10);
    expect(all.count).toBe(2);
    expect(all.customers.map((c) => c.id)).toEqual(['b', 'a']);
    expect((await repo.pendingDowngrades(1)).customers).toHaveLength(1);
    expect(await repo.pendingCount()).toBe(2);
  });
});
