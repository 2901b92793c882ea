import { describe, expect, it } from 'vitest';
import { foldText, matchesAllTerms, normalizeSearchQuery } from './searchQuery';

describe('normalizeSearchQuery', () => {
  it.each([
    ['', []],
    ['   ', []],
    ['  Zhang  ', ['zhang']],
    ['zhang san', ['zhang', 'san']],
    ['zhang  zhang', ['zhang']],
    ['138 1234', ['1381234']],
    ['(0755) 8888-7777', ['075588887777']],
    ['+86 138 1234 5678', ['8613812345678']],
    ['１３８　１２３４', ['1381234']],
    ['１３８－１２３４', ['1381234']],
    ['ＺＳ', ['zs']],
    ['张三 138', ['张三', '138']],
    ['Müller', ['muller']],
    ['a@B.com', ['a@b.com']],
    ['张三，李四', ['张三', '李四']],
  ] as [string, string[]][])('%j → %j', (q, terms) => {
    expect(normalizeSearchQuery(q)).toEqual(terms);
  });
});

describe('matchesAllTerms', () => {
  it('needs every term to prefix some token', () => {
    expect(matchesAllTerms(['zhangsan', '5678'], ['zhang', '56'])).toBe(true);
    expect(matchesAllTerms(['zhangsan', '5678'], ['zhang', '78'])).toBe(false);
    expect(matchesAllTerms(['zhangsan'], [])).toBe(true);
    expect(matchesAllTerms([], ['a'])).toBe(false);
  });
});

describe('foldText', () => {
  it('folds width, case and diacritics but keeps CJK and Hangul', () => {
    expect(foldText('ＡＢＣ１２３')).toBe('abc123');
    expect(foldText('Crème Brûlée')).toBe('creme brulee');
    expect(foldText('張三')).toBe('張三');
    expect(foldText('김민준')).toBe('김민준');
  });
});
