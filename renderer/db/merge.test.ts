// The merge on fake-indexeddb: picked values kept, every purchase and contact moved, figures equal a
// full recomputation, referrers repointed, the others deleted, and an audit entry to undo it from.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import type { Customer } from '../../shared/domain/customer';
import { computeCustomerFigures, figuresOf, utcDayOf } from '../../shared/domain/customerFigures';
import { findDuplicateGroups } from '../../shared/domain/duplicates';
import { makeCustomerFields, makePhone } from '../../test/factories/customer';
import { makeInteractionFields, makePurchaseFields } from '../../test/factories/purchase';
import { createCustomerRepository } from './customers';
import { RegularsDatabase } from './database';
import { createConsentRepository } from './consents';
import { createInteractionRepository } from './interactions';
import { MERGE_AUDIT_KIND, MergeError, mergeCustomers, readDuplicateCandidates, type MergeAuditDetails } from './merge';
import { createDerivation } from './derivation';
import { createPurchaseRepository } from './purchases';
import { storedCustomers } from '../../test/support/storedCustomers';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let clock: Date;
let ids: number;

const deps = () => ({ now: () => clock, newId: () => `id-${String(++ids).padStart(6, '0')}`, dayOf: utcDayOf });

beforeEach(() => {
  db = database();
  clock = new Date('2026-03-01T10:00:00Z');
  ids = 0;
});

async function setUp() {
  const customers = createCustomerRepository(db, deps());
  const purchases = createPurchaseRepository(db, deps());
  const interactions = createInteractionRepository(db, deps());
  const a = await customers.create(makeCustomerFields({
    name: '张三', phones: [makePhone('+8613812345678')], email: '', company: '', tags: ['VIP'], notes: 'A 的备注',
  }), { answers: [{ channel: 'sms', granted: true }], source: 'in-store' });
  const b = await customers.create(makeCustomerFields({
    name: '张三丰', phones: [makePhone('+8613812345678'), makePhone('+8613900000000', { primary: false })], email: 'zs@example.cn',
    company: '茶馆', tags: ['vip', '老客'],
  }), { answers: [{ channel: 'wechat', granted: true }], source: 'paper-form' });
  // B takes back an SMS yes later than A gave theirs: the merged customer's SMS consent is withdrawn.
  const consents = createConsentRepository(db, { now: () => new Date('2026-03-01T11:00:00Z'), newId: deps().newId });
  await consents.grant(b.id, 'sms', 'in-store');
  await createConsentRepository(db, { now: () => new Date('2026-03-01T12:00:00Z'), newId: deps().newId }).withdraw(b.id, 'sms');
  const c = await customers.create(makeCustomerFields({ name: '张三', email: 'zs@example.cn', city: '杭州', tags: ['茶'] }));
  const bystander = await customers.create(makeCustomerFields({ name: '路人', phones: [makePhone('+8613700000000')] }));
  const referredByB = await customers.create(makeCustomerFields({ name: '介绍来的', referredBy: b.id }));
  const referredByC = await customers.create(makeCustomerFields({ name: '也是介绍来的', referredBy: c.id }));
  const referredByA = await customers.create(makeCustomerFields({ name: 'A 介绍的', referredBy: a.id }));

  const p1 = await purchases.record(a.id, makePurchaseFields({ purchasedAt: '2025-01-10T03:00:00.000Z' }));
  const p2 = await purchases.record(b.id, makePurchaseFields({ purchasedAt: '2025-02-10T03:00:00.000Z', totalFen: 5000 }));
  const p3 = await purchases.record(b.id, makePurchaseFields({ purchasedAt: '2025-04-10T03:00:00.000Z' }));
  const r3 = await purchases.recordReturn(p3.id, makePurchaseFields({ purchasedAt: '2025-04-11T03:00:00.000Z', totalFen: -1000 }));
  const p4 = await purchases.record(c.id, makePurchaseFields({ purchasedAt: '2025-03-10T03:00:00.000Z' }));
  const v4 = await purchases.record(c.id, makePurchaseFields({ purchasedAt: '2025-03-12T03:00:00.000Z' }));
  await purchases.void(v4.id, '录错了');
  const other = await purchases.record(bystander.id, makePurchaseFields({ purchasedAt: '2025-03-12T03:00:00.000Z' }));
  const i1 = await interactions.record(b.id, makeInteractionFields());
  const i2 = await interactions.record(c.id, makeInteractionFields());
  const i3 = await interactions.record(a.id, makeInteractionFields());
  return {
    a, b, c, bystander, referredByA, referredByB, referredByC,
    movedPurchases: [p1, p2, p3, r3, p4, v4].map((p) => p.id), otherPurchase: other.id, interactionIds: [i1.id, i2.id, i3.id],
  };
}

