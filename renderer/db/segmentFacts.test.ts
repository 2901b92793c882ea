// The segment facts read from the store (fake-indexeddb): active customers only, with their state, points and
// consent joined; more customers than one chunk; the customers named read alone; and the facts kept up to date with
// each write while the builder is open.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomer, makeCustomerFields } from '../../test/factories/customer';
import { storedCustomers } from '../../test/support/storedCustomers';
import { makePurchaseFields } from '../../test/factories/purchase';
import { createConsentRepository } from './consents';
import { createCustomerRepository } from './customers';
import type { RegularsDatabase } from './database';
import { createPurchaseRepository } from './purchases';
import { createErasure } from './erasure';
import { followSegmentFacts, readSegmentFacts, readSegmentFactsOf, type SegmentFactsRead } from './segmentFacts';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids = 0;
const clock = new Date('2026-12-05T02:00:00.000Z');
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}` });

beforeEach(() => {
  db = database();
});

describe('readSegmentFacts', () => {
  it('joins each active customer’s rows; the trash is left out', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '张三', tags: ['VIP'], source: 'referral', birthday: { calendar: 'solar', year: 1980, month: 12, day: 9, leapMonth: false } }));
    const b = await customers.create(makeCustomerFields({ name: '李四' }));
    const gone = await customers.create(makeCustomerFields({ name: '王五' }));
    await customers.moveToTrash(gone.id);
    await createPurchaseRepository(db, deps()).record(a.id, makePurchaseFields({ purchasedAt: '2026-11-20T02:00:00.000Z', totalFen: 12_300 }));
    await createConsentRepository(db, deps()).record(a.id, [{ channel: 'sms', granted: true }], 'in-store');

    const facts = await readSegmentFacts(db);
    expect(facts.map((f) => f.id).sort()).toEqual([a.id, b.id].sort());
    expect(facts.find((f) => f.id === a.id)).toMatchObject({ tags: ['VIP'], source: 'referral', birthdayMonth: 12, totalSpentFen: 12_300, lastVisitAt: '2026-11-20T02:00:00.000Z', consented: ['sms'] });
    expect(facts.find((f) => f.id === b.id)).toMatchObject({ lastVisitAt: null, consented: [], pointsBalance: 0 });
  });

  it('reads past one chunk, telling how many were read, each customer with their own points, the trash left out', async () => {
    const id = (i: number) => `c-${String(i).padStart(5, '0')}`;
    await storedCustomers(db).bulkAdd(
      Array.from({ length: 600 }, (_, i) => ({ ...makeCustomer({ name: `客户${i}` }, { id: id(i) }), pointsBalance: i, ...(i % 100 === 7 ? { isDeleted: 1 as const } : {}) })),
    );
    // Customers without a points row beside those with one.
    await db.pointsState.bulkDelete([id(3), id(499), id(500), id(599)]);
    const progress: number[] = [];
    const facts = await readSegmentFacts(db, (n) => progress.push(n));
    expect(facts).toHaveLength(594);
    expect(progress).toEqual([495, 594]);
    expect(facts.map((f) => f.id)).toEqual([...facts.map((f) => f.id)].sort());
    for (const f of facts) expect(f.pointsBalance).toBe([3, 499, 500, 599].includes(Number(f.id.slice(2))) ? 0 : Number(f.id.slice(2)));
    expect(facts.some((f) => f.id === id(107))).toBe(false);
  });
});

describe('readSegmentFactsOf', () => {
  it('reads the customers named as a full read has them; one in the trash or unknown is null', async () => {
    const customers = createCustomerRepository(db, deps());
    const a = await customers.create(makeCustomerFields({ name: '张三', tags: ['VIP'] }));
    const b = await customers.create(makeCustomerFields({ name: '李四' }));
    await customers.moveToTrash(b.id);
    const read = await readSegmentFactsOf(db, [a.id, b.id, 'nobody']);
    expect(read.get(a.id)).toEqual((await readSegmentFacts(db)).find((f) => f.id === a.id));
    expect(read.get(b.id)).toBeNull();
    expect(read.get('nobody')).toBeNull();
  });
});

describe('followSegmentFacts', () => {
  it('follows every kind of write with the facts a full read gives, in id order, and stops when told', async () => {
    const customers = createCustomerRepository(db, deps());
    const purchases = createPurchaseRepository(db, deps());
    const consents = createConsentRepository(db, deps());
    const first = await customers.create(makeCustomerFields({ name: '张三' }));
    let last: SegmentFactsRead = { state: 'loading', read: 0 };
    let emitted = 0;
    const stop = followSegmentFacts(
      db,
      (read) => {
        last = read;
        emitted++;
      },
      { settleMs: 5 },
    );
    const followed = async () => {
      const expected = await readSegmentFacts(db);
      await vi.waitFor(() => expect(last).toEqual({ state: 'ready', facts: expected }));
    };
    await followed();

    const second = await customers.create(makeCustomerFields({ name: '李四' }));
    await followed();
    await purchases.record(first.id, makePurchaseFields({ purchasedAt: '2026-11-20T02:00:00.000Z', totalFen: 5_000 }));
    await followed();
    await consents.grant(second.id, 'sms', 'in-store');
    await followed();
    await customers.update(first.id, makeCustomerFields({ name: '张三', tags: ['常客'] }));
    await followed();
    await customers.moveToTrash(first.id);
    await followed();
    await customers.restoreFromTrash(first.id);
    await followed();
    // A bulk write names a range: everyone is read again.
    await storedCustomers(db).bulkAdd(Array.from({ length: 30 }, (_, i) => makeCustomer({ name: `客户${i}` }, { id: `c-${String(i).padStart(3, '0')}` })));
    await followed();
    await createErasure(db, deps()).erase(second.id, 'delete');
    await followed();

    stop();
    const before = emitted;
    await customers.create(makeCustomerFields({ name: '王五' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(emitted).toBe(before);
  });

  it('a write while the first read runs is in the facts once it is done', async () => {
    const id = (i: number) => `c-${String(i).padStart(5, '0')}`;
    await storedCustomers(db).bulkAdd(Array.from({ length: 1_200 }, (_, i) => makeCustomer({ name: `客户${i}` }, { id: id(i) })));
    let last: SegmentFactsRead = { state: 'loading', read: 0 };
    const consents = createConsentRepository(db, deps());
    let granted = false;
    const stop = followSegmentFacts(
      db,
      (read) => {
        last = read;
        // After the first chunk: the customer in it changes behind the read.
        if (read.state === 'loading' && read.read > 0 && !granted) {
          granted = true;
          void consents.grant(id(1), 'sms', 'in-store');
        }
      },
      { settleMs: 5 },
    );
    await vi.waitFor(async () => {
      expect(granted).toBe(true);
      expect(last).toEqual({ state: 'ready', facts: await readSegmentFacts(db) });
      expect(last.state === 'ready' && last.facts.find((f) => f.id === id(1))?.consented).toEqual(['sms']);
    });
    stop();
  });
});
