// The customer repository on fake-indexeddb: writes, index-backed search and sorting, duplicates, trash.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import type { ChurnLevel } from '../../shared/domain/churn';
import type { Customer, CustomerFields } from '../../shared/domain/customer';
import type { LifecycleStage } from '../../shared/domain/lifecycle';
import { normalizeSearchQuery } from '../../shared/domain/searchTokens';
import { makeCustomer, makeCustomerFields, makePhone } from '../../test/factories/customer';
import { RegularsDatabase } from './database';
import { createCustomerRepository, CUSTOMER_SORT_FIELDS, SEARCH_HIT_CAP, type CustomerListQuery, type ListTuning } from './customers';
import { createInteractionRepository } from './interactions';
import { createPurchaseRepository } from './purchases';
import { createReminderRepository } from './reminders';
import { makeInteractionFields, makePurchaseFields } from '../../test/factories/purchase';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

function repo(tuning?: ListTuning) {
  return createCustomerRepository(
    db,
    {
      now: () => clock,
      newId: () => `id-${String(++ids).padStart(4, '0')}`,
    },
    tuning,
  );
}

const query = (overrides: Partial<CustomerListQuery> = {}): CustomerListQuery => ({ sort: 'name', direction: 'asc', terms: [], tag: null, ...overrides });

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

