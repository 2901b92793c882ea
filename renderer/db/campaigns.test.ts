// Campaigns in the store (fake-indexeddb): started from a segment with its control group, only customers who may
// receive it on its channel drawn; a mark logs a contact once; the results against the control group; a customer
// removed or erased leaves no place in a campaign; a refused draft writes nothing.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SegmentFacts } from '../../shared/domain/campaigns/segment';
import { createRng } from '../../shared/domain/random';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { makePurchaseFields } from '../../test/factories/purchase';
import { CampaignRefusedError, createCampaignRepository } from './campaigns';
import { createConsentRepository } from './consents';
import { createCustomerRepository } from './customers';
import type { RegularsDatabase } from './database';
import { createErasure } from './erasure';
import { mergeCustomers } from './merge';
import { createPurchaseRepository } from './purchases';
import { readSegmentFacts } from './segmentFacts';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids = 0;
let clock: Date;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf, random: createRng(5).next });

beforeEach(() => {
  db = database();
  clock = new Date('2026-11-01T02:00:00.000Z');
});

const draft = { name: '双十一回访', conditions: [], channel: 'sms' as const, message: '{name}，好久不见', costFen: 3_000, windowDays: 30, controlShare: 0.2 };

async function store(count: number, consenting: number): Promise<SegmentFacts[]> {
  const customers = createCustomerRepository(db, deps());
  const consents = createConsentRepository(db, deps());
  for (let i = 0; i < count; i++) {
    const c = await customers.create(makeCustomerFields({ name: `客户${i}` }));
    if (i < consenting) await consents.record(c.id, [{ channel: 'sms', granted: true }], 'in-store');
  }
  return readSegmentFacts(db);
}

