// Version 14 on a version-13 store: every state row gains its latest contact and the cadence's touch key, every
// customer with a birthday its birthday key, and the marks table appears; nothing else changes.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { birthdayIndexKey } from '../../../shared/domain/reminderSources/birthday';
import { RegularsDatabase } from '../database';
import { SCHEMA_V13 } from './v13';
import { SCHEMA_V14, v14BirthdayKey } from './v14';

describe('version 14: care reminders', () => {
  it('adds the birthday key, the per-tier touch index and the marks table, and nothing else', () => {
    const { customers, customerState, reminderMarks, ...rest } = SCHEMA_V14;
    expect(customers).toBe(`${SCHEMA_V13.customers}, birthdayKey`);
    expect(customerState).toBe(`${SCHEMA_V13.customerState}, [isDeleted+tierId+lastTouchSort]`);
    expect(reminderMarks).toBe('key, customerId');
    const { customers: _c, customerState: _s, ...restV13 } = SCHEMA_V13;
    expect(rest).toEqual(restV13);
  });

  it("keys a birthday as the live code does, whatever the birthday", () => {
    const birthday = fc.record({
      calendar: fc.constantFrom('solar' as const, 'lunar' as const),
      year: fc.constant(null),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
      leapMonth: fc.boolean(),
    });
    fc.assert(
      fc.property(birthday, (b) => {
        const live = { ...b, leapMonth: b.calendar === 'lunar' && b.leapMonth };
        expect(v14BirthdayKey(live)).toBe(birthdayIndexKey(live));
      }),
    );
    expect(v14BirthdayKey(null)).toBeUndefined();
    expect(v14BirthdayKey({ calendar: 'other', month: 1, day: 1 })).toBeUndefined();
  });

  it('opens a version 13 store with each customer’s latest contact and birthday key where version 14 reads them', async () => {
    const name = `upgrade-v14-${crypto.randomUUID()}`;
    const v13 = new Dexie(name);
    v13.version(13).stores(SCHEMA_V13);
    await v13.open();
    const ids = Array.from({ length: 3_000 }, (_, i) => `c-${String(i).padStart(5, '0')}`);
    await v13.table('customerState').bulkAdd(
      ids.map((id, i) => ({ id, isDeleted: i % 50 === 0 ? 1 : 0, tierId: i % 2 ? 'vip' : 'regular', lastPurchaseAt: i % 3 === 0 ? null : '2026-10-01T02:00:00.000Z' })),
    );
    await v13.table('customers').bulkAdd(
      ids.map((id, i) => ({ id, isDeleted: 0, birthday: i % 4 === 0 ? { calendar: i % 8 === 0 ? 'lunar' : 'solar', year: null, month: 8, day: 15, leapMonth: false } : null })),
    );
    // Contacts of every fifth customer: two each, the later one counts.
    await v13.table('interactions').bulkAdd(
      ids.flatMap((customerId, i) =>
        i % 5 === 0
          ? [
              { id: `i-${i}-a`, customerId, at: '2026-09-01T01:00:00.000Z', followUpDate: null },
              { id: `i-${i}-b`, customerId, at: '2026-11-02T01:00:00.000Z', followUpDate: null },
            ]
          : [],
      ),
    );
    v13.close();

    const db = new RegularsDatabase(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(14);
    // Contact later than the visit; a visit and no contact; neither.
    expect(await db.customerState.get('c-00005')).toMatchObject({ lastContactAt: '2026-11-02T01:00:00.000Z', lastTouchSort: '2026-11-02T01:00:00.000Z' });
    expect(await db.customerState.get('c-00001')).toMatchObject({ lastContactAt: null, lastTouchSort: '2026-10-01T02:00:00.000Z' });
    expect(await db.customerState.get('c-00003')).toMatchObject({ lastContactAt: null, lastTouchSort: '' });
    // Active VIPs (odd) touched before 2026-10-15, none without a touch.
    const due = await db.customerState.where('[isDeleted+tierId+lastTouchSort]').between([0, 'vip', ''], [0, 'vip', '2026-10-15'], false, false).primaryKeys();
    const expected = ids.filter((_, i) => i % 2 === 1 && i % 50 !== 0 && i % 3 !== 0 && i % 5 !== 0);
    expect([...due].sort()).toEqual(expected);
    expect(await db.customers.where('birthdayKey').equals('L-08-15').count()).toBe(ids.filter((_, i) => i % 8 === 0).length);
    expect(await db.customers.where('birthdayKey').equals('S-08-15').count()).toBe(ids.filter((_, i) => i % 4 === 0 && i % 8 !== 0).length);
    expect((await db.customers.get('c-00001'))!.birthdayKey).toBeUndefined();
    expect(await db.reminderMarks.count()).toBe(0);
    await db.delete();
  });
});
