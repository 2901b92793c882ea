import { describe, expect, it } from 'vitest';
import { tagsWithFirst } from './TagList';

describe('tagsWithFirst', () => {
  it('moves the filtered tag to the front and keeps the others in order', () => {
    expect(tagsWithFirst(['常客', '会员', '批发'], '批发')).toEqual(['批发', '常客', '会员']);
    expect(tagsWithFirst(['常客', '会员'], '常客')).toEqual(['常客', '会员']);
  });
  it('leaves the tags as they are without a filter, or when the customer lacks the tag', () => {
    expect(tagsWithFirst(['a', 'b'], null)).toEqual(['a', 'b']);
    expect(tagsWithFirst(['a', 'b'], undefined)).toEqual(['a', 'b']);
    expect(tagsWithFirst(['a', 'b'], 'c')).toEqual(['a', 'b']);
    expect(tagsWithFirst([], 'c')).toEqual([]);
  });
});