describe('customer repository', () => {
  it('creates a customer with its index fields, and updates them on edit', async () => {
    const customers = repo();
    const created = await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678')], email: 'Zhang@Example.com' }));
    expect(created.id).toBe('id-0001');
    expect(created.createdAt).toBe('2026-03-01T10:00:00.000Z');
    expect(created.isDeleted).toBe(0);
    expect(created.emailKey).toBe('zhang@example.com');
    expect(created.searchTokens).toEqual(expect.arrayContaining(['zs', 'zhangsan']));

    clock = new Date('2026-03-02T09:00:00Z');
    const edited = await customers.update(created.id, { ...created, name: '李四' });
    expect(edited.createdAt).toBe(created.createdAt);
    expect(edited.updatedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(edited.searchTokens).toContain('ls');
    expect(edited.searchTokens).not.toContain('zs');
    expect(await customers.get(created.id)).toEqual(edited);
  });

  it('refuses to edit a customer that does not exist', async () => {
    await expect(repo().update('missing', makeCustomerFields())).rejects.toThrow(/not found/);
  });

  it('finds customers by phone tail, middle digits, pinyin initials, full pinyin, name part and email', async () => {
    const customers = repo();
    await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678')], email: 'zhang@example.com' }));
    await customers.create(makeCustomerFields({ name: '单田芳', phones: [makePhone('+8613900001111')] }));
    await customers.create(makeCustomerFields({ name: 'Anna Müller', email: 'anna@shop.de' }));
    const names = async (q: string) => {
      const { ids: found } = await customers.listIds(query({ terms: normalizeSearchQuery(q) }));
      return (await customers.getMany(found)).map((c) => c?.name);
    };
    expect(await names('5678')).toEqual(['张三']);
    expect(await names('1234')).toEqual(['张三']);
    expect(await names('138 1234')).toEqual(['张三']);
    expect(await names('zs')).toEqual(['张三']);
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('三')).toEqual(['张三']);
    expect(await names('shan')).toEqual(['单田芳']);
    expect(await names('stf')).toEqual(['单田芳']);
    expect(await names('muller')).toEqual(['Anna Müller']);
    expect(await names('anna mül')).toEqual(['Anna Müller']);
    expect(await names('zhang@')).toEqual(['张三']);
    expect(await names('nobody')).toEqual([]);
  });

  it('sorts through the indexes, both ways, and filters by tag', async () => {
    const customers = repo();
    for (const [name, tag] of [['王五', 'VIP'], ['艾米', ''], ['白云', 'VIP'], ['Zoe', '']] as const) {
      clock = new Date(clock.getTime() + 60_000);
      await customers.create(makeCustomerFields({ name, tags: tag ? [tag] : [] }));
    }
    const namesOf = async (q: CustomerListQuery) => (await customers.getMany((await customers.listIds(q)).ids)).map((c) => c?.name);
    expect(await namesOf(query())).toEqual(['艾米', '白云', '王五', 'Zoe']);
    expect(await namesOf(query({ direction: 'desc' }))).toEqual(['Zoe', '王五', '白云', '艾米']);
    expect(await namesOf(query({ sort: 'createdAt', direction: 'desc' }))).toEqual(['Zoe', '白云', '艾米', '王五']);
    expect(await namesOf(query({ tag: 'VIP' }))).toEqual(['白云', '王五']);
    expect(await namesOf(query({ tag: 'VIP', terms: ['by'] }))).toEqual(['白云']);
    expect(await customers.allTags()).toEqual(['VIP']);
  });

  it('reads the whole list a page at a time, in the same order as the id list', async () => {
    const customers = repo();
    await customers.addMany(Array.from({ length: 250 }, (_, i) => makeCustomer({ name: `客户${String(i).padStart(3, '0')}` })));
    const all = (await customers.listIds(query({ sort: 'name', direction: 'desc' }))).ids;
    const pages = [
      ...(await customers.listPage('name', 'desc', 0, 100)),
      ...(await customers.listPage('name', 'desc', 100, 100)),
      ...(await customers.listPage('name', 'desc', 200, 100)),
    ];
    expect(pages.map((c) => c.id)).toEqual(all);
    expect(pages).toHaveLength(250);
  });

  it('filters by a small tag in memory and by a large one through the sort index, in the same order', async () => {
    const customers = repo();
    await customers.addMany(Array.from({ length: 40 }, (_, i) => makeCustomer({ name: `客户${i}`, tags: i % 2 ? ['VIP'] : [] })));
    const tagged = (await customers.listIds(query({ tag: 'VIP' }))).ids;
    const expected = (await customers.listIds(query())).ids.filter((_, i, arr) => arr.length > 0 && tagged.includes(arr[i]!));
    expect(tagged).toHaveLength(20);
    expect(tagged).toEqual(expected);
  });

  it('finds other customers with the same phone or email, never the one being edited', async () => {
    const customers = repo();
    const a = await customers.create(makeCustomerFields({ name: 'A', phones: [makePhone('+8613812345678')], email: 'a@x.com' }));
    const b = await customers.create(makeCustomerFields({ name: 'B', phones: [makePhone('+8613812345678')] }));
    const found = await customers.findDuplicates({ phoneKeys: ['+8613812345678'], emailKey: 'a@x.com', excludeId: a.id });
    expect(found.byPhone.map((c) => c.id)).toEqual([b.id]);
    expect(found.byEmail).toEqual([]);
    const none = await customers.findDuplicates({ phoneKeys: [], emailKey: '', excludeId: null });
    expect(none).toEqual({ byPhone: [], byEmail: [] });
  });

  it('moves to the trash, hides from the list, restores, and deletes for good only from the trash', async () => {
    const customers = repo();
    const c = await customers.create(makeCustomerFields({ name: '赵六' }));
    await expect(customers.deleteForever(c.id)).rejects.toThrow(/trash/);
    clock = new Date('2026-03-05T00:00:00Z');
    await customers.moveToTrash(c.id);
    expect((await customers.listIds(query())).ids).toEqual([]);
    expect((await customers.listIds(query({ terms: ['zl'] }))).ids).toEqual([]);
    expect(await customers.countActive()).toBe(0);
    const trash = await customers.listTrash();
    expect(trash.map((t) => [t.name, t.deletedAt])).toEqual([['赵六', '2026-03-05T00:00:00.000Z']]);
    await customers.restoreFromTrash(c.id);
    expect((await customers.listIds(query())).ids).toEqual([c.id]);
    expect((await customers.get(c.id))?.deletedAt).toBeNull();
    await customers.moveToTrash(c.id);
    await customers.deleteForever(c.id);
    expect(await customers.get(c.id)).toBeUndefined();
    expect(await customers.listTrash()).toEqual([]);
  });

  it('deletes a customer for good together with their purchases and contacts', async () => {
    const customers = repo();
    const deps = { now: () => clock, newId: () => `id-${String(++ids).padStart(4, '0')}` };
    const purchases = createPurchaseRepository(db, deps);
    const interactions = createInteractionRepository(db, deps);
    const gone = await customers.create(makeCustomerFields({ name: '要删除的' }));
    const kept = await customers.create(makeCustomerFields({ name: '保留的' }));
    await purchases.record(gone.id, makePurchaseFields());
    await purchases.record(kept.id, makePurchaseFields());
    await interactions.record(gone.id, makeInteractionFields());
    await customers.moveToTrash(gone.id);
    await customers.deleteForever(gone.id);
    expect(await db.purchases.where('customerId').equals(gone.id).count()).toBe(0);
    expect(await db.interactions.where('customerId').equals(gone.id).count()).toBe(0);
    expect(await db.purchases.where('customerId').equals(kept.id).count()).toBe(1);
  });

  it('empties the trash for good, leaving everyone else and their history', async () => {
    const customers = repo();
    const deps = { now: () => clock, newId: () => `id-${String(++ids).padStart(4, '0')}` };
    const purchases = createPurchaseRepository(db, deps);
    const gone = [await customers.create(makeCustomerFields({ name: '甲' })), await customers.create(makeCustomerFields({ name: '乙' }))];
    const kept = await customers.create(makeCustomerFields({ name: '丙' }));
    for (const c of [...gone, kept]) await purchases.record(c.id, makePurchaseFields());
    for (const c of gone) await customers.moveToTrash(c.id);
    expect(await customers.emptyTrash()).toBe(2);
    expect(await customers.listTrash()).toEqual([]);
    for (const c of gone) {
      expect(await customers.get(c.id)).toBeUndefined();
      expect(await db.purchases.where('customerId').equals(c.id).count()).toBe(0);
    }
    expect((await customers.get(kept.id))?.name).toBe('丙');
    expect(await db.purchases.where('customerId').equals(kept.id).count()).toBe(1);
    const entry = (await db.auditLog.toArray()).find((e) => e.kind === 'customer.deleteForGood');
    expect(entry?.customerIds.slice().sort()).toEqual(gone.map((c) => c.id).sort());
    expect(await customers.emptyTrash()).toBe(0);
  });

  it('sorts by total spent as numbers, not as text', async () => {
    const customers = repo();
    const purchases = createPurchaseRepository(db, { now: () => clock, newId: () => `p-${++ids}` });
    const small = await customers.create(makeCustomerFields({ name: '九块' }));
    const big = await customers.create(makeCustomerFields({ name: '十块' }));
    await purchases.record(small.id, makePurchaseFields({ totalFen: 900 }));
    await purchases.record(big.id, makePurchaseFields({ totalFen: 1000 }));
    const byIndex = (await customers.listIds(query({ sort: 'totalSpent', direction: 'desc' }))).ids;
    const bySearch = (await customers.listIds(query({ sort: 'totalSpent', direction: 'desc', terms: ['kuai'] }))).ids;
    expect(byIndex).toEqual([big.id, small.id]);
    expect(bySearch).toEqual([big.id, small.id]);
  });

  it('keeps customers in the trash out of search without reading them, and brings them back on restore', async () => {
    const customers = repo();
    const c = await customers.create(makeCustomerFields({ name: '回收站里的', phones: [makePhone('+8613812345678')] }));
    await customers.moveToTrash(c.id);
    expect((await customers.get(c.id))?.searchTokens).toEqual([]);
    expect(await db.customerSearch.where('tokens').startsWith('5678').count()).toBe(0);
    expect(await db.customerSearch.get(c.id)).toBeUndefined();
    await customers.restoreFromTrash(c.id);
    expect((await customers.listIds(query({ terms: ['5678'] }))).ids).toEqual([c.id]);
  });

  it('shows a broad single-term search in index order, ranking only small results', async () => {
    const customers = repo();
    await customers.addMany(Array.from({ length: 400 }, (_, i) => makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86139${String(i).padStart(8, '0')}`)] })));
    const broad = await customers.listIds(query({ terms: ['139'] }));
    expect(broad.ranked).toBe(false);
    expect(new Set(broad.ids).size).toBe(400);
    const narrow = await customers.listIds(query({ terms: ['0000012'] }));
    expect(narrow.ranked).toBe(true);
    expect(narrow.ids).toHaveLength(11);
  });

  it('caps a search too broad to rank, and says so; a narrower one is complete', async () => {
    const customers = repo();
    await customers.addMany(Array.from({ length: 2_100 }, (_, i) => makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86139${String(i).padStart(8, '0')}`)] })));
    const broad = await customers.listIds(query({ terms: ['139'] }));
    expect(broad.truncated).toBe(true);
    expect(broad.ids.length).toBeGreaterThan(0);
    expect(broad.ids.length).toBeLessThanOrEqual(SEARCH_HIT_CAP);
    const one = await customers.listIds(query({ terms: ['00002099'] }));
    expect(one).toEqual({ ids: [expect.any(String)], truncated: false, ranked: true });
    // A broad term beside a narrow one is checked on the narrow term's hits: nothing is lost.
    const both = await customers.listIds(query({ terms: ['139', '2099'] }));
    expect(both.truncated).toBe(false);
    expect((await customers.getMany(both.ids)).map((c) => c?.name)).toEqual(['客户2099']);
  });
});

