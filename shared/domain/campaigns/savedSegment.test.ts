import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSavedSegment, savedSegmentError, SEGMENT_NAME_MAX, segmentName, segmentNameError, segmentNameKey, sortSavedSegments, type SavedSegment } from './savedSegment';
import type { SegmentCondition } from './segment';

const AT = '2026-12-05T02:00:00.000Z';
const saved = (over: Partial<SavedSegment> = {}): SavedSegment => ({
  id: 's1',
  name: '久未到店的老客户',
  conditions: [
    { kind: 'last-visit', minDays: 60, maxDays: null, includeNever: false },
    { kind: 'tags', tags: ['VIP'], match: 'any' },
  ],
  createdAt: AT,
  updatedAt: AT,
  ...over,
});

describe('a saved segment name', () => {
  const others = [{ id: 'a', name: 'VIP 老客' }, { id: 'b', name: '生日' }];

  it('is required, and kept without the spaces around it', () => {
    expect(segmentNameError('', others)).toBe('name-missing');
    expect(segmentNameError('  \u3000 ', others)).toBe('name-missing');
    expect(segmentName('  春节回访 ')).toBe('春节回访');
    expect(segmentNameError('  春节回访 ', others)).toBeNull();
  });

  it(`is at most ${SEGMENT_NAME_MAX} characters, counted as a person counts them`, () => {
    expect(segmentNameError('客'.repeat(SEGMENT_NAME_MAX), others)).toBeNull();
    expect(segmentNameError('客'.repeat(SEGMENT_NAME_MAX + 1), others)).toBe('name-too-long');
    // A character outside the BMP is two UTF-16 units and one character.
    expect(segmentNameError('𠀀'.repeat(SEGMENT_NAME_MAX), others)).toBeNull();
    expect(segmentNameError(` ${'a'.repeat(SEGMENT_NAME_MAX)} `, others)).toBeNull();
  });

  it('is unique in the store whatever the case, the width or the spaces around it', () => {
    expect(segmentNameError('vip 老客', others)).toBe('name-taken');
    expect(segmentNameError(' ＶＩＰ 老客 ', others)).toBe('name-taken');
    expect(segmentNameError('生日', others)).toBe('name-taken');
    expect(segmentNameError('VIP 老客户', others)).toBeNull();
  });

  it('is not its own rival when renamed', () => {
    expect(segmentNameError('vip 老客', others, 'a')).toBeNull();
    expect(segmentNameError('生日', others, 'a')).toBe('name-taken');
  });

  it('compares by one key: the same for any spacing around it and any letter case', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('', ' ', '  ', '\t'), (name, pad) => {
        expect(segmentNameKey(`${pad}${name}${pad}`)).toBe(segmentNameKey(name));
        expect(segmentNameKey(name.toUpperCase())).toBe(segmentNameKey(name.toLowerCase()));
      }),
    );
  });

  it('refuses conditions the builder would still name a problem of, after the name', () => {
    const unfinished: SegmentCondition[] = [{ kind: 'stage', stages: [] }];
    expect(savedSegmentError('新客', unfinished, [])).toBe('segment-invalid');
    expect(savedSegmentError('', unfinished, [])).toBe('name-missing');
    expect(savedSegmentError('新客', [{ kind: 'stage', stages: ['new'] }], [])).toBeNull();
    expect(savedSegmentError('新客', [], [])).toBeNull();
  });
});

describe('the saved segments in a picker', () => {
  it('are sorted by name as the language sorts', () => {
    const names = (locale: string) => sortSavedSegments([{ name: 'b' }, { name: 'A' }, { name: 'c' }], locale).map((s) => s.name);
    expect(names('en')).toEqual(['A', 'b', 'c']);
    // Pinyin: 白 (bai) before 张 (zhang).
    expect(sortSavedSegments([{ name: '张' }, { name: '白' }], 'zh-CN').map((s) => s.name)).toEqual(['白', '张']);
  });
});

describe('a stored saved segment read back', () => {
  it('is the saved segment when it is one', () => {
    expect(readSavedSegment(saved())).toEqual(saved());
    const every: SegmentCondition[] = [
      { kind: 'tier', tierIds: ['gold', 'rfm:champions'] },
      { kind: 'stage', stages: ['loyal'] },
      { kind: 'churn', levels: ['watch', 'high'] },
      { kind: 'rfm', segments: ['at-risk'] },
      { kind: 'tags', tags: ['茶叶'], match: 'all' },
      { kind: 'last-visit', minDays: null, maxDays: null, includeNever: true },
      { kind: 'total-spent', minFen: 10_000, maxFen: null },
      { kind: 'birthday-month', months: [1, 12] },
      { kind: 'points', min: -50, max: 500 },
      { kind: 'source', sources: ['referral'] },
      { kind: 'consent', channel: 'wechat' },
    ];
    expect(readSavedSegment(saved({ conditions: every }))).toEqual(saved({ conditions: every }));
  });

  it('is nothing when damaged or foreign', () => {
    const bad: unknown[] = [
      null,
      'segment',
      saved({ name: '' }),
      saved({ name: ' 有空格 ' }),
      saved({ name: '客'.repeat(SEGMENT_NAME_MAX + 1) }),
      saved({ createdAt: '2026-12-05' }),
      { ...saved(), extra: 1 },
      saved({ conditions: [{ kind: 'tier', tierIds: ['gold'] }, { kind: 'tier', tierIds: ['silver'] }] }),
      saved({ conditions: [{ kind: 'height', min: 1 }] as unknown as SegmentCondition[] }),
      saved({ conditions: [{ kind: 'stage', stages: ['vip'] }] as unknown as SegmentCondition[] }),
      saved({ conditions: [{ kind: 'birthday-month', months: [13] }] }),
      saved({ conditions: [{ kind: 'total-spent', minFen: 1.5, maxFen: null }] }),
      saved({ conditions: [{ kind: 'consent', channel: 'sms', extra: true }] as unknown as SegmentCondition[] }),
    ];
    for (const row of bad) expect(readSavedSegment(row), JSON.stringify(row)).toBeNull();
  });
});
