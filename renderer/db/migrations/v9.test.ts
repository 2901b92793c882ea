// Version 9 on a version-8 store: each customer's consent answers leave the record for their history
// (source not recorded, dated the day typed) and a current-consent row; the trash keeps theirs; a
// marketing list reads the granted ones from the index.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { customerRecordOf, customerStateOf } from '../../../shared/domain/customerDerived';
import { makeCustomer, makePhone } from '../../../test/factories/customer';
import { createConsentRepository } from '../consents';
import { RegularsDatabase } from '../database';
import { SCHEMA_V8 } from './v8';
import { consentOfV8Record, SCHEMA_V9 } from './v9';

const NOW = new Date('2026-06-15T02:00:00Z');
const startOf = (y: number, m: number, d: number) => new Date(y, m - 1, d).toISOString();

describe('version 9: consent as a history', () => {
  it('keeps version 9 as shipped: version 8 plus the two consent tables', () => {
    expect({ ...SCHEMA_V9, consentEvents: undefined, consentState: undefined }).toEqual({ ...SCHEMA_V8, consentEvents: undefined, consentState: undefined });
    expect(SCHEMA_V9.consentEvents).toBe('id, [customerId+at]');
    expect(SCHEMA_V9.consentState).toBe('id, *granted');
  });

  it('reads a record\'s answers: yes and no, the day as typed, visit and bad dates left out', () => {
    let n = 0;
    const moved = consentOfV8Record(
      { id: 'c1', consents: { sms: { granted: true, date: '2025-01-02' }, email: { granted: false, date: '2024-02-29' }, visit: { granted: true, date: '2025-01-03' }, wechat: { granted: true, date: '2025-02-30' } } },
      () => `e${++n}`,
    );
    expect(moved).toEqual({
      events: [
        { id: 'e1', customerId: 'c1', channel: 'sms', granted: true, source: 'unrecorded', at: startOf(2025, 1, 2) },
        { id: 'e2', customerId: 'c1', channel: 'email', granted: false, source: 'unrecorded', at: startOf(2024, 2, 29) },
      ],
      state: {
        id: 'c1',
        channels: { sms: { state: 'granted', at: startOf(2025, 1, 2), source: 'unrecorded' }, email: { state: 'declined', at: startOf(2024, 2, 29), source: 'unrecorded' } },
        granted: ['sms'],
      },
    });
    expect(consentOfV8Record({ id: 'c2', consents: {} }, () => 'x')).toBeNull();
    expect(consentOfV8Record({ id: 'c3' }, () => 'x')).toBeNull();
  });

  it('upgrades a version 8 store: answers to the history, records without them, the trash included', async () => {
    const name = `upgrade-v9-${crypto.randomUUID()}`;
    const customers = Array.from({ length: 2_500 }, (_, i) => {
      const c = makeCustomer({ name: `客户${i}`, phones: [makePhone(`+86137${String(i).padStart(8, '0')}`)] }, { id: `c-${String(i).padStart(5, '0')}` });
      const consents =
        i % 3 === 0 ? { sms: { granted: true, date: '2025-01-02' }, wechat: { granted: false, date: '2025-03-04' } }
        : i % 3 === 1 ? { email: { granted: true, date: '2024-12-31' } }
        : {};
      const trashed = i === 3 ? { isDeleted: 1 as const, deletedAt: '2026-01-01T00:00:00.000Z', searchTokens: [] } : {};
      return { ...c, ...trashed, consents };
    });
    const v8 = new Dexie(name);
    v8.version(8).stores(SCHEMA_V8);
    await v8.open();
    await v8.table('customers').bulkAdd(customers.map((c) => ({ ...customerRecordOf(c), consents: c.consents })));
    await v8.table('customerState').bulkAdd(customers.map(customerStateOf));
    v8.close();

    const db = new RegularsDatabase(name, { clock: () => NOW });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await db.customers.count()).toBe(2_500);
    // 834 customers with two answers, 833 with one.
    expect(await db.consentEvents.count()).toBe(834 * 2 + 833);
    expect(await db.consentState.count()).toBe(834 + 833);
    const answered = await db.customers.bulkGet(['c-00000', 'c-00001']);
    for (const r of answered) expect(r && 'consents' in r).toBe(false);
    // A customer whose field said nothing keeps the empty field until their record is next written.
    expect((await db.customers.get('c-00002')) as unknown).toMatchObject({ consents: {} });

    const repo = createConsentRepository(db, { now: () => NOW, newId: () => crypto.randomUUID() });
    expect((await repo.history('c-00000')).map((e) => [e.channel, e.granted, e.source, e.at])).toEqual([
      ['wechat', false, 'unrecorded', startOf(2025, 3, 4)],
      ['sms', true, 'unrecorded', startOf(2025, 1, 2)],
    ]);
    expect((await repo.current('c-00000'))!.channels.wechat?.state).toBe('declined');
    // The trash keeps its answers; a marketing list leaves it out.
    expect((await repo.current('c-00003'))!.granted).toEqual(['sms']);
    const sms = await repo.marketableIds('sms');
    expect(sms).toHaveLength(833);
    expect(sms).not.toContain('c-00003');
    expect(await repo.marketableIds('email')).toHaveLength(833);
    expect(await repo.marketableIds('wechat')).toEqual([]);
    // A later answer follows the history: the clerk grants WeChat now.
    await repo.grant('c-00000', 'wechat', 'in-store');
    expect((await repo.current('c-00000'))!.granted).toEqual(['sms', 'wechat']);
    await db.delete();
  });
});
