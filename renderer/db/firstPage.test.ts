// The start-up read of the list's first page: given only to the page it answers, and never after it is dropped.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { makeCustomer, makeCustomerFields } from '../../test/factories/customer';
import { customerReads } from './appRepositories';
import { createCustomerRepository } from './customers';
import { database } from './database';
import { dropPrimedPage, primedPage, primeFirstPage } from './firstPage';

afterAll(async () => {
  database().close();
  await database().delete();
});

const page = (over: Partial<Parameters<typeof primedPage>[0] & object> = {}) => ({ sort: 'updatedAt' as const, direction: 'desc' as const, offset: 0, limit: 3, filter: null, ...over });

describe('the first page read at start-up', () => {
  it('answers exactly the page it read, as the list would read it, until dropped', async () => {
    const repo = createCustomerRepository(database(), { now: () => new Date('2026-03-01T10:00:00Z'), newId: () => crypto.randomUUID() });
    await repo.addMany(
      ['安娜', '白雪', '陈晨', '丁丁', 'Alice'].map((name, i) =>
        makeCustomer(makeCustomerFields({ name, tags: ['VIP'] }), { id: crypto.randomUUID(), now: new Date(`2026-01-0${i + 1}T08:00:00Z`) }),
      ),
    );
    expect(primedPage(page())).toBeUndefined();
    await primeFirstPage('updatedAt', 'desc', 3);
    const rows = primedPage(page());
    expect(rows?.map((c) => c.name)).toEqual(['Alice', '丁丁', '陈晨']);
    expect(rows).toEqual(await customerReads.listPage('updatedAt', 'desc', 0, 3));
    for (const other of [page({ offset: 3 }), page({ limit: 100 }), page({ direction: 'asc' }), page({ sort: 'name' }), page({ filter: { tag: 'VIP' } })]) {
      expect(primedPage(other), JSON.stringify(other)).toBeUndefined();
    }
    expect(primedPage(null)).toBeUndefined();
    dropPrimedPage();
    expect(primedPage(page())).toBeUndefined();
  });
});
