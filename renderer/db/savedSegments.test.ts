// Saved segments in the store (fake-indexeddb): saved, listed, loaded, replaced, renamed and deleted, each with its
// audit entry; a refused write says why and writes nothing; a campaign started from a saved segment keeps its own
// conditions; a row that does not read as a saved segment (a damaged restore's) is named, never shown half.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SegmentCondition } from '../../shared/domain/campaigns/segment';
import { conditionProblem } from '../../shared/domain/campaigns/segment';
import { createRng } from '../../shared/domain/random';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { freshDatabasePerTest } from '../../test/support/freshDatabase';
import { makeCustomerFields } from '../../test/factories/customer';
import { createCampaignRepository } from './campaigns';
import { createConsentRepository } from './consents';
import { createCustomerRepository } from './customers';
import type { RegularsDatabase } from './database';
import { createSavedSegmentRepository, SavedSegmentNotFoundError, SavedSegmentRefusedError } from './savedSegments';
import { readSegmentFacts } from './segmentFacts';

const database = freshDatabasePerTest();
let db: RegularsDatabase;
let ids = 0;
let clock: Date;
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf, random: createRng(7).next });

beforeEach(() => {
  db = database();
  clock = new Date('2026-12-01T02:00:00.000Z');
});

const lapsed: SegmentCondition[] = [{ kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false }];
const vip: SegmentCondition[] = [{ kind: 'tags', tags: ['VIP'], match: 'any' }];

async function auditKinds(): Promise<string[]> {
  return (await db.auditLog.orderBy('seq').toArray()).map((e) => e.kind);
}