// A customer with the status fields a test is about (as the purchase repository would have derived them).
function withStatus(
  name: string,
  status: { tierId: string; stage: LifecycleStage; level: ChurnLevel; valueFen?: number },
  fields: Partial<CustomerFields> = {},
): Customer {
  return { ...makeCustomer({ name, ...fields }), tierId: status.tierId, lifecycleStage: status.stage, churnLevel: status.level, valueAtRiskFen: status.valueFen ?? 0 };
}

// Twelve customers over the default tiers (vip, regular, potential), every stage and level, one on a
// tier the rules no longer have ('gold'), one in the trash.
function statusStore(): Customer[] {
  return [
    withStatus('安娜', { tierId: 'vip', stage: 'loyal', level: 'none', valueFen: 900_000 }, { tags: ['老客'] }),
    withStatus('白雪', { tierId: 'vip', stage: 'at-risk', level: 'high', valueFen: 700_000 }, { tags: ['老客'] }),
    withStatus('陈晨', { tierId: 'regular', stage: 'loyal', level: 'watch', valueFen: 300_000 }),
    withStatus('丁丁', { tierId: 'regular', stage: 'repeat', level: 'watch', valueFen: 300_000 }, { tags: ['老客'] }),
    withStatus('方芳', { tierId: 'regular', stage: 'churned', level: 'high', valueFen: 120_000 }),
    withStatus('高歌', { tierId: 'potential', stage: 'new', level: 'none', valueFen: 20_000 }),
    withStatus('韩梅', { tierId: 'potential', stage: 'prospect', level: 'none' }),
    withStatus('金鑫', { tierId: 'potential', stage: 'churned', level: 'high', valueFen: 0 }),
    withStatus('李雷', { tierId: 'potential', stage: 'won-back', level: 'watch', valueFen: 45_000 }, { tags: ['老客'] }),
    withStatus('马丽', { tierId: 'gold', stage: 'repeat', level: 'watch', valueFen: 88_000 }),
    withStatus('牛牛', { tierId: 'regular', stage: 'at-risk', level: 'high', valueFen: 150_000 }),
    { ...withStatus('欧阳', { tierId: 'vip', stage: 'loyal', level: 'high', valueFen: 990_000 }), isDeleted: 1, deletedAt: '2026-02-01T00:00:00.000Z', searchTokens: [] },
  ];
}

