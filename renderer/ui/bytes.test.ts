import { describe, expect, it } from 'vitest';
import { formatBytes } from './bytes';

describe('formatBytes', () => {
  it('uses binary multiples, one decimal under 100, none for bytes', () => {
    expect(formatBytes(0, 'en')).toBe('0 B');
    expect(formatBytes(1023, 'en')).toBe('1,023 B');
    expect(formatBytes(1024, 'en')).toBe('1.0 KB');
    expect(formatBytes(278 * 1024, 'en')).toBe('278 KB');
    expect(formatBytes(1.8 * 1024 * 1024, 'en')).toBe('1.8 MB');
  });

  it('never shows a negative size', () => {
    expect(formatBytes(-5, 'en')).toBe('0 B');
  });

  it("writes the number in the screen's locale", () => {
    expect(formatBytes(1536, 'de')).toBe('1,5 KB');
  });
});
