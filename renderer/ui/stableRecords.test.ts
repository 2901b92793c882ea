import { describe, expect, it } from 'vitest';
import { reuseUnchanged, sameData } from './stableRecords';

describe('sameData', () => {
  it('compares stored data by value', () => {
    expect(sameData({ a: 1, b: ['x', { c: null }] }, { b: ['x', { c: null }], a: 1 })).toBe(true);
    expect(sameData(Number.NaN, Number.NaN)).toBe(true);
    expect(sameData(new Date(5), new Date(5))).toBe(true);
  });

  it('tells apart what differs anywhere, in value, type, shape or presence', () => {
    const cases: [unknown, unknown][] = [
      [{ a: 1 }, { a: 2 }],
      [{ a: 1 }, { a: '1' }],
      [{ a: 1 }, { a: 1, b: undefined }],
      [{ a: undefined }, { b: undefined }],
      [[1, 2], [1, 2, 3]],
      [[1, [2]], [1, [3]]],
      // eslint-disable-next-line no-sparse-arrays -- a hole is not an undefined
      [[1, , 3], [1, undefined, 3]],
      [{ a: [] }, { a: {} }],
      [0, -0],
      [null, {}],
      [new Date(5), new Date(6)],
      [{ tags: ['VIP'] }, { tags: ['vip'] }],
    ];
    for (const [a, b] of cases) {
      expect(sameData(a, b)).toBe(false);
      expect(sameData(b, a)).toBe(false);
    }
  });
});

describe('reuseUnchanged', () => {
  const first = [
    { id: 'a', name: '王芳', tags: ['VIP'] },
    { id: 'b', name: '李雷', tags: [] },
  ];

  it('gives back the previous list itself when the query read the same records again', () => {
    const again = first.map((r) => structuredClone(r));
    expect(reuseUnchanged(first, again)).toBe(first);
  });

  it('keeps the unchanged records and takes the changed ones', () => {
    const next = [structuredClone(first[0]!), { id: 'b', name: '李雷', tags: ['新客'] }];
    const out = reuseUnchanged(first, next);
    expect(out).not.toBe(first);
    expect(out[0]).toBe(first[0]);
    expect(out[1]).toBe(next[1]);
    expect(out).toEqual(next);
  });

  it('follows a new order, new and gone records, by id', () => {
    const c = { id: 'c', name: '韩梅梅', tags: [] };
    const out = reuseUnchanged(first, [c, structuredClone(first[1]!)]);
    expect(out).toEqual([c, first[1]]);
    expect(out[1]).toBe(first[1]);
    const reordered = reuseUnchanged(first, [structuredClone(first[1]!), structuredClone(first[0]!)]);
    expect(reordered).toEqual([first[1], first[0]]);
    expect(reordered[0]).toBe(first[1]);
    expect(reuseUnchanged(first, [structuredClone(first[0]!)])).toEqual([first[0]]);
  });

  it('takes the first answer as it is', () => {
    expect(reuseUnchanged(undefined, first)).toBe(first);
  });
});
