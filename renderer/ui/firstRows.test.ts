import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFirstRowsGate, FIRST_ROWS_WAIT_MS, type FirstRowsGate } from './firstRows';

let gate: FirstRowsGate;
beforeEach(() => {
  vi.useFakeTimers();
  gate = createFirstRowsGate();
});
afterEach(() => vi.useRealTimers());

describe('work that waits for the first rows', () => {
  it('runs when the rows are shown, once, and not before', () => {
    const run = vi.fn();
    gate.after(run);
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS - 1);
    expect(run).not.toHaveBeenCalled();
    gate.markShown();
    gate.markShown();
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS * 2);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs after the wait when no list shows rows (the app opened on another screen)', () => {
    const run = vi.fn();
    gate.after(run);
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS);
    expect(run).toHaveBeenCalledTimes(1);
    gate.markShown();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once once the rows were shown', () => {
    gate.markShown();
    const run = vi.fn();
    gate.after(run);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not run what was cancelled, whichever comes first', () => {
    const cancelledBeforeRows = vi.fn();
    gate.after(cancelledBeforeRows)();
    gate.markShown();
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS);
    expect(cancelledBeforeRows).not.toHaveBeenCalled();
    gate = createFirstRowsGate();
    const cancelledBeforeWait = vi.fn();
    gate.after(cancelledBeforeWait)();
    vi.advanceTimersByTime(FIRST_ROWS_WAIT_MS);
    expect(cancelledBeforeWait).not.toHaveBeenCalled();
  });

  it('says whether the rows were shown, so a read that waits for them asks at once on a later screen', () => {
    expect(gate.isShown()).toBe(false);
    gate.after(() => undefined, 10);
    vi.advanceTimersByTime(10);
    expect(gate.isShown()).toBe(false);
    gate.markShown();
    expect(gate.isShown()).toBe(true);
  });
});
