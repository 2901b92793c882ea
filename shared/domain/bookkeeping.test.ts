import { describe, expect, it } from 'vitest';
import { BOOKKEEPING, BOOKKEEPING_KEYS, checkedBookkeepingValue, readBookkeepingRows, statusRecomputationDue, type Bookkeeping, type BookkeepingKey } from './bookkeeping';

const NOTHING: Bookkeeping = {
  startedAs: null,
  storeMedianGapDays: null,
  rfmCutPoints: null,
  churnModel: null,
  statusRecomputedOn: null,
  derivationRulesVersion: 0,
  lastTierReviewAt: null,
  restoreCommit: null,
};
const CUTS = { recency: [-90, -60, -30, -10], frequency: [1, 1, 2, 4], monetary: [100, 500, 900, 3000] };
const GOOD: Bookkeeping = {
  startedAs: 'demo',
  storeMedianGapDays: 21.5,
  rfmCutPoints: CUTS,
  churnModel: { kind: 'cannot-fit', fittedOn: '2026-12-02', customers: 12, repeatBuyers: 3, reason: { code: 'too-few-customers', params: { have: 12, need: 50 } } },
  statusRecomputedOn: '2026-12-02',
  derivationRulesVersion: 2,
  lastTierReviewAt: '2026-09-01',
  restoreCommit: null,
};
// The restore's marker is never kept, so a stored store has no row of it.
const rowsOf = (values: Partial<Record<BookkeepingKey, unknown>>) =>
  Object.entries(values)
    .filter(([key, value]) => !(key === 'restoreCommit' && value === null))
    .map(([key, value]) => ({ key, value }));

describe('readBookkeepingRows', () => {
  it('gives each key its missing value when nothing is stored (a new store)', () => {
    expect(readBookkeepingRows([])).toEqual({ values: NOTHING, unreadable: [] });
    expect(readBookkeepingRows(BOOKKEEPING_KEYS.map(() => undefined))).toEqual({ values: NOTHING, unreadable: [] });
  });

  it('reads back every value that fits its key', () => {
    expect(readBookkeepingRows(rowsOf(GOOD))).toEqual({ values: GOOD, unreadable: [] });
    expect(readBookkeepingRows(rowsOf({ startedAs: 'empty', storeMedianGapDays: null })).values).toMatchObject({ startedAs: 'empty', storeMedianGapDays: null });
  });

  it('keeps the RFM cut points and the last tier review day only when they fit', () => {
    expect(readBookkeepingRows(rowsOf({ rfmCutPoints: CUTS })).values.rfmCutPoints).toEqual(CUTS);
    expect(readBookkeepingRows(rowsOf({ rfmCutPoints: { recency: [1] } })).values.rfmCutPoints).toBeNull();
    expect(readBookkeepingRows(rowsOf({ lastTierReviewAt: '2026-09-01' })).values.lastTierReviewAt).toBe('2026-09-01');
    expect(readBookkeepingRows(rowsOf({ lastTierReviewAt: 'yesterday' })).values.lastTierReviewAt).toBeNull();
  });

  it('caches the store median gap: a positive number or null', () => {
    expect(readBookkeepingRows(rowsOf({ storeMedianGapDays: 21.5 })).values.storeMedianGapDays).toBe(21.5);
    expect(readBookkeepingRows(rowsOf({ storeMedianGapDays: -1 })).values.storeMedianGapDays).toBeNull();
    expect(readBookkeepingRows(rowsOf({ storeMedianGapDays: 'x' })).values.storeMedianGapDays).toBeNull();
  });

  it('stands in the declared value for each hostile stored value, and names the key', () => {
    const hostile: unknown[] = [undefined, '', 'x', -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, -0.0001, { a: 1 }, [1, 2], new Date(0), '2026-13-45x', true, false];
    for (const value of hostile) {
      for (const key of BOOKKEEPING_KEYS) {
        const stored = { key, value };
        const fits = BOOKKEEPING[key].schema.safeParse(value).success;
        const read = readBookkeepingRows([stored]);
        if (fits) {
          expect(read.unreadable, `${key} ${String(value)}`).toEqual([]);
          continue;
        }
        expect(read.unreadable, `${key} ${String(value)}`).toEqual([key]);
        expect(read.values[key], `${key} ${String(value)}`).toEqual(BOOKKEEPING[key].damaged);
      }
    }
  });

  it('says the store was started when its row is damaged, so the welcome screen never offers to fill it again', () => {
    for (const value of ['DEMO', null, 1, {}]) {
      expect(readBookkeepingRows(rowsOf({ startedAs: value }))).toEqual({ values: { ...NOTHING, startedAs: 'empty' }, unreadable: ['startedAs'] });
    }
  });

  it('makes a recomputation due at once when a derivation cache is damaged, rather than derive from it', () => {
    const today = '2026-12-02';
    const fine = readBookkeepingRows(rowsOf(GOOD)).values;
    expect(statusRecomputationDue(fine, today, 2)).toBe(false);
    for (const damaged of [{ storeMedianGapDays: 'x' }, { rfmCutPoints: { recency: [1] } }, { storeMedianGapDays: -3, rfmCutPoints: null }]) {
      const read = readBookkeepingRows(rowsOf({ ...GOOD, ...damaged }));
      expect(read.values.statusRecomputedOn).toBeNull();
      expect(statusRecomputationDue(read.values, today, 2)).toBe(true);
    }
    // A damaged marker is due too; a damaged review day is not a cache.
    expect(statusRecomputationDue(readBookkeepingRows(rowsOf({ ...GOOD, derivationRulesVersion: 'two' })).values, today, 2)).toBe(true);
    expect(readBookkeepingRows(rowsOf({ ...GOOD, lastTierReviewAt: 'soon' })).values.statusRecomputedOn).toBe(today);
  });

  it('does not read keys it does not declare', () => {
    expect(readBookkeepingRows([{ key: 'ownerPin', value: { hash: 'x' } }, { key: 'status', value: {} }, { key: '__proto__', value: { startedAs: 'demo' } }, { key: 'toString', value: 1 }])).toEqual({ values: NOTHING, unreadable: [] });
  });
});

