import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerState } from '../../shared/domain/customer';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { buildStatusCounts, statusCountKey } from '../../shared/domain/reports/statusCounts';
import { RFM_GROUPS, rfmTierId } from '../../shared/domain/statusGroups';
import { createBookkeepingRepository } from './bookkeeping';
import { RegularsDatabase } from './database';
import { countByIndexes, readChurnRisk, readStatusCountsToday } from './reportStatusCounts';
import { createStoreSetup } from './storeSetup';
import { writeStateRows } from '../../test/support/stateRows';

let db: RegularsDatabase;
let ids = 0;
const clock = new Date('2026-12-05T10:00:00Z');
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });
const TIERS = ['vip', 'regular', 'potential', ...RFM_GROUPS.map(rfmTierId)];

beforeEach(async () => {
  db = new RegularsDatabase(`status-counts-${crypto.randomUUID()}`);
  await db.open();
  await createStoreSetup(db, deps()).start('demo');
});

afterEach(async () => {
  await db.delete();
});

const writeStates = (rows: CustomerState[]) => writeStateRows(db, rows);

/** What the report should show, counted from every state row here. */
async function expected() {
  const states = await db.customerState.toArray();
  const active = states.filter((s) => s.isDeleted === 0);
  const by = <K,>(key: (s: CustomerState) => K) => {
    const m = new Map<K, number>();
    for (const s of active) m.set(key(s), (m.get(key(s)) ?? 0) + 1);
    return m;
  };
  return {
    active: active.length,
    trashed: states.length - active.length,
    tiers: by((s) => s.tierId),
    stages: by((s) => s.lifecycleStage),
    scores: by((s) => s.rfmScore ?? null),
    churn: by((s) => s.churnLevel),
    highValueFen: active.filter((s) => s.churnLevel === 'high').reduce((n, s) => n + s.valueAtRiskFen, 0),
  };
}

describe("the reports' status counts today", () => {
  it('reads the kept counts: each level, tier, stage and score of the active customers, and the high level’s value at risk', async () => {
    const [a, b, c, d] = await db.customerState.toArray();
    // Two high customers with known values, one more moved to the trash (it counts nowhere), one unscored in a removed tier.
    await writeStates([
      { ...a!, churnLevel: 'high', valueAtRiskFen: 12_345 },
      { ...b!, churnLevel: 'high', valueAtRiskFen: 50_000 },
      { ...c!, churnLevel: 'high', valueAtRiskFen: 99_999, isDeleted: 1 },
      { ...d!, tierId: 'gone-tier', rfmScore: null },
    ]);
    const want = await expected();
    expect(want.highValueFen).toBeGreaterThanOrEqual(62_345);
    expect(want.tiers.get('gone-tier')).toBe(1);
    const kept = await readStatusCountsToday(db, TIERS);
    expect(kept).toEqual(want);
    // The indexes counted, both ways of summing the high level, give the same figures.
    expect(await countByIndexes(db, TIERS, want.active, want.trashed)).toEqual(want);
    expect(await countByIndexes(db, TIERS, want.active, want.trashed, 0)).toEqual(want);
    const risk = await readChurnRisk(db, kept);
    expect(risk.levels).toEqual([
      { level: 'none', customers: want.churn.get('none') ?? 0 },
      { level: 'watch', customers: want.churn.get('watch') ?? 0 },
      { level: 'high', customers: want.churn.get('high') ?? 0 },
    ]);
    expect(risk.highValueFen).toBe(want.highValueFen);
    expect(risk.model).toEqual((await createBookkeepingRepository(db).read()).churnModel);
  });

  it('counts the indexes instead when the kept counts do not hold together or miss the trash', async () => {
    const want = await expected();
    const tamper = async (change: () => Promise<unknown>) => {
      await change();
      expect(await readStatusCountsToday(db, TIERS)).toEqual(await expected());
      await db.statusCounts.clear();
      await db.statusCounts.bulkPut(buildStatusCounts(await db.customerState.toArray()));
    };
    // A tier's count off by one; a count gone; every count gone; a key that does not read.
    await tamper(() => db.statusCounts.update(statusCountKey(0, 'tier', [...want.tiers.keys()][0]!), { n: 999 }));
    await tamper(() => db.statusCounts.delete(statusCountKey(0, 'stage', [...want.stages.keys()][0]!)));
    await tamper(() => db.statusCounts.clear());
    await tamper(() => db.statusCounts.put({ key: 'tier:vip', n: 1 }));
    // A state row moved to the trash behind the counts' back (they add up, but to yesterday's trash).
    const [a] = await db.customerState.toArray();
    await tamper(() => db.customerState.put({ ...a!, isDeleted: 1 }));
    expect((await readStatusCountsToday(db, TIERS)).trashed).toBe(1);
  });

  it('says which model judged: the fit the status worker kept, or none yet', async () => {
    const counts = await readStatusCountsToday(db, TIERS);
    const model = { kind: 'cannot-fit' as const, fittedOn: '2026-12-05', customers: 12, repeatBuyers: 3, reason: { code: 'too-few-customers' as const, params: { have: 12, need: 50 } } };
    await createBookkeepingRepository(db).write({ churnModel: model });
    expect((await readChurnRisk(db, counts)).model).toEqual(model);
    await createBookkeepingRepository(db).write({ churnModel: null });
    expect((await readChurnRisk(db, counts)).model).toBeNull();
  });
});
