// Paging the whole list from the kept order: every page of every sort equals walking the index with an
// offset, forward, backward and jumping, with writes between pages; filters walked through it too.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import type { ChurnLevel } from '../../shared/domain/churn';
import type { Customer } from '../../shared/domain/customer';
import type { LifecycleStage } from '../../shared/domain/lifecycle';
import { makeCustomer, makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { RegularsDatabase } from './database';
import { createCustomerRepository, CUSTOMER_SORT_FIELDS, type CustomerSortField, type ListTuning } from './customers';
import { createPurchaseRepository } from './purchases';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

function repo(tuning?: ListTuning) {
  return createCustomerRepository(db, { now: () => clock, newId: () => `id-${String(++ids).padStart(4, '0')}` }, tuning);
}
/** Every page from the kept order (no offset walk at all). */
const keyset = () => repo({ sortInMemoryMax: 0, walkOffsetMax: 0 });
/** The reference: walking the sort index with offset and limit, as the list always did. */
const walking = () => repo({ sortInMemoryMax: 3_000, walkOffsetMax: Number.POSITIVE_INFINITY });

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

const NAMES = ['安娜', '白雪', '陈晨', 'Alice', '丁丁', '安娜'];
const TAGS = ['VIP', '老客', '新客'];
const TIERS = ['vip', 'regular', 'potential', 'gold'];
const STAGES: LifecycleStage[] = ['prospect', 'new', 'repeat', 'loyal', 'at-risk', 'churned', 'won-back'];
const LEVELS: ChurnLevel[] = ['high', 'watch', 'none'];

// Few distinct values per field, so ties (broken by id) are everywhere.
const customerSpec = fc.record({
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  tags: fc.subarray(TAGS),
  day: fc.integer({ min: 1, max: 3 }),
  tier: fc.integer({ min: 0, max: TIERS.length - 1 }),
  stage: fc.integer({ min: 0, max: STAGES.length - 1 }),
  level: fc.integer({ min: 0, max: LEVELS.length - 1 }),
  spent: fc.constantFrom(0, 5_000, 12_000),
  count: fc.integer({ min: 0, max: 2 }),
  last: fc.constantFrom('', '2026-02-01', '2026-02-10'),
  points: fc.constantFrom(-20, 0, 300),
  expiry: fc.constantFrom(null, '2026-03-10T00:00:00.000Z', '2026-05-01T00:00:00.000Z'),
  deleted: fc.boolean(),
});
type Spec = Omit<typeof customerSpec extends fc.Arbitrary<infer T> ? T : never, 'spent' | 'last' | 'points' | 'expiry'> & { spent: number; last: string; points: number; expiry?: string | null };

/** Points filters: a balance range (open at either end) and points expiring by a day, alone and with the others. */
const EXPIRING_BY = '2026-04-01T00:00:00.000Z';
const POINTS_FILTERS = [
  { tag: null, points: { min: 0, max: null, expiringBy: null } },
  { tag: null, points: { min: null, max: 0, expiringBy: null } },
  { tag: null, points: { min: 1, max: 300, expiringBy: EXPIRING_BY } },
  { tag: null, points: { min: null, max: null, expiringBy: EXPIRING_BY } },
  { tag: 'VIP', points: { min: 0, max: null, expiringBy: EXPIRING_BY } },
  { tag: null, churnLevel: 'high' as const, points: { min: 300, max: null, expiringBy: null } },
];

function customerOf(spec: Spec, i: number): Customer {
  const base = makeCustomer(makeCustomerFields({ name: NAMES[spec.name]!, tags: spec.tags }), {
    id: `00000000-0000-4000-8000-${String(1000 + ((i * 7919) % 1000)).padStart(12, '0')}-${i}`,
    now: new Date(`2026-01-0${spec.day}T08:00:00Z`),
  });
  return {
    ...base,
    tierId: TIERS[spec.tier]!,
    lifecycleStage: STAGES[spec.stage]!,
    churnLevel: LEVELS[spec.level]!,
    totalSpentFen: spec.spent,
    purchaseCount: spec.count,
    lastPurchaseSort: spec.last,
    lastPurchaseAt: spec.last === '' ? null : `${spec.last}T10:00:00.000Z`,
    pointsBalance: spec.points,
    ...(spec.expiry ? { pointsNextExpiryAt: spec.expiry } : {}),
    ...(spec.deleted ? { isDeleted: 1 as const, deletedAt: '2026-02-20T00:00:00.000Z', searchTokens: [] } : {}),
  };
}

const idsOf = (rows: readonly Customer[]) => rows.map((c) => c.id);

async function walkAll(sort: CustomerSortField, direction: 'asc' | 'desc'): Promise<string[]> {
  return idsOf(await walking().listPage(sort, direction, 0, 10_000));
}

describe('paging the whole list from the kept order', () => {
  it('narrows by points as the balance and next expiry say, with and without the other filters, the trash left out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customerSpec, { minLength: 1, maxLength: 30 }), async (specs) => {
        await db.customers.clear();
        await db.customerState.clear();
        await db.pointsState.clear();
        const all = specs.map(customerOf);
        await repo().addMany(all);
        for (const customers of [walking(), keyset(), repo({ sortInMemoryMax: 0, filterWalkRows: 0 })]) {
          for (const filter of POINTS_FILTERS) {
            const { min, max, expiringBy } = filter.points;
            const expected = all
              .filter((c) => c.isDeleted === 0 && (filter.tag === null || c.tags.includes(filter.tag)) && (!('churnLevel' in filter) || c.churnLevel === filter.churnLevel))
              .filter((c) => (min === null || c.pointsBalance >= min) && (max === null || c.pointsBalance <= max))
              .filter((c) => expiringBy === null || (c.pointsNextExpiryAt !== undefined && c.pointsNextExpiryAt <= expiringBy))
              .map((c) => c.id)
              .sort();
            const label = JSON.stringify(filter);
            expect([...(await customers.listIds({ sort: 'points', direction: 'desc', terms: [], ...filter })).ids].sort(), label).toEqual(expected);
            expect(await customers.countMatching(filter), label).toBe(expected.length);
          }
        }
      }),
      { numRuns: 15 },
    );
  });

  it('gives every page of every sort, both ways, forward, backward and by jumping, as the offset walk does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customerSpec, { minLength: 0, maxLength: 30 }), fc.integer({ min: 1, max: 7 }), fc.nat(40), async (specs, size, jump) => {
        await db.customers.clear();
        if ('customerState' in db) await (db as unknown as { customerState: { clear(): Promise<void> } }).customerState.clear();
        if ('pointsState' in db) await (db as unknown as { pointsState: { clear(): Promise<void> } }).pointsState.clear();
        await repo().addMany(specs.map(customerOf));
        const customers = keyset();
        for (const sort of CUSTOMER_SORT_FIELDS) {
          for (const direction of ['asc', 'desc'] as const) {
            const label = `${sort} ${direction}`;
            const expected = await walkAll(sort, direction);
            expect(expected.length, label).toBe(specs.filter((s) => !s.deleted).length);
            const forward: string[] = [];
            for (let offset = 0; offset < expected.length; offset += size) forward.push(...idsOf(await customers.listPage(sort, direction, offset, size)));
            expect(forward, label).toEqual(expected);
            const backward: string[][] = [];
            for (let offset = Math.floor((expected.length - 1) / size) * size; offset >= 0; offset -= size) {
              backward.unshift(idsOf(await customers.listPage(sort, direction, offset, size)));
            }
            expect(backward.flat(), label).toEqual(expected);
            expect(idsOf(await customers.listPage(sort, direction, jump, size)), label).toEqual(expected.slice(jump, jump + size));
            expect((await customers.listIds({ sort, direction, terms: [], tag: null })).ids, label).toEqual(expected);
          }
        }
      }),
      { numRuns: 12 },
    );
  });

  it('puts tag and status filters in the same order from the kept order as sorting their records in memory', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(customerSpec, { minLength: 1, maxLength: 30 }), async (specs) => {
        await db.customers.clear();
        if ('customerState' in db) await (db as unknown as { customerState: { clear(): Promise<void> } }).customerState.clear();
        if ('pointsState' in db) await (db as unknown as { pointsState: { clear(): Promise<void> } }).pointsState.clear();
        await repo().addMany(specs.map(customerOf));
        const fromOrder = keyset();
        const inMemory = walking();
        // Small filters too, once the sort's order is kept (the whole list read first).
        const warm = repo();
        for (const sort of CUSTOMER_SORT_FIELDS) {
          for (const direction of ['asc', 'desc'] as const) {
            await warm.listIds({ sort, direction, terms: [], tag: null });
            const filters = [...TAGS.map((tag) => ({ tag })), { tag: null, churnLevel: 'high' as const }, { tag: 'VIP', tierId: 'vip' }, ...POINTS_FILTERS];
            for (const filter of filters) {
              const q = { sort, direction, terms: [], ...filter };
              const expected = (await inMemory.listIds(q)).ids;
              const label = `${sort} ${direction} ${JSON.stringify(filter)}`;
              expect((await fromOrder.listIds(q)).ids, label).toEqual(expected);
              expect((await warm.listIds(q)).ids, `kept order: ${label}`).toEqual(expected);
            }
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it('pages a large filter (first rows, walked pages, the kept order, a walk that gives up) as listIds orders its matches, and counts them', async () => {
    const FILTERS = [
      ...TAGS.map((tag) => ({ tag })),
      { tag: null, churnLevel: 'high' as const },
      { tag: null, stage: 'loyal' as const },
      { tag: 'VIP', tierId: 'vip' },
      { tag: '老客', churnLevel: 'watch' as const },
      ...POINTS_FILTERS,
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.array(customerSpec, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 6 }),
        fc.record({ chunk: fc.integer({ min: 1, max: 5 }), rows: fc.integer({ min: 0, max: 12 }), max: fc.integer({ min: 1, max: 40 }) }),
        async (specs, size, walk) => {
          await db.customers.clear();
          await db.customerState.clear();
        await db.pointsState.clear();
          await db.pointsState.clear();
          await repo().addMany(specs.map(customerOf));
          const inMemory = walking();
          const paged = repo({ sortInMemoryMax: 0, filterWalkChunk: walk.chunk, filterWalkRows: walk.rows, filterWalkMax: walk.max });
          for (const sort of CUSTOMER_SORT_FIELDS) {
            for (const direction of ['asc', 'desc'] as const) {
              for (const filter of FILTERS) {
                const q = { sort, direction, terms: [], ...filter };
                const label = `${sort} ${direction} ${JSON.stringify(filter)} ${JSON.stringify(walk)}`;
                const expected = (await inMemory.listIds(q)).ids;
                const first = await paged.openList(q, size);
                if (expected.length === 0) {
                  expect(first.ids, label).toEqual([]);
                } else {
                  expect(first.paged, label).toBe(true);
                  expect(first.ids, label).toEqual(expected.slice(0, size));
                }
                const pages: string[] = [];
                for (let offset = 0; offset < expected.length; offset += size) pages.push(...idsOf(await paged.listPage(sort, direction, offset, size, filter)));
                expect(pages, label).toEqual(expected);
                expect(await paged.countMatching(filter), label).toBe(expected.length);
              }
            }
          }
        },
      ),
      { numRuns: 10 },
    );
  });

  it('keeps a small filter on the complete answer, and a search on listIds', async () => {
    await repo().addMany(Array.from({ length: 6 }, (_, i) => customerOf({ name: i % 6, tags: i < 2 ? ['VIP'] : ['老客'], day: 1, tier: 0, stage: 0, level: 0, spent: 0, count: 0, last: '', points: 0, deleted: false }, i)));
    const customers = repo({ sortInMemoryMax: 3 });
    const small = await customers.openList({ sort: 'name', direction: 'asc', terms: [], tag: 'VIP' }, 1);
    expect(small.paged).toBeFalsy();
    expect(small.ids).toHaveLength(2);
    const large = await customers.openList({ sort: 'name', direction: 'asc', terms: [], tag: '老客' }, 1);
    expect(large).toMatchObject({ paged: true, ids: [expect.any(String)] });
    expect(await customers.countMatching({ tag: '老客' })).toBe(4);
    const searched = await customers.openList({ sort: 'name', direction: 'asc', terms: ['安娜'], tag: '老客' }, 1);
    expect(searched.paged).toBeFalsy();
  });

  it("answers a large filter's pages and count after tags change, the trash and purchases as listIds does on the new data", async () => {
    const paged = repo({ sortInMemoryMax: 0, filterWalkChunk: 2, filterWalkRows: 6 });
    await paged.addMany(Array.from({ length: 25 }, (_, i) => customerOf({ name: i % 6, tags: i % 2 ? ['VIP'] : [], day: 1 + (i % 3), tier: i % 4, stage: i % 7, level: i % 3, spent: (i % 3) * 5_000, count: i % 3, last: '', points: (i % 3) * 100 - 100, deleted: i === 4 }, i)));
    const expectPages = async (why: string) => {
      for (const sort of ['updatedAt', 'name', 'totalSpent', 'tier'] as const) {
        for (const filter of [{ tag: 'VIP' }, { tag: 'VIP', tierId: 'vip' }, { tag: null, churnLevel: 'watch' as const }]) {
          const all = (await walking().listIds({ sort, direction: 'desc', terms: [], ...filter })).ids;
          for (let offset = 0; offset < all.length; offset += 4) {
            expect(idsOf(await paged.listPage(sort, 'desc', offset, 4, filter)), `${why}: ${sort} ${JSON.stringify(filter)} from ${offset}`).toEqual(all.slice(offset, offset + 4));
          }
          expect(await paged.countMatching(filter), `${why}: count ${JSON.stringify(filter)}`).toBe(all.length);
        }
      }
    };
    await expectPages('as added');

    const [plain] = await paged.listPage('updatedAt', 'desc', 0, 1, { tag: null, churnLevel: 'none' });
    clock = new Date('2026-03-02T10:00:00Z');
    await paged.update(plain!.id, { ...plain!, tags: ['VIP'] });
    await expectPages('after a tag was added');

    const [vip] = await paged.listPage('name', 'desc', 5, 1, { tag: 'VIP' });
    clock = new Date('2026-03-03T10:00:00Z');
    await paged.update(vip!.id, { ...vip!, tags: [] });
    await expectPages('after a tag was taken off');

    const [trashed] = await paged.listPage('name', 'asc', 2, 1, { tag: 'VIP' });
    await paged.moveToTrash(trashed!.id);
    await expectPages('after the trash');

    const [buyer] = await paged.listPage('totalSpent', 'desc', 7, 1, { tag: 'VIP' });
    clock = new Date('2026-03-04T10:00:00Z');
    await createPurchaseRepository(db, { now: () => clock, newId: () => `p-${++ids}` }).record(buyer!.id, makePurchaseFields({ totalFen: 90_000 }));
    await expectPages('after a purchase');
  });

  it('walks a large filter afresh after any write: the same page asked again shows the change', async () => {
    const paged = repo({ sortInMemoryMax: 0, filterWalkChunk: 2, filterWalkRows: 6 });
    await paged.addMany(Array.from({ length: 12 }, (_, i) => customerOf({ name: i % 6, tags: i % 3 === 0 ? ['VIP'] : [], day: 1 + (i % 3), tier: 0, stage: 0, level: 0, spent: 0, count: 0, last: '', points: 0, deleted: false }, i)));
    const firstPage = async () => idsOf(await paged.listPage('updatedAt', 'desc', 0, 3, { tag: 'VIP' }));
    const expected = async () => (await walking().listIds({ sort: 'updatedAt', direction: 'desc', terms: [], tag: 'VIP' })).ids.slice(0, 3);
    expect(await firstPage()).toEqual(await expected());

    // A customer given the tag is the latest update: first on the page asked again.
    const all = (await walking().listIds({ sort: 'updatedAt', direction: 'desc', terms: [], tag: null })).ids;
    const vip = (await walking().listIds({ sort: 'updatedAt', direction: 'desc', terms: [], tag: 'VIP' })).ids;
    const gaining = all.find((id) => !vip.includes(id))!;
    clock = new Date('2026-03-05T10:00:00Z');
    await paged.update(gaining, { ...(await paged.get(gaining))!, tags: ['VIP'] });
    expect((await firstPage())[0]).toBe(gaining);
    expect(await firstPage()).toEqual(await expected());

    // The first row moved to the trash: gone from the page asked again.
    await paged.moveToTrash(gaining);
    expect(await firstPage()).not.toContain(gaining);
    expect(await firstPage()).toEqual(await expected());
  });

  it('reruns a live page and count of a large filter when a customer gains the tag', async () => {
    const paged = repo({ sortInMemoryMax: 0, filterWalkChunk: 2, filterWalkRows: 4 });
    await paged.addMany(Array.from({ length: 12 }, (_, i) => customerOf({ name: i % 6, tags: i % 3 === 0 ? ['VIP'] : [], day: 1 + (i % 3), tier: 0, stage: 0, level: 0, spent: 0, count: 0, last: '', points: 0, deleted: false }, i)));
    for (const offset of [0, 2]) {
      // Offset 0 is walked; offset 2 (past filterWalkRows with 3 rows) is cut from the kept order, read first.
      await paged.listPage('name', 'asc', offset, 3, { tag: 'VIP' });
      const seen: { page: string[]; count: number }[] = [];
      const subscription = liveQuery(async () => ({
        page: idsOf(await paged.listPage('name', 'asc', offset, 3, { tag: 'VIP' })),
        count: await paged.countMatching({ tag: 'VIP' }),
      })).subscribe((answer) => seen.push(answer));
      const settle = async (count: number) => {
        for (let i = 0; i < 200 && seen.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
      };
      await settle(1);
      const untagged = (await walking().listIds({ sort: 'name', direction: 'asc', terms: [], tag: null })).ids;
      const vip = (await walking().listIds({ sort: 'name', direction: 'asc', terms: [], tag: 'VIP' })).ids;
      const gaining = untagged.find((id) => !vip.includes(id))!;
      const customer = (await paged.get(gaining))!;
      clock = new Date(`2026-03-0${5 + offset}T10:00:00Z`);
      await paged.update(gaining, { ...customer, tags: ['VIP'] });
      await settle(2);
      subscription.unsubscribe();
      const now = (await walking().listIds({ sort: 'name', direction: 'asc', terms: [], tag: 'VIP' })).ids;
      expect(seen.at(-1), `offset ${offset}`).toEqual({ page: now.slice(offset, offset + 3), count: now.length });
      expect(seen.at(-1)!.count, `offset ${offset}`).toBe(seen[0]!.count + 1);
    }
  });

  it('answers pages after edits, new customers, the trash and purchases as the offset walk does on the new data', async () => {
    const customers = keyset();
    await customers.addMany(Array.from({ length: 25 }, (_, i) => customerOf({ name: i % 6, tags: i % 2 ? ['VIP'] : [], day: 1 + (i % 3), tier: i % 4, stage: i % 7, level: i % 3, spent: (i % 3) * 5_000, count: i % 3, last: '', points: (i % 3) * 100 - 100, deleted: i === 4 }, i)));
    const page = async (sort: CustomerSortField, offset: number) => idsOf(await customers.listPage(sort, 'desc', offset, 5));
    const expectPages = async (why: string) => {
      for (const sort of ['updatedAt', 'name', 'totalSpent', 'tier'] as const) {
        const all = await walkAll(sort, 'desc');
        for (let offset = 0; offset < all.length; offset += 5) expect(await page(sort, offset), `${why}: ${sort} from ${offset}`).toEqual(all.slice(offset, offset + 5));
      }
    };
    await expectPages('as added');

    const [first] = await customers.listPage('updatedAt', 'desc', 10, 1);
    clock = new Date('2026-03-02T10:00:00Z');
    await customers.update(first!.id, { ...first!, name: '重新命名' });
    expect((await page('updatedAt', 0))[0]).toBe(first!.id);
    await expectPages('after an edit');

    clock = new Date('2026-03-03T10:00:00Z');
    const added = await customers.create(makeCustomerFields({ name: '新来的' }));
    expect((await page('updatedAt', 0))[0]).toBe(added.id);
    await expectPages('after a new customer');

    const [trashed] = await customers.listPage('name', 'desc', 7, 1);
    await customers.moveToTrash(trashed!.id);
    expect((await customers.listIds({ sort: 'name', direction: 'desc', terms: [], tag: null })).ids).not.toContain(trashed!.id);
    await expectPages('after the trash');

    const [buyer] = await customers.listPage('totalSpent', 'desc', 20, 1);
    clock = new Date('2026-03-04T10:00:00Z');
    await createPurchaseRepository(db, { now: () => clock, newId: () => `p-${++ids}` }).record(buyer!.id, makePurchaseFields({ totalFen: 90_000 }));
    expect((await page('totalSpent', 0))[0]).toBe(buyer!.id);
    await expectPages('after a purchase');
  });

  it('reruns a live page read from the kept order when a write changes the order', async () => {
    const customers = keyset();
    await customers.addMany(Array.from({ length: 8 }, (_, i) => customerOf({ name: i % 6, tags: [], day: 1 + (i % 3), tier: 0, stage: 0, level: 0, spent: 0, count: 0, last: '', points: 0, deleted: false }, i)));
    // Kept before the live query starts: it reads from memory, not the index.
    await customers.listPage('updatedAt', 'desc', 2, 3);
    const seen: string[][] = [];
    const subscription = liveQuery(async () => idsOf(await customers.listPage('updatedAt', 'desc', 2, 3))).subscribe((page) => seen.push(page));
    const settle = async (count: number) => {
      for (let i = 0; i < 200 && seen.length < count; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    };
    await settle(1);
    expect(seen[0]).toEqual((await walkAll('updatedAt', 'desc')).slice(2, 5));
    // The customer at row 6 becomes the latest update: rows 2..4 each move down by one.
    const [moved] = await customers.listPage('updatedAt', 'desc', 6, 1);
    clock = new Date('2026-03-05T10:00:00Z');
    await customers.update(moved!.id, { ...moved!, name: '改过' });
    await settle(2);
    subscription.unsubscribe();
    expect(seen.at(-1)).toEqual((await walkAll('updatedAt', 'desc')).slice(2, 5));
    expect(seen.at(-1)).not.toEqual(seen[0]);
  });

  it('keeps every kept order equal to a fresh walk of its index after random edits, new customers, the trash and purchases', async () => {
    const write = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), name: fc.integer({ min: 0, max: NAMES.length - 1 }), tags: fc.subarray(TAGS) }),
      fc.record({ kind: fc.constant('create' as const), name: fc.integer({ min: 0, max: NAMES.length - 1 }), tags: fc.subarray(TAGS) }),
      fc.record({ kind: fc.constant('trash' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('restore' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('purchase' as const), at: fc.nat(), totalFen: fc.constantFrom(5_000, 90_000) }),
    );
    const sorts: CustomerSortField[] = ['updatedAt', 'name', 'tags', 'totalSpent', 'lastPurchase', 'tier', 'stage'];
    await fc.assert(
      fc.asyncProperty(fc.array(customerSpec, { minLength: 1, maxLength: 20 }), fc.array(write, { minLength: 1, maxLength: 8 }), async (specs, writes) => {
        await db.customers.clear();
        await db.customerState.clear();
        await db.pointsState.clear();
        await repo().addMany(specs.map(customerOf));
        const customers = keyset();
        const purchases = createPurchaseRepository(db, { now: () => clock, newId: () => `p-${++ids}` });
        // Every order kept before the writes: each write is placed in all of them.
        for (const sort of sorts) await customers.listPage(sort, 'asc', 0, 1);
        let day = 2;
        for (const w of writes) {
          clock = new Date(`2026-03-${String(day++).padStart(2, '0')}T10:00:00Z`);
          const active = await walkAll('updatedAt', 'asc');
          const trashed = (await customers.listTrash()).map((c) => c.id);
          if (w.kind === 'create') await customers.create(makeCustomerFields({ name: NAMES[w.name]!, tags: w.tags }));
          else if (w.kind === 'restore') {
            if (trashed.length) await customers.restoreFromTrash(trashed[w.at % trashed.length]!);
          } else if (active.length) {
            const id = active[w.at % active.length]!;
            if (w.kind === 'edit') await customers.update(id, { ...(await customers.get(id))!, name: NAMES[w.name]!, tags: w.tags });
            else if (w.kind === 'trash') await customers.moveToTrash(id);
            else await purchases.record(id, makePurchaseFields({ totalFen: w.totalFen, purchasedAt: clock.toISOString() }));
          }
          for (const sort of sorts) {
            for (const direction of ['asc', 'desc'] as const) {
              expect((await customers.listIds({ sort, direction, terms: [], tag: null })).ids, `${sort} ${direction} after ${JSON.stringify(w)}`).toEqual(await walkAll(sort, direction));
            }
          }
        }
      }),
      { numRuns: 6 },
    );
  });
});