describe('status columns and filters', () => {
  const names = async (customers: ReturnType<typeof repo>, found: string[]) => (await customers.getMany(found)).map((c) => c?.name);

  it('sorts by tier best first, by stage in lifecycle order and by risk most at risk first; a removed tier comes last', async () => {
    const customers = repo();
    await customers.addMany(statusStore());
    const sorted = async (sort: CustomerListQuery['sort'], direction: 'asc' | 'desc' = 'asc') =>
      (await customers.getMany((await customers.listIds(query({ sort, direction }))).ids)).map((c) => [c?.tierId, c?.lifecycleStage, c?.churnLevel]);
    expect((await sorted('tier')).map((r) => r[0])).toEqual(['vip', 'vip', 'regular', 'regular', 'regular', 'regular', 'potential', 'potential', 'potential', 'potential', 'gold']);
    expect((await sorted('tier', 'desc')).map((r) => r[0])).toEqual(['gold', 'potential', 'potential', 'potential', 'potential', 'regular', 'regular', 'regular', 'regular', 'vip', 'vip']);
    expect((await sorted('stage')).map((r) => r[1])).toEqual(['prospect', 'new', 'repeat', 'repeat', 'loyal', 'loyal', 'at-risk', 'at-risk', 'churned', 'churned', 'won-back']);
    expect((await sorted('risk')).map((r) => r[2])).toEqual(['high', 'high', 'high', 'high', 'watch', 'watch', 'watch', 'watch', 'none', 'none', 'none']);
  });

  it('reads a page of the whole list in the same order as the id list, for every sort, both ways, across group boundaries', async () => {
    const customers = repo();
    await customers.addMany(statusStore());
    for (const sort of CUSTOMER_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        const all = (await customers.listIds(query({ sort, direction }))).ids;
        const paged: string[] = [];
        for (let offset = 0; offset < 12; offset += 3) paged.push(...(await customers.listPage(sort, direction, offset, 3)).map((c) => c.id));
        expect(paged, `${sort} ${direction}`).toEqual(all);
      }
    }
  });

  it('puts filtered customers in the same order whether sorted in memory or by walking the sort index', async () => {
    const inMemory = repo();
    const walking = repo({ sortInMemoryMax: 0 });
    await inMemory.addMany(statusStore());
    for (const sort of CUSTOMER_SORT_FIELDS) {
      for (const direction of ['asc', 'desc'] as const) {
        for (const churnLevel of ['watch', 'high'] as const) {
          const q = query({ sort, direction, churnLevel });
          expect((await walking.listIds(q)).ids, `${sort} ${direction} ${churnLevel}`).toEqual((await inMemory.listIds(q)).ids);
        }
      }
    }
  });

  it('filters by tier, stage and risk, alone and together, with the tag filter and search', async () => {
    for (const tuning of [undefined, { sortInMemoryMax: 2 }]) {
      await Promise.all([db.customers.clear(), db.customerState.clear(), db.pointsState.clear()]);
      const customers = repo(tuning);
      await customers.addMany(statusStore());
      const found = async (q: Partial<CustomerListQuery>) => names(customers, (await customers.listIds(query(q))).ids);
      const label = tuning ? 'through the indexes' : 'in memory';
      expect(await found({ tierId: 'vip' }), label).toEqual(['安娜', '白雪']);
      expect(await found({ tierId: 'gold' }), label).toEqual(['马丽']);
      expect(await found({ stage: 'churned' }), label).toEqual(['方芳', '金鑫']);
      expect(await found({ churnLevel: 'high' }), label).toEqual(['白雪', '方芳', '金鑫', '牛牛']);
      expect(await found({ tierId: 'regular', churnLevel: 'high' }), label).toEqual(['方芳', '牛牛']);
      expect(await found({ tierId: 'regular', churnLevel: 'high', stage: 'at-risk' }), label).toEqual(['牛牛']);
      expect(await found({ churnLevel: 'watch', tag: '老客' }), label).toEqual(['丁丁', '李雷']);
      expect(await found({ churnLevel: 'watch', tag: '老客', sort: 'tier' }), label).toEqual(['丁丁', '李雷']);
      expect(await found({ churnLevel: 'watch', sort: 'totalSpent', direction: 'desc', tierId: 'potential' }), label).toEqual(['李雷']);
      expect(await found({ tierId: 'vip', terms: ['bx'] }), label).toEqual(['白雪']);
      expect(await found({ tierId: 'regular', terms: ['bx'] }), label).toEqual([]);
      // The customer in the trash matches every one of these filters and is never listed.
      expect(await found({ tierId: 'vip', stage: 'loyal', churnLevel: 'high' }), label).toEqual([]);
    }
  });

  it('lists customers at risk by value at risk, most first, filtered by level and tier, with the total', async () => {
    for (const tuning of [undefined, { sortInMemoryMax: 2 }]) {
      await Promise.all([db.customers.clear(), db.customerState.clear(), db.pointsState.clear()]);
      const customers = repo(tuning);
      await customers.addMany(statusStore());
      const label = tuning ? 'walking the index' : 'in memory';
      const both = await customers.listAtRisk({ levels: ['watch', 'high'], tierId: null });
      // 陈晨 and 丁丁 have the same value: the later id (丁丁, created after) first, as the index walked in reverse gives them.
      expect(await names(customers, both.ids), label).toEqual(['白雪', '丁丁', '陈晨', '牛牛', '方芳', '马丽', '李雷', '金鑫']);
      const values = (await customers.getMany(both.ids)).map((c) => c!.valueAtRiskFen);
      expect(values, label).toEqual([700_000, 300_000, 300_000, 150_000, 120_000, 88_000, 45_000, 0]);
      expect(both.totalValueFen, label).toBe(1_703_000);

      const high = await customers.listAtRisk({ levels: ['high'], tierId: null });
      expect(await names(customers, high.ids), label).toEqual(['白雪', '牛牛', '方芳', '金鑫']);
      expect(high.totalValueFen, label).toBe(970_000);
      const regular = await customers.listAtRisk({ levels: ['watch', 'high'], tierId: 'regular' });
      expect((await customers.getMany(regular.ids)).map((c) => c!.tierId), label).toEqual(['regular', 'regular', 'regular', 'regular']);
      expect(regular.totalValueFen, label).toBe(870_000);
      expect(await customers.listAtRisk({ levels: ['watch'], tierId: 'vip' }), label).toEqual({ ids: [], totalValueFen: 0, snoozed: 0 });
      expect(await customers.listAtRisk({ levels: [], tierId: null }), label).toEqual({ ids: [], totalValueFen: 0, snoozed: 0 });

      // Snoozed off the list by the clerk: left out until the snooze ends, and counted apart.
      const now = new Date('2026-06-15T10:00:00.000Z');
      const reminders = createReminderRepository(db, { now: () => now, newId: () => crypto.randomUUID() });
      await reminders.snoozeChurnRisk(both.ids[0]!, new Date('2026-06-16T01:00:00.000Z'));
      const snoozed = await customers.listAtRisk({ levels: ['watch', 'high'], tierId: null }, now);
      expect(snoozed.ids, label).toEqual(both.ids.slice(1));
      expect(snoozed.snoozed, label).toBe(1);
      expect(snoozed.totalValueFen, label).toBe(1_003_000);
      expect((await customers.listAtRisk({ levels: ['watch', 'high'], tierId: null }, new Date('2026-06-16T01:00:00.000Z'))).ids, label).toEqual(both.ids);
      await db.reminderMarks.clear();
    }
  });

  it("reads a customer's tier history newest first, and only theirs", async () => {
    const customers = repo();
    const entry = (id: string, customerId: string, at: string, from: string | null, to: string) => ({
      id,
      customerId,
      at,
      from,
      to,
      reason: { code: 'tier-upgrade' as const, params: { from: from ?? '', to } },
    });
    await db.tierHistory.bulkAdd([
      entry('h1', 'c1', '2026-01-05T10:00:00.000Z', null, 'potential'),
      entry('h2', 'c1', '2026-03-01T10:00:00.000Z', 'regular', 'vip'),
      entry('h3', 'c2', '2026-02-01T10:00:00.000Z', 'potential', 'regular'),
      entry('h4', 'c1', '2026-02-01T10:00:00.000Z', 'potential', 'regular'),
    ]);
    expect((await customers.tierHistory('c1')).map((h) => h.id)).toEqual(['h2', 'h4', 'h1']);
    expect(await customers.tierHistory('nobody')).toEqual([]);
  });
});
