// The contact log repository on fake-indexeddb: record, edit, remove, list, follow-ups due.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makeInteractionFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createInteractionRepository } from './interactions';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(4, '0')}` });
const repo = () => createInteractionRepository(db, deps());
const addCustomer = () => createCustomerRepository(db, deps()).create(makeCustomerFields());

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

describe('interaction repository', () => {
  it('records contacts and lists them newest first, per customer', async () => {
    const interactions = repo();
    const [a, b] = [await addCustomer(), await addCustomer()];
    for (const day of ['02', '03', '01']) await interactions.record(a.id, makeInteractionFields({ at: `2026-02-${day}T09:00:00.000Z`, summary: day }));
    await interactions.record(b.id, makeInteractionFields());
    expect((await interactions.listForCustomer(a.id)).map((i) => i.summary)).toEqual(['03', '02', '01']);
    expect((await interactions.listForCustomer(a.id, 1)).map((i) => i.summary)).toEqual(['03']);
    const [first] = await interactions.listForCustomer(b.id);
    expect(first).toMatchObject({ customerId: b.id, followUpDone: false, importId: null, createdAt: '2026-03-01T10:00:00.000Z' });
    await expect(interactions.record('missing', makeInteractionFields())).rejects.toThrow(/not found/);
    await expect(interactions.record(a.id, makeInteractionFields({ at: 'soon' }))).rejects.toThrow(TypeError);
  });

  it('edits, marks follow-ups done, reopens them when the date changes, and removes', async () => {
    const interactions = repo();
    const c = await addCustomer();
    const i = await interactions.record(c.id, makeInteractionFields({ followUpDate: '2026-03-05' }));
    clock = new Date('2026-03-02T10:00:00Z');
    const done = await interactions.markFollowUpDone(i.id);
    expect(done).toMatchObject({ followUpDone: true, updatedAt: '2026-03-02T10:00:00.000Z' });
    const edited = await interactions.edit(i.id, { ...makeInteractionFields({ followUpDate: '2026-03-05' }), outcome: '已回电' });
    expect(edited).toMatchObject({ followUpDone: true, outcome: '已回电', createdAt: i.createdAt });
    expect((await interactions.edit(i.id, makeInteractionFields({ followUpDate: '2026-03-09' }))).followUpDone).toBe(false);
    expect((await interactions.markFollowUpDone(i.id, false)).followUpDone).toBe(false);
    const plain = await interactions.record(c.id, makeInteractionFields());
    await expect(interactions.markFollowUpDone(plain.id)).rejects.toThrow(/no follow-up/);
    await interactions.remove(i.id);
    expect(await interactions.get(i.id)).toBeUndefined();
    await expect(interactions.remove(i.id)).rejects.toThrow(/not found/);
  });

  it('lists open follow-ups due by today, oldest first, without done ones or customers in the trash', async () => {
    const interactions = repo();
    const customers = createCustomerRepository(db, deps());
    const [a, b, trashed] = [await addCustomer(), await addCustomer(), await addCustomer()];
    const late = await interactions.record(a.id, makeInteractionFields({ followUpDate: '2026-02-20', summary: 'late' }));
    await interactions.record(b.id, makeInteractionFields({ followUpDate: '2026-03-01', summary: 'today' }));
    await interactions.record(b.id, makeInteractionFields({ followUpDate: '2026-03-02', summary: 'tomorrow' }));
    await interactions.record(b.id, makeInteractionFields({ summary: 'no follow-up' }));
    const done = await interactions.record(a.id, makeInteractionFields({ followUpDate: '2026-02-10', summary: 'done' }));
    await interactions.markFollowUpDone(done.id);
    await interactions.record(trashed.id, makeInteractionFields({ followUpDate: '2026-02-01', summary: 'trashed' }));
    await customers.moveToTrash(trashed.id);

    const due = await interactions.dueFollowUps('2026-03-01');
    expect(due.map((d) => [d.interaction.summary, d.customer.id])).toEqual([
      ['late', a.id],
      ['today', b.id],
    ]);
    await interactions.markFollowUpDone(late.id);
    expect((await interactions.dueFollowUps('2026-03-02')).map((d) => d.interaction.summary)).toEqual(['today', 'tomorrow']);
  });

  it('moves contacts to another customer (a merge) and deletes them with a customer', async () => {
    const interactions = repo();
    const [a, b] = [await addCustomer(), await addCustomer()];
    await interactions.record(a.id, makeInteractionFields());
    await interactions.record(a.id, makeInteractionFields());
    expect(await interactions.moveAll(a.id, b.id)).toBe(2);
    expect(await interactions.listForCustomer(a.id)).toEqual([]);
    expect(await interactions.removeAllForCustomer(b.id)).toBe(2);
    expect(await db.interactions.count()).toBe(0);
  });
});
