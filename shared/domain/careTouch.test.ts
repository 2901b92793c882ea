import { describe, expect, it } from 'vitest';
import { contactFields, lastTouchSort, NO_TOUCH } from './careTouch';

describe('lastTouchSort', () => {
  it('is the later of the last visit and the last contact', () => {
    expect(lastTouchSort('2026-11-01T02:00:00.000Z', '2026-11-20T09:30:00.000Z')).toBe('2026-11-20T09:30:00.000Z');
    expect(lastTouchSort('2026-11-25T02:00:00.000Z', '2026-11-20T09:30:00.000Z')).toBe('2026-11-25T02:00:00.000Z');
  });
  it('takes whichever there is, and nothing when there is neither', () => {
    expect(lastTouchSort(null, '2026-11-20T09:30:00.000Z')).toBe('2026-11-20T09:30:00.000Z');
    expect(lastTouchSort('2026-11-25T02:00:00.000Z', null)).toBe('2026-11-25T02:00:00.000Z');
    expect(lastTouchSort(null, null)).toBe(NO_TOUCH);
  });
  it('pairs the contact time with the sort key', () => {
    expect(contactFields(null, '2026-01-02T00:00:00.000Z')).toEqual({ lastContactAt: '2026-01-02T00:00:00.000Z', lastTouchSort: '2026-01-02T00:00:00.000Z' });
  });
});
