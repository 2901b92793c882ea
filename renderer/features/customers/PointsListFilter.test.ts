// The list's points filter: what a typed number means, and the filter in words.
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { parsePointsInput, pointsFilterTexts } from './PointsListFilter';

const t = ((key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;

describe('the points filter', () => {
  it('reads whole numbers (negative too), empty as no bound, and waits on anything else', () => {
    expect(parsePointsInput(' 500 ')).toBe(500);
    expect(parsePointsInput('-20')).toBe(-20);
    expect(parsePointsInput('')).toBeNull();
    expect(parsePointsInput('-')).toBeUndefined();
    expect(parsePointsInput('1.5')).toBeUndefined();
    expect(parsePointsInput('1e3')).toBeUndefined();
  });

  it('says what narrows the list, one part each', () => {
    expect(pointsFilterTexts(t, null)).toEqual([]);
    expect(pointsFilterTexts(t, { min: 500, max: null, expiring: true })).toEqual(['pointsViews.list.scopeMin{"min":"500"}', 'pointsViews.list.scopeExpiring']);
    expect(pointsFilterTexts(t, { min: 1, max: 9, expiring: false })).toEqual(['pointsViews.list.scopeRange{"min":"1","max":"9"}']);
    expect(pointsFilterTexts(t, { min: null, max: 0, expiring: false })).toEqual(['pointsViews.list.scopeMax{"max":"0"}']);
  });
});
