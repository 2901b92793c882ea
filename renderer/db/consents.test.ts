// The consent repository on fake-indexeddb: answers kept as a history, the current consent beside it,
// the trash and restore keeping both, delete for good and an import's undo taking them away.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { parseDelimited, rowsToDrafts, suggestMapping } from '../../shared/domain/import';
import { makeCustomerFields, makePhone } from '../../test/factories/customer';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { createConsentRepository } from './consents';
import { createCustomerRepository, CustomerNotFoundError } from './customers';
import { createImportRepository } from './imports';

const database = freshDatabasePerTest();
let clock = new Date('2026-06-15T02:00:00.000Z');
let n = 0;
const deps = { now: () => clock, newId: () => `id-${String(++n).padStart(5, '0')}`, dayOf: utcDayOf };
const at = (iso: string) => {
  clock = new Date(iso);
};

describe('consent repository', () => {
  it('grants in store, withdraws in one click, and keeps every answer with its time and source', async () => {
    const db = database();
    const customers = createCustomerRepository(db, deps);
    const consents = createConsentRepository(db, deps);
    at('2026-06-15T02:00:00.000Z');
    const c = await customers.create(makeCustomerFields({ name: '张三' }));
    expect(await consents.current(c.id)).toBeUndefined();

    at('2026-06-15T03:00:00.000Z');
    expect(await consents.grant(c.id, 'sms', 'in-store')).toHaveLength(1);
    // A second click records nothing.
    expect(await consents.grant(c.id, 'sms', 'paper-form')).toEqual([]);
    expect((await consents.current(c.id))!.channels.sms).toEqual({ state: 'granted', at: '2026-06-15T03:00:00.000Z', source: 'in-store' });
    expect(await consents.marketableIds('sms')).toEqual([c.id]);

    at('2026-07-01T09:30:00.000Z');
    await consents.withdraw(c.id, 'sms');
    expect(await consents.withdraw(c.id, 'sms')).toEqual([]);
    expect((await consents.current(c.id))!).toEqual({ id: c.id, channels: { sms: { state: 'withdrawn', at: '2026-07-01T09:30:00.000Z', source: 'in-store' } }, granted: [] });
    expect(await consents.marketableIds('sms')).toEqual([]);

    at('2026-08-01T00:00:00.000Z');
    await consents.grant(c.id, 'sms', 'paper-form');
    expect((await consents.history(c.id)).map((e) => [e.granted, e.source, e.at])).toEqual([
      [true, 'paper-form', '2026-08-01T00:00:00.000Z'],
      [false, 'in-store', '2026-07-01T09:30:00.000Z'],
      [true, 'in-store', '2026-06-15T03:00:00.000Z'],
    ]);
  });

  it('keeps the order of answers when the clock is put back', async () => {
    const db = database();
    const c = await createCustomerRepository(db, deps).create(makeCustomerFields());
    const consents = createConsentRepository(db, deps);
    at('2026-06-15T03:00:00.000Z');
    await consents.grant(c.id, 'email', 'in-store');
    at('2026-06-10T03:00:00.000Z');
    await consents.withdraw(c.id, 'email');
    expect((await consents.current(c.id))!.channels.email).toMatchObject({ state: 'withdrawn', at: '2026-06-15T03:00:00.001Z' });
  });

  it('records a new customer\'s consent with them, keeps it through the trash, and deletes it for good with them', async () => {
    const db = database();
    const customers = createCustomerRepository(db, deps);
    const consents = createConsentRepository(db, deps);
    const c = await customers.create(makeCustomerFields({ name: '李四' }), { answers: [{ channel: 'wechat', granted: true }, { channel: 'email', granted: true }], source: 'paper-form' });
    const other = await customers.create(makeCustomerFields({ name: '王五' }), { answers: [{ channel: 'wechat', granted: true }], source: 'in-store' });
    expect((await consents.current(c.id))!.granted).toEqual(['wechat', 'email']);

    await customers.moveToTrash(c.id);
    // In the trash: out of every marketing list, and no answer can be recorded; the history stays.
    expect(await consents.marketableIds('wechat')).toEqual([other.id]);
    await expect(consents.withdraw(c.id, 'wechat')).rejects.toBeInstanceOf(CustomerNotFoundError);
    await customers.restoreFromTrash(c.id);
    expect((await consents.marketableIds('wechat')).sort()).toEqual([c.id, other.id].sort());
    expect(await consents.history(c.id)).toHaveLength(2);

    await customers.moveToTrash(c.id);
    await customers.deleteForever(c.id);
    expect(await db.consentEvents.where('customerId').equals(c.id).count()).toBe(0);
    expect(await consents.current(c.id)).toBeUndefined();
    expect(await consents.history(other.id)).toHaveLength(1);
  });

  it('records consent columns of an import as its own answers, and its undo takes them back', async () => {
    const db = database();
    const customers = createCustomerRepository(db, deps);
    const consents = createConsentRepository(db, deps);
    const imports = createImportRepository(db, deps);
    at('2026-06-15T02:00:00.000Z');
    const known = await customers.create(makeCustomerFields({ name: '张三', phones: [makePhone('+8613812345678', { raw: '13812345678' })] }), {
      answers: [{ channel: 'sms', granted: true }],
      source: 'in-store',
    });
    const table = parseDelimited(['姓名,手机,短信营销许可,邮件营销许可', '张三,13812345678,是,是', '赵六,13900000001,否,'].join('\n'));
    const drafts = rowsToDrafts(table, suggestMapping(table.headers), { defaultRegion: 'CN', today: clock });
    const candidates = drafts.drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields, consents: d.consents }));
    at('2026-06-16T08:00:00.000Z');
    const preview = await imports.planCustomers(candidates, 'update');
    // 张三's fields are the same and SMS is granted already: only the e-mail answer is new.
    expect(preview.update).toEqual([expect.objectContaining({ customerId: known.id, consents: [{ channel: 'email', granted: true }], fieldsChanged: false })]);
    const result = await imports.importCustomers({ fileName: 'c.csv', candidates, policy: 'update', invalidRows: 0, emptyRows: 0 });
    expect(result.counts).toMatchObject({ created: 1, updated: 1, consentAnswers: 2 });
    expect((await consents.current(known.id))!.channels.email).toEqual({ state: 'granted', at: '2026-06-16T08:00:00.000Z', source: 'import' });
    const created = (await db.customers.toArray()).find((c) => c.name === '赵六')!;
    expect((await consents.current(created.id))!.channels.sms?.state).toBe('declined');

    await imports.undo(result.batchId);
    expect((await consents.current(known.id))!).toEqual({ id: known.id, channels: { sms: { state: 'granted', at: '2026-06-15T02:00:00.000Z', source: 'in-store' } }, granted: ['sms'] });
    expect(await db.consentEvents.count()).toBe(1);
    expect(await db.consentState.count()).toBe(1);
  });
});
