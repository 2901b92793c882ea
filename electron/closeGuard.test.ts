import { describe, expect, it } from 'vitest';
import { CLOSE_WAIT_MS, createCloseGuard } from './closeGuard';

function setup(waitMs?: number) {
  const calls: string[] = [];
  const timers: Array<{ run: () => void; ms: number; cleared: boolean }> = [];
  const guard = createCloseGuard({
    ask: () => calls.push('ask'),
    proceed: () => calls.push('proceed'),
    setTimer: (run, ms) => {
      const timer = { run, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => void ((handle as (typeof timers)[number]).cleared = true),
    waitMs,
  });
  return { guard, calls, timers };
}

describe('createCloseGuard', () => {
  it('holds the first close, asks the page once, and closes when the page is ready', () => {
    const { guard, calls, timers } = setup();
    expect(guard.mayClose()).toBe(false);
    expect(guard.mayClose()).toBe(false); // the clerk clicks again while the backup runs
    expect(calls).toEqual(['ask']);
    guard.ready();
    expect(calls).toEqual(['ask', 'proceed']);
    expect(timers[0]?.cleared).toBe(true);
    // The close that proceed() starts goes through.
    expect(guard.mayClose()).toBe(true);
    expect(calls).toEqual(['ask', 'proceed']);
  });

  it('closes anyway when the page does not answer in time', () => {
    const { guard, calls, timers } = setup();
    guard.mayClose();
    expect(timers[0]?.ms).toBe(CLOSE_WAIT_MS);
    timers[0]?.run();
    expect(calls).toEqual(['ask', 'proceed']);
    guard.ready(); // a late answer changes nothing
    expect(calls).toEqual(['ask', 'proceed']);
  });

  it('ignores an answer nobody asked for: the window stays until it is closed', () => {
    const { guard, calls } = setup();
    guard.ready();
    expect(calls).toEqual([]);
    expect(guard.mayClose()).toBe(false);
    expect(calls).toEqual(['ask']);
  });

  it('closes without the page when its process is gone, asked or not', () => {
    const asked = setup();
    asked.guard.mayClose();
    asked.guard.giveUp();
    expect(asked.calls).toEqual(['ask', 'proceed']);

    const notAsked = setup();
    notAsked.guard.giveUp();
    expect(notAsked.guard.mayClose()).toBe(true);
    expect(notAsked.calls).toEqual([]);
  });

  it('takes its waiting time from the caller', () => {
    const { guard, timers } = setup(1234);
    guard.mayClose();
    expect(timers[0]?.ms).toBe(1234);
  });
});
