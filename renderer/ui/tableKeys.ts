// What a key pressed on a table row does: arrows move to the row above or below (held at the ends), Enter opens.

export type RowKeyStep = { kind: 'none' } | { kind: 'open' } | { kind: 'focus'; index: number };

/** The step for `key` pressed on row `index` of `count`; `canOpen` is false where rows open nothing (or Enter was another control's). */
export function rowKeyStep(key: string, index: number, count: number, canOpen: boolean): RowKeyStep {
  switch (key) {
    case 'Enter':
      return canOpen ? { kind: 'open' } : { kind: 'none' };
    case 'ArrowDown':
      return { kind: 'focus', index: Math.max(0, Math.min(count - 1, index + 1)) };
    case 'ArrowUp':
      return { kind: 'focus', index: Math.max(0, Math.min(count - 1, index - 1)) };
    default:
      return { kind: 'none' };
  }
}
