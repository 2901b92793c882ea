import { describe, expect, it } from 'vitest';
import { isInFuture, isPlainDate, isStoredIso, nowForInput, parseEnteredDateTime, toDateTimeInput } from './dateTimeInput';

describe('parseEnteredDateTime', () => {
  it('reads the local shapes a form sends', () => {
    const expected = new Date(2026, 2, 1, 14, 30).getTime();
    expect(parseEnteredDateTime('2026-03-01T14:30')?.getTime()).toBe(expected);
    expect(parseEnteredDateTime('2026-03-01 14:30')?.getTime()).toBe(expected);
    expect(parseEnteredDateTime('2026-03-01T14:30:00')?.getTime()).toBe(expected);
    expect(parseEnteredDateTime('２０２６-０３-０１ １４:３０')?.getTime()).toBe(expected);
    expect(parseEnteredDateTime('2026-03-01')?.getTime()).toBe(new Date(2026, 2, 1, 12).getTime());
  });

  it('reads ISO strings with a zone', () => {
    expect(parseEnteredDateTime('2026-03-01T06:30:00Z')?.toISOString()).toBe('2026-03-01T06:30:00.000Z');
    expect(parseEnteredDateTime('2026-03-01T14:30:00+08:00')?.toISOString()).toBe('2026-03-01T06:30:00.000Z');
    expect(parseEnteredDateTime('2026-03-01T06:30:00.123Z')?.toISOString()).toBe('2026-03-01T06:30:00.123Z');
  });

  it('refuses what is not a real time', () => {
    for (const bad of ['', 'now', '2026-02-30T10:00', '2026-03-01T24:00', '2026-03-01T10:60', '2026-3-1 10:00', '1899-12-31T10:00', '2025-02-29']) {
      expect([bad, parseEnteredDateTime(bad)]).toEqual([bad, null]);
    }
    expect(parseEnteredDateTime('2024-02-29')).not.toBeNull();
  });
});

describe('the other helpers', () => {
  it('formats stored times for a datetime-local input, seconds only when there are any', () => {
    expect(toDateTimeInput(new Date(2026, 0, 2, 9, 5).toISOString())).toBe('2026-01-02T09:05');
    expect(toDateTimeInput(new Date(2026, 0, 2, 9, 5, 7).toISOString())).toBe('2026-01-02T09:05:07');
    expect(nowForInput(new Date(2026, 0, 2, 9, 5, 59))).toBe('2026-01-02T09:05');
  });

  it('allows five minutes ahead of the clock', () => {
    const now = new Date(2026, 0, 1, 12, 0);
    expect(isInFuture(new Date(2026, 0, 1, 12, 5), now)).toBe(false);
    expect(isInFuture(new Date(2026, 0, 1, 12, 5, 1), now)).toBe(true);
  });

  it('checks plain dates and stored ISO times', () => {
    expect(isPlainDate('2024-02-29')).toBe(true);
    expect(isPlainDate('2023-02-29')).toBe(false);
    expect(isPlainDate('2024-2-9')).toBe(false);
    expect(isStoredIso('2026-01-01T00:00:00.000Z')).toBe(true);
    expect(isStoredIso('2026-01-01T00:00:00Z')).toBe(false);
    expect(isStoredIso('2026-02-30T00:00:00.000Z')).toBe(false);
  });
});