describe('saved segments', () => {
  it('saves, lists by name, replaces, renames and deletes, each with its audit entry', async () => {
    const segments = createSavedSegmentRepository(db, deps());
    const saved = await segments.save('  久未到店 ', lapsed);
    expect(saved).toMatchObject({ name: '久未到店', conditions: lapsed, createdAt: '2026-12-01T02:00:00.000Z', updatedAt: '2026-12-01T02:00:00.000Z' });
    await segments.save('VIP', vip);
    expect((await segments.list()).segments.map((s) => s.name)).toEqual(['VIP', '久未到店']);

    clock = new Date('2026-12-02T02:00:00.000Z');
    const replaced = await segments.update(saved.id, [...lapsed, ...vip]);
    expect(replaced).toMatchObject({ name: '久未到店', conditions: [...lapsed, ...vip], createdAt: '2026-12-01T02:00:00.000Z', updatedAt: '2026-12-02T02:00:00.000Z' });
    const renamed = await segments.rename(saved.id, '久未到店的 VIP');
    expect(await segments.get(saved.id)).toEqual(renamed);
    expect(renamed.conditions).toEqual([...lapsed, ...vip]);

    await segments.remove(saved.id);
    expect(await segments.get(saved.id)).toBeNull();
    // Deleting one gone already writes nothing.
    await segments.remove(saved.id);
    expect(await auditKinds()).toEqual(['segment.save', 'segment.save', 'segment.update', 'segment.rename', 'segment.delete']);
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries[0]).toMatchObject({ refs: [saved.id], customerIds: [], facts: { conditions: 1 } });
  });

  it('refuses a name missing, too long or taken (whatever its case), and unfinished conditions, writing nothing', async () => {
    const segments = createSavedSegmentRepository(db, deps());
    const vipSaved = await segments.save('VIP', vip);
    const other = await segments.save('老客', lapsed);
    const refused = (reason: string) => expect.objectContaining({ reason });
    await expect(segments.save(' ', lapsed)).rejects.toEqual(refused('name-missing'));
    await expect(segments.save('客'.repeat(41), lapsed)).rejects.toEqual(refused('name-too-long'));
    await expect(segments.save(' vip ', lapsed)).rejects.toEqual(refused('name-taken'));
    await expect(segments.save('新客', [{ kind: 'stage', stages: [] }])).rejects.toBeInstanceOf(SavedSegmentRefusedError);
    await expect(segments.rename(other.id, 'Vip')).rejects.toEqual(refused('name-taken'));
    await expect(segments.update(other.id, [{ kind: 'total-spent', minFen: 500, maxFen: 100 }])).rejects.toEqual(refused('segment-invalid'));
    await expect(segments.rename('no-such-id', '新名')).rejects.toBeInstanceOf(SavedSegmentNotFoundError);
    // Renaming to its own name in another case is no clash.
    expect((await segments.rename(vipSaved.id, 'vip')).name).toBe('vip');
    expect(await db.savedSegments.count()).toBe(2);
    expect(await segments.get(other.id)).toMatchObject({ name: '老客', conditions: lapsed });
    expect(await auditKinds()).toEqual(['segment.save', 'segment.save', 'segment.rename']);
  });

  it('stores its own copy of the conditions, and a campaign started from them keeps its own when the segment changes', async () => {
    const customers = createCustomerRepository(db, deps());
    const consents = createConsentRepository(db, deps());
    for (let i = 0; i < 3; i++) {
      const c = await customers.create(makeCustomerFields({ name: `客户${i}`, tags: ['VIP'] }));
      await consents.record(c.id, [{ channel: 'sms', granted: true }], 'in-store');
    }
    const segments = createSavedSegmentRepository(db, deps());
    const building: SegmentCondition[] = [{ kind: 'tags', tags: ['VIP'], match: 'any' }];
    const saved = await segments.save('VIP', building);
    // The builder's state changing after the save changes nothing stored.
    (building[0] as { tags: string[] }).tags.push('茶叶');
    expect((await segments.get(saved.id))!.conditions).toEqual(vip);

    const loaded = (await segments.get(saved.id))!.conditions;
    const campaigns = createCampaignRepository(db, deps());
    const campaign = await campaigns.start({ name: 'VIP 回访', conditions: loaded, channel: 'sms', message: '您好', costFen: 0, windowDays: 30, controlShare: 0 }, await readSegmentFacts(db));
    await segments.update(saved.id, lapsed);
    await segments.rename(saved.id, '久未到店');
    expect((await campaigns.get(campaign.id))!.conditions).toEqual(vip);
    await segments.remove(saved.id);
    expect((await campaigns.get(campaign.id))!.conditions).toEqual(vip);
  });

  it('says which saved tags no customer carries any more, once they are edited away', async () => {
    const customers = createCustomerRepository(db, deps());
    const c = await customers.create(makeCustomerFields({ name: '张三', tags: ['旧标签'] }));
    const segments = createSavedSegmentRepository(db, deps());
    const saved = await segments.save('旧标签客户', [{ kind: 'tags', tags: ['旧标签'], match: 'any' }]);
    const condition = (await segments.get(saved.id))!.conditions[0]!;
    expect(conditionProblem(condition, { tierIds: [], tags: await customers.allTags() })).toBeNull();
    // The tag "renamed": edited on its only customer.
    await customers.update(c.id, { ...makeCustomerFields({ name: '张三' }), tags: ['新标签'] });
    expect(conditionProblem(condition, { tierIds: [], tags: await customers.allTags() })).toBe('unknown-tag');
  });

  it('names a stored row that is not a saved segment, and lets it be deleted', async () => {
    const segments = createSavedSegmentRepository(db, deps());
    await segments.save('VIP', vip);
    await db.savedSegments.put({ id: 'broken', name: '坏的', conditions: [{ kind: 'height' }], createdAt: 'yesterday', updatedAt: 'today' } as never);
    const read = await segments.list();
    expect(read.segments.map((s) => s.name)).toEqual(['VIP']);
    expect(read.unreadable).toEqual(['broken']);
    expect(await segments.get('broken')).toBeNull();
    await expect(segments.rename('broken', '好的')).rejects.toBeInstanceOf(SavedSegmentNotFoundError);
    await segments.remove('broken');
    expect((await segments.list()).unreadable).toEqual([]);
  });
});
