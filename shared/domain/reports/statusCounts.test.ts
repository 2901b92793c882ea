import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHURN_LEVELS } from '../churn';
import { LIFECYCLE_STAGES } from '../lifecycle';
import { buildStatusCounts, readStatusCounts, statusCountDelta, statusCountKey, statusCountsAfter, type CountedState, type StatusCountRow } from './statusCounts';

const row = (over: Partial<CountedState> = {}): CountedState => ({ isDeleted: 0, tierId: 'vip', lifecycleStage: 'loyal', rfmScore: '545', churnLevel: 'none', valueAtRiskFen: 0, ...over });

/** Applies a delta to a map of counts the way the database module does. */
function apply(counts: Map<string, number>, delta: ReadonlyMap<string, number>): void {
  const { put, remove } = statusCountsAfter(counts, delta);
  for (const r of put) counts.set(r.key, r.n);
  for (const k of remove) counts.delete(k);
}

const asRows = (counts: ReadonlyMap<string, number>): StatusCountRow[] => [...counts].map(([key, n]) => ({ key, n }));

describe('status counts', () => {
  it('counts rows by tier, stage, score and level, and sums the high level’s value at risk (worked by hand)', () => {
    const rows = [
      row(),
      row({ tierId: 'regular', lifecycleStage: 'repeat', rfmScore: null, churnLevel: 'high', valueAtRiskFen: 12_000 }),
      row({ tierId: 'regular', lifecycleStage: 'at-risk', rfmScore: '111', churnLevel: 'high', valueAtRiskFen: 3_000 }),
      row({ isDeleted: 1, churnLevel: 'high', valueAtRiskFen: 99_000 }),
    ];
    const read = readStatusCounts(buildStatusCounts(rows), 4)!;
    expect(read.active).toBe(3);
    expect(read.trashed).toBe(1);
    expect(read.tiers).toEqual(new Map([['vip', 1], ['regular', 2]]));
    expect(read.stages).toEqual(new Map([['loyal', 1], ['repeat', 1], ['at-risk', 1]]));
    expect(read.scores).toEqual(new Map([['545', 1], [null, 1], ['111', 1]]));
    expect(read.churn).toEqual(new Map([['none', 1], ['high', 2]]));
    expect(read.highValueFen).toBe(15_000);
  });

  it('moves a row between values: old value down, new one up, a count at zero removed', () => {
    const counts = new Map(buildStatusCounts([row()]).map((r) => [r.key, r.n]));
    apply(counts, statusCountDelta([row()], [row({ tierId: 'regular', churnLevel: 'high', valueAtRiskFen: 500 })]));
    expect(counts.has(statusCountKey(0, 'tier', 'vip'))).toBe(false);
    expect(counts.get(statusCountKey(0, 'tier', 'regular'))).toBe(1);
    expect(counts.get(statusCountKey(0, 'highValueFen'))).toBe(500);
    // To the trash and back out: the active counts empty, then as before.
    apply(counts, statusCountDelta([row({ tierId: 'regular', churnLevel: 'high', valueAtRiskFen: 500 })], [row({ isDeleted: 1, tierId: 'regular', churnLevel: 'high', valueAtRiskFen: 500 })]));
    expect(readStatusCounts(asRows(counts), 1)).toMatchObject({ active: 0, trashed: 1, highValueFen: 0 });
    // Removed for good: nothing left.
    apply(counts, statusCountDelta([row({ isDeleted: 1, tierId: 'regular', churnLevel: 'high', valueAtRiskFen: 500 })], []));
    expect(counts.size).toBe(0);
  });

  it('an unchanged row changes nothing', () => {
    expect(statusCountDelta([row(), row({ tierId: 'x' })], [row({ tierId: 'x' }), row()]).size).toBe(0);
  });

  it('any sequence of writes kept by deltas equals the counts built from scratch', () => {
    const state = fc.record({
      isDeleted: fc.constantFrom(0 as const, 1 as const),
      tierId: fc.constantFrom('vip', 'regular', '["tier"]', ''),
      lifecycleStage: fc.constantFrom(...LIFECYCLE_STAGES),
      rfmScore: fc.constantFrom(null, undefined, '555', '123'),
      churnLevel: fc.constantFrom(...CHURN_LEVELS),
      valueAtRiskFen: fc.integer({ min: 0, max: 1_000_000 }),
    });
    const write = fc.record({ id: fc.integer({ min: 0, max: 5 }), next: fc.option(state, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(write, { maxLength: 30 }), (writes) => {
        const table = new Map<number, CountedState>();
        const counts = new Map<string, number>();
        for (const w of writes) {
          apply(counts, statusCountDelta([table.get(w.id)], [w.next]));
          if (w.next) table.set(w.id, w.next);
          else table.delete(w.id);
        }
        const built = buildStatusCounts(table.values());
        expect(asRows(counts).sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(built);
        expect(readStatusCounts(built, table.size)).not.toBeNull();
      }),
    );
  });

  it('counts that do not hold together are refused, not shown', () => {
    const built = buildStatusCounts([row(), row({ tierId: 'regular' })]);
    expect(readStatusCounts(built, 2)).not.toBeNull();
    // The table holds a row more than the counts know.
    expect(readStatusCounts(built, 3)).toBeNull();
    // A tier count off by one.
    expect(readStatusCounts(built.map((r) => (r.key === statusCountKey(0, 'tier', 'vip') ? { ...r, n: 2 } : r)), 2)).toBeNull();
    // A count that is zero, negative or not whole, a key that does not read.
    expect(readStatusCounts(built.map((r) => (r.key === statusCountKey(0, 'tier', 'vip') ? { ...r, n: 0 } : r)), 2)).toBeNull();
    expect(readStatusCounts([...built, { key: statusCountKey(0, 'tier', 'x'), n: -1 }], 2)).toBeNull();
    expect(readStatusCounts(built.map((r) => (r.key === statusCountKey(0, 'rows') ? { ...r, n: 2.5 } : r)), 2.5)).toBeNull();
    expect(readStatusCounts([...built, { key: 'tier:vip', n: 1 }], 2)).toBeNull();
    expect(readStatusCounts([...built, { key: JSON.stringify([0, 'churn', 'gone']), n: 1 }], 2)).toBeNull();
    // An empty store reads as empty.
    expect(readStatusCounts([], 0)).toMatchObject({ active: 0, trashed: 0, highValueFen: 0 });
  });
});