describe('mergeCustomers', () => {
  it('merges three customers into the survivor in one step', async () => {
    const s = await setUp();
    // Tier history the merged-away customers had (as if their purchases had once made them regular).
    await db.tierHistory.bulkAdd(
      [s.b.id, s.c.id].map((id, i) => ({ id: `h-${i}`, customerId: id, at: '2026-01-01T00:00:00.000Z', from: 'potential', to: 'regular', reason: { code: 'tier-upgrade' as const, params: {} } })),
    );
    const beforeRecords = await storedCustomers(db).bulkGet([s.a.id, s.b.id, s.c.id]);
    clock = new Date('2026-03-02T10:00:00Z');
    const merge = mergeCustomers(db, deps());
    const result = await merge([s.a.id, s.b.id, s.c.id], { survivorId: s.a.id, picks: { email: s.b.id, company: s.b.id, city: s.c.id, name: s.a.id } });

    // Picked values, combined phones/tags, latest consent; the survivor keeps its id and created time.
    const survivor = (await storedCustomers(db).get(s.a.id))!;
    expect(survivor).toMatchObject({ name: '张三', email: 'zs@example.cn', company: '茶馆', city: '杭州', notes: 'A 的备注', createdAt: s.a.createdAt });
    expect(survivor.phones.map((p) => [p.normalized, p.primary])).toEqual([['+8613812345678', true], ['+8613900000000', false]]);
    expect(survivor.tags).toEqual(['VIP', '老客', '茶']);
    // Both consent histories are kept, now the survivor's, and the latest answer per channel stands.
    const history = await createConsentRepository(db, deps()).history(s.a.id);
    expect(history.map((e) => [e.channel, e.granted, e.source])).toEqual([['sms', false, 'in-store'], ['sms', true, 'in-store'], ['wechat', true, 'paper-form'], ['sms', true, 'in-store']]);
    expect((await db.consentState.get(s.a.id))!.granted).toEqual(['wechat']);
    expect((await db.consentState.get(s.a.id))!.channels.sms?.state).toBe('withdrawn');
    expect(await db.consentState.get(s.b.id)).toBeUndefined();
    expect(await db.consentEvents.where('customerId').equals(s.b.id).count()).toBe(0);
    expect(survivor.updatedAt).toBe(clock.toISOString());
    // Index fields rebuilt like an edit: the survivor is found by the other's email and phone.
    expect(survivor.emailKey).toBe('zs@example.cn');
    expect(survivor.phoneKeys).toContain('+8613900000000');
    expect(survivor.searchTokens).toContain('zs@example.cn');

    // The others are gone, their tier history with them; everything they had now belongs to the survivor.
    expect(await storedCustomers(db).bulkGet([s.b.id, s.c.id])).toEqual([undefined, undefined]);
    expect(await db.tierHistory.where('customerId').anyOf([s.b.id, s.c.id]).count()).toBe(0);
    const moved = await db.purchases.bulkGet(s.movedPurchases);
    expect(moved.map((p) => p?.customerId)).toEqual(s.movedPurchases.map(() => s.a.id));
    expect((await db.purchases.get(s.otherPurchase))!.customerId).toBe(s.bystander.id);
    const contacts = await db.interactions.bulkGet(s.interactionIds);
    expect(contacts.map((i) => i?.customerId)).toEqual([s.a.id, s.a.id, s.a.id]);
    expect(result).toMatchObject({ movedPurchases: 5, movedInteractions: 2, repointedReferrals: 2 });

    // Figures equal a full recomputation from the survivor's purchases.
    const all = await db.purchases.where('customerId').equals(s.a.id).toArray();
    expect(all).toHaveLength(6);
    expect(figuresOf(survivor)).toEqual(computeCustomerFigures(all, utcDayOf));
    expect(survivor.purchaseCount).toBe(4);
    expect(result.survivor.totalSpentFen).toBe(survivor.totalSpentFen);
    // Referrers repointed; a customer referred by the survivor is untouched.
    expect((await storedCustomers(db).get(s.referredByB.id))!.referredBy).toBe(s.a.id);
    expect((await storedCustomers(db).get(s.referredByC.id))!.referredBy).toBe(s.a.id);
    expect((await storedCustomers(db).get(s.referredByA.id))!).toEqual(s.referredByA);

    // The audit entry holds what an undo needs.
    const audit = await db.auditLog.where('kind').equals(MERGE_AUDIT_KIND).toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ id: result.auditId, at: clock.toISOString(), kind: 'customers.merge' });
    const details = audit[0]!.snapshot as MergeAuditDetails;
    expect(audit[0]).toMatchObject({ seq: await db.auditLog.count(), customerIds: [s.a.id, ...details.mergedIds], facts: { purchases: 5, contacts: details.movedInteractions.length } });
    expect(JSON.stringify({ ...audit[0], snapshot: null })).not.toContain(s.b.name);
    expect(details.survivorId).toBe(s.a.id);
    expect(details.mergedIds.sort()).toEqual([s.b.id, s.c.id].sort());
    expect(details.before).toEqual(beforeRecords);
    expect(details.movedPurchases).toHaveLength(5);
    expect(details.movedPurchases.find((m) => m.id === s.movedPurchases[1])!.from).toBe(s.b.id);
    expect(details.movedInteractions.map((m) => m.from).sort()).toEqual([s.b.id, s.c.id].sort());
    expect(details.movedConsentEvents.map((m) => m.from)).toEqual([s.b.id, s.b.id, s.b.id]);
    expect(details.repointedReferrals.sort((x, y) => x.from.localeCompare(y.from))).toEqual(
      [{ id: s.referredByB.id, from: s.b.id }, { id: s.referredByC.id, from: s.c.id }].sort((x, y) => x.from.localeCompare(y.from)),
    );

    // A recomputation leaves every customer's figures as they are (the status of customers not
    // touched since yesterday moves on to today, as at the daily rollover).
    const figuresBefore = (await storedCustomers(db).toArray()).map(figuresOf);
    await createDerivation(db, deps()).recomputeAllFigures();
    expect((await storedCustomers(db).toArray()).map(figuresOf)).toEqual(figuresBefore);
  });

  it('refuses fewer than two customers, a survivor outside the group, a missing or trashed customer — and changes nothing', async () => {
    const s = await setUp();
    const merge = mergeCustomers(db, deps());
    await expect(merge([s.a.id], { survivorId: s.a.id, picks: {} })).rejects.toBeInstanceOf(MergeError);
    await expect(merge([s.a.id, s.b.id], { survivorId: s.c.id, picks: {} })).rejects.toThrow(/survivor-missing/);
    await expect(merge([s.a.id, 'nobody'], { survivorId: s.a.id, picks: {} })).rejects.toThrow(/not found/);
    await createCustomerRepository(db, deps()).moveToTrash(s.c.id);
    const snapshot = await storedCustomers(db).toArray();
    await expect(merge([s.a.id, s.c.id], { survivorId: s.a.id, picks: {} })).rejects.toThrow(/customer-deleted/);
    expect(await storedCustomers(db).toArray()).toEqual(snapshot);
    expect(await db.auditLog.where('kind').equals(MERGE_AUDIT_KIND).count()).toBe(0);
  });

  it('rolls back everything when a step fails half-way', async () => {
    const s = await setUp();
    const purchasesBefore = await db.purchases.toArray();
    const failing = mergeCustomers(db, { ...deps(), newId: () => { throw new Error('boom'); } });
    await expect(failing([s.a.id, s.b.id], { survivorId: s.a.id, picks: {} })).rejects.toThrow('boom');
    expect(await storedCustomers(db).get(s.b.id)).toBeDefined();
    expect(await db.purchases.toArray()).toEqual(purchasesBefore);
  });
});

describe('readDuplicateCandidates', () => {
  it('reads every active customer (not the trash) with the fields the finder needs', async () => {
    const s = await setUp();
    await createCustomerRepository(db, deps()).moveToTrash(s.bystander.id);
    const progress: number[] = [];
    const rows = await readDuplicateCandidates(db, (p) => progress.push(p.done));
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r.id === s.bystander.id)).toBeUndefined();
    expect(rows[0]).not.toHaveProperty('searchTokens');
    expect(progress.at(-1)).toBe(6);
    const groups = findDuplicateGroups(rows);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.ids.sort()).toEqual([s.a.id, s.b.id, s.c.id].sort());
    expect(groups[0]!.reasons).toEqual(['same-phone', 'same-email']);
    const b = rows.find((r) => r.id === s.b.id)! as Partial<Customer>;
    expect(b.purchaseCount).toBe(2);
  });
});