describe('campaigns', () => {
  it('draws the consenting customers, a fifth held out, in one write with its audit entry', async () => {
    const facts = await store(12, 10);
    const campaigns = createCampaignRepository(db, deps());
    const campaign = await campaigns.start(draft, facts);
    expect(await campaigns.members(campaign.id, 'contacted')).toHaveLength(8);
    expect(await campaigns.members(campaign.id, 'control')).toHaveLength(2);
    expect(await db.auditLog.where('kind').equals('campaign.start').count()).toBe(1);
    expect((await campaigns.list()).map((c) => c.name)).toEqual(['双十一回访']);
  });

  it('refuses a draft with each problem named, and writes nothing', async () => {
    const facts = await store(3, 0);
    const campaigns = createCampaignRepository(db, deps());
    await expect(campaigns.start({ ...draft, name: '', costFen: -5 }, facts)).rejects.toMatchObject({ errors: { name: 'name-missing', costFen: 'cost-invalid' } });
    // Nobody consented to SMS: no one to contact.
    await expect(campaigns.start(draft, facts)).rejects.toBeInstanceOf(CampaignRefusedError);
    expect(await db.campaigns.count()).toBe(0);
    expect(await db.campaignMembers.count()).toBe(0);
  });

  it('refuses, writing nothing, a start from a count one of its customers has left since: trash, erasure, consent, conditions', async () => {
    const customers = createCustomerRepository(db, deps());
    const consents = createConsentRepository(db, deps());
    const purchases = createPurchaseRepository(db, deps());
    const campaigns = createCampaignRepository(db, deps());
    // Never seen: the segment of those with no visit.
    const neverSeen = { ...draft, conditions: [{ kind: 'last-visit' as const, minDays: null, maxDays: null, includeNever: true }] };
    const leaves: [string, (id: string) => Promise<unknown>][] = [
      ['to the trash', (id) => customers.moveToTrash(id)],
      ['erased', (id) => createErasure(db, deps()).erase(id, 'delete')],
      ['consent withdrawn', (id) => consents.withdraw(id, 'sms')],
      ['a visit takes them out of the conditions', (id) => purchases.record(id, makePurchaseFields({ purchasedAt: '2026-10-30T02:00:00.000Z', totalFen: 1_000 }))],
    ];
    const shown = await store(leaves.length + 2, leaves.length + 2);
    for (const [i, [how, leave]] of leaves.entries()) {
      const counted = (await readSegmentFacts(db)).filter((f) => f.lastVisitAt === null);
      expect(counted.map((f) => f.id)).toContain(shown[i]!.id);
      await leave(shown[i]!.id);
      await expect(campaigns.start({ ...neverSeen, name: how }, counted), how).rejects.toMatchObject({ errors: { members: 'segment-changed' } });
      expect(await db.campaigns.count(), how).toBe(0);
      expect(await db.campaignMembers.count(), how).toBe(0);
    }
    // Counted again, the two still there start it; the one who withdrew and one who never consented stay out.
    await customers.create(makeCustomerFields({ name: '未同意' }));
    const now = (await readSegmentFacts(db)).filter((f) => f.lastVisitAt === null);
    expect(now).toHaveLength(4);
    const campaign = await campaigns.start({ ...neverSeen, controlShare: 0 }, now);
    expect((await campaigns.members(campaign.id, 'contacted')).map((m) => m.customerId).sort()).toEqual(shown.slice(leaves.length).map((f) => f.id).sort());
  });

  it('a mark logs one contact on the customer; the results count who came back in the window against the control group', async () => {
    const facts = await store(10, 10);
    const campaigns = createCampaignRepository(db, deps());
    const campaign = await campaigns.start({ ...draft, controlShare: 0.2 }, facts);
    const [first, second] = await campaigns.members(campaign.id, 'contacted');
    const [held] = await campaigns.members(campaign.id, 'control');
    clock = new Date('2026-11-02T02:00:00.000Z');
    const sent = await campaigns.mark(campaign.id, first!.customerId, 'sent');
    const replied = await campaigns.mark(campaign.id, first!.customerId, 'replied');
    expect(replied).toMatchObject({ outcome: 'replied', reachedAt: sent.reachedAt, interactionId: sent.interactionId });
    expect(await db.interactions.where('customerId').equals(first!.customerId).toArray()).toMatchObject([{ channel: 'sms', direction: 'out', summary: '双十一回访' }]);
    await expect(campaigns.mark(campaign.id, held!.customerId, 'sent')).rejects.toThrow();

    const purchases = createPurchaseRepository(db, deps());
    await purchases.record(first!.customerId, makePurchaseFields({ purchasedAt: '2026-11-10T02:00:00.000Z', totalFen: 20_000 }));
    await purchases.record(second!.customerId, makePurchaseFields({ purchasedAt: '2026-12-20T02:00:00.000Z', totalFen: 9_000 }));
    await purchases.record(held!.customerId, makePurchaseFields({ purchasedAt: '2026-11-05T02:00:00.000Z', totalFen: 5_000 }));
    const results = await campaigns.results(campaign.id);
    expect(results).toMatchObject({ reached: 1, replied: 1, costFen: 3_000 });
    expect(results.contacted).toEqual({ members: 8, cameBack: 1, cameBackShare: 12.5, revenueFen: 20_000 });
    expect(results.control).toEqual({ members: 2, cameBack: 1, cameBackShare: 50, revenueFen: 5_000 });
    expect(results.upliftPoints).toBe(-37.5);

    const ended = await campaigns.end(campaign.id);
    expect(ended.endedAt).toBe(clock.toISOString());
  });

  it('a customer erased or deleted for good leaves no place in a campaign', async () => {
    const facts = await store(4, 4);
    const campaigns = createCampaignRepository(db, deps());
    const campaign = await campaigns.start({ ...draft, controlShare: 0 }, facts);
    const [a, b] = await campaigns.members(campaign.id, 'contacted');
    await createErasure(db, deps()).erase(a!.customerId, 'delete');
    const customers = createCustomerRepository(db, deps());
    await customers.moveToTrash(b!.customerId);
    await customers.deleteForever(b!.customerId);
    expect(await db.campaignMembers.where('customerId').anyOf([a!.customerId, b!.customerId]).count()).toBe(0);
    expect(await campaigns.members(campaign.id, 'contacted')).toHaveLength(2);
  });

  it('a merge gives the survivor the merged file’s places, keeping their own where both had one', async () => {
    const facts = await store(3, 3);
    const campaigns = createCampaignRepository(db, deps());
    const [a, b, c] = facts.map((f) => f.id);
    const both = await campaigns.start({ ...draft, name: '两人都在', controlShare: 0 }, facts.filter((f) => f.id !== c));
    const onlyB = await campaigns.start({ ...draft, name: '只有乙', controlShare: 0 }, facts.filter((f) => f.id === b));
    await campaigns.mark(both.id, b!, 'replied');
    await mergeCustomers(db, deps())([a!, b!], { survivorId: a!, picks: {} });
    expect((await db.campaignMembers.where('customerId').equals(a!).toArray()).map((m) => m.campaignId).sort()).toEqual([both.id, onlyB.id].sort());
    expect(await db.campaignMembers.where('customerId').equals(b!).count()).toBe(0);
    // In the campaign both were in, the survivor's own place stands.
    expect(await campaigns.members(both.id, 'contacted')).toMatchObject([{ customerId: a, outcome: 'pending' }]);
  });
});