describe('checkedBookkeepingValue', () => {
  it('lets a value that fits its key through', () => {
    for (const key of BOOKKEEPING_KEYS) if (GOOD[key] !== null) expect(checkedBookkeepingValue(key, GOOD[key])).toEqual(GOOD[key]);
    expect(checkedBookkeepingValue('restoreCommit', true)).toBe(true);
  });
  it('throws for a value that does not fit, and for a key nobody declared', () => {
    expect(() => checkedBookkeepingValue('storeMedianGapDays', -1)).toThrow(/storeMedianGapDays/);
    expect(() => checkedBookkeepingValue('statusRecomputedOn', 'today')).toThrow();
    expect(() => checkedBookkeepingValue('derivationRulesVersion', 1.5)).toThrow();
    expect(() => checkedBookkeepingValue('startedAs', null)).toThrow();
    expect(() => checkedBookkeepingValue('ownerPin' as BookkeepingKey, null as never)).toThrow(/no key/);
    expect(() => checkedBookkeepingValue('__proto__' as BookkeepingKey, null as never)).toThrow(/no key/);
  });
});

describe('statusRecomputationDue', () => {
  const today = '2026-12-03';
  it('is due once a day', () => {
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 2 }, today, 2)).toBe(false);
    expect(statusRecomputationDue({ statusRecomputedOn: '2026-12-02', derivationRulesVersion: 2 }, today, 2)).toBe(true);
    expect(statusRecomputationDue({ statusRecomputedOn: null, derivationRulesVersion: 0 }, today, 2)).toBe(true);
  });
  it('is due at once when the figures were derived by older rules, even today', () => {
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 0 }, today, 2)).toBe(true);
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 1 }, today, 2)).toBe(true);
    // A store written by a newer app (restored here) is recomputed by this app's rules, too.
    expect(statusRecomputationDue({ statusRecomputedOn: today, derivationRulesVersion: 3 }, today, 2)).toBe(true);
  });
});
