// The opening-points column of a customer import: recognised by its header in three languages, read as whole
// points or refused by name (row, column, code), and added up per customer by the plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPENING_POINTS_MAX, parseOpeningPoints } from './customerRecords';
import { rowsToDrafts, suggestMapping } from './customerMapping';
import { planImport, type ImportLookup } from './importPlan';
import { parseDelimited } from './delimited';

const CTX = { defaultRegion: 'CN' as const, today: new Date(2026, 0, 15) };

describe('parseOpeningPoints', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['0', null],
    ['-0', null],
    ['0.00', null],
    ['1200', 1200],
    [' 1200 ', 1200],
    ['+35', 35],
    ['1,200', 1200],
    ['12,345,678', 'points-too-large'],
    ['1 200', 1200],
    ['１２００', 1200],
    ['1200.0', 1200],
    ['1200.00', 1200],
    ['10000000', OPENING_POINTS_MAX],
    ['10000001', 'points-too-large'],
    ['13812345678', 'points-too-large'],
    ['99999999999999999999999', 'points-too-large'],
    ['12.5', 'points-fraction'],
    ['.5', 'points-fraction'],
    ['1,234.5', 'points-fraction'],
    ['-5', 'points-negative'],
    ['-12.5', 'points-negative'],
    ['abc', 'points-invalid'],
    ['12a', 'points-invalid'],
    ['一百', 'points-invalid'],
    ['1.2E+5', 'points-invalid'],
    ['1,2', 'points-invalid'],
    ['12,5', 'points-invalid'],
    ['.', 'points-invalid'],
    ['-', 'points-invalid'],
    ['1 2', 'points-invalid'],
  ])('%j → %j', (text, expected) => {
    expect(parseOpeningPoints(text)).toBe(expected);
  });

  it('reads every whole number from 1 to the maximum, however it is grouped, and refuses everything else by code', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: OPENING_POINTS_MAX }), (n) => {
        expect(parseOpeningPoints(String(n))).toBe(n);
        expect(parseOpeningPoints(n.toLocaleString('en-US'))).toBe(n);
        expect(parseOpeningPoints(`${n}.00`)).toBe(n);
        expect(parseOpeningPoints(`-${n}`)).toBe('points-negative');
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: OPENING_POINTS_MAX }), fc.integer({ min: 1, max: 99 }), (n, f) => {
        expect(parseOpeningPoints(`${n}.${String(f).padStart(2, '0')}`)).toBe('points-fraction');
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: OPENING_POINTS_MAX + 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(parseOpeningPoints(String(n))).toBe('points-too-large');
      }),
    );
    // Any text with a letter in it is no number of points, never a number read from part of it.
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('a', 'x', '分', 'pts', 'E'), fc.string(), (before, letter, after) => {
        const r = parseOpeningPoints(`${before}${letter}${after}`);
        expect(typeof r === 'string' && r.startsWith('points-')).toBe(true);
      }),
    );
  });
});

describe('the opening-points column', () => {
  it.each([['积分'], ['積分'], ['余额积分'], ['會員積分'], ['剩余积分'], ['期初积分'], ['Points'], ['Opening Points'], ['Points Balance'], ['loyalty points'], ['积分(必填)']])(
    'is recognised by the header %s',
    (header) => {
      expect(suggestMapping(['姓名', '手机', header])[2]).toBe('openingPoints');
    },
  );

  it('gives each valid row its points and names every bad value by row, column and code', () => {
    const table = parseDelimited(
      ['姓名,手机,积分', '张三,13800138001,1200', '李四,13800138002,', '王五,13800138003,12.5', '赵六,13800138004,-3', '钱七,13800138005,abc', '孙八,13800138006,99999999'].join('\n'),
    );
    const r = rowsToDrafts(table, suggestMapping(table.headers), CTX);
    expect(r.drafts.map((d) => [d.rowNumber, d.openingPoints])).toEqual([
      [2, 1200],
      [3, undefined],
    ]);
    expect(r.errors).toEqual([
      { rowNumber: 4, field: 'openingPoints', code: 'points-fraction', value: '12.5', column: 2 },
      { rowNumber: 5, field: 'openingPoints', code: 'points-negative', value: '-3', column: 2 },
      { rowNumber: 6, field: 'openingPoints', code: 'points-invalid', value: 'abc', column: 2 },
      { rowNumber: 7, field: 'openingPoints', code: 'points-too-large', value: '99999999', column: 2 },
    ]);
  });

  it('keeps a row that brings only points, as a row with a problem (no name), not as an empty row', () => {
    const table = parseDelimited(['姓名,积分', ',300'].join('\n'));
    const r = rowsToDrafts(table, suggestMapping(table.headers), CTX);
    expect(r.skipped).toEqual([]);
    expect(r.errors.map((e) => e.code)).toEqual(['name-required']);
  });
});

describe('planImport with opening points', () => {
  const table = parseDelimited(['姓名,手机,积分', '张三,13800138001,100', '张三,13800138001,50', '李四,13800138002,70', '王五,13800138003,'].join('\n'));
  const rows = rowsToDrafts(table, suggestMapping(table.headers), CTX).drafts.map((d) => ({ rowNumber: d.rowNumber, fields: d.fields, openingPoints: d.openingPoints }));
  const existing = rows[2]!.fields;
  const lookup: ImportLookup = {
    existingByPhone: (k) => (existing.phones.some((p) => p.normalized === k) ? 'c-li' : undefined),
    existingByEmail: () => undefined,
    existingFields: (id) => (id === 'c-li' ? existing : undefined),
  };

  it('adds up the rows of one new customer, and gives a matched customer the points of their rows (update)', () => {
    const plan = planImport(rows, lookup, 'update');
    expect(plan.create.map((c) => [c.rowNumbers, c.openingPoints])).toEqual([
      [[2, 3], 150],
      [[5], 0],
    ]);
    expect(plan.update.map((u) => [u.customerId, u.openingPoints, u.changed])).toEqual([['c-li', 70, false]]);
  });

  it('leaves the points of skipped rows out with them, and gives every row its own under "new"', () => {
    const skip = planImport(rows, lookup, 'skip');
    expect(skip.create.map((c) => c.openingPoints)).toEqual([100, 0]);
    expect(skip.update).toEqual([]);
    expect(planImport(rows, lookup, 'new').create.map((c) => c.openingPoints)).toEqual([100, 50, 70, 0]);
  });
});
