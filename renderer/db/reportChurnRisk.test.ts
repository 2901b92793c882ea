import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { utcDayOf } from '../../shared/domain/customerFigures';
import { createBookkeepingRepository } from './bookkeeping';
import { RegularsDatabase } from './database';
import { readChurnRisk } from './reportChurnRisk';
import { createStoreSetup } from './storeSetup';

let db: RegularsDatabase;
let ids = 0;
const clock = new Date('2026-12-05T10:00:00Z');
const deps = () => ({ now: () => clock, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`, dayOf: utcDayOf });

beforeEach(async () => {
  db = new RegularsDatabase(`churn-risk-${crypto.randomUUID()}`);
  await db.open();
  await createStoreSetup(db, deps()).start('demo');
});

afterEach(async () => {
  await db.delete();
});

describe("the reports' churn risk today", () => {
  it('counts each level of the active customers and sums the high level’s value at risk, by either read', async () => {
    const states = await db.customerState.toArray();
    // Two high customers with known values, one of them then moved to the trash: it counts nowhere.
    const [a, b, c] = states;
    await db.customerState.bulkPut([
      { ...a!, churnLevel: 'high', valueAtRiskFen: 12_345 },
      { ...b!, churnLevel: 'high', valueAtRiskFen: 50_000 },
      { ...c!, churnLevel: 'high', valueAtRiskFen: 99_999, isDeleted: 1 },
    ]);
    const now = await db.customerState.toArray();
    const active = now.filter((s) => s.isDeleted === 0);
    const count = (level: string) => active.filter((s) => s.churnLevel === level).length;
    const highValue = active.filter((s) => s.churnLevel === 'high').reduce((n, s) => n + s.valueAtRiskFen, 0);

    const risk = await readChurnRisk(db, active.length);
    expect(risk.levels).toEqual([
      { level: 'none', customers: count('none') },
      { level: 'watch', customers: count('watch') },
      { level: 'high', customers: count('high') },
    ]);
    expect(risk.levels.reduce((n, l) => n + l.customers, 0)).toBe(active.length);
    expect(risk.highValueFen).toBe(highValue);
    expect(risk.highValueFen).toBeGreaterThanOrEqual(62_345);
    // The walk of the value index, as a store with many high customers reads it, gives the same.
    expect(await readChurnRisk(db, active.length, 0)).toEqual(risk);
    expect(risk.model).toEqual((await createBookkeepingRepository(db).read()).churnModel);
  });

  it('says which model judged: the fit the status worker kept, or none yet', async () => {
    const model = { kind: 'cannot-fit' as const, fittedOn: '2026-12-05', customers: 12, repeatBuyers: 3, reason: { code: 'too-few-customers' as const, params: { have: 12, need: 50 } } };
    await createBookkeepingRepository(db).write({ churnModel: model });
    expect((await readChurnRisk(db, 1)).model).toEqual(model);
    await createBookkeepingRepository(db).write({ churnModel: null });
    expect((await readChurnRisk(db, 1)).model).toBeNull();
  });
});
