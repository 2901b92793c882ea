import { describe, expect, it } from 'vitest';
import { clockAt, followingClock } from './clock';

describe('clockAt', () => {
  it('always reads the instant it was given, however given', () => {
    const at = '2026-06-15T10:00:00.000Z';
    for (const clock of [clockAt(at), clockAt(new Date(at)), clockAt(Date.parse(at))]) {
      expect(clock().toISOString()).toBe(at);
      expect(clock()).not.toBe(clock()); // a fresh Date each time: a caller may change its copy
    }
  });

  it('refuses what is not a time', () => {
    expect(() => clockAt('not a date')).toThrow(RangeError);
  });
});

describe('followingClock', () => {
  it('reads as its start, then as the last time told, run on by what elapsed since', () => {
    let elapsed = 1_000;
    const { clock, tell } = followingClock(new Date('2026-06-15T10:00:00.000Z'), () => elapsed);
    expect(clock().toISOString()).toBe('2026-06-15T10:00:00.000Z');
    elapsed += 2_500;
    expect(clock().toISOString()).toBe('2026-06-15T10:00:02.500Z');
    // The followed clock jumped ahead (a test moved it on an hour): the next tell catches up.
    tell('2026-06-15T11:00:05.000Z');
    expect(clock().toISOString()).toBe('2026-06-15T11:00:05.000Z');
    elapsed += 1_000;
    expect(clock().toISOString()).toBe('2026-06-15T11:00:06.000Z');
    // And it can be told an earlier time (another year entirely): it follows, it does not keep its own.
    tell(Date.parse('2025-01-01T00:00:00.000Z'));
    expect(clock().toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('refuses to be told what is not a time', () => {
    const { tell } = followingClock(new Date(0), () => 0);
    expect(() => tell('yesterday')).toThrow(RangeError);
  });
});
