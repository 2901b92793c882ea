import { describe, expect, it } from 'vitest';
import { createPrintScopes } from './printScope';

describe('print scopes', () => {
  it('the screen shown last prints; when it goes, the one under it prints again; none shown, none marked', () => {
    const marks: (string | undefined)[] = [];
    const scopes = createPrintScopes((name) => marks.push(name));
    const reports = scopes.show('reports');
    const sheet = scopes.show('recovery-sheet');
    sheet();
    sheet(); // said twice: once
    reports();
    expect(marks).toEqual(['reports', 'recovery-sheet', 'reports', undefined]);
  });

  it('a screen that goes from under another leaves the one on top printing', () => {
    const marks: (string | undefined)[] = [];
    const scopes = createPrintScopes((name) => marks.push(name));
    const reports = scopes.show('reports');
    const sheet = scopes.show('data-sheet');
    reports();
    expect(marks.at(-1)).toBe('data-sheet');
    sheet();
    expect(marks.at(-1)).toBeUndefined();
  });
});
