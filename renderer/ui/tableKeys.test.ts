import { describe, expect, it } from 'vitest';
import { rowKeyStep } from './tableKeys';

describe('rowKeyStep', () => {
  it('moves down and up one row', () => {
    expect(rowKeyStep('ArrowDown', 4, 10, true)).toEqual({ kind: 'focus', index: 5 });
    expect(rowKeyStep('ArrowUp', 4, 10, true)).toEqual({ kind: 'focus', index: 3 });
  });

  it('holds at the first and the last row', () => {
    expect(rowKeyStep('ArrowUp', 0, 10, true)).toEqual({ kind: 'focus', index: 0 });
    expect(rowKeyStep('ArrowDown', 9, 10, true)).toEqual({ kind: 'focus', index: 9 });
    expect(rowKeyStep('ArrowDown', 0, 1, true)).toEqual({ kind: 'focus', index: 0 });
  });

  it('keeps within a list that shrank under the focused row', () => {
    expect(rowKeyStep('ArrowDown', 40, 12, true)).toEqual({ kind: 'focus', index: 11 });
    expect(rowKeyStep('ArrowUp', 40, 12, true)).toEqual({ kind: 'focus', index: 11 });
  });

  it('opens on Enter only where rows open', () => {
    expect(rowKeyStep('Enter', 3, 10, true)).toEqual({ kind: 'open' });
    expect(rowKeyStep('Enter', 3, 10, false)).toEqual({ kind: 'none' });
    // The arrows work in rows that open nothing too (the trash: its controls are in the rows).
    expect(rowKeyStep('ArrowDown', 3, 10, false)).toEqual({ kind: 'focus', index: 4 });
  });

  it('leaves every other key alone', () => {
    for (const key of ['a', ' ', 'Tab', 'Escape', 'ArrowLeft', 'ArrowRight', 'Home', 'PageDown']) expect(rowKeyStep(key, 3, 10, true)).toEqual({ kind: 'none' });
  });
});
